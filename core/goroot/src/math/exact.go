package math

// Modf returns integer and fractional floating-point numbers that sum to f. Both
// values have the same sign as f. Modf(±Inf) = ±Inf, NaN; Modf(NaN) = NaN, NaN.
func Modf(f float64) (int float64, frac float64) {
	if f < 0 {
		// Work on the magnitude: the fraction of a negative integer is -0.
		int, frac = Modf(-f)
		return -int, -frac
	}
	if f < 1 {
		// Keep the sign of zero.
		return Copysign(0, f), f
	}
	x := Float64bits(f)
	if e := exponent(x); e < shift {
		// Clear the fraction bits below the binary point.
		x &^= 1<<uint(shift-e) - 1
	}
	int = Float64frombits(x)
	return int, f - int
}

// Trunc returns the integer value of x. Trunc(±0) = ±0; Trunc(±Inf) = ±Inf;
// Trunc(NaN) = NaN.
func Trunc(x float64) float64 {
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	d, _ := Modf(x)
	return d
}

// Floor returns the greatest integer value less than or equal to x. Floor(±0) =
// ±0; Floor(±Inf) = ±Inf; Floor(NaN) = NaN.
func Floor(x float64) float64 {
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	d, frac := Modf(x)
	if frac < 0 {
		d--
	}
	return d
}

// Ceil returns the least integer value greater than or equal to x. Ceil(±0) = ±0;
// Ceil(±Inf) = ±Inf; Ceil(NaN) = NaN.
func Ceil(x float64) float64 { return -Floor(-x) }

// Round returns the nearest integer, rounding half away from zero. Round(±0) = ±0;
// Round(±Inf) = ±Inf; Round(NaN) = NaN.
func Round(x float64) float64 {
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	t := Trunc(x)
	if Abs(x-t) >= 0.5 {
		// x-t is exact for |x| < 2^52 and zero above, where x is an integer.
		t += Copysign(1, x)
	}
	return Copysign(t, x)
}

// RoundToEven returns the nearest integer, rounding ties to even. RoundToEven(±0) =
// ±0; RoundToEven(±Inf) = ±Inf; RoundToEven(NaN) = NaN.
func RoundToEven(x float64) float64 {
	if x == 0 || IsNaN(x) || IsInf(x, 0) {
		return x
	}
	t := Trunc(x)
	d := Abs(x - t)
	if d > 0.5 || d == 0.5 && Mod(t, 2) != 0 {
		t += Copysign(1, x)
	}
	return Copysign(t, x)
}

// Frexp breaks f into a normalized fraction and an integral power of two. It
// returns frac and exp satisfying f == frac × 2**exp, with the absolute value of
// frac in the interval [½, 1). Frexp(±0) = ±0, 0; Frexp(±Inf) = ±Inf, 0;
// Frexp(NaN) = NaN, 0.
func Frexp(f float64) (frac float64, exp int) {
	if f == 0 || IsInf(f, 0) || IsNaN(f) {
		return f, 0
	}
	if Abs(f) < 0x1p-1022 {
		// Subnormal: scale into the normal range first.
		f *= 0x1p52
		exp = -52
	}
	x := Float64bits(f)
	exp += exponent(x) + 1
	// Put the exponent of ½ in place.
	x = x&^(mask<<shift) | (bias-1)<<shift
	return Float64frombits(x), exp
}

// Ldexp is the inverse of Frexp. It returns frac × 2**exp. Ldexp(±0, exp) = ±0;
// Ldexp(±Inf, exp) = ±Inf; Ldexp(NaN, exp) = NaN.
func Ldexp(frac float64, exp int) float64 {
	if frac == 0 || IsInf(frac, 0) || IsNaN(frac) {
		return frac
	}
	m, e := Frexp(frac) // frac = m × 2^e, |m| in [½, 1)
	exp += e
	switch {
	case exp > 1024:
		return Copysign(Inf(1), frac)
	case exp < -1075:
		// Below half the smallest subnormal: rounds to zero.
		return Copysign(0, frac)
	}
	// m × 2^exp in one correctly rounded step: m × 2^(exp+k) is normal, and the
	// multiplication by the exact 2^-k rounds once.
	k := 0
	if exp < -1021 {
		k = 60
	}
	x := Float64bits(m)
	x = x&^(mask<<shift) | uint64(exp+k-1+bias)<<shift
	y := Float64frombits(x) // m × 2^(exp+k)
	if k > 0 {
		y *= 0x1p-60
	}
	return y
}

