// Differential check of crossplay's unicode/utf16 and cmp against Go's.
package main

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"unicode/utf16"

	ccmp "crossplaystd/cmp"
	cutf16 "crossplaystd/unicode/utf16"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	if g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want); g != w {
		failures++
		if failures <= 20 {
			fmt.Printf("%s(%v): got %s, want %s\n", what, in, g, w)
		}
	}
}

var seed uint64 = 0x510e527fade682d1

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func main() {
	for r := rune(-2); r <= 0x110002; r++ {
		check("IsSurrogate", r, cutf16.IsSurrogate(r), utf16.IsSurrogate(r))
		check("RuneLen", r, cutf16.RuneLen(r), utf16.RuneLen(r))
		a, b := cutf16.EncodeRune(r)
		c, d := utf16.EncodeRune(r)
		check("EncodeRune", r, [2]rune{a, b}, [2]rune{c, d})
		check("AppendRune", r, cutf16.AppendRune(nil, r), utf16.AppendRune(nil, r))
		if r%97 == 0 {
			check("DecodeRune", r, cutf16.DecodeRune(r, r+0x400), utf16.DecodeRune(r, r+0x400))
		}
	}
	for i := 0; i < 100000; i++ {
		n := int(next() % 8)
		s := make([]uint16, n)
		rs := make([]rune, n)
		for j := range s {
			v := next()
			s[j] = uint16(v)
			if v&3 == 0 {
				s[j] = 0xd800 + uint16(v>>8)%0x800
			}
			rs[j] = rune(next() % 0x110010)
		}
		check("Decode", s, cutf16.Decode(s), utf16.Decode(s))
		check("Encode", rs, cutf16.Encode(rs), utf16.Encode(rs))
	}
	fl := []float64{math.NaN(), math.Inf(-1), -1, math.Copysign(0, -1), 0, 1, math.Inf(1)}
	for _, x := range fl {
		for _, y := range fl {
			check("Compare", [2]float64{x, y}, ccmp.Compare(x, y), cmp.Compare(x, y))
			check("Less", [2]float64{x, y}, ccmp.Less(x, y), cmp.Less(x, y))
		}
	}
	for _, p := range [][2]string{{"a", "b"}, {"b", "a"}, {"", ""}} {
		check("Compare string", p, ccmp.Compare(p[0], p[1]), cmp.Compare(p[0], p[1]))
	}
	check("Or", 0, []any{ccmp.Or(0, 0, 3, 4), ccmp.Or("", "x"), ccmp.Or[int]()}, []any{cmp.Or(0, 0, 3, 4), cmp.Or("", "x"), cmp.Or[int]()})
	fmt.Printf("unicode/utf16, cmp: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
