package main

import (
	"fmt"
)

var grid = []string{
	"S.#.....",
	".##.###.",
	"....#...",
	"##.##.#.",
	"......#E",
}

type pt struct{ r, c int }

func main() {
	var start, end pt
	for r, row := range grid {
		for c, ch := range row {
			switch ch {
			case 'S':
				start = pt{r, c}
			case 'E':
				end = pt{r, c}
			}
		}
	}
	dist := map[pt]int{start: 0}
	queue := []pt{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, d := range []pt{{0, 1}, {1, 0}, {0, -1}, {-1, 0}} {
			n := pt{cur.r + d.r, cur.c + d.c}
			if n.r < 0 || n.r >= len(grid) || n.c < 0 || n.c >= len(grid[0]) || grid[n.r][n.c] == '#' {
				continue
			}
			if _, seen := dist[n]; !seen {
				dist[n] = dist[cur] + 1
				queue = append(queue, n)
			}
		}
	}
	fmt.Println("shortest path:", dist[end], "reachable cells:", len(dist))
}
