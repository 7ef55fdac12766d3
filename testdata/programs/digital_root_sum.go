package main

import (
	"fmt"
	"strconv"
)

func digitSum(n int) int {
	s := 0
	for ; n > 0; n /= 10 {
		s += n % 10
	}
	return s
}

func root(n int) int {
	for n >= 10 {
		n = digitSum(n)
	}
	return n
}

func main() {
	for _, n := range []int{0, 9, 38, 123456789, 999999999999} {
		fmt.Println(n, digitSum(n), root(n), len(strconv.Itoa(n)))
	}
}
