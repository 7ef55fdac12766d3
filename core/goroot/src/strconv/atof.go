package strconv

// ParseFloat converts the string s to a floating-point number with the precision
// specified by bitSize: 32 for float32, or 64 for float64. When bitSize=32, the
// result still has type float64, but it will be convertible to float32 without
// changing its value.
//
// ParseFloat accepts decimal and hexadecimal floating-point numbers as defined by
// the Go syntax for floating-point literals, and "inf", "infinity" and "nan" in
// any case, with an optional sign. It returns the nearest floating-point number
// rounded using IEEE754 unbiased rounding. Errors have concrete type *NumError: if
// s is not syntactically well-formed, err.Err = ErrSyntax; if s is well-formed but
// beyond the largest finite value by more than half a unit in the last place, the
// result is ±Inf and err.Err = ErrRange.
func ParseFloat(s string, bitSize int) (float64, error) {
	f, n, err := parseFloatPrefix(s, bitSize)
	if n != len(s) && (err == nil || err.(*NumError).Err != ErrSyntax) {
		return 0, syntaxError("ParseFloat", s)
	}
	return f, err
}

// number is a parsed floating-point literal: its digits (without leading zeros),
// the decimal or binary point position, and the exponent.
type number struct {
	neg      bool
	hex      bool
	digits   []byte // significant digits, as ASCII
	pointPos int    // digits before the point
	exp      int    // decimal (or, for hex, binary) exponent
	special  string // "inf" or "nan"
}

func parseFloatPrefix(s string, bitSize int) (float64, int, error) {
	num, n, ok := scanFloat(s)
	if !ok {
		return 0, n, syntaxError("ParseFloat", s)
	}
	flt := &float64info
	if bitSize == 32 {
		flt = &float32info
	}
	var f float64
	overflow := false
	switch {
	case num.special == "nan":
		return float64frombits(0x7FF8000000000001), n, nil
	case num.special == "inf":
		f = float64frombits(0x7FF0000000000000)
	case num.hex:
		f, overflow = hexToFloat(num, flt)
	default:
		f, overflow = decimalToFloat(num, flt)
	}
	if num.neg {
		f = -f
	}
	if overflow {
		return f, n, rangeError("ParseFloat", s[:n])
	}
	return f, n, nil
}

func isDigit(c byte, hex bool) bool {
	return '0' <= c && c <= '9' || hex && 'a' <= lower(c) && lower(c) <= 'f'
}

// scanFloat reads the longest floating-point literal at the start of s; it
// returns how many bytes it used and whether they form a valid literal.
func scanFloat(s string) (num number, n int, ok bool) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		num.neg = s[i] == '-'
		i++
	}
	// Infinity and NaN, in any case.
	for _, word := range []string{"infinity", "inf", "nan"} {
		if len(s)-i >= len(word) && equalFoldASCII(s[i:i+len(word)], word) {
			if word == "nan" && i > 0 {
				// A signed NaN is not a number.
				return num, 0, false
			}
			num.special = word[:3]
			return num, i + len(word), true
		}
	}
	start := i
	if len(s)-i >= 2 && s[i] == '0' && lower(s[i+1]) == 'x' {
		num.hex = true
		i += 2
	}
	sawDigits, sawPoint, underscores := false, false, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_':
			underscores = true
		case c == '.':
			if sawPoint {
				goto done
			}
			sawPoint = true
			num.pointPos = len(num.digits)
		case isDigit(c, num.hex):
			sawDigits = true
			if c == '0' && len(num.digits) == 0 {
				// Leading zeros only move the point.
				if sawPoint {
					num.pointPos--
				}
				continue
			}
			num.digits = append(num.digits, c)
		default:
			goto done
		}
	}
done:
	if !sawPoint {
		num.pointPos = len(num.digits)
	}
	if !sawDigits {
		return num, 0, false
	}
	// The exponent: required for hex, optional for decimal.
	if i < len(s) && (num.hex && lower(s[i]) == 'p' || !num.hex && lower(s[i]) == 'e') {
		i++
		esign := 1
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			if s[i] == '-' {
				esign = -1
			}
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return num, 0, false
		}
		e := 0
		for ; i < len(s) && ('0' <= s[i] && s[i] <= '9' || s[i] == '_'); i++ {
			if s[i] == '_' {
				underscores = true
				continue
			}
			if e < 100000 {
				e = e*10 + int(s[i]-'0')
			}
		}
		num.exp = esign * e
	} else if num.hex {
		return num, 0, false
	}
	if underscores && !underscoreOK(s[start:i]) {
		return num, 0, false
	}
	return num, i, true
}

func equalFoldASCII(s, word string) bool {
	for i := 0; i < len(word); i++ {
		if lower(s[i]) != word[i] {
			return false
		}
	}
	return true
}

