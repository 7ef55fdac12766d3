package main

import (
	"fmt"
)

type Ring struct {
	buf        []int
	head, size int
}

func NewRing(n int) *Ring { return &Ring{buf: make([]int, n)} }

func (r *Ring) Push(v int) {
	if r.size == len(r.buf) {
		r.head = (r.head + 1) % len(r.buf)
		r.size--
	}
	r.buf[(r.head+r.size)%len(r.buf)] = v
	r.size++
}

func (r *Ring) Items() []int {
	out := make([]int, r.size)
	for i := range out {
		out[i] = r.buf[(r.head+i)%len(r.buf)]
	}
	return out
}

func main() {
	r := NewRing(3)
	for i := 1; i <= 5; i++ {
		r.Push(i)
		fmt.Println(r.Items())
	}
}
