package main

import (
	"fmt"
	"strconv"
)

func toBase(n int, base int) string {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyz"
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var buf []byte
	for n > 0 {
		buf = append([]byte{digits[n%base]}, buf...)
		n /= base
	}
	if neg {
		buf = append([]byte{'-'}, buf...)
	}
	return string(buf)
}

func main() {
	for _, n := range []int{0, 5, 255, -255, 1 << 20} {
		for _, b := range []int{2, 8, 16, 36} {
			mine := toBase(n, b)
			fmt.Print(mine, " ", mine == strconv.FormatInt(int64(n), b), "; ")
		}
		fmt.Println()
	}
}
