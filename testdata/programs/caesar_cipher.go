package main

import (
	"fmt"
)

func shift(s string, k int) string {
	out := []byte(s)
	for i, c := range out {
		switch {
		case c >= 'a' && c <= 'z':
			out[i] = 'a' + byte((int(c-'a')+k+26)%26)
		case c >= 'A' && c <= 'Z':
			out[i] = 'A' + byte((int(c-'A')+k+26)%26)
		}
	}
	return string(out)
}

func main() {
	msg := "Attack at Dawn, Zebra!"
	enc := shift(msg, 3)
	fmt.Println(enc)
	fmt.Println(shift(enc, -3))
	fmt.Println(shift("abc", 13), shift(shift("Hello", 13), 13))
}
