package main

import (
	"fmt"
	"math"
)

// Products and sums whose single rounding (a fused multiply-add, as Go's arm64
// back end makes) differs from two roundings.

var xs = []float64{1.0000000000000002, 0.1, 1.0 / 3, math.Pi, 1e16 + 2, -2.5e-8, 7}

func add(a, x, y float64) float64     { return a + x*y }
func addRev(a, x, y float64) float64  { return x*y + a }
func sub(a, x, y float64) float64     { return a - x*y }
func subRev(a, x, y float64) float64  { return x*y - a }
func negProd(a, x, y float64) float64 { return a + -(x * y) }
func negFact(a, x, y float64) float64 { return a + (-x)*y }
func subNeg(a, x, y float64) float64  { return a - (-x)*y }
func negSub(a, x, y float64) float64  { return -(x * y) - a }
func conv(a, x, y float64) float64    { return a + float64(x*y) }
func two(a, x, y float64) float64     { return x*y + a*x }
func viaVar(a, x, y float64) float64 {
	t := x * y
	r := t + a
	return r
}
func compound(a, x, y float64) float64 {
	a += x * y
	a -= y * y
	return a
}
func acrossBlocks(a, x, y float64) float64 {
	t := x * y
	if a > 0 {
		a = a * 0.5
	}
	return t + a
}
func poly(x float64) float64 {
	return ((0.25*x+0.5)*x+0.125)*x + 1.0/3
}

// Not inlined: Go would then share x*y with the caller's argument (CSE), which
// changes what it fuses.
//
//go:noinline
func add32(a, x, y float32) float32 { return a + x*y }

//go:noinline
func sub32(a, x, y float32) float32 { return x*y - a }

func main() {
	fs := []struct {
		name string
		f    func(a, x, y float64) float64
	}{
		{"add", add}, {"addRev", addRev}, {"sub", sub}, {"subRev", subRev},
		{"negProd", negProd}, {"negFact", negFact}, {"subNeg", subNeg}, {"negSub", negSub},
		{"conv", conv}, {"two", two}, {"viaVar", viaVar}, {"compound", compound},
		{"acrossBlocks", acrossBlocks},
	}
	for _, f := range fs {
		fmt.Print(f.name, ":")
		for i, x := range xs {
			y := xs[(i+3)%len(xs)]
			a := -x * y
			fmt.Printf(" %x", math.Float64bits(f.f(a, x, y)))
			fmt.Printf(" %x", math.Float64bits(f.f(1, x, x)))
		}
		fmt.Println()
	}
	for _, x := range xs {
		fmt.Printf("%x ", math.Float64bits(poly(x)))
	}
	fmt.Println()
	for i, x := range xs {
		x32, y32 := float32(x), float32(xs[(i+2)%len(xs)])
		fmt.Printf("%x %x ", math.Float32bits(add32(-x32*y32, x32, y32)), math.Float32bits(sub32(x32*y32, x32, y32)))
	}
	fmt.Println()
}
