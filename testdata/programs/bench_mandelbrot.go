// mandelbrot of the Computer Language Benchmarks Game: float64 loops over an n×n
// grid of the complex plane (scripts/bench.sh runs it with a larger n). Instead of
// the PBM bitmap it prints, per eighth of the rows, how many points are in the set,
// and a checksum of the packed bitmap bytes. The explicit float64 conversions round
// each product, so that Go's arm64 back end, which fuses a multiply into an add,
// prints what amd64 prints.
package main

import (
	"fmt"
	"os"
	"strconv"
)

func main() {
	n := 200
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	const iter = 50
	const limit = 2.0
	inv := 2.0 / float64(n)
	total := 0
	var sum uint32 = 1
	bands := make([]int, 8)
	for y := 0; y < n; y++ {
		ci := float64(float64(y)*inv) - 1.0
		var bits byte
		bit := 0
		for x := 0; x < n; x++ {
			cr := float64(float64(x)*inv) - 1.5
			zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
			i := 0
			for ; i < iter && tr+ti <= limit*limit; i++ {
				zi = float64(2*zr*zi) + ci
				zr = tr - ti + cr
				tr = zr * zr
				ti = zi * zi
			}
			bits <<= 1
			if tr+ti <= limit*limit {
				bits |= 1
				total++
				bands[y*8/n]++
			}
			bit++
			if bit == 8 || x == n-1 {
				bits <<= uint(8 - bit)
				sum = sum*31 + uint32(bits)
				bits, bit = 0, 0
			}
		}
	}
	fmt.Printf("mandelbrot %dx%d: %d points in the set\n", n, n, total)
	fmt.Println("per eighth of the rows:", bands)
	fmt.Printf("bitmap checksum: %08x\n", sum)
}
