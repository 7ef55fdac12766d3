package main

import (
	"fmt"
)

func luhn(s string) bool {
	sum, alt := 0, false
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if c == ' ' {
			continue
		}
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if alt {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		alt = !alt
	}
	return sum%10 == 0
}

func main() {
	for _, s := range []string{"4539 3195 0343 6467", "8273 1232 7352 0569", "0", "059a"} {
		fmt.Printf("%q %v\n", s, luhn(s))
	}
}
