package main

const big = 1 << 100

func main() {
	var x int64 = big >> 30
	_ = x
}
