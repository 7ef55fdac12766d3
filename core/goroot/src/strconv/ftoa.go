package strconv

import "math/bits"

// floatInfo describes an IEEE 754 binary format.
type floatInfo struct {
	mantbits uint
	expbits  uint
	bias     int
}

var (
	float32info = floatInfo{23, 8, -127}
	float64info = floatInfo{52, 11, -1023}
)

// FormatFloat converts the floating-point number f to a string, according to the
// format fmt and precision prec. It rounds the result assuming that the original
// was obtained from a floating-point value of bitSize bits (32 for float32, 64 for
// float64).
//
// The format fmt is one of 'b' (-ddddp±ddd, a binary exponent), 'e'
// (-d.dddde±dd), 'E', 'f' (-ddd.dddd, no exponent), 'g' ('e' for large exponents,
// 'f' otherwise), 'G', 'x' (-0xd.ddddp±ddd, a hexadecimal fraction and binary
// exponent) or 'X'. The precision prec controls the number of digits (excluding the
// exponent) printed by the 'e', 'E', 'f', 'g', 'G', 'x', and 'X' formats; the
// special precision -1 uses the smallest number of digits necessary such that
// ParseFloat will return f exactly.
func FormatFloat(f float64, fmt byte, prec, bitSize int) string {
	return string(genericFtoa(make([]byte, 0, max(prec+4, 24)), f, fmt, prec, bitSize))
}

// AppendFloat appends the string form of the floating-point number f, as generated
// by FormatFloat, to dst and returns the extended buffer.
func AppendFloat(dst []byte, f float64, fmt byte, prec, bitSize int) []byte {
	return genericFtoa(dst, f, fmt, prec, bitSize)
}

func genericFtoa(dst []byte, val float64, fmt byte, prec, bitSize int) []byte {
	var raw uint64
	var flt *floatInfo
	switch bitSize {
	case 32:
		raw = uint64(float32bits(float32(val)))
		flt = &float32info
	case 64:
		raw = float64bits(val)
		flt = &float64info
	default:
		panic("strconv: illegal AppendFloat/FormatFloat bitSize")
	}
	neg := raw>>(flt.expbits+flt.mantbits) != 0
	exp := int(raw>>flt.mantbits) & (1<<flt.expbits - 1)
	mant := raw & (uint64(1)<<flt.mantbits - 1)
	switch exp {
	case 1<<flt.expbits - 1:
		// Inf, NaN
		var s string
		switch {
		case mant != 0:
			s = "NaN"
		case neg:
			s = "-Inf"
		default:
			s = "+Inf"
		}
		return append(dst, s...)
	case 0:
		// denormalized
		exp++
	default:
		// add implicit top bit
		mant |= uint64(1) << flt.mantbits
	}
	exp += flt.bias
	// Formats that need no decimal conversion.
	switch fmt {
	case 'b':
		return fmtB(dst, neg, mant, exp, flt)
	case 'x', 'X':
		return fmtX(dst, prec, fmt, neg, mant, exp, flt)
	}
	// The exact decimal value, then rounded as the precision asks.
	d := new(decimal)
	d.assign(mant)
	d.Shift(exp - int(flt.mantbits))
	digs := decimalSlice{d: d.d[:], nd: d.nd, dp: d.dp}
	shortest := prec < 0
	if shortest {
		roundShortest(d, mant, exp, flt)
		digs = decimalSlice{d: d.d[:], nd: d.nd, dp: d.dp}
		// Precision for shortest representation mode.
		switch fmt {
		case 'e', 'E':
			prec = max(digs.nd-1, 0)
		case 'f':
			prec = max(digs.nd-digs.dp, 0)
		case 'g', 'G':
			prec = digs.nd
		}
	} else {
		switch fmt {
		case 'e', 'E':
			d.Round(prec + 1)
		case 'f':
			d.Round(d.dp + prec)
		case 'g', 'G':
			if prec == 0 {
				prec = 1
			}
			d.Round(prec)
		}
		digs = decimalSlice{d: d.d[:], nd: d.nd, dp: d.dp}
	}
	return formatDigits(dst, shortest, neg, digs, prec, fmt)
}

