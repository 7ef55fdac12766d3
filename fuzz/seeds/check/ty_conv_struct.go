package main

type A struct{ x int }
type B struct{ y int }

func main() {
	var a A
	_ = B(a)
}
