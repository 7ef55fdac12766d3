package main

import (
	"fmt"
	"strings"
)

func main() {
	const n = 5
	tri := make([][]int, n)
	for i := range tri {
		tri[i] = make([]int, i+1)
		tri[i][0], tri[i][i] = 1, 1
		for j := 1; j < i; j++ {
			tri[i][j] = tri[i-1][j-1] + tri[i-1][j]
		}
	}
	for _, row := range tri {
		fmt.Println(strings.Repeat(" ", n-len(row)), row)
	}
	board := [3][3]rune{}
	for i := range board {
		for j := range board[i] {
			board[i][j] = '.'
		}
	}
	board[1][1] = 'X'
	for _, row := range board {
		fmt.Println(string(row[:]))
	}
}
