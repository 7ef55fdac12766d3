package main

import (
	"fmt"
)

var x = "package"

func main() {
	fmt.Println(x)
	x := "function"
	fmt.Println(x)
	{
		x := "block"
		fmt.Println(x)
	}
	if x := 5; x > 3 {
		fmt.Println("if", x)
	} else {
		fmt.Println("else", x)
	}
	for x := 0; x < 1; x++ {
		fmt.Println("for", x)
	}
	fmt.Println(x)
	err := fmt.Errorf("outer")
	if true {
		_, err := fmt.Println("inner print")
		_ = err
	}
	fmt.Println(err)
}
