package main

import (
	"errors"
	"fmt"
)

func main() {
	base := errors.New("base")
	e1 := fmt.Errorf("wrapped %d times: %w", 1, base)
	e2 := fmt.Errorf("two: %w + %w", base, errors.New("other"))
	e3 := fmt.Errorf("not wrapped: %v", base)
	fmt.Println(e1, errors.Is(e1, base))
	fmt.Println(e2, errors.Is(e2, base))
	fmt.Println(e3, errors.Is(e3, base), errors.Unwrap(e3) == nil)
	fmt.Printf("%v|%s|%q|%T\n", e1, e1, e1, base)
	fmt.Println(fmt.Errorf("no args"))
}
