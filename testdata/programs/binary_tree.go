package main

import (
	"fmt"
)

type Tree struct {
	Left, Right *Tree
	Val         int
}

func (t *Tree) Insert(v int) *Tree {
	if t == nil {
		return &Tree{Val: v}
	}
	if v < t.Val {
		t.Left = t.Left.Insert(v)
	} else {
		t.Right = t.Right.Insert(v)
	}
	return t
}

func (t *Tree) Walk(f func(int)) {
	if t == nil {
		return
	}
	t.Left.Walk(f)
	f(t.Val)
	t.Right.Walk(f)
}

func (t *Tree) Height() int {
	if t == nil {
		return 0
	}
	return 1 + max(t.Left.Height(), t.Right.Height())
}

func main() {
	var root *Tree
	for _, v := range []int{50, 30, 70, 20, 40, 60, 80, 35, 45, 65} {
		root = root.Insert(v)
	}
	var vals []int
	root.Walk(func(v int) { vals = append(vals, v) })
	fmt.Println(vals, root.Height())
}
