package main

import "fmt"

var (
	a = c + b  // == 9
	b = f()    // == 4
	c = f()    // == 5
	d = 3      // == 5 after initialization has finished
)

var x, y = pair()
var _ = trace("blank")
var z = trace("z") + y

type T struct{ n int }

func (t T) get() int { return t.n + w }

var w = trace("w")
var viaMethod = T{1}.get()

var first = trace("first")

func trace(s string) int { fmt.Println("init", s); return len(s) }

func pair() (int, int) { fmt.Println("pair", d); return 1, 2 }

func f() int {
	d++
	return d
}

func main() {
	fmt.Println(a, b, c, d, x, y, z, w, viaMethod, first)
}
