package main

import (
	"fmt"
)

func find(xs []int, target int) (idx int) {
	i := 0
loop:
	if i >= len(xs) {
		return -1
	}
	if xs[i] == target {
		goto found
	}
	i++
	goto loop
found:
	return i
}

func main() {
	fmt.Println(find([]int{4, 8, 15, 16, 23, 42}, 16), find(nil, 1))
}
