package main

import (
	"fmt"
	"sort"
	"strings"
)

func key(w string) string {
	r := []rune(strings.ToLower(w))
	sort.Slice(r, func(i, j int) bool { return r[i] < r[j] })
	return string(r)
}

func main() {
	words := []string{"listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"}
	groups := map[string][]string{}
	var order []string
	for _, w := range words {
		k := key(w)
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], w)
	}
	for _, k := range order {
		fmt.Println(k, groups[k])
	}
}
