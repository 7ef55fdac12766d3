package main

import "fmt"

func main() {
	var a int8 = 127
	a++
	fmt.Println(a)
	var b uint8 = 0
	b--
	fmt.Println(b)
	var c int32 = 1 << 30
	c *= 4
	fmt.Println(c)
	var d uint16 = 65535
	d += 2
	fmt.Println(d)
	var e int64 = -9223372036854775808
	e--
	fmt.Println(e)
	var u uint = 3
	fmt.Println(u - 5 > 0)
}
