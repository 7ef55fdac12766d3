package main

// The bits of elementary functions whose Go results are the same on every
// port (no architecture-specific assembly): trigonometry, cube roots, integral
// powers, powers of ten.

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0, 1e-300, 1e-10, 0.1, 0.5, 0.66, 0.7, 1, 1.5, 2, 2.4142, math.E, 3, math.Pi, 5.5, 10, 100, 700,
		-0.3, -1.7, -10, 123456.789, 1e8}
	fs := []struct {
		name string
		f    func(float64) float64
	}{{"Sin", math.Sin}, {"Cos", math.Cos}, {"Tan", math.Tan}, {"Atan", math.Atan}, {"Asin", math.Asin},
		{"Acos", math.Acos}, {"Cbrt", math.Cbrt}, {"Sqrt", math.Sqrt}}
	for _, f := range fs {
		fmt.Print(f.name, ":")
		for _, x := range xs {
			fmt.Printf(" %x", math.Float64bits(f.f(x)))
		}
		fmt.Println()
	}
	for _, y := range xs[:12] {
		for _, x := range xs[:12] {
			fmt.Printf("%x ", math.Float64bits(math.Atan2(y, x)))
		}
		fmt.Println()
	}
	for _, x := range xs {
		for _, n := range []float64{2, 3, 7, -2, -5, 20} {
			fmt.Printf("%x ", math.Float64bits(math.Pow(x, n)))
		}
		fmt.Println()
	}
	for n := -330; n < 320; n += 11 {
		fmt.Printf("%g ", math.Pow10(n))
	}
	fmt.Println()
	// Huge arguments take Payne–Hanek reduction.
	for _, x := range []float64{1 << 29, 1<<29 + 0.5, 1e9, -3.5e12, 1e15, 1 << 60, 1e22, 1e100, 1e300, math.MaxFloat64} {
		fmt.Printf("%x %x %x\n", math.Float64bits(math.Sin(x)), math.Float64bits(math.Cos(x)), math.Float64bits(math.Tan(x)))
	}
	fmt.Println(math.Log2(1024), math.Log2(0.125), math.Sin(math.Pi/6), math.Cos(math.Pi/3), math.Tanh(0.3))
}