// decimalSlice is a view of a decimal's digits.
type decimalSlice struct {
	d      []byte
	nd, dp int
}

func formatDigits(dst []byte, shortest bool, neg bool, digs decimalSlice, prec int, fmt byte) []byte {
	switch fmt {
	case 'e', 'E':
		return fmtE(dst, neg, digs, prec, fmt)
	case 'f':
		return fmtF(dst, neg, digs, prec)
	case 'g', 'G':
		eprec := prec
		if eprec > digs.nd && digs.nd >= digs.dp {
			eprec = digs.nd
		}
		// %e is used if the exponent from the conversion is less than -4 or
		// greater than or equal to the precision; for the shortest form that
		// precision is 6.
		if shortest {
			eprec = 6
		}
		exp := digs.dp - 1
		if exp < -4 || exp >= eprec {
			if prec > digs.nd {
				prec = digs.nd
			}
			return fmtE(dst, neg, digs, prec-1, fmt+'e'-'g')
		}
		if prec > digs.dp {
			prec = digs.nd
		}
		return fmtF(dst, neg, digs, max(prec-digs.dp, 0))
	}
	// unknown format
	return append(dst, '%', fmt)
}

// roundShortest rounds d, the exact value mant × 2^(exp-mantbits), to the fewest
// significant digits that still read back as the same binary value: a decimal
// strictly between the midpoints to the neighbouring values, or on one of them
// when mant is even (round-half-even parsing then lands on mant). Of the shortest
// such decimals it keeps the one nearest the exact value.
func roundShortest(d *decimal, mant uint64, exp int, flt *floatInfo) {
	if mant == 0 {
		d.nd = 0
		return
	}
	minexp := flt.bias + 1
	hi := new(decimal)
	hi.assign(mant*2 + 1)
	hi.Shift(exp - int(flt.mantbits) - 1)
	// Just above a power of two (and not at the smallest exponent) the next value
	// down is half as far away as the next one up.
	lo := new(decimal)
	if mant == 1<<flt.mantbits && exp > minexp {
		lo.assign(mant*4 - 1)
		lo.Shift(exp - int(flt.mantbits) - 2)
	} else {
		lo.assign(mant*2 - 1)
		lo.Shift(exp - int(flt.mantbits) - 1)
	}
	inclusive := mant%2 == 0
	within := func(c int) bool { return c < 0 || c == 0 && inclusive }
	// Keep n leading digits, for n = 0, 1, …: the truncated value and the one a
	// unit higher in the last kept digit are the two candidates of that length.
	for n := 0; n < d.nd; n++ {
		down := *d
		down.nd = n
		down.trim()
		downOK := n > 0 && within(lo.cmp(&down))
		up := *d
		up.RoundUp(n)
		upOK := within(up.cmp(hi))
		switch {
		case downOK && upOK:
			d.Round(n)
			return
		case downOK:
			d.RoundDown(n)
			return
		case upOK:
			d.RoundUp(n)
			return
		}
	}
}

// cmp compares a and b, both non-negative.
func (a *decimal) cmp(b *decimal) int {
	switch {
	case a.nd == 0 && b.nd == 0:
		return 0
	case a.nd == 0:
		return -1
	case b.nd == 0:
		return +1
	case a.dp != b.dp:
		if a.dp < b.dp {
			return -1
		}
		return +1
	}
	for i := 0; i < a.nd || i < b.nd; i++ {
		x, y := byte('0'), byte('0')
		if i < a.nd {
			x = a.d[i]
		}
		if i < b.nd {
			y = b.d[i]
		}
		if x != y {
			if x < y {
				return -1
			}
			return +1
		}
	}
	return 0
}

