package main

import "unsafe"

type A struct {
	b [unsafe.Sizeof(B{})]byte
}

type B struct {
	a [unsafe.Sizeof(A{})]byte
}

func main() {}
