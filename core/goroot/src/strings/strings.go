// Package strings implements simple functions to manipulate UTF-8 encoded strings.
//
// This is crossplay's implementation, written for crossplay's toolchain.
package strings

import (
	"unicode"
	"unicode/utf8"
)

// Clone returns a fresh copy of s.
func Clone(s string) string {
	if len(s) == 0 {
		return ""
	}
	return string([]byte(s))
}

// Compare returns an integer comparing two strings lexicographically. The result
// will be 0 if a == b, -1 if a < b, and +1 if a > b.
func Compare(a, b string) int {
	switch {
	case a == b:
		return 0
	case a < b:
		return -1
	}
	return +1
}

// Contains reports whether substr is within s.
func Contains(s, substr string) bool { return Index(s, substr) >= 0 }

// ContainsAny reports whether any Unicode code points in chars are within s.
func ContainsAny(s, chars string) bool { return IndexAny(s, chars) >= 0 }

// ContainsRune reports whether the Unicode code point r is within s.
func ContainsRune(s string, r rune) bool { return IndexRune(s, r) >= 0 }

// ContainsFunc reports whether any Unicode code points r within s satisfy f(r).
func ContainsFunc(s string, f func(rune) bool) bool { return IndexFunc(s, f) >= 0 }

// Count counts the number of non-overlapping instances of substr in s. If substr
// is an empty string, Count returns 1 + the number of Unicode code points in s.
func Count(s, substr string) int {
	if len(substr) == 0 {
		return utf8.RuneCountInString(s) + 1
	}
	n := 0
	for {
		i := Index(s, substr)
		if i < 0 {
			return n
		}
		n++
		s = s[i+len(substr):]
	}
}

