package main

import (
	"fmt"
)

func bubble(a []int) int {
	swaps := 0
	for i := 0; i < len(a); i++ {
		for j := 0; j < len(a)-1-i; j++ {
			if a[j] > a[j+1] {
				a[j], a[j+1] = a[j+1], a[j]
				swaps++
			}
		}
	}
	return swaps
}

func main() {
	a := []int{5, 1, 4, 2, 8, 0, -3}
	n := bubble(a)
	fmt.Println(a, n)
}
