package main

import (
	"fmt"
	"sort"
)

func main() {
	deps := map[string][]string{
		"app":    {"lib", "log"},
		"lib":    {"core", "log"},
		"log":    {"core"},
		"core":   {},
		"tests":  {"app"},
	}
	indeg := map[string]int{}
	users := map[string][]string{}
	for n, ds := range deps {
		indeg[n] += 0
		for _, d := range ds {
			indeg[n]++
			users[d] = append(users[d], n)
		}
	}
	var ready []string
	for n, d := range indeg {
		if d == 0 {
			ready = append(ready, n)
		}
	}
	var order []string
	for len(ready) > 0 {
		sort.Strings(ready)
		n := ready[0]
		ready = ready[1:]
		order = append(order, n)
		for _, u := range users[n] {
			indeg[u]--
			if indeg[u] == 0 {
				ready = append(ready, u)
			}
		}
	}
	fmt.Println(order)
}
