package main

import (
	"fmt"
)

func sign(x int) string {
	if x < 0 {
		return "negative"
	} else if x == 0 {
		return "zero"
	} else {
		return "positive"
	}
}

func main() {
	for _, v := range []int{-5, 0, 5} {
		fmt.Println(v, sign(v))
	}
	if m := map[string]int{"k": 1}; m["k"] > 0 {
		fmt.Println("has k")
	}
	if v, ok := interface{}(3.5).(float64); ok && v > 3 {
		fmt.Println("float > 3")
	}
}
