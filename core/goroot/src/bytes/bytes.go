// Package bytes implements functions for the manipulation of byte slices. It is
// analogous to the facilities of the strings package.
//
// This is crossplay's implementation, written for crossplay's toolchain. The
// iterator functions are not part of it yet.
package bytes

import (
	"unicode"
	"unicode/utf8"
)

// Equal reports whether a and b are the same length and contain the same bytes. A
// nil argument is equivalent to an empty slice.
func Equal(a, b []byte) bool { return string(a) == string(b) }

// Compare returns an integer comparing two byte slices lexicographically. The
// result will be 0 if a == b, -1 if a < b, and +1 if a > b. A nil argument is
// equivalent to an empty slice.
func Compare(a, b []byte) int {
	sa, sb := string(a), string(b)
	switch {
	case sa == sb:
		return 0
	case sa < sb:
		return -1
	}
	return +1
}

// Clone returns a copy of b[:len(b)]. Clone(nil) returns nil.
func Clone(b []byte) []byte {
	if b == nil {
		return nil
	}
	return append([]byte{}, b...)
}

// Contains reports whether subslice is within b.
func Contains(b, subslice []byte) bool { return Index(b, subslice) != -1 }

// ContainsAny reports whether any of the UTF-8-encoded code points in chars are
// within b.
func ContainsAny(b []byte, chars string) bool { return IndexAny(b, chars) >= 0 }

// ContainsRune reports whether the rune is contained in the UTF-8-encoded byte
// slice b.
func ContainsRune(b []byte, r rune) bool { return IndexRune(b, r) >= 0 }

// ContainsFunc reports whether any of the UTF-8-encoded code points r within b
// satisfy f(r).
func ContainsFunc(b []byte, f func(rune) bool) bool { return IndexFunc(b, f) >= 0 }

// Count counts the number of non-overlapping instances of sep in s. If sep is
// empty, Count returns 1 + the number of UTF-8-encoded code points in s.
func Count(s, sep []byte) int {
	if len(sep) == 0 {
		return utf8.RuneCount(s) + 1
	}
	n := 0
	for {
		i := Index(s, sep)
		if i == -1 {
			return n
		}
		n++
		s = s[i+len(sep):]
	}
}

// HasPrefix reports whether the byte slice s begins with prefix.
func HasPrefix(s, prefix []byte) bool {
	return len(s) >= len(prefix) && Equal(s[:len(prefix)], prefix)
}

// HasSuffix reports whether the byte slice s ends with suffix.
func HasSuffix(s, suffix []byte) bool {
	return len(s) >= len(suffix) && Equal(s[len(s)-len(suffix):], suffix)
}

// Index returns the index of the first instance of sep in s, or -1 if sep is not
// present in s.
func Index(s, sep []byte) int {
	n := len(sep)
	if n == 0 {
		return 0
	}
	for i := 0; i+n <= len(s); i++ {
		if s[i] == sep[0] && Equal(s[i:i+n], sep) {
			return i
		}
	}
	return -1
}

// IndexByte returns the index of the first instance of c in b, or -1 if c is not
// present in b.
func IndexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// IndexRune interprets s as a sequence of UTF-8-encoded code points. It returns the
// byte index of the first occurrence in s of the given rune. It returns -1 if rune
// is not present in s. If r is utf8.RuneError, it returns the first instance of
// any invalid UTF-8 byte sequence.
func IndexRune(s []byte, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i := 0; i < len(s); {
			r1, n := utf8.DecodeRune(s[i:])
			if r1 == utf8.RuneError {
				return i
			}
			i += n
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	}
	return Index(s, utf8.AppendRune(nil, r))
}

