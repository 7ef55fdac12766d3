// Differential check of crossplay's FormatFloat against Go's: special values,
// powers of two and ten, subnormals and pseudo-random bit patterns, as float64 and
// float32, in every format with shortest and fixed precisions.
package main

import (
	"fmt"
	"math"
	"os"
	"strconv"

	cstrconv "crossplaystd/strconv"
)

var failures, checks int

func check(what string, in any, got, want string) {
	checks++
	if got != want {
		failures++
		if failures <= 25 {
			fmt.Printf("%s(%v): got %s, want %s\n", what, in, got, want)
		}
	}
}

var seed uint64 = 0x3c6ef372fe94f82b

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 100, 1e6, 1e20, 1e21, 1e22, 1e23, 123456789,
		5e-324, math.SmallestNonzeroFloat64, math.MaxFloat64, math.Inf(1), math.Inf(-1), math.NaN(), 2.5, 0.5, 1.5, 3.5,
		1e-5, 1e-4, 9.999999e-5, 1.7976931348623157e308, 2.2250738585072014e-308, 2.225073858507201e-308, 4.9e-324,
		float64(math.MaxFloat32), float64(math.SmallestNonzeroFloat32), 1 << 53, 1<<53 + 1, 0.000123456789, 987654321.123456789}
	for e := -1074; e <= 1023; e += 7 {
		vals = append(vals, math.Ldexp(1, e), math.Ldexp(1.5, e), -math.Ldexp(0.75, e))
	}
	for e := -325; e <= 308; e += 3 {
		vals = append(vals, math.Pow(10, float64(e)))
	}
	for i := 0; i < 150000; i++ {
		b := next()
		if i%4 == 0 {
			// Small exponents and short mantissas make many edge cases.
			b = b&(0x800fffffffffffff) | uint64(next()%2046+1)<<52
		}
		vals = append(vals, math.Float64frombits(b))
	}
	precs := []int{-1, 0, 1, 2, 5, 10, 17, 20}
	for i, v := range vals {
		for _, f := range []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'} {
			for _, p := range precs {
				if i > 2000 && p != -1 && (i+p)%5 != 0 {
					continue
				}
				check(fmt.Sprintf("FormatFloat %c %d 64", f, p), v, cstrconv.FormatFloat(v, f, p, 64), strconv.FormatFloat(v, f, p, 64))
				if i%3 == 0 {
					check(fmt.Sprintf("FormatFloat %c %d 32", f, p), v, cstrconv.FormatFloat(v, f, p, 32), strconv.FormatFloat(v, f, p, 32))
				}
			}
		}
	}
	for i := 0; i < 100000; i++ {
		v := float64(math.Float32frombits(uint32(next())))
		check("FormatFloat g -1 32", v, cstrconv.FormatFloat(v, 'g', -1, 32), strconv.FormatFloat(v, 'g', -1, 32))
		check("FormatFloat e 5 32", v, cstrconv.FormatFloat(v, 'e', 5, 32), strconv.FormatFloat(v, 'e', 5, 32))
	}
	check("AppendFloat", 0, string(cstrconv.AppendFloat([]byte("x="), 1.25, 'g', -1, 64)), string(strconv.AppendFloat([]byte("x="), 1.25, 'g', -1, 64)))
	fmt.Printf("strconv (FormatFloat): %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
