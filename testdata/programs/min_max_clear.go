package main

import (
	"fmt"
)

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2), min(2.5, 1), max("b", "a", "c"))
	x, y := 10, 20
	fmt.Println(min(x, y), max(x, y, 15))
	s := []int{1, 2, 3}
	clear(s)
	fmt.Println(s, len(s))
	m := map[string]int{"a": 1}
	clear(m)
	fmt.Println(m, len(m))
}
