package main

import (
	"fmt"
)

func fib(n int) uint64 {
	a, b := uint64(0), uint64(1)
	for i := 0; i < n; i++ {
		a, b = b, a+b
	}
	return a
}

func main() {
	for _, n := range []int{0, 1, 2, 10, 50, 93} {
		fmt.Printf("fib(%d) = %d\n", n, fib(n))
	}
}
