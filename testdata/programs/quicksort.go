package main

import (
	"fmt"
)

func quicksort(a []int) {
	if len(a) < 2 {
		return
	}
	p := a[len(a)/2]
	i, j := 0, len(a)-1
	for i <= j {
		for a[i] < p {
			i++
		}
		for a[j] > p {
			j--
		}
		if i <= j {
			a[i], a[j] = a[j], a[i]
			i++
			j--
		}
	}
	quicksort(a[:j+1])
	quicksort(a[i:])
}

func main() {
	a := []int{38, 27, 43, 3, 9, 82, 10, 3, -5, 0}
	quicksort(a)
	fmt.Println(a)
	seed := uint32(12345)
	b := make([]int, 1000)
	for i := range b {
		seed = seed*1664525 + 1013904223
		b[i] = int(seed >> 16)
	}
	quicksort(b)
	ok := true
	for i := 1; i < len(b); i++ {
		if b[i-1] > b[i] {
			ok = false
		}
	}
	fmt.Println(ok, b[0], b[999])
}
