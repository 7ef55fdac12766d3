// Package cmp provides types and functions related to comparing ordered values.
//
// This is crossplay's implementation, written for crossplay's toolchain.
package cmp

// Ordered is a constraint that permits any ordered type: any type that supports
// the operators < <= >= >. If future releases of Go add new ordered types, this
// constraint will be modified to include them.
//
// Note that floating-point types may contain NaN ("not-a-number") values. An
// operator such as == or < will always report false when comparing a NaN value
// with any other value, NaN or not. See the Compare function for a consistent way
// to compare NaN values.
type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

// Less reports whether x is less than y. For floating-point types, a NaN is
// considered less than any non-NaN, and -0.0 is not less than (is equal to) 0.0.
func Less[T Ordered](x, y T) bool {
	return (isNaN(x) && !isNaN(y)) || x < y
}

// Compare returns -1 if x is less than y, 0 if x equals y, +1 if x is greater than
// y. For floating-point variables, a NaN is considered less than any non-NaN, a NaN
// is considered equal to a NaN, and -0.0 is equal to 0.0.
func Compare[T Ordered](x, y T) int {
	xNaN, yNaN := isNaN(x), isNaN(y)
	switch {
	case xNaN && yNaN:
		return 0
	case xNaN || x < y:
		return -1
	case yNaN || x > y:
		return +1
	}
	return 0
}

// isNaN reports whether x is a NaN without requiring the math package. This will
// always return false if T is not floating-point.
func isNaN[T Ordered](x T) bool {
	return x != x
}

// Or returns the first of its arguments that is not equal to the zero value. If no
// argument is non-zero, it returns the zero value.
func Or[T comparable](vals ...T) T {
	var zero T
	for _, v := range vals {
		if v != zero {
			return v
		}
	}
	return zero
}
