// Package unicode provides data and functions to test some properties of Unicode
// code points: categories, the White_Space property, common scripts, case mapping
// and simple case folding.
//
// This is crossplay's implementation, written for crossplay's toolchain; its
// tables (tables.go) are generated from the answers of Go's own unicode package.
package unicode

const (
	MaxRune         = '\U0010FFFF' // Maximum valid Unicode code point.
	ReplacementChar = '\uFFFD'     // Represents invalid code points.
	MaxASCII        = '\u007F'     // maximum ASCII value.
	MaxLatin1       = '\u00FF'     // maximum Latin-1 value.
)

// RangeTable defines a set of Unicode code points by listing the ranges of code
// points within the set. The ranges are listed in two slices to save space: a slice
// of 16-bit ranges and a slice of 32-bit ranges. The two slices must be in sorted
// order and non-overlapping. Also, R32 should contain only values >= 0x10000
// (1<<16).
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int // number of entries in R16 with Hi <= MaxLatin1
}

// Range16 represents a range of 16-bit Unicode code points. The range runs from
// Lo to Hi inclusive and has the specified stride.
type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

// Range32 represents a range of Unicode code points and is used when one or more
// of the values will not fit in 16 bits. The range runs from Lo to Hi inclusive and
// has the specified stride. Lo and Hi must always be >= 1<<16.
type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

// Indices into the delta arrays of the case tables, and the cases To accepts.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

type caseRange struct {
	lo, hi uint32
	delta  [MaxCase]int32
}

type foldPair struct {
	from, to uint32
}

// Aliases for the category tables, as Go names them.
var (
	Letter = _L
	Upper  = _Lu
	Lower  = _Ll
	Title  = _Lt
	Mark   = _M
	Number = _N
	Digit  = _Nd
	Punct  = _P
	Symbol = _S
	Space  = _Z
	Other  = _C

	// GraphicRanges defines the set of graphic characters according to Unicode.
	GraphicRanges = []*RangeTable{L, M, N, P, S, Zs}

	// PrintRanges defines the set of printable characters according to Go. ASCII
	// space, U+0020, is handled separately.
	PrintRanges = []*RangeTable{L, M, N, P, S}
)

func is16(ranges []Range16, r uint16) bool {
	lo, hi := 0, len(ranges)
	for lo < hi {
		m := lo + (hi-lo)/2
		rg := ranges[m]
		if r < rg.Lo {
			hi = m
		} else if r > rg.Hi {
			lo = m + 1
		} else {
			return rg.Stride == 1 || (r-rg.Lo)%rg.Stride == 0
		}
	}
	return false
}

func is32(ranges []Range32, r uint32) bool {
	lo, hi := 0, len(ranges)
	for lo < hi {
		m := lo + (hi-lo)/2
		rg := ranges[m]
		if r < rg.Lo {
			hi = m
		} else if r > rg.Hi {
			lo = m + 1
		} else {
			return rg.Stride == 1 || (r-rg.Lo)%rg.Stride == 0
		}
	}
	return false
}

// Is reports whether the rune is in the specified table of ranges.
func Is(rangeTab *RangeTable, r rune) bool {
	if r < 0 {
		return false
	}
	if r <= 0xFFFF {
		return is16(rangeTab.R16, uint16(r))
	}
	return is32(rangeTab.R32, uint32(r))
}

// In reports whether the rune is a member of one of the ranges.
func In(r rune, ranges ...*RangeTable) bool {
	for _, inside := range ranges {
		if Is(inside, r) {
			return true
		}
	}
	return false
}

// IsOneOf reports whether the rune is a member of one of the ranges. The function
// "In" provides a nicer signature and should be used in preference to IsOneOf.
func IsOneOf(ranges []*RangeTable, r rune) bool { return In(r, ranges...) }

// IsGraphic reports whether the rune is defined as a Graphic by Unicode. Such
// characters include letters, marks, numbers, punctuation, symbols, and spaces,
// from categories L, M, N, P, S, Zs.
func IsGraphic(r rune) bool { return In(r, GraphicRanges...) }

