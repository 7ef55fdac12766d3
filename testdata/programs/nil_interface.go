package main

import "fmt"

type E struct{}

func (*E) Error() string { return "E" }

func find(fail bool) error {
	var e *E
	if fail {
		return e
	}
	return nil
}

func main() {
	fmt.Println(find(false) == nil)
	fmt.Println(find(true) == nil)
	var a any
	var b any = (*int)(nil)
	fmt.Println(a == nil, b == nil, a == b)
	var x, y any = 1, 1
	fmt.Println(x == y, x != any(2))
	fmt.Printf("%v %T\n", a, a)
}
