package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) > 5 {
		return
	}
	fmt.Fprintln(os.Stderr, "error: something failed")
	os.Exit(1)
}
