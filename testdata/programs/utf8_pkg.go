package main

import (
	"fmt"
	"unicode/utf8"
)

func main() {
	s := "Hello, 世界"
	fmt.Println(len(s), utf8.RuneCountInString(s))
	r, size := utf8.DecodeRuneInString(s[7:])
	fmt.Println(string(r), size)
	r, size = utf8.DecodeLastRuneInString(s)
	fmt.Println(string(r), size)
	buf := make([]byte, 4)
	n := utf8.EncodeRune(buf, '€')
	fmt.Println(buf[:n], n)
	fmt.Println(utf8.ValidString(s), utf8.ValidString("\xff"), utf8.RuneLen('a'), utf8.RuneLen('世'))
	fmt.Println(utf8.RuneError, utf8.UTFMax, utf8.FullRune([]byte{0xe4, 0xb8}))
	fmt.Println(string(utf8.AppendRune(nil, 'ü')))
}
