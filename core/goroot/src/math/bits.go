package math

import "unsafe"

const (
	uvnan    = 0x7FF8000000000001
	uvinf    = 0x7FF0000000000000
	uvneginf = 0xFFF0000000000000
	mask     = 0x7FF // exponent field mask, after shifting
	shift    = 52    // mantissa bits
	bias     = 1023
	signMask = 1 << 63
	fracMask = 1<<shift - 1
)

// Float64bits returns the IEEE 754 binary representation of f, with the sign bit
// of f and the result in the same bit position.
func Float64bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

// Float64frombits returns the floating-point number corresponding to the IEEE 754
// binary representation b, with the sign bit of b and the result in the same bit
// position.
func Float64frombits(b uint64) float64 { return *(*float64)(unsafe.Pointer(&b)) }

// Float32bits returns the IEEE 754 binary representation of f, with the sign bit
// of f and the result in the same bit position.
func Float32bits(f float32) uint32 { return *(*uint32)(unsafe.Pointer(&f)) }

// Float32frombits returns the floating-point number corresponding to the IEEE 754
// binary representation b, with the sign bit of b and the result in the same bit
// position.
func Float32frombits(b uint32) float32 { return *(*float32)(unsafe.Pointer(&b)) }

// Inf returns positive infinity if sign >= 0, negative infinity if sign < 0.
func Inf(sign int) float64 {
	if sign >= 0 {
		return Float64frombits(uvinf)
	}
	return Float64frombits(uvneginf)
}

// NaN returns an IEEE 754 "not-a-number" value.
func NaN() float64 { return Float64frombits(uvnan) }

// IsNaN reports whether f is an IEEE 754 "not-a-number" value.
func IsNaN(f float64) (is bool) { return f != f }

// IsInf reports whether f is an infinity, according to sign. If sign > 0, IsInf
// reports whether f is positive infinity. If sign < 0, IsInf reports whether f is
// negative infinity. If sign == 0, IsInf reports whether f is either infinity.
func IsInf(f float64, sign int) bool {
	return sign >= 0 && f > MaxFloat64 || sign <= 0 && f < -MaxFloat64
}

// Signbit reports whether x is negative or negative zero.
func Signbit(x float64) bool { return Float64bits(x)&signMask != 0 }

// Abs returns the absolute value of x.
func Abs(x float64) float64 { return Float64frombits(Float64bits(x) &^ signMask) }

// Copysign returns a value with the magnitude of f and the sign of sign.
func Copysign(f, sign float64) float64 {
	return Float64frombits(Float64bits(f)&^signMask | Float64bits(sign)&signMask)
}

// exponent returns the unbiased exponent field of x.
func exponent(x uint64) int { return int(x>>shift&mask) - bias }
