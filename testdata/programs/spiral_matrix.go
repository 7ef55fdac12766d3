package main

import (
	"fmt"
)

func spiral(n int) [][]int {
	m := make([][]int, n)
	for i := range m {
		m[i] = make([]int, n)
	}
	top, bottom, left, right := 0, n-1, 0, n-1
	v := 1
	for top <= bottom && left <= right {
		for c := left; c <= right; c++ {
			m[top][c] = v
			v++
		}
		top++
		for r := top; r <= bottom; r++ {
			m[r][right] = v
			v++
		}
		right--
		for c := right; c >= left && top <= bottom; c-- {
			m[bottom][c] = v
			v++
		}
		bottom--
		for r := bottom; r >= top && left <= right; r-- {
			m[r][left] = v
			v++
		}
		left++
	}
	return m
}

func main() {
	for _, row := range spiral(5) {
		for _, v := range row {
			fmt.Printf("%3d", v)
		}
		fmt.Println()
	}
}
