package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

func inc(p *int) { *p++ }

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)
	q := new(int)
	*q = 42
	fmt.Println(*q)
	var head *Node
	for i := 3; i > 0; i-- {
		head = &Node{i, head}
	}
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Val, " ")
	}
	fmt.Println()
	pp := &p
	**pp = 100
	fmt.Println(x)
	s := &struct{ A, B int }{1, 2}
	s.B = 20
	fmt.Println(s.A, s.B, *s)
}
