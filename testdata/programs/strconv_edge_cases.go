package main

import (
	"fmt"
	"strconv"
)

func main() {
	for _, s := range []string{"0", "-0", "+5", " 5", "0x1f", "1_000", "9223372036854775807", "9223372036854775808", ""} {
		n, err := strconv.Atoi(s)
		fmt.Printf("%q %d %v\n", s, n, err)
	}
	for _, s := range []string{"0x1f", "0b101", "0o17", "017", "1_000"} {
		n, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(s, n, err)
	}
	for _, s := range []string{"1e3", "inf", "-Inf", "NaN", "0x1p-2", "1.7976931348623157e309", ".5"} {
		f, err := strconv.ParseFloat(s, 64)
		fmt.Println(s, f, err)
	}
	fmt.Println(strconv.FormatFloat(0.1, 'f', -1, 32), strconv.FormatFloat(1.0/3, 'g', 5, 64), strconv.FormatFloat(-0.0, 'f', 1, 64))
}
