package sort

import (
	"internal/abi"
	"math/bits"
	"unsafe"
)

// sliceData is a slice given as an `any`, sorted through its type descriptor
// by index with a less function, as reflect's Swapper lets Go's sort do.
type sliceData struct {
	less func(i, j int) bool
	base unsafe.Pointer
	n    int
	size uintptr
}

func (s *sliceData) Len() int           { return s.n }
func (s *sliceData) Less(i, j int) bool { return s.less(i, j) }

func (s *sliceData) Swap(i, j int) {
	p := unsafe.Pointer(uintptr(s.base) + uintptr(i)*s.size)
	q := unsafe.Pointer(uintptr(s.base) + uintptr(j)*s.size)
	k := uintptr(0)
	for ; k+8 <= s.size; k += 8 {
		a, b := (*uint64)(unsafe.Pointer(uintptr(p)+k)), (*uint64)(unsafe.Pointer(uintptr(q)+k))
		*a, *b = *b, *a
	}
	for ; k < s.size; k++ {
		a, b := (*byte)(unsafe.Pointer(uintptr(p)+k)), (*byte)(unsafe.Pointer(uintptr(q)+k))
		*a, *b = *b, *a
	}
}

// A ValueError is what reflect panics with for an operation on the wrong kind.
type valueError struct {
	method string
	kind   string
}

func (e *valueError) Error() string {
	return "reflect: call of " + e.method + " on " + e.kind + " Value"
}

var kindNames = []string{"invalid", "bool", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16",
	"uint32", "uint64", "uintptr", "float32", "float64", "complex64", "complex128", "array", "chan", "func",
	"interface", "map", "ptr", "slice", "string", "struct", "unsafe.Pointer"}

func sliceOf(x any, less func(i, j int) bool, method string) *sliceData {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&x))
	if e.Type == nil || e.Type.Kind != abi.Slice {
		k := "invalid"
		if e.Type != nil {
			k = kindNames[e.Type.Kind]
		}
		panic(&valueError{method, k})
	}
	h := (*struct {
		p    unsafe.Pointer
		n, c int
	})(e.Data)
	return &sliceData{less: less, base: h.p, n: h.n, size: e.Type.Elem.Size}
}

// Slice sorts the slice x given the provided less function. It panics if x is not
// a slice.
//
// The sort is not guaranteed to be stable: equal elements may be reversed from
// their original order. For a stable sort, use SliceStable.
func Slice(x any, less func(i, j int) bool) {
	s := sliceOf(x, less, "Swapper")
	pdqsort(s, 0, s.n, bits.Len(uint(s.n)))
}

// SliceStable sorts the slice x using the provided less function, keeping equal
// elements in their original order. It panics if x is not a slice.
func SliceStable(x any, less func(i, j int) bool) {
	Stable(sliceOf(x, less, "Swapper"))
}

// SliceIsSorted reports whether the slice x is sorted according to the provided
// less function. It panics if x is not a slice.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	s := sliceOf(x, less, "Len")
	for i := s.n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}
