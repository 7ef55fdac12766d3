package main

import "fmt"

func main() {
	x, y := 0b1100, 0b1010
	fmt.Println(x&y, x|y, x^y, x&^y, ^x)
	fmt.Println(1<<10, 1024>>3, -16>>2)
	var u uint8 = 0x0f
	fmt.Println(^u, u<<4, u<<5)
	s := uint(70)
	fmt.Println(1<<s == 0, int64(1)<<62)
	fmt.Printf("%08b %x %o %X\n", 13, 255, 8, 3054)
}
