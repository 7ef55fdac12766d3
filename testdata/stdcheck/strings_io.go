// Differential check of crossplay's strings.Reader and strings.Replacer against
// Go's: random operation sequences on Readers; Replacers built from random pairs
// (including empty old strings, overlapping and repeated olds) over random text.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	cio "crossplaystd/io"
	cstrings "crossplaystd/strings"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want)
	if g != w {
		failures++
		if failures <= 25 {
			fmt.Printf("%s(%q): got %s, want %s\n", what, in, g, w)
		}
	}
}

var seed uint64 = 0xbb67ae8584caa73b

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

var alphabet = []string{"a", "b", "ab", "ba", "c", "é", "世", "\xff", " "}

func randString(max int) string {
	n := int(next() % uint64(max+1))
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(alphabet[next()%uint64(len(alphabet))])
	}
	return b.String()
}

func errName(err error) string {
	switch err {
	case nil:
		return "nil"
	case io.EOF, cio.EOF:
		return "EOF"
	}
	return err.Error()
}

func catch(f func() any) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("panic: ", r)
		}
	}()
	return f()
}

func main() {
	for iter := 0; iter < 20000; iter++ {
		npairs := int(next() % 4)
		var pairs []string
		for i := 0; i < npairs; i++ {
			old := randString(2)
			if next()%4 == 0 {
				old = ""
			}
			pairs = append(pairs, old, fmt.Sprint("<", i, ">"))
		}
		s := randString(8)
		in := []any{pairs, s}
		got := catch(func() any { return cstrings.NewReplacer(pairs...).Replace(s) })
		want := catch(func() any { return strings.NewReplacer(pairs...).Replace(s) })
		check("Replacer", in, got, want)
		var w1, w2 strings.Builder
		n1, _ := cstrings.NewReplacer(pairs...).WriteString(&w1, s)
		n2, _ := strings.NewReplacer(pairs...).WriteString(&w2, s)
		check("Replacer.WriteString", in, []any{n1, w1.String()}, []any{n2, w2.String()})
	}
	check("odd", 0, catch(func() any { return cstrings.NewReplacer("a") }), catch(func() any { return strings.NewReplacer("a") }))
	for iter := 0; iter < 3000; iter++ {
		data := randString(10)
		r1, r2 := cstrings.NewReader(data), strings.NewReader(data)
		for op := 0; op < 20; op++ {
			k := next() % 8
			in := []any{data, op, k}
			var x1, x2 any
			switch k {
			case 0:
				p1, p2 := make([]byte, next()%6), []byte(nil)
				p2 = make([]byte, len(p1))
				n1, e1 := r1.Read(p1)
				n2, e2 := r2.Read(p2)
				x1, x2 = []any{n1, p1, errName(e1)}, []any{n2, p2, errName(e2)}
			case 1:
				c1, e1 := r1.ReadByte()
				c2, e2 := r2.ReadByte()
				x1, x2 = []any{c1, errName(e1)}, []any{c2, errName(e2)}
			case 2:
				x1, x2 = errName(r1.UnreadByte()), errName(r2.UnreadByte())
			case 3:
				c1, n1, e1 := r1.ReadRune()
				c2, n2, e2 := r2.ReadRune()
				x1, x2 = []any{c1, n1, errName(e1)}, []any{c2, n2, errName(e2)}
			case 4:
				x1, x2 = errName(r1.UnreadRune()), errName(r2.UnreadRune())
			case 5:
				off, wh := int64(next()%30)-8, int(next()%4)
				p1, e1 := r1.Seek(off, wh)
				p2, e2 := r2.Seek(off, wh)
				x1, x2 = []any{p1, errName(e1)}, []any{p2, errName(e2)}
			case 6:
				p1, p2 := make([]byte, 5), make([]byte, 5)
				off := int64(next()%30) - 3
				n1, e1 := r1.ReadAt(p1, off)
				n2, e2 := r2.ReadAt(p2, off)
				x1, x2 = []any{n1, p1, errName(e1)}, []any{n2, p2, errName(e2)}
			case 7:
				var w1, w2 strings.Builder
				n1, e1 := r1.WriteTo(&w1)
				n2, e2 := r2.WriteTo(&w2)
				x1, x2 = []any{n1, w1.String(), errName(e1)}, []any{n2, w2.String(), errName(e2)}
			}
			check("Reader op", in, x1, x2)
			check("Reader state", in, []any{r1.Len(), r1.Size()}, []any{r2.Len(), r2.Size()})
		}
	}
	fmt.Printf("strings (Reader, Replacer): %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
