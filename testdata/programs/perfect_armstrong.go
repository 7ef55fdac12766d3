package main

import (
	"fmt"
)

func isPerfect(n int) bool {
	s := 1
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			s += d
			if d*d != n {
				s += n / d
			}
		}
	}
	return n > 1 && s == n
}

func isArmstrong(n int) bool {
	digits := 0
	for t := n; t > 0; t /= 10 {
		digits++
	}
	sum := 0
	for t := n; t > 0; t /= 10 {
		p := 1
		for i := 0; i < digits; i++ {
			p *= t % 10
		}
		sum += p
	}
	return sum == n
}

func main() {
	var perfect, arm []int
	for n := 1; n < 10000; n++ {
		if isPerfect(n) {
			perfect = append(perfect, n)
		}
		if isArmstrong(n) {
			arm = append(arm, n)
		}
	}
	fmt.Println(perfect)
	fmt.Println(arm)
}
