// Differential check of crossplay's strings against Go's: every function over
// pseudo-random strings from an alphabet with ASCII, spaces (incl. NEL, NBSP, U+2000),
// case-folding specials (ǅ, ß, Σσς, the Kelvin sign), CJK and invalid UTF-8.
package main

import (
	"fmt"
	"os"
	"strings"
	"unicode"

	cstrings "crossplaystd/strings"
)

var failures, checks int

func check(what string, in []string, got, want any) {
	checks++
	g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want)
	if g != w {
		failures++
		if failures <= 25 {
			fmt.Printf("%s(%q): got %s, want %s\n", what, in, g, w)
		}
	}
}

func catch(f func() string) (out string) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("panic: ", r)
		}
	}()
	return f()
}

var alphabet = []string{"a", "b", "A", "B", "z", "0", "9", " ", "\t", "\n", "\u0085", "\u00a0", "\u2000",
	",", "ab", ".", "_", "é", "É", "ß", "ǅ", "ǆ", "Σ", "σ", "ς", "K", "\u212a", "k", "世", "界", "\xff", "\xe4\xb8", "\U0001F600"}

var seed uint64 = 0x2545F4914F6CDD1D

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func randString(max int) string {
	n := int(next() % uint64(max+1))
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(alphabet[next()%uint64(len(alphabet))])
	}
	return b.String()
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouAEIOUé", r) }

