package main

import "fmt"

type P struct{ X, Y int }

func f() (r int) {
	m := map[string]int{"a": 1, "b": 2}
	defer fmt.Println(len(m))
	defer delete(m, "a")
	x := 5
	defer println("x was", x, "s", "lit")
	x = 7
	s := []int{1, 2, 3}
	d := make([]int, 3)
	defer func() { fmt.Println(d) }()
	defer copy(d, s)
	defer clear(m)
	defer recover()
	defer print("p\n")
	return x
}

func g() {
	defer func() { fmt.Println("recovered:", recover()) }()
	defer panic(P{1, 2})
	fmt.Println("in g")
}

func h() {
	defer func() { fmt.Println("r2:", recover()) }()
	defer recover()
	panic("boom")
}

func main() {
	fmt.Println(f())
	g()
	h()
}
