package main

import (
	"fmt"
)

func mergeSort(a []string) []string {
	if len(a) <= 1 {
		return a
	}
	m := len(a) / 2
	l, r := mergeSort(a[:m]), mergeSort(a[m:])
	out := make([]string, 0, len(a))
	for len(l) > 0 && len(r) > 0 {
		if l[0] <= r[0] {
			out, l = append(out, l[0]), l[1:]
		} else {
			out, r = append(out, r[0]), r[1:]
		}
	}
	return append(append(out, l...), r...)
}

func main() {
	fmt.Println(mergeSort([]string{"pear", "apple", "fig", "banana", "kiwi", "apple"}))
}
