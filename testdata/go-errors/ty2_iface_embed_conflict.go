package main

type A interface{ M() int }
type B interface{ M() string }
type C interface {
	A
	B
}

func main() {}
