package main

type T struct{}

func (T) M() {}

func main() {
	var t T
	t.M
}