// Cut slices s around the first instance of sep, returning the text before and
// after sep. The found result reports whether sep appears in s. If sep does not
// appear in s, cut returns s, "", false.
func Cut(s, sep string) (before, after string, found bool) {
	if i := Index(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// CutPrefix returns s without the provided leading prefix string and reports
// whether it found the prefix. If s doesn't start with prefix, CutPrefix returns
// s, false. If prefix is the empty string, CutPrefix returns s, true.
func CutPrefix(s, prefix string) (after string, found bool) {
	if !HasPrefix(s, prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// CutSuffix returns s without the provided ending suffix string and reports
// whether it found the suffix. If s doesn't end with suffix, CutSuffix returns s,
// false. If suffix is the empty string, CutSuffix returns s, true.
func CutSuffix(s, suffix string) (before string, found bool) {
	if !HasSuffix(s, suffix) {
		return s, false
	}
	return s[:len(s)-len(suffix)], true
}

// HasPrefix reports whether the string s begins with prefix.
func HasPrefix(s, prefix string) bool {
	return len(s) >= len(prefix) && s[:len(prefix)] == prefix
}

// HasSuffix reports whether the string s ends with suffix.
func HasSuffix(s, suffix string) bool {
	return len(s) >= len(suffix) && s[len(s)-len(suffix):] == suffix
}

// Index returns the index of the first instance of substr in s, or -1 if substr is
// not present in s.
func Index(s, substr string) int {
	n := len(substr)
	switch {
	case n == 0:
		return 0
	case n == 1:
		return IndexByte(s, substr[0])
	case n > len(s):
		return -1
	}
	first := substr[0]
	for i := 0; i+n <= len(s); i++ {
		if s[i] == first && s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// IndexByte returns the index of the first instance of c in s, or -1 if c is not
// present in s.
func IndexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// IndexRune returns the index of the first instance of the Unicode code point r,
// or -1 if rune is not present in s. If r is utf8.RuneError, it returns the first
// instance of any invalid UTF-8 byte sequence.
func IndexRune(s string, r rune) int {
	switch {
	case 0 <= r && r < utf8.RuneSelf:
		return IndexByte(s, byte(r))
	case r == utf8.RuneError:
		for i, c := range s {
			if c == utf8.RuneError {
				return i
			}
		}
		return -1
	case !utf8.ValidRune(r):
		return -1
	}
	return Index(s, string(r))
}

// IndexAny returns the index of the first instance of any Unicode code point from
// chars in s, or -1 if no Unicode code point from chars is present in s.
func IndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i, c := range s {
		if IndexRune(chars, c) >= 0 {
			return i
		}
	}
	return -1
}

// IndexFunc returns the index into s of the first Unicode code point satisfying
// f(c), or -1 if none do.
func IndexFunc(s string, f func(rune) bool) int { return indexFunc(s, f, true) }

func indexFunc(s string, f func(rune) bool, truth bool) int {
	for i, r := range s {
		if f(r) == truth {
			return i
		}
	}
	return -1
}

// LastIndex returns the index of the last instance of substr in s, or -1 if substr
// is not present in s.
func LastIndex(s, substr string) int {
	n := len(substr)
	if n == 0 {
		return len(s)
	}
	for i := len(s) - n; i >= 0; i-- {
		if s[i:i+n] == substr {
			return i
		}
	}
	return -1
}

// LastIndexByte returns the index of the last instance of c in s, or -1 if c is
// not present in s.
func LastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// LastIndexAny returns the index of the last instance of any Unicode code point
// from chars in s, or -1 if no Unicode code point from chars is present in s.
func LastIndexAny(s, chars string) int {
	if chars == "" {
		return -1
	}
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if IndexRune(chars, r) >= 0 {
			return i
		}
	}
	return -1
}

// LastIndexFunc returns the index into s of the last Unicode code point satisfying
// f(c), or -1 if none do.
func LastIndexFunc(s string, f func(rune) bool) int { return lastIndexFunc(s, f, true) }

func lastIndexFunc(s string, f func(rune) bool, truth bool) int {
	for i := len(s); i > 0; {
		r, size := utf8.DecodeLastRuneInString(s[0:i])
		i -= size
		if f(r) == truth {
			return i
		}
	}
	return -1
}

// genSplit splits s around each instance of sep, including sepSave bytes of sep in
// the subarrays.
func genSplit(s, sep string, sepSave, n int) []string {
	if n == 0 {
		return nil
	}
	if sep == "" {
		return explode(s, n)
	}
	if n < 0 {
		n = Count(s, sep) + 1
	}
	if n > len(s)+1 {
		n = len(s) + 1
	}
	a := make([]string, n)
	n--
	i := 0
	for i < n {
		m := Index(s, sep)
		if m < 0 {
			break
		}
		a[i] = s[:m+sepSave]
		s = s[m+len(sep):]
		i++
	}
	a[i] = s
	return a[:i+1]
}

// explode splits s into a slice of UTF-8 strings, one string per Unicode
// character up to a maximum of n (n < 0 means no limit). Invalid UTF-8 bytes are
// sliced individually.
func explode(s string, n int) []string {
	l := utf8.RuneCountInString(s)
	if n < 0 || n > l {
		n = l
	}
	a := make([]string, n)
	for i := 0; i < n-1; i++ {
		_, size := utf8.DecodeRuneInString(s)
		a[i] = s[:size]
		s = s[size:]
	}
	if n > 0 {
		a[n-1] = s
	}
	return a
}

// SplitN slices s into substrings separated by sep and returns a slice of the
// substrings between those separators. n > 0: at most n substrings, the last being
// the unsplit remainder; n == 0: nil; n < 0: all substrings.
func SplitN(s, sep string, n int) []string { return genSplit(s, sep, 0, n) }

// SplitAfterN slices s into substrings after each instance of sep and returns a
// slice of those substrings, counted as in SplitN.
func SplitAfterN(s, sep string, n int) []string { return genSplit(s, sep, len(sep), n) }

// Split slices s into all substrings separated by sep and returns a slice of the
// substrings between those separators.
func Split(s, sep string) []string { return genSplit(s, sep, 0, -1) }

// SplitAfter slices s into all substrings after each instance of sep and returns a
// slice of those substrings.
func SplitAfter(s, sep string) []string { return genSplit(s, sep, len(sep), -1) }

// Fields splits the string s around each instance of one or more consecutive white
// space characters, as defined by unicode.IsSpace, returning a slice of substrings
// of s or an empty slice if s contains only white space.
func Fields(s string) []string { return FieldsFunc(s, unicode.IsSpace) }

// FieldsFunc splits the string s at each run of Unicode code points c satisfying
// f(c) and returns an array of slices of s. If all code points in s satisfy f(c) or
// the string is empty, an empty slice is returned.
func FieldsFunc(s string, f func(rune) bool) []string {
	var spans [][2]int
	start := -1
	for end, r := range s {
		if f(r) {
			if start >= 0 {
				spans = append(spans, [2]int{start, end})
				start = -1
			}
		} else if start < 0 {
			start = end
		}
	}
	if start >= 0 {
		spans = append(spans, [2]int{start, len(s)})
	}
	a := make([]string, len(spans))
	for i, sp := range spans {
		a[i] = s[sp[0]:sp[1]]
	}
	return a
}

// Join concatenates the elements of its first argument to create a single string.
// The separator string sep is placed between elements in the resulting string.
func Join(elems []string, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0]
	}
	n := len(sep) * (len(elems) - 1)
	for _, e := range elems {
		n += len(e)
	}
	b := make([]byte, 0, n)
	b = append(b, elems[0]...)
	for _, e := range elems[1:] {
		b = append(b, sep...)
		b = append(b, e...)
	}
	return string(b)
}

// Map returns a copy of the string s with all its characters modified according to
// the mapping function. If mapping returns a negative value, the character is
// dropped from the string with no replacement. Invalid UTF-8 decodes as
// utf8.RuneError.
func Map(mapping func(rune) rune, s string) string {
	// Keep s itself when nothing changes.
	for i, c := range s {
		r := mapping(c)
		if r == c && c != utf8.RuneError {
			continue
		}
		var width int
		if c == utf8.RuneError {
			c, width = utf8.DecodeRuneInString(s[i:])
			if width != 1 && r == c {
				continue
			}
		} else {
			width = utf8.RuneLen(c)
		}
		b := make([]byte, 0, len(s)+utf8.UTFMax)
		b = append(b, s[:i]...)
		if r >= 0 {
			b = utf8.AppendRune(b, r)
		}
		for _, c := range s[i+width:] {
			if r := mapping(c); r >= 0 {
				// Common case: plain ASCII.
				if r < utf8.RuneSelf {
					b = append(b, byte(r))
				} else {
					b = utf8.AppendRune(b, r)
				}
			}
		}
		return string(b)
	}
	return s
}

// Repeat returns a new string consisting of count copies of the string s. It
// panics if count is negative or if the result of (len(s) * count) overflows.
func Repeat(s string, count int) string {
	switch {
	case count == 0:
		return ""
	case count < 0:
		panic("strings: negative Repeat count")
	}
	hi, lo := mulUint(uint64(len(s)), uint64(count))
	if hi > 0 || lo > uint64(maxInt) {
		panic("strings: Repeat output length overflow")
	}
	b := make([]byte, 0, int(lo))
	for i := 0; i < count; i++ {
		b = append(b, s...)
	}
	return string(b)
}

const maxInt = int(^uint(0) >> 1)

func mulUint(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	w0 := x0 * y0
	t := x1*y0 + w0>>32
	w1 := t&mask32 + x0*y1
	hi = x1*y1 + t>>32 + w1>>32
	lo = x * y
	return
}

// ToUpper returns s with all Unicode letters mapped to their upper case.
func ToUpper(s string) string {
	isASCII, hasLower := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			isASCII = false
			break
		}
		hasLower = hasLower || ('a' <= c && c <= 'z')
	}
	if isASCII {
		if !hasLower {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			if 'a' <= c && c <= 'z' {
				b[i] = c - ('a' - 'A')
			}
		}
		return string(b)
	}
	return Map(unicode.ToUpper, s)
}

