package main

import (
	"fmt"
)

func main() {
	s := "Go€"
	for i := 0; i < len(s); i++ {
		fmt.Printf("%d:%x ", i, s[i])
	}
	fmt.Println()
	r := 'A'
	r += 2
	var b byte = 'a'
	b -= 32
	fmt.Println(r, string(r), b, string(b), r == 'C')
	digits := "12345"
	n := 0
	for _, c := range digits {
		n = n*10 + int(c-'0')
	}
	fmt.Println(n * 2)
	fmt.Printf("%c %c %v\n", 0x4E16, 'ß', []byte("€"))
}
