package main

import "unicode/utf8"

func main() {
	x := utf8
	_ = x
}
