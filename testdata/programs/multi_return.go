package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func safeDiv(a, b float64) (float64, error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	return a / b, nil
}

func swap(a, b string) (string, string) { return b, a }

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	_, r2 := divmod(9, 4)
	fmt.Println(r2)
	if v, err := safeDiv(1, 0); err != nil {
		fmt.Println("error:", err, v)
	}
	v, err := safeDiv(9, 2)
	fmt.Println(v, err)
	a, b := swap("x", "y")
	fmt.Println(a, b)
	fmt.Println(swap(swap("1", "2")))
}
