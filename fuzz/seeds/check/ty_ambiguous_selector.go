package main

type A struct{ F int }
type B struct{ F int }
type C struct {
	A
	B
}

func main() {
	var c C
	_ = c.F
}
