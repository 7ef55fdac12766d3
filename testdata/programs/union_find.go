package main

import (
	"fmt"
)

type UF struct{ parent, rank []int }

func NewUF(n int) *UF {
	u := &UF{make([]int, n), make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
}

func (u *UF) Find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *UF) Union(a, b int) bool {
	ra, rb := u.Find(a), u.Find(b)
	if ra == rb {
		return false
	}
	if u.rank[ra] < u.rank[rb] {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
	if u.rank[ra] == u.rank[rb] {
		u.rank[ra]++
	}
	return true
}

func main() {
	u := NewUF(10)
	pairs := [][2]int{{0, 1}, {2, 3}, {1, 3}, {4, 5}, {0, 2}, {7, 8}, {8, 9}, {9, 7}}
	for _, p := range pairs {
		fmt.Print(u.Union(p[0], p[1]), " ")
	}
	fmt.Println()
	sets := map[int]bool{}
	for i := 0; i < 10; i++ {
		sets[u.Find(i)] = true
	}
	fmt.Println(len(sets), u.Find(3) == u.Find(0), u.Find(6) == u.Find(7))
}