// decimalToFloat rounds the decimal number to the nearest float of format flt
// (ties to even); it reports overflow to infinity.
func decimalToFloat(num number, flt *floatInfo) (float64, bool) {
	var d decimal
	for _, c := range num.digits {
		if d.nd < len(d.d) {
			d.d[d.nd] = c
			d.nd++
		} else if c != '0' {
			d.trunc = true
		}
	}
	d.dp = num.pointPos + num.exp
	d.trim()
	if d.nd == 0 {
		return 0, false
	}
	// Far outside the range: no work needed.
	if d.dp > 310 {
		return inf(flt), true
	}
	if d.dp < -330 {
		return 0, false
	}
	// Scale by a power of two e so the value lies in [2^mantbits, 2^(mantbits+1)).
	var lowBound, highBound decimal
	lowBound.assign(1 << flt.mantbits)
	highBound.assign(1 << (flt.mantbits + 1))
	e := 0
	for d.dp > 25 {
		d.Shift(-60)
		e += 60
	}
	for d.dp < 10 {
		d.Shift(60)
		e -= 60
	}
	for d.cmp(&highBound) >= 0 {
		d.Shift(-1)
		e++
	}
	for d.cmp(&lowBound) < 0 {
		d.Shift(1)
		e--
	}
	// Below the normal range the exponent is fixed and precision drops.
	minE := flt.bias + 1 - int(flt.mantbits)
	if e < minE {
		d.Shift(e - minE)
		e = minE
	}
	mant := d.roundedInteger()
	if mant == 1<<(flt.mantbits+1) {
		mant >>= 1
		e++
	}
	if mant == 0 {
		return 0, false
	}
	exp := e + int(flt.mantbits)
	if exp > -flt.bias {
		return inf(flt), true
	}
	return assemble(mant, exp, flt), false
}

// roundedInteger returns the integer part of a (which must be below 2^63), rounded
// to nearest with ties to even.
func (a *decimal) roundedInteger() uint64 {
	var n uint64
	i := 0
	for ; i < a.dp && i < a.nd; i++ {
		n = n*10 + uint64(a.d[i]-'0')
	}
	for ; i < a.dp; i++ {
		n *= 10
	}
	if shouldRoundUp(a, a.dp) {
		n++
	}
	return n
}

// assemble builds the float with mantissa mant (below 2^(mantbits+1)) and binary
// exponent exp of its leading bit; a mantissa without its leading bit is
// subnormal.
func assemble(mant uint64, exp int, flt *floatInfo) float64 {
	var bits uint64
	if mant&(1<<flt.mantbits) == 0 {
		bits = mant
	} else {
		bits = uint64(exp-flt.bias)<<flt.mantbits | mant&(1<<flt.mantbits-1)
	}
	if flt == &float32info {
		return float64(float32frombits(uint32(bits)))
	}
	return float64frombits(bits)
}

func inf(flt *floatInfo) float64 {
	return float64frombits(0x7FF0000000000000)
}

// hexToFloat rounds the hexadecimal number to the nearest float of format flt.
func hexToFloat(num number, flt *floatInfo) (float64, bool) {
	// Keep 62 significant bits and a sticky bit for the rest.
	var mant uint64
	exp := num.exp + 4*(num.pointPos-len(num.digits))
	sticky := false
	for _, c := range num.digits {
		v, _ := unhex(c)
		if mant>>58 == 0 {
			mant = mant<<4 | uint64(v)
		} else {
			exp += 4
			if v != 0 {
				sticky = true
			}
		}
	}
	if mant == 0 {
		return 0, false
	}
	// Normalize so the leading bit is bit 61, then round to mantbits+1 bits.
	for mant>>62 != 0 {
		sticky = sticky || mant&1 != 0
		mant >>= 1
		exp++
	}
	for mant>>61 == 0 {
		mant <<= 1
		exp--
	}
	// The value is mant × 2^exp with mant in [2^61, 2^62); its leading bit weighs
	// 2^(exp+61).
	lead := exp + 61
	drop := 61 - int(flt.mantbits)
	if minLead := flt.bias + 1; lead < minLead {
		// Subnormal: fewer bits of precision.
		drop += minLead - lead
		lead = minLead
	}
	if drop > 63 {
		drop = 63
		sticky = sticky || mant != 0
		mant = 0
	}
	rem := mant & (1<<drop - 1)
	half := uint64(1) << (drop - 1)
	m := mant >> drop
	if rem > half || rem == half && (sticky || m&1 == 1) {
		m++
	}
	if m == 1<<(flt.mantbits+1) {
		m >>= 1
		lead++
	}
	if m == 0 {
		return 0, false
	}
	if lead > -flt.bias {
		return inf(flt), true
	}
	return assemble(m, lead, flt), false
}
