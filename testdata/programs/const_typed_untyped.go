package main

import (
	"fmt"
)

type Celsius float64
type Miles int

const boiling Celsius = 100
const x = 10

func main() {
	var m Miles = x * 3
	var f float32 = x / 4
	var g = x / 4.0
	fmt.Println(boiling, m, f, g)
	fmt.Printf("%T %T %T %T\n", boiling, m, x, 'a')
	const s = "const" + "ant"
	fmt.Println(s, len(s))
	var r rune = 'é'
	var b byte = 'A' + 2
	fmt.Println(r, b, string(r), string(rune(b)))
	fmt.Println(1<<62, uint64(1<<63), -1<<63 == -9223372036854775808)
}
