package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

func lookup(q string) error {
	return &QueryError{q, ErrNotFound}
}

func main() {
	err := lookup("users")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Unwrap(err) == ErrNotFound)
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("query was", qe.Query)
	}
	wrapped := fmt.Errorf("layer 2: %w", fmt.Errorf("layer 1: %w", err))
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, ErrNotFound))
	joined := errors.Join(errors.New("a"), nil, errors.New("b"))
	fmt.Println(joined)
	fmt.Println(errors.Is(joined, ErrNotFound), errors.Join() == nil)
	fmt.Println(errors.Unwrap(errors.New("x")) == nil)
}
