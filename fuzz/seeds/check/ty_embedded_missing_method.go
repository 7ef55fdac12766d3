package main

type R interface{ Read() }
type W interface{ Write() }
type RW interface {
	R
	W
}

type T struct{}

func (T) Read() {}

func main() {
	var x RW = T{}
	_ = x
}
