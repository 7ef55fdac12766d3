package main

import (
	"fmt"
)

type Perm uint8

const (
	Read Perm = 1 << iota
	Write
	Exec
)

func (p Perm) String() string {
	s := []byte("---")
	if p&Read != 0 {
		s[0] = 'r'
	}
	if p&Write != 0 {
		s[1] = 'w'
	}
	if p&Exec != 0 {
		s[2] = 'x'
	}
	return string(s)
}

func main() {
	p := Read | Exec
	fmt.Println(p, p|Write, p&^Read, Perm(0), Read|Write|Exec)
	fmt.Printf("%d %08b %v\n", p, p, p&Write == 0)
}
