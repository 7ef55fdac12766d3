package main

import (
	"fmt"
)

func fact(n uint64) uint64 {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func ackermann(m, n int) int {
	switch {
	case m == 0:
		return n + 1
	case n == 0:
		return ackermann(m-1, 1)
	}
	return ackermann(m-1, ackermann(m, n-1))
}

func main() {
	for i := uint64(0); i <= 20; i += 5 {
		fmt.Println(i, fact(i))
	}
	fmt.Println(fact(21), ackermann(2, 3))
}
