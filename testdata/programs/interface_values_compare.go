package main

import (
	"fmt"
)

type Key struct {
	A string
	B int
}

func main() {
	seen := map[any]int{}
	for _, k := range []any{1, "1", 1.0, Key{"a", 1}, Key{"a", 1}, int64(1), true} {
		seen[k]++
	}
	fmt.Println(len(seen), seen[Key{"a", 1}], seen[1], seen[int64(1)])
	var a, b any = Key{"x", 2}, Key{"x", 2}
	fmt.Println(a == b, a != any(Key{"x", 3}))
	defer func() { fmt.Println("recovered:", recover()) }()
	var s1, s2 any = []int{1}, []int{1}
	fmt.Println(s1 == s2)
}
