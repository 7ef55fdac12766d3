package main

import (
	"fmt"
)

type MyInt int
type MyString string

func main() {
	var i int = 300
	fmt.Println(int8(i), uint8(i), int16(i), float32(i), MyInt(i))
	f := 1e10
	fmt.Println(int64(f), uint32(int64(f)))
	fmt.Println(string(MyString("typed")), MyString("x") + "y")
	b := []byte("abc")
	fmt.Println(string(b), []rune("héllo"), string([]rune{72, 105}))
	var u uint = 1<<64 - 1
	fmt.Println(u, int64(u), uint32(u))
	n := -1
	fmt.Println(uint8(n), uint16(n))
	fmt.Println(float64(int32(-7)) / 2)
}
