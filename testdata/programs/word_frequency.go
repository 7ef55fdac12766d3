package main

import (
	"fmt"
	"sort"
	"strings"
)

const text = `the quick brown fox jumps over the lazy dog the fox
the dog sleeps and the fox runs quick quick`

func main() {
	counts := map[string]int{}
	for _, w := range strings.Fields(text) {
		counts[w]++
	}
	type wc struct {
		w string
		c int
	}
	var list []wc
	for w, c := range counts {
		list = append(list, wc{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c > list[j].c
		}
		return list[i].w < list[j].w
	})
	for _, e := range list[:5] {
		fmt.Printf("%-6s %d\n", e.w, e.c)
	}
	fmt.Println(len(counts))
}
