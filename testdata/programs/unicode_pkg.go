package main

import (
	"fmt"
	"unicode"
)

func main() {
	for _, r := range "aZ9 _!é世\t" {
		fmt.Println(string(r), unicode.IsLetter(r), unicode.IsDigit(r), unicode.IsSpace(r), unicode.IsUpper(r), unicode.IsLower(r), unicode.IsPunct(r))
	}
	fmt.Println(string(unicode.ToUpper('é')), string(unicode.ToLower('Ä')), unicode.IsNumber('½'), unicode.In('α', unicode.Greek))
}
