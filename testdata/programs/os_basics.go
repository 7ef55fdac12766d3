package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println(len(os.Args) > 0)
	fmt.Printf("%q\n", os.Getenv("CROSSPLAY_SURELY_UNSET"))
	v, ok := os.LookupEnv("CROSSPLAY_SURELY_UNSET")
	fmt.Println(v, ok)
	n, err := os.Stdout.WriteString("direct write\n")
	fmt.Println(n, err)
	fmt.Fprintf(os.Stderr, "warning: %d\n", 7)
}
