package main

import (
	"fmt"
	"strings"
)

type List struct {
	head *node
	size int
}

type node struct {
	val  string
	next *node
}

func (l *List) Push(v string) {
	l.head = &node{v, l.head}
	l.size++
}

func (l *List) Reverse() {
	var prev *node
	for cur := l.head; cur != nil; {
		next := cur.next
		cur.next = prev
		prev, cur = cur, next
	}
	l.head = prev
}

func (l *List) String() string {
	var parts []string
	for n := l.head; n != nil; n = n.next {
		parts = append(parts, n.val)
	}
	return "[" + strings.Join(parts, " -> ") + "]"
}

func main() {
	l := &List{}
	for _, s := range []string{"a", "b", "c", "d"} {
		l.Push(s)
	}
	fmt.Println(l, l.size)
	l.Reverse()
	fmt.Println(l)
	fmt.Println(&List{})
}
