package runtime

import (
	"internal/abi"
	"unsafe"
)

const ptrSize = unsafe.Sizeof(uintptr(0))

// Kind numbers the panic printer and comparisons switch on.
const (
	kindBool          = abi.Bool
	kindInt           = abi.Int
	kindInt8          = abi.Int8
	kindInt16         = abi.Int16
	kindInt32         = abi.Int32
	kindInt64         = abi.Int64
	kindUint          = abi.Uint
	kindUint8         = abi.Uint8
	kindUint16        = abi.Uint16
	kindUint32        = abi.Uint32
	kindUint64        = abi.Uint64
	kindUintptr       = abi.Uintptr
	kindFloat32       = abi.Float32
	kindFloat64       = abi.Float64
	kindComplex64     = abi.Complex64
	kindComplex128    = abi.Complex128
	kindArray         = abi.Array
	kindChan          = abi.Chan
	kindFunc          = abi.Func
	kindInterface     = abi.Interface
	kindMap           = abi.Map
	kindPointer       = abi.Pointer
	kindSlice         = abi.Slice
	kindString        = abi.String
	kindStruct        = abi.Struct
	kindUnsafePointer = abi.UnsafePointer
)

// itabs made at run time (assertions to interfaces), newest first.
type itabEntry struct {
	tab  *abi.Itab
	next *itabEntry
}

var itabList *itabEntry

// findItab returns the itab binding typ to inter, or nil and the first missing
// method's name.
func findItab(inter, typ *abi.Type) (*abi.Itab, string) {
	for e := itabList; e != nil; e = e.next {
		if e.tab.Inter == inter && e.tab.Typ == typ {
			return e.tab, ""
		}
	}
	m, missing := abi.NewItab(inter, typ)
	if m == nil {
		return nil, shortName(missing)
	}
	itabList = &itabEntry{m, itabList}
	return m, ""
}

func shortName(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
	}
	return s
}

// assertE2I2 is v.(I) with the comma-ok form, and the conversion of an interface
// value to another interface type: the itab, or nil.
func assertE2I2(inter, typ *abi.Type) *abi.Itab {
	if typ == nil {
		return nil
	}
	m, _ := findItab(inter, typ)
	return m
}

// assertE2I is v.(I) where v has static interface type src.
func assertE2I(inter, src, typ *abi.Type) *abi.Itab {
	if typ == nil {
		panic(&TypeAssertionError{src, nil, inter, ""})
	}
	m, missing := findItab(inter, typ)
	if m == nil {
		panic(&TypeAssertionError{nil, typ, inter, missing})
	}
	return m
}

// panicdottype is a failed v.(T) for a concrete T.
func panicdottype(have, want, src *abi.Type) {
	panic(&TypeAssertionError{src, have, want, ""})
}

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	_interface    *abi.Type
	concrete      *abi.Type
	asserted      *abi.Type
	missingMethod string
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	inter := "interface"
	if e._interface != nil {
		inter = e._interface.Str
	}
	as := e.asserted.Str
	if e.concrete == nil {
		return "interface conversion: " + inter + " is nil, not " + as
	}
	cs := e.concrete.Str
	if e.missingMethod == "" {
		msg := "interface conversion: " + inter + " is " + cs + ", not " + as
		if cs == as {
			msg += " (types from different scopes)"
		}
		return msg
	}
	return "interface conversion: " + cs + " is not " + as + ": missing method " + e.missingMethod
}

// An Error identifies a run-time error.
type Error interface {
	error
	RuntimeError()
}

// errorString is a runtime error with Go's "runtime error: " prefix.
type errorString string

func (e errorString) RuntimeError() {}
func (e errorString) Error() string { return "runtime error: " + string(e) }

// plainError is a runtime error without the prefix.
type plainError string

func (e plainError) RuntimeError() {}
func (e plainError) Error() string { return string(e) }

// efaceeq reports whether two interface values (type word, data word) are equal,
// panicking for types that are not comparable.
func efaceeq(t1, d1, t2, d2 unsafe.Pointer) bool {
	if t1 != t2 {
		return false
	}
	if t1 == nil {
		return true
	}
	t := (*abi.Type)(t1)
	if t.Direct() {
		return d1 == d2
	}
	// As gc, the dynamic type must be comparable as a whole: the panic names it,
	// not the field or element that is not.
	if !hashable(t) {
		panic(errorString("comparing uncomparable type " + t.Str))
	}
	return memequal(t, d1, d2)
}

// memequal compares two values of type t in memory.
func memequal(t *abi.Type, p, q unsafe.Pointer) bool {
	switch t.Kind {
	case kindPointer, kindUnsafePointer, kindChan:
		return *(*uintptr)(p) == *(*uintptr)(q)
	case kindString:
		return *(*string)(p) == *(*string)(q)
	case kindFloat32:
		return *(*float32)(p) == *(*float32)(q)
	case kindFloat64:
		return *(*float64)(p) == *(*float64)(q)
	case kindComplex64:
		a, b := (*[2]float32)(p), (*[2]float32)(q)
		return a[0] == b[0] && a[1] == b[1]
	case kindComplex128:
		a, b := (*[2]float64)(p), (*[2]float64)(q)
		return a[0] == b[0] && a[1] == b[1]
	case kindInterface:
		a, b := (*abi.EmptyInterface)(p), (*abi.EmptyInterface)(q)
		ta, tb := a.Type, b.Type
		if len(t.Methods) > 0 {
			ta, tb = itabType(unsafe.Pointer(ta)), itabType(unsafe.Pointer(tb))
		}
		return efaceeq(unsafe.Pointer(ta), a.Data, unsafe.Pointer(tb), b.Data)
	case kindArray:
		for i := uintptr(0); i < t.Len; i++ {
			o := i * t.Elem.Size
			if !memequal(t.Elem, unsafe.Pointer(uintptr(p)+o), unsafe.Pointer(uintptr(q)+o)) {
				return false
			}
		}
		return true
	case kindStruct:
		for i := range t.Fields {
			f := &t.Fields[i]
			if f.Name == "_" {
				continue
			}
			if !memequal(f.Typ, unsafe.Pointer(uintptr(p)+f.Offset), unsafe.Pointer(uintptr(q)+f.Offset)) {
				return false
			}
		}
		return true
	case kindSlice, kindMap, kindFunc:
		panic(errorString("comparing uncomparable type " + t.Str))
	}
	for i := uintptr(0); i < t.Size; i++ {
		if *(*byte)(unsafe.Pointer(uintptr(p) + i)) != *(*byte)(unsafe.Pointer(uintptr(q) + i)) {
			return false
		}
	}
	return true
}

// itabType is the dynamic type of an interface value with methods.
func itabType(tab unsafe.Pointer) *abi.Type {
	if tab == nil {
		return nil
	}
	return (*abi.Itab)(tab).Typ
}
