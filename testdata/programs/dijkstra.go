package main

import (
	"fmt"
)

type edge struct{ to, w int }

func dijkstra(g [][]edge, src int) []int {
	const inf = 1 << 60
	dist := make([]int, len(g))
	done := make([]bool, len(g))
	for i := range dist {
		dist[i] = inf
	}
	dist[src] = 0
	for range g {
		u := -1
		for v := range g {
			if !done[v] && (u < 0 || dist[v] < dist[u]) {
				u = v
			}
		}
		if dist[u] == inf {
			break
		}
		done[u] = true
		for _, e := range g[u] {
			if d := dist[u] + e.w; d < dist[e.to] {
				dist[e.to] = d
			}
		}
	}
	return dist
}

func main() {
	g := [][]edge{
		{{1, 7}, {2, 9}, {5, 14}},
		{{0, 7}, {2, 10}, {3, 15}},
		{{0, 9}, {1, 10}, {3, 11}, {5, 2}},
		{{1, 15}, {2, 11}, {4, 6}},
		{{3, 6}, {5, 9}},
		{{0, 14}, {2, 2}, {4, 9}},
		{},
	}
	fmt.Println(dijkstra(g, 0))
}
