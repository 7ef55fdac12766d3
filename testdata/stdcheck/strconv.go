// Differential check of crossplay's strconv (integers, booleans, quoting) against
// Go's: pseudo-random and edge inputs for every function, errors included.
package main

import (
	"fmt"
	"os"
	"strconv"
	"unicode/utf8"

	cstrconv "crossplaystd/strconv"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want)
	if g != w {
		failures++
		if failures <= 25 {
			fmt.Printf("%s(%#v): got %s, want %s\n", what, in, g, w)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

var seed uint64 = 0x853c49e6748fea9b

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

var numAlphabet = []string{"0", "1", "7", "9", "a", "f", "z", "Z", "x", "X", "b", "o", "_", "-", "+", " ", ".", "ff", "00", "9223372036854775807", "18446744073709551615"}

var quoteAlphabet = []string{"a", "\"", "'", "`", "\\", "\\\\", "\\n", "\\x41", "\\u00e9", "\\U0001F600", "\\377", "\\400", "\\q", "\n", "\r", "\t", "é", "世", "\u00a0", "\u2028", "\x7f", "\x00", "\xff", "\U0001F600", "\ufeff", "\\'", "\\\""}

func randFrom(alpha []string, max int) string {
	n := int(next() % uint64(max+1))
	s := ""
	for i := 0; i < n; i++ {
		s += alpha[next()%uint64(len(alpha))]
	}
	return s
}

func main() {
	// Integers.
	edges := []int64{0, 1, -1, 9, 10, -10, 127, -128, 255, 1<<31 - 1, -1 << 31, 1<<63 - 1, -1 << 63}
	for i := 0; i < 20000; i++ {
		v := int64(next())
		if i < len(edges) {
			v = edges[i]
		} else if i%3 == 0 {
			v >>= next() % 64
		}
		for _, base := range []int{2, 8, 10, 16, 36} {
			check("FormatInt", []any{v, base}, cstrconv.FormatInt(v, base), strconv.FormatInt(v, base))
			check("FormatUint", []any{v, base}, cstrconv.FormatUint(uint64(v), base), strconv.FormatUint(uint64(v), base))
			check("AppendInt", []any{v, base}, cstrconv.AppendInt([]byte("x"), v, base), strconv.AppendInt([]byte("x"), v, base))
		}
		check("Itoa", v, cstrconv.Itoa(int(v)), strconv.Itoa(int(v)))
	}
	for i := 0; i < 40000; i++ {
		s := randFrom(numAlphabet, 4)
		if i%5 == 0 {
			s = strconv.FormatInt(int64(next())>>(next()%64), 10)
		}
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			for _, bits := range []int{0, 8, 16, 32, 64, 65, -1} {
				a, e1 := cstrconv.ParseInt(s, base, bits)
				b, e2 := strconv.ParseInt(s, base, bits)
				check("ParseInt", []any{s, base, bits}, []any{a, errText(e1)}, []any{b, errText(e2)})
				c, e3 := cstrconv.ParseUint(s, base, bits)
				d, e4 := strconv.ParseUint(s, base, bits)
				check("ParseUint", []any{s, base, bits}, []any{c, errText(e3)}, []any{d, errText(e4)})
			}
		}
		a, e1 := cstrconv.Atoi(s)
		b, e2 := strconv.Atoi(s)
		check("Atoi", s, []any{a, errText(e1)}, []any{b, errText(e2)})
		_, e5 := cstrconv.Atoi(s)
		if ne, ok := e5.(*cstrconv.NumError); ok {
			check("NumError", s, []any{ne.Func, ne.Num, ne.Err == cstrconv.ErrRange, ne.Err == cstrconv.ErrSyntax}, func() []any {
				_, e := strconv.Atoi(s)
				n := e.(*strconv.NumError)
				return []any{n.Func, n.Num, n.Err == strconv.ErrRange, n.Err == strconv.ErrSyntax}
			}())
		}
	}
	// Booleans.
	for _, s := range []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False", "yes", "", "tRUE"} {
		a, e1 := cstrconv.ParseBool(s)
		b, e2 := strconv.ParseBool(s)
		check("ParseBool", s, []any{a, errText(e1)}, []any{b, errText(e2)})
	}
	check("FormatBool", 0, []string{cstrconv.FormatBool(true), cstrconv.FormatBool(false)}, []string{strconv.FormatBool(true), strconv.FormatBool(false)})
	check("AppendBool", 0, cstrconv.AppendBool([]byte("b:"), true), strconv.AppendBool([]byte("b:"), true))
	// Quoting.
	for r := rune(-2); r <= utf8.MaxRune+2; r++ {
		if r > 0x3000 && r < 0xE000 && r%37 != 0 {
			continue
		}
		check("QuoteRune", r, cstrconv.QuoteRune(r), strconv.QuoteRune(r))
		check("QuoteRuneToASCII", r, cstrconv.QuoteRuneToASCII(r), strconv.QuoteRuneToASCII(r))
		check("QuoteRuneToGraphic", r, cstrconv.QuoteRuneToGraphic(r), strconv.QuoteRuneToGraphic(r))
		check("IsPrint", r, cstrconv.IsPrint(r), strconv.IsPrint(r))
		check("IsGraphic", r, cstrconv.IsGraphic(r), strconv.IsGraphic(r))
	}
	for i := 0; i < 60000; i++ {
		s := randFrom(quoteAlphabet, 5)
		check("Quote", s, cstrconv.Quote(s), strconv.Quote(s))
		check("QuoteToASCII", s, cstrconv.QuoteToASCII(s), strconv.QuoteToASCII(s))
		check("QuoteToGraphic", s, cstrconv.QuoteToGraphic(s), strconv.QuoteToGraphic(s))
		check("AppendQuote", s, cstrconv.AppendQuote([]byte("q"), s), strconv.AppendQuote([]byte("q"), s))
		check("CanBackquote", s, cstrconv.CanBackquote(s), strconv.CanBackquote(s))
		for _, lit := range []string{`"` + s + `"`, "'" + s + "'", "`" + s + "`", `"` + s, s, `"` + s + `"tail`} {
			a, e1 := cstrconv.Unquote(lit)
			b, e2 := strconv.Unquote(lit)
			check("Unquote", lit, []any{a, errText(e1)}, []any{b, errText(e2)})
			c, e3 := cstrconv.QuotedPrefix(lit)
			d, e4 := strconv.QuotedPrefix(lit)
			check("QuotedPrefix", lit, []any{c, errText(e3)}, []any{d, errText(e4)})
		}
		for _, q := range []byte{'"', '\'', '`', 0} {
			v1, m1, t1, e1 := cstrconv.UnquoteChar(s, q)
			v2, m2, t2, e2 := strconv.UnquoteChar(s, q)
			check("UnquoteChar", []any{s, q}, []any{v1, m1, t1, errText(e1)}, []any{v2, m2, t2, errText(e2)})
		}
	}
	check("IntSize", 0, cstrconv.IntSize, strconv.IntSize)
	fmt.Printf("strconv: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
