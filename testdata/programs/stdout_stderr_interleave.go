package main

import (
	"fmt"
	"os"
)

func main() {
	for i := 0; i < 3; i++ {
		fmt.Fprintf(os.Stdout, "out %d\n", i)
		fmt.Fprintf(os.Stderr, "err %d\n", i)
	}
	println("builtin println goes to stderr")
	fmt.Print("no trailing newline")
}
