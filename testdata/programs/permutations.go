package main

import (
	"fmt"
)

func permute(a []int, k int, out *[][]int) {
	if k == len(a) {
		*out = append(*out, append([]int(nil), a...))
		return
	}
	for i := k; i < len(a); i++ {
		a[k], a[i] = a[i], a[k]
		permute(a, k+1, out)
		a[k], a[i] = a[i], a[k]
	}
}

func main() {
	var out [][]int
	permute([]int{1, 2, 3}, 0, &out)
	fmt.Println(len(out), out)
}
