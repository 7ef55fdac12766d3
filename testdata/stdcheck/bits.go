// Differential check of crossplay's math/bits against Go's, over edge values and
// pseudo-random ones.
package main

import (
	"fmt"
	"math/bits"
	"os"

	cbits "crossplaystd/math/bits"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	if fmt.Sprint(got) != fmt.Sprint(want) {
		failures++
		if failures <= 20 {
			fmt.Printf("%s(%v): got %v, want %v\n", what, in, got, want)
		}
	}
}

func catch(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func unary(x uint64) {
	check("LeadingZeros", x, cbits.LeadingZeros(uint(x)), bits.LeadingZeros(uint(x)))
	check("LeadingZeros8", x, cbits.LeadingZeros8(uint8(x)), bits.LeadingZeros8(uint8(x)))
	check("LeadingZeros16", x, cbits.LeadingZeros16(uint16(x)), bits.LeadingZeros16(uint16(x)))
	check("LeadingZeros32", x, cbits.LeadingZeros32(uint32(x)), bits.LeadingZeros32(uint32(x)))
	check("LeadingZeros64", x, cbits.LeadingZeros64(x), bits.LeadingZeros64(x))
	check("TrailingZeros", x, cbits.TrailingZeros(uint(x)), bits.TrailingZeros(uint(x)))
	check("TrailingZeros8", x, cbits.TrailingZeros8(uint8(x)), bits.TrailingZeros8(uint8(x)))
	check("TrailingZeros16", x, cbits.TrailingZeros16(uint16(x)), bits.TrailingZeros16(uint16(x)))
	check("TrailingZeros32", x, cbits.TrailingZeros32(uint32(x)), bits.TrailingZeros32(uint32(x)))
	check("TrailingZeros64", x, cbits.TrailingZeros64(x), bits.TrailingZeros64(x))
	check("OnesCount", x, cbits.OnesCount(uint(x)), bits.OnesCount(uint(x)))
	check("OnesCount8", x, cbits.OnesCount8(uint8(x)), bits.OnesCount8(uint8(x)))
	check("OnesCount16", x, cbits.OnesCount16(uint16(x)), bits.OnesCount16(uint16(x)))
	check("OnesCount32", x, cbits.OnesCount32(uint32(x)), bits.OnesCount32(uint32(x)))
	check("OnesCount64", x, cbits.OnesCount64(x), bits.OnesCount64(x))
	check("Reverse", x, cbits.Reverse(uint(x)), bits.Reverse(uint(x)))
	check("Reverse8", x, cbits.Reverse8(uint8(x)), bits.Reverse8(uint8(x)))
	check("Reverse16", x, cbits.Reverse16(uint16(x)), bits.Reverse16(uint16(x)))
	check("Reverse32", x, cbits.Reverse32(uint32(x)), bits.Reverse32(uint32(x)))
	check("Reverse64", x, cbits.Reverse64(x), bits.Reverse64(x))
	check("ReverseBytes", x, cbits.ReverseBytes(uint(x)), bits.ReverseBytes(uint(x)))
	check("ReverseBytes16", x, cbits.ReverseBytes16(uint16(x)), bits.ReverseBytes16(uint16(x)))
	check("ReverseBytes32", x, cbits.ReverseBytes32(uint32(x)), bits.ReverseBytes32(uint32(x)))
	check("ReverseBytes64", x, cbits.ReverseBytes64(x), bits.ReverseBytes64(x))
	check("Len", x, cbits.Len(uint(x)), bits.Len(uint(x)))
	check("Len8", x, cbits.Len8(uint8(x)), bits.Len8(uint8(x)))
	check("Len16", x, cbits.Len16(uint16(x)), bits.Len16(uint16(x)))
	check("Len32", x, cbits.Len32(uint32(x)), bits.Len32(uint32(x)))
	check("Len64", x, cbits.Len64(x), bits.Len64(x))
	for _, k := range []int{-65, -64, -9, -1, 0, 1, 3, 8, 15, 31, 33, 63, 64, 100} {
		check("RotateLeft", [2]any{x, k}, cbits.RotateLeft(uint(x), k), bits.RotateLeft(uint(x), k))
		check("RotateLeft8", [2]any{x, k}, cbits.RotateLeft8(uint8(x), k), bits.RotateLeft8(uint8(x), k))
		check("RotateLeft16", [2]any{x, k}, cbits.RotateLeft16(uint16(x), k), bits.RotateLeft16(uint16(x), k))
		check("RotateLeft32", [2]any{x, k}, cbits.RotateLeft32(uint32(x), k), bits.RotateLeft32(uint32(x), k))
		check("RotateLeft64", [2]any{x, k}, cbits.RotateLeft64(x, k), bits.RotateLeft64(x, k))
	}
}

func binary(x, y uint64) {
	for c := uint64(0); c < 2; c++ {
		s1, c1 := cbits.Add64(x, y, c)
		s2, c2 := bits.Add64(x, y, c)
		check("Add64", [3]uint64{x, y, c}, [2]uint64{s1, c1}, [2]uint64{s2, c2})
		a1, b1 := cbits.Add32(uint32(x), uint32(y), uint32(c))
		a2, b2 := bits.Add32(uint32(x), uint32(y), uint32(c))
		check("Add32", [3]uint64{x, y, c}, [2]uint32{a1, b1}, [2]uint32{a2, b2})
		d1, e1 := cbits.Sub64(x, y, c)
		d2, e2 := bits.Sub64(x, y, c)
		check("Sub64", [3]uint64{x, y, c}, [2]uint64{d1, e1}, [2]uint64{d2, e2})
		f1, g1 := cbits.Sub32(uint32(x), uint32(y), uint32(c))
		f2, g2 := bits.Sub32(uint32(x), uint32(y), uint32(c))
		check("Sub32", [3]uint64{x, y, c}, [2]uint32{f1, g1}, [2]uint32{f2, g2})
		u1, v1 := cbits.Add(uint(x), uint(y), uint(c))
		u2, v2 := bits.Add(uint(x), uint(y), uint(c))
		check("Add", [3]uint64{x, y, c}, [2]uint{u1, v1}, [2]uint{u2, v2})
		u1, v1 = cbits.Sub(uint(x), uint(y), uint(c))
		u2, v2 = bits.Sub(uint(x), uint(y), uint(c))
		check("Sub", [3]uint64{x, y, c}, [2]uint{u1, v1}, [2]uint{u2, v2})
	}
	h1, l1 := cbits.Mul64(x, y)
	h2, l2 := bits.Mul64(x, y)
	check("Mul64", [2]uint64{x, y}, [2]uint64{h1, l1}, [2]uint64{h2, l2})
	m1, n1 := cbits.Mul32(uint32(x), uint32(y))
	m2, n2 := bits.Mul32(uint32(x), uint32(y))
	check("Mul32", [2]uint64{x, y}, [2]uint32{m1, n1}, [2]uint32{m2, n2})
	for _, hi := range []uint64{0, 1, x >> 1, y - 1, x} {
		var q1, r1, q2, r2 uint64
		p1 := catch(func() { q1, r1 = cbits.Div64(hi, x, y) })
		p2 := catch(func() { q2, r2 = bits.Div64(hi, x, y) })
		check("Div64", [3]uint64{hi, x, y}, [3]any{q1, r1, p1}, [3]any{q2, r2, p2})
		var s1, t1, s2, t2 uint32
		p1 = catch(func() { s1, t1 = cbits.Div32(uint32(hi), uint32(x), uint32(y)) })
		p2 = catch(func() { s2, t2 = bits.Div32(uint32(hi), uint32(x), uint32(y)) })
		check("Div32", [3]uint64{hi, x, y}, [3]any{s1, t1, p1}, [3]any{s2, t2, p2})
		var w1, w2 uint64
		p1 = catch(func() { w1 = cbits.Rem64(hi, x, y) })
		p2 = catch(func() { w2 = bits.Rem64(hi, x, y) })
		check("Rem64", [3]uint64{hi, x, y}, [2]any{w1, p1}, [2]any{w2, p2})
		var z1, z2 uint32
		p1 = catch(func() { z1 = cbits.Rem32(uint32(hi), uint32(x), uint32(y)) })
		p2 = catch(func() { z2 = bits.Rem32(uint32(hi), uint32(x), uint32(y)) })
		check("Rem32", [3]uint64{hi, x, y}, [2]any{z1, p1}, [2]any{z2, p2})
	}
}

func main() {
	edges := []uint64{0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 1 << 31, 1<<32 - 1, 1 << 32, 1<<63 - 1, 1 << 63, 1<<64 - 1}
	seed := uint64(0x9E3779B97F4A7C15)
	next := func() uint64 {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return seed >> (seed % 64 / 2)
	}
	vals := append([]uint64(nil), edges...)
	for i := 0; i < 3000; i++ {
		vals = append(vals, next())
	}
	for _, x := range vals {
		unary(x)
	}
	for _, x := range edges {
		for _, y := range edges {
			binary(x, y)
		}
	}
	for i := 0; i < 20000; i++ {
		binary(next(), next())
	}
	check("UintSize", "", cbits.UintSize, bits.UintSize)
	fmt.Printf("math/bits: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