// Mod returns the floating-point remainder of x/y. The magnitude of the result is
// less than y and its sign agrees with that of x. Mod(±Inf, y) = NaN; Mod(NaN, y) =
// NaN; Mod(x, 0) = NaN; Mod(x, ±Inf) = x; Mod(x, NaN) = NaN.
func Mod(x, y float64) float64 {
	if y == 0 || IsInf(x, 0) || IsNaN(x) || IsNaN(y) {
		return NaN()
	}
	y = Abs(y)
	r := Abs(x)
	// Subtract the largest y × 2^k not above r, repeatedly: every step is exact.
	yfr, yexp := Frexp(y)
	for r >= y {
		rfr, rexp := Frexp(r)
		if rfr < yfr {
			rexp--
		}
		r -= Ldexp(y, rexp-yexp)
	}
	return Copysign(r, x)
}

// Remainder returns the IEEE 754 floating-point remainder of x/y: x - n×y where n
// is the integer nearest x/y (ties to even). Remainder(±Inf, y) = NaN;
// Remainder(NaN, y) = NaN; Remainder(x, 0) = NaN; Remainder(x, ±Inf) = x;
// Remainder(x, NaN) = NaN.
func Remainder(x, y float64) float64 {
	switch {
	case IsNaN(x) || IsNaN(y) || IsInf(x, 0) || y == 0:
		return NaN()
	case IsInf(y, 0):
		return x
	}
	neg := Signbit(x)
	x, y = Abs(x), Abs(y)
	if x == y {
		return Copysign(0, -btof(neg))
	}
	// First reduce below 2y (exactly), then by y at most twice.
	if y <= MaxFloat64/2 {
		x = Mod(x, y+y)
	}
	if y < 0x1p-1021 {
		// 2x cannot overflow here, and y/2 would lose a bit.
		if x+x > y {
			x -= y
			if x+x >= y {
				x -= y
			}
		}
	} else {
		half := y / 2
		if x > half {
			x -= y
			if x >= half {
				x -= y
			}
		}
	}
	if neg {
		x = -x
	}
	return x
}

// btof is 1 for true and -1 for false.
func btof(b bool) float64 {
	if b {
		return 1
	}
	return -1
}

// Max returns the larger of x or y. Max(x, +Inf) = Max(+Inf, x) = +Inf; Max(x,
// NaN) = Max(NaN, x) = NaN; Max(+0, ±0) = Max(±0, +0) = +0; Max(-0, -0) = -0.
func Max(x, y float64) float64 {
	switch {
	case IsInf(x, 1) || IsInf(y, 1):
		return Inf(1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return y
		}
		return x
	case x > y:
		return x
	}
	return y
}

// Min returns the smaller of x or y. Min(x, -Inf) = Min(-Inf, x) = -Inf; Min(x,
// NaN) = Min(NaN, x) = NaN; Min(-0, ±0) = Min(±0, -0) = -0.
func Min(x, y float64) float64 {
	switch {
	case IsInf(x, -1) || IsInf(y, -1):
		return Inf(-1)
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == 0 && x == y:
		if Signbit(x) {
			return x
		}
		return y
	case x < y:
		return x
	}
	return y
}

// Dim returns the maximum of x-y or 0. Dim(+Inf, +Inf) = NaN; Dim(-Inf, -Inf) =
// NaN; Dim(x, NaN) = Dim(NaN, x) = NaN.
func Dim(x, y float64) float64 {
	v := x - y
	if v <= 0 {
		return 0
	}
	// v > 0, or NaN (from Inf-Inf or a NaN operand), which compares false.
	return v
}

