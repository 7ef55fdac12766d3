// Differential check of crossplay's bytes against Go's: every function over
// pseudo-random byte slices (nil, empty, case-folding specials, invalid UTF-8),
// comparing results with %#v so nil and empty differ; random operation sequences on
// Buffer (including Len, Cap and unread errors) and Reader.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"

	cbytes "crossplaystd/bytes"
	cio "crossplaystd/io"
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

func catch(f func() any) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("panic: ", r)
		}
	}()
	return f()
}

var alphabet = []string{"a", "b", "A", "z", "0", " ", "\t", "\n", "\u0085", "\u00a0", "\u2000", ",", "ab", "é", "É", "ß", "ǅ", "Σ", "σ", "ς", "\u212a", "k", "世", "\xff", "\xe4\xb8", "\U0001F600"}

var seed uint64 = 0x6a09e667f3bcc908

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func randBytes(max int) []byte {
	n := int(next() % uint64(max+2))
	if n == max+1 {
		return nil
	}
	var b []byte
	if n == 0 {
		return []byte{}
	}
	for i := 0; i < n; i++ {
		b = append(b, alphabet[next()%uint64(len(alphabet))]...)
	}
	return b
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouAEIOUé", r) }

func errName(err error) string {
	switch err {
	case nil:
		return "nil"
	case io.EOF, cio.EOF:
		return "EOF"
	case io.ErrShortWrite, cio.ErrShortWrite:
		return "ShortWrite"
	}
	return err.Error()
}

func main() {
	for iter := 0; iter < 40000; iter++ {
		s, t := randBytes(8), randBytes(3)
		if iter%7 == 0 && len(s) > 2 {
			t = s[1 : 1+int(next()%uint64(len(s)-1))]
		}
		in := [][]byte{s, t}
		n := int(next()%5) - 1
		ts := string(t)
		check("Equal", in, cbytes.Equal(s, t), bytes.Equal(s, t))
		check("Compare", in, cbytes.Compare(s, t), bytes.Compare(s, t))
		check("Clone", in, cbytes.Clone(s), bytes.Clone(s))
		check("Contains", in, cbytes.Contains(s, t), bytes.Contains(s, t))
		check("ContainsAny", in, cbytes.ContainsAny(s, ts), bytes.ContainsAny(s, ts))
		check("ContainsFunc", in, cbytes.ContainsFunc(s, isVowel), bytes.ContainsFunc(s, isVowel))
		check("Count", in, cbytes.Count(s, t), bytes.Count(s, t))
		a1, b1, f1 := cbytes.Cut(s, t)
		a2, b2, f2 := bytes.Cut(s, t)
		check("Cut", in, []any{a1, b1, f1}, []any{a2, b2, f2})
		c1, g1 := cbytes.CutPrefix(s, t)
		c2, g2 := bytes.CutPrefix(s, t)
		check("CutPrefix", in, []any{c1, g1}, []any{c2, g2})
		c1, g1 = cbytes.CutSuffix(s, t)
		c2, g2 = bytes.CutSuffix(s, t)
		check("CutSuffix", in, []any{c1, g1}, []any{c2, g2})
		check("EqualFold", in, cbytes.EqualFold(s, t), bytes.EqualFold(s, t))
		u := bytes.ToUpper(s)
		check("EqualFold upper", in, cbytes.EqualFold(s, u), bytes.EqualFold(s, u))
		check("Fields", in, cbytes.Fields(s), bytes.Fields(s))
		check("FieldsFunc", in, cbytes.FieldsFunc(s, isVowel), bytes.FieldsFunc(s, isVowel))
		check("HasPrefix", in, cbytes.HasPrefix(s, t), bytes.HasPrefix(s, t))
		check("HasSuffix", in, cbytes.HasSuffix(s, t), bytes.HasSuffix(s, t))
		check("Index", in, cbytes.Index(s, t), bytes.Index(s, t))
		check("IndexAny", in, cbytes.IndexAny(s, ts), bytes.IndexAny(s, ts))
		if len(t) > 0 {
			check("IndexByte", in, cbytes.IndexByte(s, t[0]), bytes.IndexByte(s, t[0]))
			check("LastIndexByte", in, cbytes.LastIndexByte(s, t[0]), bytes.LastIndexByte(s, t[0]))
		}
		for _, r := range []rune{'a', 'é', '世', unicode.ReplacementChar, -1, 0x110000} {
			check(fmt.Sprint("IndexRune ", r), in, cbytes.IndexRune(s, r), bytes.IndexRune(s, r))
			check(fmt.Sprint("ContainsRune ", r), in, cbytes.ContainsRune(s, r), bytes.ContainsRune(s, r))
		}
		check("IndexFunc", in, cbytes.IndexFunc(s, isVowel), bytes.IndexFunc(s, isVowel))
		check("LastIndex", in, cbytes.LastIndex(s, t), bytes.LastIndex(s, t))
		check("LastIndexAny", in, cbytes.LastIndexAny(s, ts), bytes.LastIndexAny(s, ts))
		check("LastIndexFunc", in, cbytes.LastIndexFunc(s, isVowel), bytes.LastIndexFunc(s, isVowel))
		parts := bytes.Split(s, []byte(","))
		check("Join", in, cbytes.Join(parts, t), bytes.Join(parts, t))
		check("Join nil", in, cbytes.Join(nil, t), bytes.Join(nil, t))
		check("Join one", in, cbytes.Join([][]byte{t}, s), bytes.Join([][]byte{t}, s))
		mapping := func(r rune) rune {
			switch r {
			case 'a':
				return -1
			case 'b':
				return 'é'
			}
			return unicode.ToUpper(r)
		}
		check("Map", in, cbytes.Map(mapping, s), bytes.Map(mapping, s))
		check("Repeat", in, catch(func() any { return cbytes.Repeat(t, n) }), catch(func() any { return bytes.Repeat(t, n) }))
		check("Replace", in, cbytes.Replace(s, t, []byte("<>"), n), bytes.Replace(s, t, []byte("<>"), n))
		check("ReplaceAll", in, cbytes.ReplaceAll(s, t, nil), bytes.ReplaceAll(s, t, nil))
		check("Runes", in, cbytes.Runes(s), bytes.Runes(s))
		check("Split", in, cbytes.Split(s, t), bytes.Split(s, t))
		check("SplitAfter", in, cbytes.SplitAfter(s, t), bytes.SplitAfter(s, t))
		check("SplitN", in, cbytes.SplitN(s, t, n), bytes.SplitN(s, t, n))
		check("SplitAfterN", in, cbytes.SplitAfterN(s, t, n), bytes.SplitAfterN(s, t, n))
		check("Title", in, cbytes.Title(s), bytes.Title(s))
		check("ToLower", in, cbytes.ToLower(s), bytes.ToLower(s))
		check("ToUpper", in, cbytes.ToUpper(s), bytes.ToUpper(s))
		check("ToTitle", in, cbytes.ToTitle(s), bytes.ToTitle(s))
		check("ToValidUTF8", in, cbytes.ToValidUTF8(s, t), bytes.ToValidUTF8(s, t))
		check("Trim", in, cbytes.Trim(s, ts), bytes.Trim(s, ts))
		check("TrimLeft", in, cbytes.TrimLeft(s, ts), bytes.TrimLeft(s, ts))
		check("TrimRight", in, cbytes.TrimRight(s, ts), bytes.TrimRight(s, ts))
		check("TrimFunc", in, cbytes.TrimFunc(s, isVowel), bytes.TrimFunc(s, isVowel))
		check("TrimLeftFunc", in, cbytes.TrimLeftFunc(s, isVowel), bytes.TrimLeftFunc(s, isVowel))
		check("TrimRightFunc", in, cbytes.TrimRightFunc(s, isVowel), bytes.TrimRightFunc(s, isVowel))
		check("TrimSpace", in, cbytes.TrimSpace(s), bytes.TrimSpace(s))
		check("TrimPrefix", in, cbytes.TrimPrefix(s, t), bytes.TrimPrefix(s, t))
		check("TrimSuffix", in, cbytes.TrimSuffix(s, t), bytes.TrimSuffix(s, t))
	}
	// Buffer: the same random operations on both.
	for iter := 0; iter < 3000; iter++ {
		var b1 cbytes.Buffer
		var b2 bytes.Buffer
		if iter%3 == 0 {
			init := randBytes(20)
			b1, b2 = *cbytes.NewBuffer(append([]byte(nil), init...)), *bytes.NewBuffer(append([]byte(nil), init...))
		}
		for op := 0; op < 30; op++ {
			k := next() % 16
			s := randBytes(30)
			in := []any{iter, op, k}
			var r1, r2 any
			switch k {
			case 0:
				n1, _ := b1.Write(s)
				n2, _ := b2.Write(s)
				r1, r2 = n1, n2
			case 1:
				n1, _ := b1.WriteString(string(s))
				n2, _ := b2.WriteString(string(s))
				r1, r2 = n1, n2
			case 2:
				r1, r2 = b1.WriteByte('x'), b2.WriteByte('x')
			case 3:
				n1, _ := b1.WriteRune('界')
				n2, _ := b2.WriteRune('界')
				r1, r2 = n1, n2
			case 4:
				p1, p2 := make([]byte, next()%8), make([]byte, 0)
				p2 = make([]byte, len(p1))
				n1, e1 := b1.Read(p1)
				n2, e2 := b2.Read(p2)
				r1, r2 = []any{n1, p1, errName(e1)}, []any{n2, p2, errName(e2)}
			case 5:
				c1, e1 := b1.ReadByte()
				c2, e2 := b2.ReadByte()
				r1, r2 = []any{c1, errName(e1)}, []any{c2, errName(e2)}
			case 6:
				x1, n1, e1 := b1.ReadRune()
				x2, n2, e2 := b2.ReadRune()
				r1, r2 = []any{x1, n1, errName(e1)}, []any{x2, n2, errName(e2)}
			case 7:
				r1, r2 = errName(b1.UnreadRune()), errName(b2.UnreadRune())
			case 8:
				r1, r2 = errName(b1.UnreadByte()), errName(b2.UnreadByte())
			case 9:
				l1, e1 := b1.ReadString(',')
				l2, e2 := b2.ReadString(',')
				r1, r2 = []any{l1, errName(e1)}, []any{l2, errName(e2)}
			case 10:
				l1, e1 := b1.ReadBytes(' ')
				l2, e2 := b2.ReadBytes(' ')
				r1, r2 = []any{l1, errName(e1)}, []any{l2, errName(e2)}
			case 11:
				m := int(next() % 10)
				r1, r2 = b1.Next(m), b2.Next(m)
			case 12:
				m := int(next()%200) - 5
				r1 = catch(func() any { b1.Grow(m); return nil })
				r2 = catch(func() any { b2.Grow(m); return nil })
			case 13:
				m := int(next() % 12)
				r1 = catch(func() any { b1.Truncate(m); return nil })
				r2 = catch(func() any { b2.Truncate(m); return nil })
			case 14:
				n1, e1 := b1.ReadFrom(cbytes.NewReader(s))
				n2, e2 := b2.ReadFrom(bytes.NewReader(s))
				r1, r2 = []any{n1, errName(e1)}, []any{n2, errName(e2)}
			case 15:
				var w1, w2 strings.Builder
				n1, e1 := b1.WriteTo(&w1)
				n2, e2 := b2.WriteTo(&w2)
				r1, r2 = []any{n1, w1.String(), errName(e1)}, []any{n2, w2.String(), errName(e2)}
			}
			check("Buffer op", in, r1, r2)
			check("Buffer state", in, []any{b1.String(), b1.Len(), b1.Cap(), b1.Available()}, []any{b2.String(), b2.Len(), b2.Cap(), b2.Available()})
		}
	}
	var nb *cbytes.Buffer
	var gb *bytes.Buffer
	check("nil Buffer String", 0, nb.String(), gb.String())
	// Reader.
	for iter := 0; iter < 3000; iter++ {
		data := randBytes(20)
		r1, r2 := cbytes.NewReader(data), bytes.NewReader(data)
		for op := 0; op < 20; op++ {
			k := next() % 8
			in := []any{iter, op, k}
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
	fmt.Printf("bytes: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