// IndexAny interprets s as a sequence of UTF-8-encoded Unicode code points. It
// returns the byte index of the first occurrence in s of any of the Unicode code
// points in chars. It returns -1 if chars is empty or if there is no code point in
// common.
func IndexAny(s []byte, chars string) int {
	if chars == "" {
		return -1
	}
	for i := 0; i < len(s); {
		r, width := utf8.DecodeRune(s[i:])
		if r == utf8.RuneError && width == 1 {
			// An invalid byte matches only a RuneError in chars.
			for _, c := range chars {
				if c == utf8.RuneError {
					return i
				}
			}
		} else {
			for _, c := range chars {
				if c == r {
					return i
				}
			}
		}
		i += width
	}
	return -1
}

// IndexFunc interprets s as a sequence of UTF-8-encoded code points. It returns the
// byte index in s of the first Unicode code point satisfying f(c), or -1 if none do.
func IndexFunc(s []byte, f func(r rune) bool) int { return indexFunc(s, f, true) }

func indexFunc(s []byte, f func(r rune) bool, truth bool) int {
	for start := 0; start < len(s); {
		r, wid := utf8.DecodeRune(s[start:])
		if f(r) == truth {
			return start
		}
		start += wid
	}
	return -1
}

// LastIndex returns the index of the last instance of sep in s, or -1 if sep is not
// present in s.
func LastIndex(s, sep []byte) int {
	n := len(sep)
	if n == 0 {
		return len(s)
	}
	for i := len(s) - n; i >= 0; i-- {
		if Equal(s[i:i+n], sep) {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last instance of c in s, or -1 if c is not
// present in s.
func LastIndexByte(s []byte, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexAny interprets s as a sequence of UTF-8-encoded Unicode code points. It
// returns the byte index of the last occurrence in s of any of the Unicode code
// points in chars. It returns -1 if chars is empty or if there is no code point in
// common.
func LastIndexAny(s []byte, chars string) int {
	if chars == "" {
		return -1
	}
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRune(s[:i])
		i -= size
		if r == utf8.RuneError && size == 1 {
			for _, c := range chars {
				if c == utf8.RuneError {
					return i
				}
			}
			continue
		}
		for _, c := range chars {
			if c == r {
				return i
			}
		}
	}
	return -1
}

// LastIndexFunc interprets s as a sequence of UTF-8-encoded code points. It returns
// the byte index in s of the last Unicode code point satisfying f(c), or -1 if none
// do.
func LastIndexFunc(s []byte, f func(r rune) bool) int { return lastIndexFunc(s, f, true) }

func lastIndexFunc(s []byte, f func(r rune) bool, truth bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRune(s[0:i])
		i -= size
		if f(r) == truth {
			return i
		}
	}
	return -1
}

// explode splits s into a slice of UTF-8 sequences, one per Unicode code point (still
// slices of bytes), up to a maximum of n byte slices. Invalid UTF-8 sequences are
// chopped into individual bytes.
func explode(s []byte, n int) [][]byte {
	if n <= 0 || n > len(s) {
		n = len(s)
	}
	a := make([][]byte, n)
	var size int
	na := 0
	for len(s) > 0 {
		if na+1 >= n {
			a[na] = s
			na++
			break
		}
		_, size = utf8.DecodeRune(s)
		a[na] = s[0:size:size]
		s = s[size:]
		na++
	}
	return a[0:na]
}

// genSplit splits s around each instance of sep, keeping sepSave bytes of sep in
// the pieces, into at most n pieces.
func genSplit(s, sep []byte, sepSave, n int) [][]byte {
	if n == 0 {
		return nil
	}
	if len(sep) == 0 {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([][]byte, n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		// Pieces have their capacity cut so appending to one never writes into
		// the next.
		a[i] = s[: m+sepSave : m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// SplitN slices s into subslices separated by sep and returns a slice of the
// subslices between those separators, at most n of them (n < 0: all).
func SplitN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, 0, n) }

// SplitAfterN slices s into subslices after each instance of sep and returns a
// slice of those subslices, at most n of them (n < 0: all).
func SplitAfterN(s, sep []byte, n int) [][]byte { return genSplit(s, sep, len(sep), n) }

// Split slices s into all subslices separated by sep and returns a slice of the
// subslices between those separators.
func Split(s, sep []byte) [][]byte { return genSplit(s, sep, 0, -1) }

// SplitAfter slices s into all subslices after each instance of sep and returns a
// slice of those subslices.
func SplitAfter(s, sep []byte) [][]byte { return genSplit(s, sep, len(sep), -1) }

// Fields interprets s as a sequence of UTF-8-encoded code points. It splits the
// slice s around each instance of one or more consecutive white space characters,
// as defined by unicode.IsSpace, returning a slice of subslices of s or an empty
// slice if s contains only white space.
func Fields(s []byte) [][]byte { return FieldsFunc(s, unicode.IsSpace) }

// FieldsFunc interprets s as a sequence of UTF-8-encoded code points. It splits the
// slice s at each run of code points c satisfying f(c) and returns a slice of
// subslices of s. If all code points in s satisfy f(c), or len(s) == 0, an empty
// slice is returned.
func FieldsFunc(s []byte, f func(rune) bool) [][]byte {
	var spans [][2]int
	start := -1
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRune(s[i:])
		if f(r) {
			if start >= 0 {
				spans = append(spans, [2]int{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	a := make([][]byte, len(spans))
	for i, sp := range spans {
		a[i] = s[sp[0]:sp[1]:sp[1]]
	}
	return a
}

// Join concatenates the elements of s to create a new byte slice. The separator
// sep is placed between elements in the resulting slice.
func Join(s [][]byte, sep []byte) []byte {
	if len(s) == 0 {
		return []byte{}
	}
	if len(s) == 1 {
		// Just return a copy.
		return append([]byte(nil), s[0]...)
	}
	n := len(sep) * (len(s) - 1)
	for _, v := range s {
		n += len(v)
	}
	b := make([]byte, 0, n)
	b = append(b, s[0]...)
	for _, v := range s[1:] {
		b = append(b, sep...)
		b = append(b, v...)
	}
	return b
}

// Map returns a copy of the byte slice s with all its characters modified according
// to the mapping function. If mapping returns a negative value, the character is
// dropped from the byte slice with no replacement. The characters in s and the
// output are interpreted as UTF-8-encoded code points.
func Map(mapping func(r rune) rune, s []byte) []byte {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		r, wid := utf8.DecodeRune(s[i:])
		if r = mapping(r); r >= 0 {
			b = utf8.AppendRune(b, r)
		}
		i += wid
	}
	return b
}

// Repeat returns a new byte slice consisting of count copies of b. It panics if
// count is negative or if the result of (len(b) * count) overflows.
func Repeat(b []byte, count int) []byte {
	if count == 0 {
		return []byte{}
	}
	if count < 0 {
		panic("bytes: negative Repeat count")
	}
	if len(b) > 0 && count > maxInt/len(b) {
		panic("bytes: Repeat output length overflow")
	}
	out := make([]byte, 0, len(b)*count)
	for i := 0; i < count; i++ {
		out = append(out, b...)
	}
	return out
}

const maxInt = int(^uint(0) >> 1)

// ToUpper returns a copy of the byte slice s with all Unicode letters mapped to
// their upper case.
func ToUpper(s []byte) []byte {
	isASCII, hasLower := true, false
	for _, c := range s {
		if c >= utf8.RuneSelf {
			isASCII = false
			break
		}
		hasLower = hasLower || ('a' <= c && c <= 'z')
	}
	if isASCII {
		if !hasLower {
			// Just return a copy.
			return append([]byte(""), s...)
		}
		b := make([]byte, len(s))
		for i, c := range s {
			if 'a' <= c && c <= 'z' {
				c -= 'a' - 'A'
			}
			b[i] = c
		}
		return b
	}
	return Map(unicode.ToUpper, s)
}

// ToLower returns a copy of the byte slice s with all Unicode letters mapped to
// their lower case.
func ToLower(s []byte) []byte {
	isASCII, hasUpper := true, false
	for _, c := range s {
		if c >= utf8.RuneSelf {
			isASCII = false
			break
		}
		hasUpper = hasUpper || ('A' <= c && c <= 'Z')
	}
	if isASCII {
		if !hasUpper {
			return append([]byte(""), s...)
		}
		b := make([]byte, len(s))
		for i, c := range s {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return b
	}
	return Map(unicode.ToLower, s)
}

// ToTitle treats s as UTF-8-encoded bytes and returns a copy with all the Unicode
// letters mapped to their title case.
func ToTitle(s []byte) []byte { return Map(unicode.ToTitle, s) }

// ToValidUTF8 treats s as UTF-8-encoded bytes and returns a copy with each run of
// bytes representing invalid UTF-8 replaced with the bytes in replacement, which
// may be empty.
func ToValidUTF8(s, replacement []byte) []byte {
	b := make([]byte, 0, len(s)+len(replacement))
	invalid := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			invalid = false
			b = append(b, c)
			continue
		}
		_, wid := utf8.DecodeRune(s[i:])
		if wid == 1 {
			i++
			if !invalid {
				invalid = true
				b = append(b, replacement...)
			}
			continue
		}
		invalid = false
		b = append(b, s[i:i+wid]...)
		i += wid
	}
	return b
}

// isSeparator reports whether the rune could mark a word boundary.
func isSeparator(r rune) bool {
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9', 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', r == '_':
			return false
		}
		return true
	}
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	return unicode.IsSpace(r)
}

// Title treats s as UTF-8-encoded bytes and returns a copy with all Unicode letters
// that begin words mapped to their title case.
//
// Deprecated: The rule Title uses for word boundaries does not handle Unicode
// punctuation properly.
func Title(s []byte) []byte {
	prev := ' '
	return Map(
		func(r rune) rune {
			if isSeparator(prev) {
				prev = r
				return unicode.ToTitle(r)
			}
			prev = r
			return r
		},
		s)
}

// TrimLeftFunc treats s as UTF-8-encoded bytes and returns a subslice of s by
// slicing off all leading UTF-8-encoded code points c that satisfy f(c).
func TrimLeftFunc(s []byte, f func(r rune) bool) []byte {
	i := indexFunc(s, f, false)
	if i == -1 {
		return nil
	}
	return s[i:]
}

// TrimRightFunc returns a subslice of s by slicing off all trailing UTF-8-encoded
// code points c that satisfy f(c).
func TrimRightFunc(s []byte, f func(r rune) bool) []byte {
	i := lastIndexFunc(s, f, false)
	if i >= 0 && s[i] >= utf8.RuneSelf {
		_, wid := utf8.DecodeRune(s[i:])
		i += wid
	} else {
		i++
	}
	return s[0:i]
}

// TrimFunc returns a subslice of s by slicing off all leading and trailing
// UTF-8-encoded code points c that satisfy f(c).
func TrimFunc(s []byte, f func(r rune) bool) []byte {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func inCutset(cutset string) func(rune) bool {
	return func(r rune) bool {
		for _, c := range cutset {
			if c == r {
				return true
			}
		}
		return false
	}
}

// Trim returns a subslice of s by slicing off all leading and trailing
// UTF-8-encoded code points contained in cutset.
func Trim(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return TrimFunc(s, inCutset(cutset))
}

// TrimLeft returns a subslice of s by slicing off all leading UTF-8-encoded code
// points contained in cutset.
func TrimLeft(s []byte, cutset string) []byte {
	if len(s) == 0 {
		return nil
	}
	if cutset == "" {
		return s
	}
	return TrimLeftFunc(s, inCutset(cutset))
}

// TrimRight returns a subslice of s by slicing off all trailing UTF-8-encoded code
// points that are contained in cutset.
func TrimRight(s []byte, cutset string) []byte {
	if len(s) == 0 || cutset == "" {
		return s
	}
	return TrimRightFunc(s, inCutset(cutset))
}

// TrimSpace returns a subslice of s by slicing off all leading and trailing white
// space, as defined by Unicode.
func TrimSpace(s []byte) []byte {
	t := TrimFunc(s, unicode.IsSpace)
	if len(t) == 0 {
		// An all-space (or empty) input gives nil, not an empty slice.
		return nil
	}
	return t
}

// TrimPrefix returns s without the provided leading prefix string. If s doesn't
// start with prefix, s is returned unchanged.
func TrimPrefix(s, prefix []byte) []byte {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without the provided trailing suffix string. If s doesn't
// end with suffix, s is returned unchanged.
func TrimSuffix(s, suffix []byte) []byte {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Runes interprets s as a sequence of UTF-8-encoded code points. It returns a slice
// of runes (Unicode code points) equivalent to s.
func Runes(s []byte) []rune {
	t := make([]rune, utf8.RuneCount(s))
	i := 0
	for len(s) > 0 {
		r, l := utf8.DecodeRune(s)
		t[i] = r
		i++
		s = s[l:]
	}
	return t
}

// Replace returns a copy of the slice s with the first n non-overlapping instances
// of old replaced by new. If old is empty, it matches at the beginning of the slice
// and after each UTF-8 sequence, yielding up to k+1 replacements for a k-rune
// slice. If n < 0, there is no limit on the number of replacements.
func Replace(s, old, new []byte, n int) []byte {
	m := 0
	if n != 0 {
		m = Count(s, old)
	}
	if m == 0 {
		// Just return a copy.
		return append([]byte(nil), s...)
	}
	if n < 0 || m < n {
		n = m
	}
	t := make([]byte, 0, len(s)+n*(len(new)-len(old)))
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				_, wid := utf8.DecodeRune(s[start:])
				j += wid
			}
		} else {
			j += Index(s[start:], old)
		}
		t = append(t, s[start:j]...)
		t = append(t, new...)
		start = j + len(old)
	}
	return append(t, s[start:]...)
}

// ReplaceAll returns a copy of the slice s with all non-overlapping instances of old
// replaced by new.
func ReplaceAll(s, old, new []byte) []byte { return Replace(s, old, new, -1) }

// EqualFold reports whether s and t, interpreted as UTF-8 strings, are equal under
// simple Unicode case-folding, which is a more general form of case-insensitivity.
func EqualFold(s, t []byte) bool {
	for len(s) > 0 && len(t) > 0 {
		sr, ss := utf8.DecodeRune(s)
		tr, ts := utf8.DecodeRune(t)
		s, t = s[ss:], t[ts:]
		if sr == tr {
			continue
		}
		if tr < sr {
			tr, sr = sr, tr
		}
		if tr < utf8.RuneSelf {
			if 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A' {
				continue
			}
			return false
		}
		r := unicode.SimpleFold(sr)
		for r != sr && r < tr {
			r = unicode.SimpleFold(r)
		}
		if r == tr {
			continue
		}
		return false
	}
	return len(s) == len(t)
}

// Cut slices s around the first instance of sep, returning the text before and
// after sep. The found result reports whether sep appears in s. If sep does not
// appear in s, cut returns s, nil, false. Cut returns slices of the original slice
// s, not copies.
func Cut(s, sep []byte) (before, after []byte, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, nil, false
}

// CutPrefix returns s without the provided leading prefix byte slice and reports
// whether it found the prefix. If s doesn't start with prefix, CutPrefix returns s,
// false. If prefix is the empty byte slice, CutPrefix returns s, true.
func CutPrefix(s, prefix []byte) (after []byte, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// CutSuffix returns s without the provided ending suffix byte slice and reports
// whether it found the suffix. If s doesn't end with suffix, CutSuffix returns s,
// false. If suffix is the empty byte slice, CutSuffix returns s, true.
func CutSuffix(s, suffix []byte) (before []byte, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}