// ToLower returns s with all Unicode letters mapped to their lower case.
func ToLower(s string) string {
	isASCII, hasUpper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			isASCII = false
			break
		}
		hasUpper = hasUpper || ('A' <= c && c <= 'Z')
	}
	if isASCII {
		if !hasUpper {
			return s
		}
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + ('a' - 'A')
			}
		}
		return string(b)
	}
	return Map(unicode.ToLower, s)
}

// ToTitle returns a copy of the string s with all Unicode letters mapped to their
// Unicode title case.
func ToTitle(s string) string { return Map(unicode.ToTitle, s) }

// ToValidUTF8 returns a copy of the string s with each run of invalid UTF-8 byte
// sequences replaced by the replacement string, which may be empty.
func ToValidUTF8(s, replacement string) string {
	var b []byte
	invalid := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			invalid = false
			b = append(b, c)
			continue
		}
		_, wid := utf8.DecodeRuneInString(s[i:])
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
	return string(b)
}

// isSeparator reports whether the rune could mark a word boundary.
func isSeparator(r rune) bool {
	// ASCII alphanumerics and underscore are not separators
	if r <= 0x7F {
		switch {
		case '0' <= r && r <= '9':
			return false
		case 'a' <= r && r <= 'z':
			return false
		case 'A' <= r && r <= 'Z':
			return false
		case r == '_':
			return false
		}
		return true
	}
	// Letters and digits are not separators
	if unicode.IsLetter(r) || unicode.IsDigit(r) {
		return false
	}
	// Otherwise, all we can do for now is treat spaces as separators.
	return unicode.IsSpace(r)
}

