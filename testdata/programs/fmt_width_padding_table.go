package main

import (
	"fmt"
)

type row struct {
	name  string
	qty   int
	price float64
}

func main() {
	rows := []row{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"kiwi", 12, 0.2}}
	fmt.Printf("%-12s|%5s|%8s\n", "item", "qty", "total")
	var sum float64
	for _, r := range rows {
		t := float64(r.qty) * r.price
		sum += t
		fmt.Printf("%-12s|%5d|%8.2f\n", r.name, r.qty, t)
	}
	fmt.Printf("%-12s|%5s|%8.2f\n", "sum", "", sum)
	fmt.Printf("|%6.2f|%-8.3e|%+.1f|\n", -1.5, 12345.678, 3.0)
	fmt.Printf("|%3c|%-3c|%03d|%x|\n", 'a', 'b', -5, -255)
}
