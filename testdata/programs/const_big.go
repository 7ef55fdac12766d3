package main

import "fmt"

const Big = 1 << 100
const Small = Big >> 99
const Third = 1.0 / 3

func main() {
	fmt.Println(Small, Big/(1<<98))
	fmt.Println(Third*3 == 1)
	var f float32 = Third
	fmt.Println(f)
	const huge = 1e300 * 1e300 / 1e300
	fmt.Println(huge)
	fmt.Println('a'+1, string(rune('a'+1)))
}
