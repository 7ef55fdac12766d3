package main

import (
	"fmt"
	"math"
)

func main() {
	vals := []float64{0, 1, -1, 0.5, 1.0 / 3, 2.0 / 3, 100, 1e6, 1e20, 1e21, 1.5e-7, math.MaxInt32, 123.456e10}
	for _, v := range vals {
		fmt.Printf("%v|%g|%.3g|%e|%.2f\n", v, v, v, v, v)
	}
	fmt.Println(float32(1.0/3), float32(16777217), float64(float32(0.1)))
	fmt.Println(int64(math.MaxInt64), uint64(math.MaxUint64), math.MinInt64)
}
