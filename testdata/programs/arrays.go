package main

import "fmt"

func main() {
	var a [5]int
	b := [...]string{"x", "y", "z"}
	c := [3]int{1: 10, 2: 20}
	a[2] = 7
	d := a
	d[0] = 1
	fmt.Println(a, d, b, len(b), c)
	fmt.Println(a == d, c == [3]int{0, 10, 20})
	var grid [3][3]int
	for i := range grid {
		for j := range grid[i] {
			grid[i][j] = i * j
		}
	}
	fmt.Println(grid)
	p := &grid[2]
	p[1] = 99
	fmt.Println(grid[2], len(grid), cap(grid[0]))
}
