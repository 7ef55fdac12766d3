package fmt

import (
	"internal/abi"
	"unsafe"
)

// Maps print with their keys sorted, as Go's internal/fmtsort orders them.

//go:linkname mapiterinit runtime.mapiterinit
func mapiterinit(t *abi.Type, m unsafe.Pointer, it *abi.MapIter)

//go:linkname mapiternext runtime.mapiternext
func mapiternext(it *abi.MapIter)

type mapEntry struct {
	key, elem unsafe.Pointer
}

// sortedMap is the entries of map m (of map type t) in key order.
func sortedMap(t *abi.Type, m unsafe.Pointer) []mapEntry {
	var es []mapEntry
	var it abi.MapIter
	for mapiterinit(t, m, &it); it.Key != nil; mapiternext(&it) {
		es = append(es, mapEntry{it.Key, it.Elem})
	}
	// A bottom-up merge sort: stable, and n log n for big maps.
	tmp := make([]mapEntry, len(es))
	for w := 1; w < len(es); w *= 2 {
		for lo := 0; lo < len(es); lo += 2 * w {
			mid, hi := min(lo+w, len(es)), min(lo+2*w, len(es))
			i, j, k := lo, mid, lo
			for i < mid && j < hi {
				if compare(t.Key, es[j].key, es[i].key) < 0 {
					tmp[k] = es[j]
					j++
				} else {
					tmp[k] = es[i]
					i++
				}
				k++
			}
			k += copy(tmp[k:], es[i:mid])
			copy(tmp[k:], es[j:hi])
		}
		es, tmp = tmp, es
	}
	return es
}

// compareFloat orders NaNs first and -0 with +0, as cmp.Compare does.
func compareFloat(a, b float64) int {
	an, bn := a != a, b != b
	switch {
	case an && bn:
		return 0
	case an:
		return -1
	case bn:
		return 1
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func compareInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func compareUint(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compare orders two values of type t.
func compare(t *abi.Type, a, b unsafe.Pointer) int {
	switch t.Kind {
	case abi.Int:
		return compareInt(int64(*(*int)(a)), int64(*(*int)(b)))
	case abi.Int8:
		return compareInt(int64(*(*int8)(a)), int64(*(*int8)(b)))
	case abi.Int16:
		return compareInt(int64(*(*int16)(a)), int64(*(*int16)(b)))
	case abi.Int32:
		return compareInt(int64(*(*int32)(a)), int64(*(*int32)(b)))
	case abi.Int64:
		return compareInt(*(*int64)(a), *(*int64)(b))
	case abi.Uint8, abi.Bool:
		return compareUint(uint64(*(*uint8)(a)), uint64(*(*uint8)(b)))
	case abi.Uint16:
		return compareUint(uint64(*(*uint16)(a)), uint64(*(*uint16)(b)))
	case abi.Uint32:
		return compareUint(uint64(*(*uint32)(a)), uint64(*(*uint32)(b)))
	case abi.Uint64:
		return compareUint(*(*uint64)(a), *(*uint64)(b))
	case abi.Uint, abi.Uintptr, abi.Pointer, abi.UnsafePointer, abi.Chan:
		return compareUint(uint64(*(*uintptr)(a)), uint64(*(*uintptr)(b)))
	case abi.String:
		sa, sb := *(*string)(a), *(*string)(b)
		switch {
		case sa < sb:
			return -1
		case sa > sb:
			return 1
		}
		return 0
	case abi.Float32:
		return compareFloat(float64(*(*float32)(a)), float64(*(*float32)(b)))
	case abi.Float64:
		return compareFloat(*(*float64)(a), *(*float64)(b))
	case abi.Complex64:
		x, y := (*[2]float32)(a), (*[2]float32)(b)
		if c := compareFloat(float64(x[0]), float64(y[0])); c != 0 {
			return c
		}
		return compareFloat(float64(x[1]), float64(y[1]))
	case abi.Complex128:
		x, y := (*[2]float64)(a), (*[2]float64)(b)
		if c := compareFloat(x[0], y[0]); c != 0 {
			return c
		}
		return compareFloat(x[1], y[1])
	case abi.Array:
		for i := uintptr(0); i < t.Len; i++ {
			o := i * t.Elem.Size
			if c := compare(t.Elem, unsafe.Pointer(uintptr(a)+o), unsafe.Pointer(uintptr(b)+o)); c != 0 {
				return c
			}
		}
		return 0
	case abi.Struct:
		for i := range t.Fields {
			f := &t.Fields[i]
			if c := compare(f.Typ, unsafe.Pointer(uintptr(a)+f.Offset), unsafe.Pointer(uintptr(b)+f.Offset)); c != 0 {
				return c
			}
		}
		return 0
	case abi.Interface:
		x, y := (*abi.EmptyInterface)(a), (*abi.EmptyInterface)(b)
		tx, ty := x.Type, y.Type
		if len(t.Methods) > 0 {
			if tx != nil {
				tx = (*abi.Itab)(unsafe.Pointer(tx)).Typ
			}
			if ty != nil {
				ty = (*abi.Itab)(unsafe.Pointer(ty)).Typ
			}
		}
		// nil first, then by dynamic type, then by value.
		switch {
		case tx == nil && ty == nil:
			return 0
		case tx == nil:
			return -1
		case ty == nil:
			return 1
		}
		if c := compareUint(uint64(uintptr(unsafe.Pointer(tx))), uint64(uintptr(unsafe.Pointer(ty)))); c != 0 {
			return c
		}
		return compare(tx, valueAddr(tx, x.Data), valueAddr(ty, y.Data))
	}
	return 0
}
