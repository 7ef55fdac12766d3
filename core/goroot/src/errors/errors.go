// Package errors implements functions to manipulate errors: New creates an error
// with a message; Unwrap, Is, As and Join work with wrapped errors.
//
// This is crossplay's implementation, written for crossplay's toolchain; As reads
// types through crossplay's runtime type descriptors (internal/abi).
package errors

// New returns an error that formats as the given text. Each call to New returns a
// distinct error value even if the text is identical.
func New(text string) error {
	return &errorString{text}
}

// errorString is a trivial implementation of error.
type errorString struct {
	s string
}

func (e *errorString) Error() string {
	return e.s
}

// ErrUnsupported indicates that a requested operation cannot be performed,
// because it is unsupported.
var ErrUnsupported = New("unsupported operation")

// Unwrap returns the result of calling the Unwrap method on err, if err's type
// contains an Unwrap method returning error. Otherwise, Unwrap returns nil. Unwrap
// only calls a method of the form "Unwrap() error"; it does not unwrap errors
// returned by Join.
func Unwrap(err error) error {
	u, ok := err.(interface{ Unwrap() error })
	if !ok {
		return nil
	}
	return u.Unwrap()
}

// Is reports whether any error in err's tree matches target. The tree consists of
// err itself, followed by the errors obtained by repeatedly calling its Unwrap()
// error or Unwrap() []error method, in a pre-order, depth-first traversal. An error
// is considered to match a target if it is equal to that target or if it implements
// a method Is(error) bool such that Is(target) returns true.
func Is(err, target error) bool {
	if err == nil || target == nil {
		return err == target
	}
	return is(err, target, isComparable(target))
}

// isComparable reports whether target can be compared with == without panicking:
// comparing interfaces whose dynamic types are not comparable panics, so the
// comparison is attempted under recover.
func isComparable(target error) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return target == target
}

func is(err, target error, targetComparable bool) bool {
	for {
		if targetComparable && equal(err, target) {
			return true
		}
		if x, ok := err.(interface{ Is(error) bool }); ok && x.Is(target) {
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
				if err != nil && is(err, target, targetComparable) {
					return true
				}
			}
			return false
		default:
			return false
		}
	}
}

// equal compares err and target with ==, reporting false where the dynamic type of
// err is not comparable.
func equal(err, target error) (eq bool) {
	defer func() {
		if recover() != nil {
			eq = false
		}
	}()
	return err == target
}

// Join returns an error that wraps the given errors. Any nil error values are
// discarded. Join returns nil if every value in errs is nil. The error formats as
// the concatenation of the strings obtained by calling the Error method of each
// element of errs, with a newline between each string.
func Join(errs ...error) error {
	n := 0
	for _, err := range errs {
		if err != nil {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	e := &joinError{errs: make([]error, 0, n)}
	for _, err := range errs {
		if err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return e
}

type joinError struct {
	errs []error
}

func (e *joinError) Error() string {
	// Since Join returns nil if every value in errs is nil, e.errs cannot be empty.
	if len(e.errs) == 1 {
		return e.errs[0].Error()
	}
	b := []byte(e.errs[0].Error())
	for _, err := range e.errs[1:] {
		b = append(b, '\n')
		b = append(b, err.Error()...)
	}
	return string(b)
}

func (e *joinError) Unwrap() []error {
	return e.errs
}
