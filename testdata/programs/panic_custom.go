package main

import "fmt"

func main() {
	defer fmt.Println("deferred runs")
	panic("something went wrong")
}
