package main

import (
	"fmt"
	"strings"
)

type Op func(float64, float64) float64

type Middleware func(string) string

func chain(ms ...Middleware) Middleware {
	return func(s string) string {
		for _, m := range ms {
			s = m(s)
		}
		return s
	}
}

func main() {
	ops := map[string]Op{
		"+": func(a, b float64) float64 { return a + b },
		"*": func(a, b float64) float64 { return a * b },
	}
	fmt.Println(ops["+"](2, 3), ops["*"](2, 3))
	f := chain(strings.TrimSpace, strings.ToUpper, func(s string) string { return "<" + s + ">" })
	fmt.Println(f("  hi there "))
	var nilf func()
	fmt.Println(nilf == nil)
	compose := func(f, g func(int) int) func(int) int { return func(x int) int { return g(f(x)) } }
	inc := func(x int) int { return x + 1 }
	dbl := func(x int) int { return x * 2 }
	fmt.Println(compose(inc, dbl)(5), compose(dbl, inc)(5))
}