func main() {
	for iter := 0; iter < 60000; iter++ {
		s, t := randString(8), randString(3)
		if iter%7 == 0 && len(s) > 2 {
			t = s[1 : 1+int(next()%uint64(len(s)-1))]
		}
		in := []string{s, t}
		n := int(next()%5) - 1
		check("Compare", in, cstrings.Compare(s, t), strings.Compare(s, t))
		check("Clone", in, cstrings.Clone(s), strings.Clone(s))
		check("Contains", in, cstrings.Contains(s, t), strings.Contains(s, t))
		check("ContainsAny", in, cstrings.ContainsAny(s, t), strings.ContainsAny(s, t))
		check("ContainsFunc", in, cstrings.ContainsFunc(s, isVowel), strings.ContainsFunc(s, isVowel))
		check("Count", in, cstrings.Count(s, t), strings.Count(s, t))
		a1, b1, f1 := cstrings.Cut(s, t)
		a2, b2, f2 := strings.Cut(s, t)
		check("Cut", in, []any{a1, b1, f1}, []any{a2, b2, f2})
		c1, g1 := cstrings.CutPrefix(s, t)
		c2, g2 := strings.CutPrefix(s, t)
		check("CutPrefix", in, []any{c1, g1}, []any{c2, g2})
		c1, g1 = cstrings.CutSuffix(s, t)
		c2, g2 = strings.CutSuffix(s, t)
		check("CutSuffix", in, []any{c1, g1}, []any{c2, g2})
		check("EqualFold", in, cstrings.EqualFold(s, t), strings.EqualFold(s, t))
		u := strings.ToUpper(s)
		check("EqualFold upper", in, cstrings.EqualFold(s, u), strings.EqualFold(s, u))
		check("Fields", in, cstrings.Fields(s), strings.Fields(s))
		check("FieldsFunc", in, cstrings.FieldsFunc(s, isVowel), strings.FieldsFunc(s, isVowel))
		check("HasPrefix", in, cstrings.HasPrefix(s, t), strings.HasPrefix(s, t))
		check("HasSuffix", in, cstrings.HasSuffix(s, t), strings.HasSuffix(s, t))
		check("Index", in, cstrings.Index(s, t), strings.Index(s, t))
		check("IndexAny", in, cstrings.IndexAny(s, t), strings.IndexAny(s, t))
		if len(t) > 0 {
			check("IndexByte", in, cstrings.IndexByte(s, t[0]), strings.IndexByte(s, t[0]))
			check("LastIndexByte", in, cstrings.LastIndexByte(s, t[0]), strings.LastIndexByte(s, t[0]))
		}
		for _, r := range []rune{'a', 'é', '世', unicode.ReplacementChar, -1, 0x110000, 0xD800} {
			check(fmt.Sprint("IndexRune ", r), in, cstrings.IndexRune(s, r), strings.IndexRune(s, r))
			check(fmt.Sprint("ContainsRune ", r), in, cstrings.ContainsRune(s, r), strings.ContainsRune(s, r))
		}
		check("IndexFunc", in, cstrings.IndexFunc(s, isVowel), strings.IndexFunc(s, isVowel))
		check("LastIndex", in, cstrings.LastIndex(s, t), strings.LastIndex(s, t))
		check("LastIndexAny", in, cstrings.LastIndexAny(s, t), strings.LastIndexAny(s, t))
		check("LastIndexFunc", in, cstrings.LastIndexFunc(s, isVowel), strings.LastIndexFunc(s, isVowel))
		parts := strings.Split(s, ",")
		check("Join", in, cstrings.Join(parts, t), strings.Join(parts, t))
		check("Join empty", in, cstrings.Join(nil, t), strings.Join(nil, t))
		mapping := func(r rune) rune {
			switch {
			case r == 'a':
				return -1
			case r == 'b':
				return 'é'
			case r == unicode.ReplacementChar:
				return '?'
			}
			return unicode.ToUpper(r)
		}
		check("Map", in, cstrings.Map(mapping, s), strings.Map(mapping, s))
		check("Map identity", in, cstrings.Map(func(r rune) rune { return r }, s), strings.Map(func(r rune) rune { return r }, s))
		check("Repeat", in, catch(func() string { return cstrings.Repeat(t, n) }), catch(func() string { return strings.Repeat(t, n) }))
		check("Replace", in, cstrings.Replace(s, t, "<>", n), strings.Replace(s, t, "<>", n))
		check("ReplaceAll", in, cstrings.ReplaceAll(s, t, "_"), strings.ReplaceAll(s, t, "_"))
		check("Split", in, cstrings.Split(s, t), strings.Split(s, t))
		check("SplitAfter", in, cstrings.SplitAfter(s, t), strings.SplitAfter(s, t))
		check("SplitN", in, cstrings.SplitN(s, t, n), strings.SplitN(s, t, n))
		check("SplitAfterN", in, cstrings.SplitAfterN(s, t, n), strings.SplitAfterN(s, t, n))
		check("Title", in, cstrings.Title(s), strings.Title(s))
		check("ToLower", in, cstrings.ToLower(s), strings.ToLower(s))
		check("ToUpper", in, cstrings.ToUpper(s), strings.ToUpper(s))
		check("ToTitle", in, cstrings.ToTitle(s), strings.ToTitle(s))
		check("ToValidUTF8", in, cstrings.ToValidUTF8(s, t), strings.ToValidUTF8(s, t))
		check("Trim", in, cstrings.Trim(s, t), strings.Trim(s, t))
		check("TrimLeft", in, cstrings.TrimLeft(s, t), strings.TrimLeft(s, t))
		check("TrimRight", in, cstrings.TrimRight(s, t), strings.TrimRight(s, t))
		check("TrimFunc", in, cstrings.TrimFunc(s, isVowel), strings.TrimFunc(s, isVowel))
		check("TrimLeftFunc", in, cstrings.TrimLeftFunc(s, isVowel), strings.TrimLeftFunc(s, isVowel))
		check("TrimRightFunc", in, cstrings.TrimRightFunc(s, isVowel), strings.TrimRightFunc(s, isVowel))
		check("TrimSpace", in, cstrings.TrimSpace(s), strings.TrimSpace(s))
		check("TrimPrefix", in, cstrings.TrimPrefix(s, t), strings.TrimPrefix(s, t))
		check("TrimSuffix", in, cstrings.TrimSuffix(s, t), strings.TrimSuffix(s, t))
	}
	// Builder
	var b1 cstrings.Builder
	var b2 strings.Builder
	for i := 0; i < 200; i++ {
		s := randString(4)
		n1, e1 := b1.WriteString(s)
		n2, e2 := b2.WriteString(s)
		check("Builder.WriteString", []string{s}, []any{n1, e1}, []any{n2, e2})
		r := []rune(s + "x")[0]
		m1, _ := b1.WriteRune(r)
		m2, _ := b2.WriteRune(r)
		check("Builder.WriteRune", []string{s}, m1, m2)
		b1.WriteByte((s + "x")[0])
		b2.WriteByte((s + "x")[0])
		b1.Write([]byte(s))
		b2.Write([]byte(s))
		check("Builder.String", []string{s}, []any{b1.String(), b1.Len()}, []any{b2.String(), b2.Len()})
		if i%50 == 0 {
			b1.Reset()
			b2.Reset()
		}
	}
	copied := catch(func() string {
		var b cstrings.Builder
		b.WriteString("x")
		c := b
		c.WriteString("y")
		return c.String()
	})
	want := catch(func() string {
		var b strings.Builder
		b.WriteString("x")
		c := b
		c.WriteString("y")
		return c.String()
	})
	check("Builder copy", nil, copied, want)
	fmt.Printf("strings: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
