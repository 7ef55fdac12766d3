package main

import (
	"fmt"
	"sort"
)

func lis(a []int) int {
	var tails []int
	for _, x := range a {
		i := sort.SearchInts(tails, x)
		if i == len(tails) {
			tails = append(tails, x)
		} else {
			tails[i] = x
		}
	}
	return len(tails)
}

func main() {
	fmt.Println(lis([]int{10, 9, 2, 5, 3, 7, 101, 18}), lis([]int{0, 1, 0, 3, 2, 3}), lis(nil))
}
