package main

import (
	"fmt"
)

func gen(start, step int) (next func() int, reset func()) {
	cur := start
	next = func() int {
		v := cur
		cur += step
		return v
	}
	reset = func() { cur = start }
	return
}

func memo(f func(int) int) func(int) int {
	cache := map[int]int{}
	return func(n int) int {
		if v, ok := cache[n]; ok {
			return v
		}
		v := f(n)
		cache[n] = v
		return v
	}
}

func main() {
	next, reset := gen(10, 5)
	fmt.Println(next(), next(), next())
	reset()
	fmt.Println(next())
	calls := 0
	sq := memo(func(n int) int { calls++; return n * n })
	fmt.Println(sq(4), sq(4), sq(5), calls)
}
