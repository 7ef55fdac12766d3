// Package variables initialize in gc's dependency order, and the operands of an
// expression or assignment are evaluated in gc's order: calls left to right, a
// call's function before its arguments.
package main

import "fmt"

var (
	a = c + b
	b = f("b")
	c = f("c")
	d = 3
)

var x, y = g("x"), g("y")

var z = func() int { fmt.Println("init z"); return a }()

var (
	p1 = q1 + 1
	q1 = r1 * 2
	r1 = f("r1")
)

func f(s string) int    { fmt.Println("init", s); return len(s) }
func g(s string) string { fmt.Println("init", s); return s }

func h(s string) func(int) func(int) int {
	fmt.Println("h", s)
	return func(i int) func(int) int {
		fmt.Println("inner", i)
		return func(j int) int { fmt.Println("innermost", j); return i + j }
	}
}

func k(i int) int { fmt.Println("k", i); return i }

type T struct{ n int }

func (t T) Add(i int) int { fmt.Println("Add", t.n, i); return t.n + i }

func mk(n int) T { fmt.Println("mk", n); return T{n} }

func fns() []func(int) int {
	fmt.Println("fns")
	return []func(int) int{func(i int) int { return i * 10 }}
}

func main() {
	fmt.Println(a, b, c, d, x, y, z, p1, q1, r1)
	fmt.Println(h("a")(k(1))(k(2)))
	fmt.Println(mk(5).Add(k(6)))
	fmt.Println(fns()[k(0)](k(7)))
	arr := []int{k(10), k(20)}
	m := map[int]int{k(1): k(2), k(3): k(4)}
	fmt.Println(arr, len(m))
	var s [3]int
	i := 0
	i, s[i] = 1, k(9)
	fmt.Println(i, s)
	fmt.Println(k(1)+k(2)*k(3), k(4) < k(5) && k(6) > 0)
	defer fmt.Println("deferred", k(100))
	func(a, b int) { fmt.Println("args", a, b) }(k(11), k(12))
}
