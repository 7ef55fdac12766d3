package main

import (
	"fmt"
	"sort"
)

func main() {
	ages := map[string]int{"carol": 41, "alice": 30, "bob": 25, "dave": 30}
	names := make([]string, 0, len(ages))
	for name := range ages {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%-6s %d\n", n, ages[n])
	}
	byAge := map[int][]string{}
	for _, n := range names {
		byAge[ages[n]] = append(byAge[ages[n]], n)
	}
	fmt.Println(byAge)
	type key struct{ x, y int }
	grid := map[key]string{{1, 2}: "a", {0, 0}: "origin"}
	fmt.Println(grid[key{1, 2}], grid[key{0, 0}], len(grid))
}
