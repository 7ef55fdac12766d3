package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Abs(-3.5), math.Floor(-2.5), math.Ceil(2.1))
	fmt.Println(math.Max(3, 7), math.Min(3, 7), math.Mod(7, 3), math.Trunc(-2.7), math.Round(2.5), math.Round(-2.5))
	fmt.Println(math.Log(math.E), math.Log2(8), math.Log10(1000), math.Exp(0))
	fmt.Println(math.Hypot(3, 4), math.Cbrt(27), math.IsNaN(math.NaN()), math.IsInf(math.Inf(-1), -1))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.MaxInt8)
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/6), math.Cos(0), math.Atan2(1, 1))
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000), math.Signbit(-0.0))
	fmt.Println(math.Inf(1) > math.MaxFloat64, math.NaN() == math.NaN())
}
