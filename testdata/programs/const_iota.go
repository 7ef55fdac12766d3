package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const (
	a, b = iota, iota * 10
	c, d
)

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Thursday)
	fmt.Println(KB, MB, GB)
	fmt.Println(a, b, c, d)
}
