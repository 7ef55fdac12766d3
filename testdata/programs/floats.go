package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(0.1+0.2, 1.0/3.0, float32(0.1), 2.5e-10, 1e21, 123456789.0)
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN(), -0.0)
	z := 0.0
	fmt.Println(1/z, -1/z, z/z == z/z)
	p, n := 3.99, -3.99
	fmt.Println(int(p), int(n), float64(7)/2)
	fmt.Printf("%.3f %8.2f %e %g %G\n", math.Pi, math.E, 123456.789, 1e-7, 1e30)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
}
