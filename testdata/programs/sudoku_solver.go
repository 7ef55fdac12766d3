package main

import (
	"fmt"
)

type Grid [9][9]int

func (g *Grid) ok(r, c, v int) bool {
	for i := 0; i < 9; i++ {
		if g[r][i] == v || g[i][c] == v || g[r/3*3+i/3][c/3*3+i%3] == v {
			return false
		}
	}
	return true
}

func (g *Grid) solve() bool {
	for r := 0; r < 9; r++ {
		for c := 0; c < 9; c++ {
			if g[r][c] != 0 {
				continue
			}
			for v := 1; v <= 9; v++ {
				if g.ok(r, c, v) {
					g[r][c] = v
					if g.solve() {
						return true
					}
					g[r][c] = 0
				}
			}
			return false
		}
	}
	return true
}

func main() {
	puzzle := []string{
		"53..7....", "6..195...", ".98....6.",
		"8...6...3", "4..8.3..1", "7...2...6",
		".6....28.", "...419..5", "....8..79",
	}
	var g Grid
	for r, row := range puzzle {
		for c, ch := range row {
			if ch != '.' {
				g[r][c] = int(ch - '0')
			}
		}
	}
	fmt.Println(g.solve())
	for _, row := range g {
		fmt.Println(row)
	}
}
