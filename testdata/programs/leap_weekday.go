package main

import (
	"fmt"
)

func leap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func weekday(y, m, d int) string {
	if m < 3 {
		m += 12
		y--
	}
	k, j := y%100, y/100
	h := (d + 13*(m+1)/5 + k + k/4 + j/4 + 5*j) % 7
	return [...]string{"Sat", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri"}[h]
}

func main() {
	for _, y := range []int{1900, 2000, 2023, 2024} {
		fmt.Print(y, ":", leap(y), " ")
	}
	fmt.Println()
	fmt.Println(weekday(2000, 1, 1), weekday(1969, 7, 20), weekday(2026, 11, 24))
}
