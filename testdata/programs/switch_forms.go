package main

import (
	"fmt"
)

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	case score >= 70:
		return "C"
	}
	return "F"
}

func main() {
	for _, s := range []int{95, 85, 75, 10} {
		fmt.Print(grade(s), " ")
	}
	fmt.Println()
	switch x := 5; x {
	case 1, 2, 3:
		fmt.Println("small")
	case 4, 5, 6:
		fmt.Println("medium")
		fallthrough
	case 7:
		fmt.Println("fell into 7")
	default:
		fmt.Println("default")
	}
	switch c := 'x'; {
	case c >= 'a' && c <= 'z':
		fmt.Println("lower")
	}
	switch "go" {
	case "rust":
	case "go":
		fmt.Println("gopher")
	}
}
