package errors

import (
	"internal/abi"
	"unsafe"
)

// implements is the itab of typ for interface type inter, or nil.
func implements(inter, typ *abi.Type) *abi.Itab {
	m, _ := abi.NewItab(inter, typ)
	return m
}

func efaceOf(p *any) *abi.EmptyInterface {
	return (*abi.EmptyInterface)(unsafe.Pointer(p))
}

// errorType is the descriptor of the error interface.
var errorType = func() *abi.Type {
	var x any = (*error)(nil)
	return efaceOf(&x).Type.Elem
}()

// As finds the first error in err's tree that matches target, and if one is found,
// sets target to that error value and returns true. Otherwise, it returns false.
//
// An error matches target if the error's concrete value is assignable to the value
// pointed to by target, or if the error has a method As(any) bool such that
// As(target) returns true.
//
// As panics if target is not a non-nil pointer to either a type that implements
// error, or to any interface type.
func As(err error, target any) bool {
	if err == nil {
		return false
	}
	if target == nil {
		panic("errors: target cannot be nil")
	}
	e := efaceOf(&target)
	if e.Type.Kind != abi.Pointer || e.Data == nil {
		panic("errors: target must be a non-nil pointer")
	}
	targetType := e.Type.Elem
	if targetType.Kind != abi.Interface && implements(errorType, targetType) == nil {
		panic("errors: *target must be interface or implement error")
	}
	return as(err, target, e.Data, targetType)
}

func as(err error, target any, dst unsafe.Pointer, targetType *abi.Type) bool {
	for {
		if assign(err, dst, targetType) {
			return true
		}
		if x, ok := err.(interface{ As(any) bool }); ok && x.As(target) {
			return true
		}
		switch x := err.(type) {
		case interface{ Unwrap() error }:
			err = x.Unwrap()
			if err == nil {
				return false
			}
		case interface{ Unwrap() []error }:
			for _, err := range x.Unwrap() {
				if err == nil {
					continue
				}
				if as(err, target, dst, targetType) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// assign stores err in *dst if its dynamic value is assignable to targetType.
func assign(err error, dst unsafe.Pointer, targetType *abi.Type) bool {
	var v any = err
	e := efaceOf(&v)
	t := e.Type
	switch {
	case t == targetType:
		if t.Direct() {
			*(*unsafe.Pointer)(dst) = e.Data
		} else {
			copyBytes(dst, e.Data, t.Size)
		}
		return true
	case targetType.Kind == abi.Interface && len(targetType.Methods) == 0:
		*(*abi.EmptyInterface)(dst) = *e
		return true
	case targetType.Kind == abi.Interface:
		tab := implements(targetType, t)
		if tab == nil {
			return false
		}
		*(*abi.NonEmptyInterface)(dst) = abi.NonEmptyInterface{Itab: tab, Data: e.Data}
		return true
	}
	return false
}

func copyBytes(dst, src unsafe.Pointer, n uintptr) {
	for i := uintptr(0); i < n; i++ {
		*(*byte)(unsafe.Pointer(uintptr(dst) + i)) = *(*byte)(unsafe.Pointer(uintptr(src) + i))
	}
}
