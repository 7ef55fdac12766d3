package main

import (
	"fmt"
)

func main() {
	for i := range 3 {
		fmt.Print(i, " ")
	}
	fmt.Println()
	n := 0
	for range 5 {
		n++
	}
	fmt.Println(n)
	var u uint8 = 4
	for i := range u {
		fmt.Printf("%T %d\n", i, i)
	}
}
