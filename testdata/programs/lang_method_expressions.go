// Method expressions and method values on concrete types, pointers and
// interfaces (including an interface method expression called with a nil
// interface, which panics as gc's does).
package main

import (
	"fmt"
	"strings"
)

type T struct{ n int }

func (t T) Get() int           { return t.n }
func (t *T) Set(n int)         { t.n = n }
func (t T) Add(k int) (int, T) { return t.n + k, T{t.n * 2} }
func (t T) String() string     { return fmt.Sprint("T", t.n) }

type Getter interface{ Get() int }

type Both interface {
	Getter
	fmt.Stringer
	Add(int) (int, T)
}

func apply(f func(Getter) int, gs ...Getter) (out []int) {
	for _, g := range gs {
		out = append(out, f(g))
	}
	return
}

func main() {
	var s fmt.Stringer = &strings.Builder{}
	f := s.String
	fmt.Printf("%q\n", f())
	var g Getter = T{3}
	fmt.Println(g.Get(), Getter.Get(g), T.Get(T{4}))
	set := (*T).Set
	t := &T{}
	set(t, 9)
	fmt.Println(t.n, (*T).Get(t))
	fmt.Println(apply(Getter.Get, T{1}, T{2}, &T{5}))
	var b Both = T{7}
	sum, dbl := Both.Add(b, 3)
	fmt.Println(sum, dbl, Both.String(b), fmt.Stringer.String(b), Both.Get(b))
	str := fmt.Stringer.String
	fmt.Println(str(T{8}), str(t))
	fs := []func() int{T{1}.Get, g.Get, t.Get}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
	defer func() { fmt.Println("recovered:", recover()) }()
	var none Getter
	fmt.Println(Getter.Get(none))
}
