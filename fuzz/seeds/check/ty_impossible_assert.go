package main

type I interface{ M() }

type T struct{}

func main() {
	var v I
	_ = v.(T)
}