// Nextafter returns the next representable float64 value after x towards y.
// Nextafter(x, x) = x; Nextafter(NaN, y) = NaN; Nextafter(x, NaN) = NaN.
func Nextafter(x, y float64) (r float64) {
	switch {
	case IsNaN(x) || IsNaN(y):
		return NaN()
	case x == y:
		return x
	case x == 0:
		return Copysign(Float64frombits(1), y)
	case (y > x) == (x > 0):
		return Float64frombits(Float64bits(x) + 1)
	}
	return Float64frombits(Float64bits(x) - 1)
}

// Nextafter32 returns the next representable float32 value after x towards y.
func Nextafter32(x, y float32) (r float32) {
	switch {
	case x != x || y != y:
		return float32(NaN())
	case x == y:
		return x
	case x == 0:
		return float32(Copysign(float64(Float32frombits(1)), float64(y)))
	case (y > x) == (x > 0):
		return Float32frombits(Float32bits(x) + 1)
	}
	return Float32frombits(Float32bits(x) - 1)
}

// Sqrt returns the square root of x, correctly rounded. Sqrt(+Inf) = +Inf;
// Sqrt(±0) = ±0; Sqrt(x < 0) = NaN; Sqrt(NaN) = NaN.
func Sqrt(x float64) float64 { return sqrt(x) }

// sqrt is Sqrt computed exactly in software; the compiler uses the target's
// square-root instruction instead wherever it has one (Wasm does).
func sqrt(x float64) float64 {
	switch {
	case x == 0 || IsNaN(x) || IsInf(x, 1):
		return x
	case x < 0:
		return NaN()
	}
	// x = m × 2^e with m an integer of 53 (or, after evening e, 54) bits.
	frac, e := Frexp(x)
	m := uint64(frac * 0x1p53)
	e -= 53
	if e&1 != 0 {
		m <<= 1
		e--
	}
	// R = isqrt(m × 2^58) has 56 bits: 53 to keep, 3 to round with, and the
	// remainder telling whether anything lies below them.
	root, rem := isqrt128(m>>6, m<<58)
	q, low := root>>3, root&7
	if low > 4 || low == 4 && (rem != 0 || q&1 == 1) {
		q++
	}
	// sqrt(x) = sqrt(m × 2^58) × 2^(e/2 - 29) ≈ q × 2^(3 + e/2 - 29).
	return Ldexp(float64(q), e/2-26)
}

// isqrt128 returns the integer square root of the 128-bit number (hi, lo) and
// whether the remainder is non-zero (as rem != 0).
func isqrt128(hi, lo uint64) (root, rem uint64) {
	var r, remHi, remLo uint64
	for i := 0; i < 64; i++ {
		// Bring down the next two bits.
		top2 := hi >> 62
		hi = hi<<2 | lo>>62
		lo <<= 2
		remHi = remHi<<2 | remLo>>62
		remLo = remLo<<2 | top2
		// Trial: (4r + 1).
		tHi, tLo := r>>62, r<<2|1
		r <<= 1
		if remHi > tHi || remHi == tHi && remLo >= tLo {
			borrow := uint64(0)
			if remLo < tLo {
				borrow = 1
			}
			remLo -= tLo
			remHi -= tHi + borrow
			r |= 1
		}
	}
	return r, remHi | remLo
}

// Logb returns the binary exponent of x. Logb(±Inf) = +Inf; Logb(0) = -Inf;
// Logb(NaN) = NaN.
func Logb(x float64) float64 {
	switch {
	case x == 0:
		return Inf(-1)
	case IsInf(x, 0):
		return Inf(1)
	case IsNaN(x):
		return x
	}
	_, e := Frexp(x)
	return float64(e - 1)
}

// Ilogb returns the binary exponent of x as an integer. Ilogb(±Inf) = MaxInt32;
// Ilogb(0) = MinInt32; Ilogb(NaN) = MaxInt32.
func Ilogb(x float64) int {
	switch {
	case x == 0:
		return MinInt32
	case IsNaN(x) || IsInf(x, 0):
		return MaxInt32
	}
	_, e := Frexp(x)
	return e - 1
}
