// Differential check of crossplay's ParseFloat against Go's: random decimal and
// hexadecimal literals (signs, points, exponents, underscores, junk), special
// words, and round-trip and exact-midpoint strings of random floats, for both
// float64 and float32, results compared bit for bit with their errors.
package main

import (
	"fmt"
	"math"
	"math/big"
	"os"
	"strconv"
	"strings"

	cstrconv "crossplaystd/strconv"
)

var failures, checks int

func check(in string, bitSize int) {
	checks++
	f1, e1 := cstrconv.ParseFloat(in, bitSize)
	f2, e2 := strconv.ParseFloat(in, bitSize)
	g := fmt.Sprintf("%016x %v", math.Float64bits(f1), e1)
	w := fmt.Sprintf("%016x %v", math.Float64bits(f2), e2)
	if math.IsNaN(f1) && math.IsNaN(f2) {
		g, w = fmt.Sprint("NaN ", e1), fmt.Sprint("NaN ", e2)
	}
	if g != w {
		failures++
		if failures <= 25 {
			fmt.Printf("ParseFloat(%q, %d): got %s, want %s\n", in, bitSize, g, w)
		}
	}
}

var seed uint64 = 0xa54ff53a5f1d36f1

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

var pieces = []string{"0", "1", "5", "9", "12", "000", "99999999", ".", "e", "E", "+", "-", "_", "x", "p", "P", "a", "f", "e-", "e+", "1e308", "e-324", "inf", "nan"}

func main() {
	for _, s := range []string{"", "0", "-0", "+0", "1", "1.", ".5", "-.5", "1e", "1e+", "e5", ".", "-", "inf", "+Inf", "-INF", "infinity", "-Infinity", "infinit", "nan", "NaN", "-nan", "+nan",
		"1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "-1e309", "4.9e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400",
		"0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1p1024", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7p1023", "0x_1p0", "0x1_0p0", "0x1p", "0x1", "0x.p1", "0x.8p1",
		"1_000", "1__0", "_1", "1_", "0x_1_0.8_0p1_0", "3.4028235e38", "3.4028236e38", "1.4e-45", "7e-46", "0.000000000000000000000000000001e30",
		strings.Repeat("9", 900) + "e-900", "0." + strings.Repeat("0", 400) + "1e400", strings.Repeat("1", 810), "1" + strings.Repeat("0", 1000) + "e-1000"} {
		check(s, 64)
		check(s, 32)
	}
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for n := next() % 6; n > 0; n-- {
			b.WriteString(pieces[next()%uint64(len(pieces))])
		}
		check(b.String(), 64)
		if i%2 == 0 {
			check(b.String(), 32)
		}
	}
	for i := 0; i < 60000; i++ {
		f := math.Float64frombits(next())
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		for _, p := range []int{-1, 15, 16, 17, 20, 30} {
			check(strconv.FormatFloat(f, 'e', p, 64), 64)
		}
		check(strconv.FormatFloat(f, 'x', -1, 64), 64)
		// The exact midpoint to the next float up, and just around it.
		up := math.Nextafter(f, math.Inf(1))
		if !math.IsInf(up, 0) {
			mid := new(big.Float).SetPrec(2000).SetFloat64(f)
			mid.Add(mid, new(big.Float).SetPrec(2000).SetFloat64(up))
			mid.Quo(mid, big.NewFloat(2))
			check(mid.Text('e', 800), 64)
			check(mid.Text('e', 25), 64)
			check(mid.Text('e', 40), 64)
		}
		f32 := math.Float32frombits(uint32(next()))
		if !math.IsNaN(float64(f32)) && !math.IsInf(float64(f32), 0) {
			check(strconv.FormatFloat(float64(f32), 'g', -1, 32), 32)
			check(strconv.FormatFloat(float64(f32), 'e', 12, 64), 32)
			n32 := math.Nextafter32(f32, float32(math.Inf(1)))
			if !math.IsInf(float64(n32), 0) {
				mid := new(big.Float).SetPrec(500).SetFloat64(float64(f32))
				mid.Add(mid, new(big.Float).SetPrec(500).SetFloat64(float64(n32)))
				mid.Quo(mid, big.NewFloat(2))
				check(mid.Text('e', 120), 32)
			}
		}
	}
	fmt.Printf("strconv (ParseFloat): %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
