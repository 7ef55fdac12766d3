package main

import (
	"fmt"
	"strings"
)

type Board [][]bool

func parse(rows ...string) Board {
	b := make(Board, len(rows))
	for i, r := range rows {
		b[i] = make([]bool, len(r))
		for j, c := range r {
			b[i][j] = c == '#'
		}
	}
	return b
}

func (b Board) Step() Board {
	h, w := len(b), len(b[0])
	n := make(Board, h)
	for i := range n {
		n[i] = make([]bool, w)
		for j := range n[i] {
			live := 0
			for di := -1; di <= 1; di++ {
				for dj := -1; dj <= 1; dj++ {
					if (di != 0 || dj != 0) && b[(i+di+h)%h][(j+dj+w)%w] {
						live++
					}
				}
			}
			n[i][j] = live == 3 || live == 2 && b[i][j]
		}
	}
	return n
}

func (b Board) String() string {
	var s strings.Builder
	for _, r := range b {
		for _, c := range r {
			if c {
				s.WriteByte('#')
			} else {
				s.WriteByte('.')
			}
		}
		s.WriteByte('\n')
	}
	return s.String()
}

func main() {
	b := parse("......", "..#...", "...#..", ".###..", "......", "......")
	for g := 0; g < 4; g++ {
		b = b.Step()
	}
	fmt.Print(b)
}
