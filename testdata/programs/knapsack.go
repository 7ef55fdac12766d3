package main

import (
	"fmt"
)

type item struct {
	name          string
	weight, value int
}

func main() {
	items := []item{{"map", 9, 150}, {"compass", 13, 35}, {"water", 153, 200}, {"sandwich", 50, 160},
		{"glucose", 15, 60}, {"tin", 68, 45}, {"banana", 27, 60}, {"apple", 39, 40}}
	const capacity = 200
	best := make([]int, capacity+1)
	choice := make([][]bool, len(items))
	for i, it := range items {
		choice[i] = make([]bool, capacity+1)
		for w := capacity; w >= it.weight; w-- {
			if v := best[w-it.weight] + it.value; v > best[w] {
				best[w] = v
				choice[i][w] = true
			}
		}
	}
	w := capacity
	var picked []string
	for i := len(items) - 1; i >= 0; i-- {
		if choice[i][w] {
			picked = append(picked, items[i].name)
			w -= items[i].weight
		}
	}
	fmt.Println(best[capacity], picked)
}
