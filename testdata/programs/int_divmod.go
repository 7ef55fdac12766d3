package main

import "fmt"

func main() {
	for _, x := range []int{7, -7} {
		for _, y := range []int{2, -2} {
			fmt.Println(x, y, x/y, x%y)
		}
	}
	var m int8 = -128
	var n int8 = -1
	fmt.Println(m / n, m % n)
	fmt.Println(uint32(7) / 2, 7.0 / 2)
}
