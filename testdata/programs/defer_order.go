package main

import "fmt"

func triple() (result int) {
	defer func() { result *= 3 }()
	return 5
}

func main() {
	for i := 0; i < 3; i++ {
		defer fmt.Println("deferred", i)
	}
	x := 10
	defer fmt.Println("x at defer time:", x)
	x = 20
	fmt.Println("triple:", triple())
	func() {
		defer fmt.Println("inner defer")
		fmt.Println("inner body")
	}()
	fmt.Println("main end", x)
}
