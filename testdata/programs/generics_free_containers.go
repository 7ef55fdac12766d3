package main

import (
	"fmt"
)

type IntSet map[int]struct{}

func (s IntSet) Add(v int)           { s[v] = struct{}{} }
func (s IntSet) Has(v int) bool      { _, ok := s[v]; return ok }
func (s IntSet) Union(o IntSet) IntSet {
	out := IntSet{}
	for k := range s {
		out.Add(k)
	}
	for k := range o {
		out.Add(k)
	}
	return out
}

func main() {
	a, b := IntSet{}, IntSet{}
	for _, v := range []int{1, 2, 3} {
		a.Add(v)
	}
	for _, v := range []int{3, 4} {
		b.Add(v)
	}
	u := a.Union(b)
	fmt.Println(len(u), u.Has(4), u.Has(5), len(a))
}
