package main

import (
	"fmt"
)

func main() {
	var prints []func()
	for i := range 3 {
		prints = append(prints, func() { fmt.Print(i, " ") })
	}
	for _, s := range []string{"a", "b"} {
		prints = append(prints, func() { fmt.Print(s, " ") })
	}
	for i := 0; i < 2; i++ {
		prints = append(prints, func() { fmt.Print(i*10, " ") })
	}
	for _, p := range prints {
		p()
	}
	fmt.Println()
	var ptrs []*int
	for i := 0; i < 3; i++ {
		ptrs = append(ptrs, &i)
	}
	fmt.Println(*ptrs[0], *ptrs[1], *ptrs[2])
}
