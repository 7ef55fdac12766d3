package main

import (
	"fmt"
)

func cleanup(name string) func() {
	fmt.Println("acquire", name)
	return func() { fmt.Println("release", name) }
}

func work() (n int) {
	defer cleanup("a")()
	defer cleanup("b")()
	for i := 0; i < 3; i++ {
		defer func() { n += i }()
	}
	return 100
}

func main() {
	fmt.Println(work())
}
