package main

import (
	"fmt"
)

type Inner struct{ N []int; M int }
type Outer struct {
	In  Inner
	Ptr *Inner
	Arr [2]int
}

func mutate(o Outer) {
	o.In.M = 100
	o.In.N[0] = 100
	o.Ptr.M = 100
	o.Arr[0] = 100
}

func main() {
	o := Outer{In: Inner{N: []int{1}, M: 1}, Ptr: &Inner{M: 1}, Arr: [2]int{1, 1}}
	mutate(o)
	fmt.Println(o.In.M, o.In.N[0], o.Ptr.M, o.Arr[0])
	c := o
	c.Arr[1] = 9
	c.In.N = append(c.In.N, 5)
	fmt.Println(o.Arr, c.Arr, len(o.In.N), len(c.In.N))
}
