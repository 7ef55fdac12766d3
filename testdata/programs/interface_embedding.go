package main

import (
	"fmt"
	"strings"
)

type Reader interface{ Read() string }
type Writer interface{ Write(s string) }
type ReadWriter interface {
	Reader
	Writer
}

type Buffer struct{ data []string }

func (b *Buffer) Write(s string) { b.data = append(b.data, s) }
func (b *Buffer) Read() string {
	if len(b.data) == 0 {
		return ""
	}
	s := b.data[0]
	b.data = b.data[1:]
	return s
}

func copyAll(dst Writer, src Reader) int {
	n := 0
	for s := src.Read(); s != ""; s = src.Read() {
		dst.Write(strings.ToUpper(s))
		n++
	}
	return n
}

func main() {
	src := &Buffer{data: []string{"one", "two", "three"}}
	dst := &Buffer{}
	var rw ReadWriter = dst
	fmt.Println(copyAll(rw, src), dst.data)
	var r Reader = rw
	w, ok := r.(Writer)
	fmt.Println(ok, w != nil, r.Read())
}