// IsPrint reports whether the rune is defined as printable by Go. Such characters
// include letters, marks, numbers, punctuation, symbols, and the ASCII space
// character, from categories L, M, N, P, S and the ASCII space character. This
// categorization is the same as IsGraphic except that the only spacing character
// is ASCII space, U+0020.
func IsPrint(r rune) bool {
	if r == ' ' {
		return true
	}
	return In(r, PrintRanges...)
}

// IsControl reports whether the rune is a control character. The C (Other)
// Unicode category includes more code points such as surrogates; use Is(C, r) to
// test for them.
func IsControl(r rune) bool { return r >= 0 && r <= MaxLatin1 && Is(Cc, r) }

// IsLetter reports whether the rune is a letter (category L).
func IsLetter(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return Is(Letter, r)
}

// IsMark reports whether the rune is a mark character (category M).
func IsMark(r rune) bool { return Is(Mark, r) }

// IsNumber reports whether the rune is a number (category N).
func IsNumber(r rune) bool { return Is(Number, r) }

// IsDigit reports whether the rune is a decimal digit.
func IsDigit(r rune) bool {
	if r < 0x80 {
		return '0' <= r && r <= '9'
	}
	return Is(Digit, r)
}

// IsPunct reports whether the rune is a Unicode punctuation character (category P).
func IsPunct(r rune) bool { return Is(Punct, r) }

// IsSymbol reports whether the rune is a symbolic character.
func IsSymbol(r rune) bool { return Is(Symbol, r) }

// IsSpace reports whether the rune is a space character as defined by Unicode's
// White Space property; in the Latin-1 space this is '\t', '\n', '\v', '\f', '\r',
// ' ', U+0085 (NEL), U+00A0 (NBSP). Other definitions of spacing characters exist
// in category Z and property Pattern_White_Space.
func IsSpace(r rune) bool {
	if r <= MaxLatin1 {
		switch r {
		case '\t', '\n', '\v', '\f', '\r', ' ', 0x85, 0xA0:
			return true
		}
		return false
	}
	return Is(White_Space, r)
}

// IsUpper reports whether the rune is an upper case letter.
func IsUpper(r rune) bool {
	if r < 0x80 {
		return 'A' <= r && r <= 'Z'
	}
	return Is(Upper, r)
}

// IsLower reports whether the rune is a lower case letter.
func IsLower(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z'
	}
	return Is(Lower, r)
}

// IsTitle reports whether the rune is a title case letter.
func IsTitle(r rune) bool { return Is(Title, r) }

// To maps the rune to the specified case: UpperCase, LowerCase, or TitleCase.
func To(_case int, r rune) rune {
	if _case < 0 || MaxCase <= _case {
		return ReplacementChar
	}
	if r < 0 || r > MaxRune {
		return r
	}
	lo, hi := 0, len(caseRanges)
	for lo < hi {
		m := lo + (hi-lo)/2
		cr := caseRanges[m]
		if uint32(r) < cr.lo {
			hi = m
		} else if uint32(r) > cr.hi {
			lo = m + 1
		} else {
			return r + rune(cr.delta[_case])
		}
	}
	return r
}

// ToUpper maps the rune to upper case.
func ToUpper(r rune) rune {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(UpperCase, r)
}

// ToLower maps the rune to lower case.
func ToLower(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return To(LowerCase, r)
}

// ToTitle maps the rune to title case.
func ToTitle(r rune) rune {
	if r < 0x80 {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(TitleCase, r)
}

// SimpleFold iterates over Unicode code points equivalent under the
// Unicode-defined simple case folding. Among the code points equivalent to rune
// (including rune itself), SimpleFold returns the smallest rune > r if one exists,
// or else the smallest rune >= 0. If r is not a valid Unicode code point, it
// returns r.
func SimpleFold(r rune) rune {
	if r < 0 || r > MaxRune {
		return r
	}
	lo, hi := 0, len(foldPairs)
	for lo < hi {
		m := lo + (hi-lo)/2
		p := foldPairs[m]
		if uint32(r) < p.from {
			hi = m
		} else if uint32(r) > p.from {
			lo = m + 1
		} else {
			return rune(p.to)
		}
	}
	return r
}
