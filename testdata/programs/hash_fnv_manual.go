package main

import (
	"fmt"
)

func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func main() {
	for _, s := range []string{"", "a", "foobar", "crossplay"} {
		fmt.Printf("%-10q %016x %d\n", s, fnv64(s), fnv64(s)%1000)
	}
}
