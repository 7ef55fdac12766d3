package main

import (
	"errors"
	"fmt"
	"strconv"
)

type ParseError struct {
	Line int
	Msg  string
}

func (e ParseError) Error() string { return "line " + strconv.Itoa(e.Line) + ": " + e.Msg }

type TimeoutError struct{}

func (TimeoutError) Error() string   { return "timeout" }
func (TimeoutError) Temporary() bool { return true }

func parse(lines []string) error {
	for i, l := range lines {
		if l == "" {
			return ParseError{i + 1, "empty line"}
		}
	}
	return nil
}

func main() {
	err := parse([]string{"a", "", "c"})
	fmt.Println(err)
	var pe ParseError
	fmt.Println(errors.As(err, &pe), pe.Line)
	var e error = TimeoutError{}
	if t, ok := e.(interface{ Temporary() bool }); ok {
		fmt.Println("temporary:", t.Temporary())
	}
	fmt.Println(parse(nil) == nil)
	w := fmt.Errorf("ctx: %w", err)
	fmt.Println(errors.As(w, &pe), w)
}
