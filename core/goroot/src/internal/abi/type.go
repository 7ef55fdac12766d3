// Package abi describes the runtime type information crossplay's compiler emits:
// type descriptors, struct fields, method tables and itabs. The runtime and fmt
// read values through these layouts.
package abi

import "unsafe"

// Kind is reflect's kind numbering.
type Kind uint8

const (
	Invalid Kind = iota
	Bool
	Int
	Int8
	Int16
	Int32
	Int64
	Uint
	Uint8
	Uint16
	Uint32
	Uint64
	Uintptr
	Float32
	Float64
	Complex64
	Complex128
	Array
	Chan
	Func
	Interface
	Map
	Pointer
	Slice
	String
	Struct
	UnsafePointer
)

// FlagDirect marks types whose interface data word is the value itself.
const FlagDirect = 1

// Type is a type descriptor.
type Type struct {
	Size    uintptr
	Kind    Kind
	Align   uint8
	Flags   uint8
	Str     string
	Elem    *Type // pointer, slice, array, chan, map value
	Key     *Type // map key
	Len     uintptr
	Fields  []StructField
	Methods []Method // sorted by Name; an interface's have Ifn 0
}

type StructField struct {
	Name     string
	Typ      *Type
	Offset   uintptr
	Embedded bool
}

// Method is a method table entry. Name is qualified by the package path when
// unexported; Mtyp is the signature's string; Ifn is the function an interface
// calls, which takes the data word as its receiver.
type Method struct {
	Name string
	Mtyp string
	Ifn  uintptr
}

// Itab binds a concrete type to an interface; Fun has one entry per method of
// Inter, in its order.
type Itab struct {
	Inter *Type
	Typ   *Type
	Fun   [1]uintptr
}

// NewItab binds concrete type typ to interface type inter: an itab with typ's
// methods in inter's order, or nil and the name of the first method typ lacks.
// Both method tables are sorted by name.
func NewItab(inter, typ *Type) (*Itab, string) {
	n := len(inter.Methods)
	words := make([]uintptr, 2+n)
	m := (*Itab)(unsafe.Pointer(&words[0]))
	m.Inter, m.Typ = inter, typ
	j := 0
	for i := 0; i < n; i++ {
		im := &inter.Methods[i]
		for j < len(typ.Methods) && typ.Methods[j].Name < im.Name {
			j++
		}
		if j >= len(typ.Methods) || typ.Methods[j].Name != im.Name || typ.Methods[j].Mtyp != im.Mtyp {
			return nil, im.Name
		}
		words[2+i] = typ.Methods[j].Ifn
	}
	return m, ""
}

// EmptyInterface is the layout of an `any` value.
type EmptyInterface struct {
	Type *Type
	Data unsafe.Pointer
}

// NonEmptyInterface is the layout of an interface with methods.
type NonEmptyInterface struct {
	Itab *Itab
	Data unsafe.Pointer
}

// Direct reports whether the interface data word holds the value itself.
func (t *Type) Direct() bool { return t.Flags&FlagDirect != 0 }

// Name is the type's name without the package qualifier, for named types.
func (t *Type) Name() string {
	s := t.Str
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '.' {
			return s[i+1:]
		}
		if s[i] == ']' || s[i] == '*' || s[i] == ' ' || s[i] == ')' {
			return ""
		}
	}
	return s
}

// MapIter is a map iteration in progress: the compiler reads Key and Elem (nil
// when the iteration is over) and calls the runtime for the next entry.
type MapIter struct {
	Key  unsafe.Pointer
	Elem unsafe.Pointer
	T    *Type
	H    unsafe.Pointer
	// The entry arrays when the iteration began, and how far it has come.
	Keys  unsafe.Pointer
	Elems unsafe.Pointer
	Live  unsafe.Pointer
	Used  int
	I     int
}
