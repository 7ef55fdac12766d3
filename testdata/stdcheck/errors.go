// Differential check of crossplay's errors against Go's: New, Unwrap, Is (with Is
// methods, wrapping chains, joined trees and incomparable errors) and Join.
package main

import (
	"errors"
	"fmt"
	"os"

	cerrors "crossplaystd/errors"
)

var failures, checks int

func check(what string, got, want any) {
	checks++
	if fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) {
		failures++
		fmt.Printf("%s: got %#v, want %#v\n", what, got, want)
	}
}

type wrap struct {
	msg string
	err error
}

func (w wrap) Error() string { return w.msg + ": " + w.err.Error() }
func (w wrap) Unwrap() error { return w.err }

type multi []error

func (m multi) Error() string   { return "multi" }
func (m multi) Unwrap() []error { return m }

type isAll struct{}

func (isAll) Error() string        { return "isAll" }
func (isAll) Is(target error) bool { return true }

type sliceErr []int

func (sliceErr) Error() string { return "slice" }

type run struct {
	newf   func(string) error
	is     func(error, error) bool
	unwrap func(error) error
	join   func(...error) error
}

func scenario(r run) []any {
	base := r.newf("base")
	other := r.newf("base")
	w1 := wrap{"w1", base}
	w2 := wrap{"w2", w1}
	j := r.join(nil, other, w2)
	var nilErr error
	out := []any{
		base.Error(), base == other,
		r.is(base, base), r.is(base, other), r.is(w2, base), r.is(w2, other),
		r.is(j, base), r.is(j, other), r.is(j, r.newf("x")),
		r.is(nilErr, nil), r.is(base, nil), r.is(nilErr, base),
		r.is(isAll{}, base), r.is(wrap{"w", isAll{}}, base),
		r.is(multi{base, nil, sliceErr{1}}, base), r.is(multi{sliceErr{1}}, sliceErr{1}),
		r.is(sliceErr{1}, sliceErr{1}), r.is(wrap{"w", sliceErr{2}}, base),
		r.unwrap(w2) == w1, r.unwrap(base) == nil, r.unwrap(j) == nil,
		r.join() == nil, r.join(nil, nil) == nil, j.Error(), r.join(base).Error(),
	}
	if u, ok := j.(interface{ Unwrap() []error }); ok {
		out = append(out, len(u.Unwrap()))
	}
	return out
}

func main() {
	got := scenario(run{cerrors.New, cerrors.Is, cerrors.Unwrap, cerrors.Join})
	want := scenario(run{errors.New, errors.Is, errors.Unwrap, errors.Join})
	for i := range want {
		check(fmt.Sprint("scenario ", i), got[i], want[i])
	}
	check("ErrUnsupported", cerrors.ErrUnsupported.Error(), errors.ErrUnsupported.Error())
	fmt.Printf("errors: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
