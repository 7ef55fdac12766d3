// Differential check of crossplay's math (constants and the exactly defined
// functions) against Go's, bit for bit, over special values, boundaries around
// integers and halves, subnormals and pseudo-random bit patterns.
package main

import (
	"fmt"
	"math"
	"os"

	cmath "crossplaystd/math"
)

var failures, checks int

func same(a, b float64) bool {
	return math.Float64bits(a) == math.Float64bits(b) || math.IsNaN(a) && math.IsNaN(b)
}

func check(what string, in any, got, want float64) {
	checks++
	if !same(got, want) {
		failures++
		if failures <= 25 {
			fmt.Printf("%s(%v): got %v (%x), want %v (%x)\n", what, in, got, math.Float64bits(got), want, math.Float64bits(want))
		}
	}
}

func checkAny(what string, in any, got, want any) {
	checks++
	if fmt.Sprint(got) != fmt.Sprint(want) {
		failures++
		if failures <= 25 {
			fmt.Printf("%s(%v): got %v, want %v\n", what, in, got, want)
		}
	}
}

var seed uint64 = 0x9b05688c2b3e6c1f

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	// Constants must be exactly Go's (compared as untyped constants).
	const (
		dE    = cmath.E - math.E
		dPi   = cmath.Pi - math.Pi
		dPhi  = cmath.Phi - math.Phi
		dS2   = cmath.Sqrt2 - math.Sqrt2
		dSE   = cmath.SqrtE - math.SqrtE
		dSPi  = cmath.SqrtPi - math.SqrtPi
		dSPhi = cmath.SqrtPhi - math.SqrtPhi
		dLn2  = cmath.Ln2 - math.Ln2
		dL2E  = cmath.Log2E - math.Log2E
		dLn10 = cmath.Ln10 - math.Ln10
		dL10E = cmath.Log10E - math.Log10E
		dMF32 = cmath.MaxFloat32 - math.MaxFloat32
		dSF32 = cmath.SmallestNonzeroFloat32 - math.SmallestNonzeroFloat32
		dMF64 = cmath.MaxFloat64 - math.MaxFloat64
		dSF64 = cmath.SmallestNonzeroFloat64 - math.SmallestNonzeroFloat64
	)
	for i, d := range []float64{dE, dPi, dPhi, dS2, dSE, dSPi, dSPhi, dLn2, dL2E, dLn10, dL10E, dMF32, dSF32, dMF64, dSF64} {
		checkAny("constant", i, d, 0.0)
	}
	checkAny("int constants", 0, []any{cmath.MaxInt, cmath.MinInt, cmath.MaxInt8, cmath.MinInt8, cmath.MaxInt16, cmath.MinInt16, cmath.MaxInt32, cmath.MinInt32, cmath.MaxInt64, cmath.MinInt64, uint64(cmath.MaxUint), cmath.MaxUint8, cmath.MaxUint16, cmath.MaxUint32, uint64(cmath.MaxUint64)},
		[]any{math.MaxInt, math.MinInt, math.MaxInt8, math.MinInt8, math.MaxInt16, math.MinInt16, math.MaxInt32, math.MinInt32, math.MaxInt64, math.MinInt64, uint64(math.MaxUint), math.MaxUint8, math.MaxUint16, math.MaxUint32, uint64(math.MaxUint64)})

	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, 4503599627370495.5, 4503599627370496, 9007199254740993,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, 0x1p-1022, 0x1p-1023, 3, 7, 0.1, 1e300, 1e-300, 2, 4, 0x1p52, 0x1p53}
	for i := 0; i < 200000; i++ {
		b := next()
		switch i % 4 {
		case 0:
			vals = append(vals, math.Float64frombits(b))
		case 1:
			vals = append(vals, float64(int64(b)>>(b%60))/float64(uint64(1)<<(b%7)))
		case 2:
			vals = append(vals, math.Float64frombits(b&0x800fffffffffffff|uint64(1023+int(b%80)-30)<<52))
		default:
			vals = append(vals, math.Float64frombits(b>>(b%64)))
		}
	}
	for i, x := range vals {
		check("Abs", x, cmath.Abs(x), math.Abs(x))
		check("Floor", x, cmath.Floor(x), math.Floor(x))
		check("Ceil", x, cmath.Ceil(x), math.Ceil(x))
		check("Trunc", x, cmath.Trunc(x), math.Trunc(x))
		check("Round", x, cmath.Round(x), math.Round(x))
		check("RoundToEven", x, cmath.RoundToEven(x), math.RoundToEven(x))
		check("Sqrt", x, cmath.Sqrt(x), math.Sqrt(x))
		check("Logb", x, cmath.Logb(x), math.Logb(x))
		checkAny("Ilogb", x, cmath.Ilogb(x), math.Ilogb(x))
		a1, b1 := cmath.Modf(x)
		a2, b2 := math.Modf(x)
		check("Modf int", x, a1, a2)
		check("Modf frac", x, b1, b2)
		f1, e1 := cmath.Frexp(x)
		f2, e2 := math.Frexp(x)
		check("Frexp", x, f1, f2)
		checkAny("Frexp exp", x, e1, e2)
		checkAny("Signbit", x, cmath.Signbit(x), math.Signbit(x))
		checkAny("IsNaN", x, cmath.IsNaN(x), math.IsNaN(x))
		checkAny("IsInf", x, []bool{cmath.IsInf(x, 1), cmath.IsInf(x, -1), cmath.IsInf(x, 0)}, []bool{math.IsInf(x, 1), math.IsInf(x, -1), math.IsInf(x, 0)})
		checkAny("Float64bits", x, cmath.Float64bits(x), math.Float64bits(x))
		checkAny("Float32bits", x, cmath.Float32bits(float32(x)), math.Float32bits(float32(x)))
		y := vals[(i*7+3)%len(vals)]
		if i%3 == 0 {
			y = math.Float64frombits(next())
		}
		in := [2]float64{x, y}
		check("Mod", in, cmath.Mod(x, y), math.Mod(x, y))
		check("Remainder", in, cmath.Remainder(x, y), math.Remainder(x, y))
		check("Max", in, cmath.Max(x, y), math.Max(x, y))
		check("Min", in, cmath.Min(x, y), math.Min(x, y))
		check("Dim", in, cmath.Dim(x, y), math.Dim(x, y))
		check("Copysign", in, cmath.Copysign(x, y), math.Copysign(x, y))
		check("Nextafter", in, cmath.Nextafter(x, y), math.Nextafter(x, y))
		check("Nextafter32", in, float64(cmath.Nextafter32(float32(x), float32(y))), float64(math.Nextafter32(float32(x), float32(y))))
		k := int(next()%2300) - 1150
		check("Ldexp", []any{x, k}, cmath.Ldexp(x, k), math.Ldexp(x, k))
	}
	check("Inf", 1, cmath.Inf(1), math.Inf(1))
	check("Inf", -1, cmath.Inf(-1), math.Inf(-1))
	checkAny("NaN", 0, cmath.Float64bits(cmath.NaN()), math.Float64bits(math.NaN()))
	fmt.Printf("math: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