// Title returns a copy of the string s with all Unicode letters that begin words
// mapped to their Unicode title case.
//
// Deprecated: The rule Title uses for word boundaries does not handle Unicode
// punctuation properly.
func Title(s string) string {
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

// TrimLeftFunc returns a slice of the string s with all leading Unicode code points
// c satisfying f(c) removed.
func TrimLeftFunc(s string, f func(rune) bool) string {
	i := indexFunc(s, f, false)
	if i == -1 {
		return ""
	}
	return s[i:]
}

// TrimRightFunc returns a slice of the string s with all trailing Unicode code
// points c satisfying f(c) removed.
func TrimRightFunc(s string, f func(rune) bool) string {
	i := lastIndexFunc(s, f, false)
	if i >= 0 && s[i] >= utf8.RuneSelf {
		_, wid := utf8.DecodeRuneInString(s[i:])
		i += wid
	} else {
		i++
	}
	return s[0:i]
}

// TrimFunc returns a slice of the string s with all leading and trailing Unicode
// code points c satisfying f(c) removed.
func TrimFunc(s string, f func(rune) bool) string {
	return TrimRightFunc(TrimLeftFunc(s, f), f)
}

func inCutset(cutset string) func(rune) bool {
	return func(r rune) bool { return IndexRune(cutset, r) >= 0 }
}

// Trim returns a slice of the string s with all leading and trailing Unicode code
// points contained in cutset removed.
func Trim(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimFunc(s, inCutset(cutset))
}

// TrimLeft returns a slice of the string s with all leading Unicode code points
// contained in cutset removed. To remove a prefix, use TrimPrefix instead.
func TrimLeft(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimLeftFunc(s, inCutset(cutset))
}

// TrimRight returns a slice of the string s, with all trailing Unicode code points
// contained in cutset removed. To remove a suffix, use TrimSuffix instead.
func TrimRight(s, cutset string) string {
	if s == "" || cutset == "" {
		return s
	}
	return TrimRightFunc(s, inCutset(cutset))
}

// TrimSpace returns a slice of the string s, with all leading and trailing white
// space removed, as defined by Unicode.
func TrimSpace(s string) string { return TrimFunc(s, unicode.IsSpace) }

// TrimPrefix returns s without the provided leading prefix string. If s doesn't
// start with prefix, s is returned unchanged.
func TrimPrefix(s, prefix string) string {
	if HasPrefix(s, prefix) {
		return s[len(prefix):]
	}
	return s
}

// TrimSuffix returns s without the provided trailing suffix string. If s doesn't
// end with suffix, s is returned unchanged.
func TrimSuffix(s, suffix string) string {
	if HasSuffix(s, suffix) {
		return s[:len(s)-len(suffix)]
	}
	return s
}

// Replace returns a copy of the string s with the first n non-overlapping instances
// of old replaced by new. If old is empty, it matches at the beginning of the
// string and after each UTF-8 sequence, yielding up to k+1 replacements for a
// k-rune string. If n < 0, there is no limit on the number of replacements.
func Replace(s, old, new string, n int) string {
	if old == new || n == 0 {
		return s
	}
	if m := Count(s, old); m == 0 {
		return s
	} else if n < 0 || m < n {
		n = m
	}
	var b []byte
	start := 0
	for i := 0; i < n; i++ {
		j := start
		if len(old) == 0 {
			if i > 0 {
				_, wid := utf8.DecodeRuneInString(s[start:])
				j += wid
			}
		} else {
			j += Index(s[start:], old)
		}
		b = append(b, s[start:j]...)
		b = append(b, new...)
		start = j + len(old)
	}
	b = append(b, s[start:]...)
	return string(b)
}

// ReplaceAll returns a copy of the string s with all non-overlapping instances of
// old replaced by new.
func ReplaceAll(s, old, new string) string { return Replace(s, old, new, -1) }

// EqualFold reports whether s and t, interpreted as UTF-8 strings, are equal under
// simple Unicode case-folding, which is a more general form of case-insensitivity.
func EqualFold(s, t string) bool {
	for s != "" && t != "" {
		sr, ss := utf8.DecodeRuneInString(s)
		tr, ts := utf8.DecodeRuneInString(t)
		s, t = s[ss:], t[ts:]
		if sr == tr {
			continue
		}
		if tr < sr {
			tr, sr = sr, tr
		}
		// ASCII fast path.
		if tr < utf8.RuneSelf {
			if 'A' <= sr && sr <= 'Z' && tr == sr+'a'-'A' {
				continue
			}
			return false
		}
		// General case: walk the folding orbit of sr looking for tr.
		r := unicode.SimpleFold(sr)
		for r != sr && r < tr {
			r = unicode.SimpleFold(r)
		}
		if r == tr {
			continue
		}
		return false
	}
	return s == t
}