// fmtE formats as %e: -d.ddddde±dd.
func fmtE(dst []byte, neg bool, d decimalSlice, prec int, fmt byte) []byte {
	if neg {
		dst = append(dst, '-')
	}
	ch := byte('0')
	if d.nd != 0 {
		ch = d.d[0]
	}
	dst = append(dst, ch)
	if prec > 0 {
		dst = append(dst, '.')
		i := 1
		m := min(d.nd, prec+1)
		if i < m {
			dst = append(dst, d.d[i:m]...)
			i = m
		}
		for ; i <= prec; i++ {
			dst = append(dst, '0')
		}
	}
	dst = append(dst, fmt)
	exp := d.dp - 1
	if d.nd == 0 {
		exp = 0
	}
	if exp < 0 {
		ch = '-'
		exp = -exp
	} else {
		ch = '+'
	}
	dst = append(dst, ch)
	// At least two exponent digits.
	switch {
	case exp < 10:
		dst = append(dst, '0', byte(exp)+'0')
	case exp < 100:
		dst = append(dst, byte(exp/10)+'0', byte(exp%10)+'0')
	default:
		dst = append(dst, byte(exp/100)+'0', byte(exp/10)%10+'0', byte(exp%10)+'0')
	}
	return dst
}

// fmtF formats as %f: -ddddddd.ddddd.
func fmtF(dst []byte, neg bool, d decimalSlice, prec int) []byte {
	if neg {
		dst = append(dst, '-')
	}
	// integer, padded with zeros as needed.
	if d.dp > 0 {
		m := min(d.nd, d.dp)
		dst = append(dst, d.d[:m]...)
		for ; m < d.dp; m++ {
			dst = append(dst, '0')
		}
	} else {
		dst = append(dst, '0')
	}
	// fraction
	if prec > 0 {
		dst = append(dst, '.')
		for i := 1; i <= prec; i++ {
			ch := byte('0')
			if j := d.dp + i - 1; 0 <= j && j < d.nd {
				ch = d.d[j]
			}
			dst = append(dst, ch)
		}
	}
	return dst
}

// fmtB formats as %b: -ddddp±ddd.
func fmtB(dst []byte, neg bool, mant uint64, exp int, flt *floatInfo) []byte {
	if neg {
		dst = append(dst, '-')
	}
	dst = AppendUint(dst, mant, 10)
	dst = append(dst, 'p')
	exp -= int(flt.mantbits)
	if exp >= 0 {
		dst = append(dst, '+')
	}
	return AppendInt(dst, int64(exp), 10)
}

// fmtX formats as %x: -0x1.hhhhp±dd, a hexadecimal fraction and a binary
// exponent (0x0p+00 for zero); a non-negative prec rounds to that many fraction
// digits, half to even.
func fmtX(dst []byte, prec int, fmt byte, neg bool, mant uint64, exp int, flt *floatInfo) []byte {
	// Normalize to m × 2^(e-60) with m's top bit at bit 60: one leading binary 1
	// and fifteen hex digits of fraction.
	m, e := mant, 0
	if m != 0 {
		top := bits.Len64(m) - 1
		m <<= 60 - top
		e = exp - int(flt.mantbits) + top
	}
	if prec >= 0 && prec < 15 {
		drop := uint(60 - 4*prec)
		q, rem, half := m>>drop, m&(1<<drop-1), uint64(1)<<(drop-1)
		if rem > half || rem == half && q&1 == 1 {
			q++
			if q == 1<<(4*prec+1) {
				// Rounded up to the next power of two.
				q >>= 1
				e++
			}
		}
		m = q << drop
	}
	hex, p := lowerhex, byte('p')
	if fmt == 'X' {
		hex, p = "0123456789ABCDEF", 'P'
	}
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, '0', fmt, '0'+byte(m>>60))
	frac := m << 4 // the fraction's hex digits, most significant first
	digits := prec
	if prec < 0 {
		digits = 0
		for f := frac; f != 0; f <<= 4 {
			digits++
		}
	}
	if digits > 0 {
		dst = append(dst, '.')
		for i := 0; i < digits; i++ {
			dst = append(dst, hex[frac>>60])
			frac <<= 4
		}
	}
	dst = append(dst, p)
	if e < 0 {
		dst = append(dst, '-')
		e = -e
	} else {
		dst = append(dst, '+')
	}
	if e < 10 {
		dst = append(dst, '0')
	}
	return AppendInt(dst, int64(e), 10)
}
