package fmt

import "errors"

// Errorf formats according to a format specifier and returns the string as an
// error. With %w verbs the error wraps their operands: Unwrap returns the one
// wrapped error, or the list of them.
func Errorf(format string, a ...any) error {
	p := newPrinter()
	p.wrapErrs = true
	p.doPrintf(format, a)
	s := string(p.buf)
	switch len(p.wrapped) {
	case 0:
		return errors.New(s)
	case 1:
		return &wrapError{msg: s, err: p.wrapped[0]}
	default:
		return &wrapErrors{msg: s, errs: p.wrapped}
	}
}

type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }

type wrapErrors struct {
	msg  string
	errs []error
}

func (e *wrapErrors) Error() string   { return e.msg }
func (e *wrapErrors) Unwrap() []error { return e.errs }
