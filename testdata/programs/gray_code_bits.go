package main

import (
	"fmt"
)

func main() {
	for i := uint(0); i < 8; i++ {
		g := i ^ (i >> 1)
		back := g
		for s := back >> 1; s != 0; s >>= 1 {
			back ^= s
		}
		fmt.Printf("%d %03b %03b %d\n", i, i, g, back)
	}
	x := uint32(0b1011_0000)
	fmt.Println(x&-x, x&(x-1), x|x+1)
}
