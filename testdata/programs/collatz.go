package main

import (
	"fmt"
)

func steps(n int) int {
	s := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		s++
	}
	return s
}

func main() {
	best, bestN := 0, 0
	for n := 1; n < 10000; n++ {
		if s := steps(n); s > best {
			best, bestN = s, n
		}
	}
	fmt.Println(bestN, best, steps(27))
}
