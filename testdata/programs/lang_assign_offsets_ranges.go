// Fixes from the whole-language work: a float32 package variable laid out as
// data, blank functions, unsafe.Offsetof through embedded fields, a range over
// an array ranging over a copy, and multi-value assignments into interface
// variables (calls and the comma-ok forms).
package main

import (
	"fmt"
	"unsafe"
)

var f32 float32 = 16
var f32b = f32 * 2.5
var f32s = [3]float32{1.5, 2, 1e-3}

func _() {}
func _() {}

type Inner struct {
	x byte
	y int32
	z [3]int16
}

type Outer struct {
	flag bool
	Inner
	tail uint64
	c    complex64
	d    byte
}

func pair() (int, error) { return 42, nil }

func triple() (string, float64, bool) { return "s", 2.25, true }

func main() {
	fmt.Println(f32, f32b, f32s)

	var o Outer
	p := &o
	fmt.Println(unsafe.Offsetof(o.flag), unsafe.Offsetof(o.Inner), unsafe.Offsetof(o.y), unsafe.Offsetof(o.z))
	fmt.Println(unsafe.Offsetof(o.tail), unsafe.Offsetof(p.c), unsafe.Offsetof(p.Inner.z), unsafe.Offsetof(o.d))
	fmt.Println(unsafe.Sizeof(o), unsafe.Alignof(o.c), unsafe.Sizeof(o.c))

	arr := [4]int{1, 2, 3, 4}
	for i, v := range arr {
		if i == 0 {
			arr[3] = 40
		}
		fmt.Print(v, " ")
	}
	fmt.Println(arr)
	for i, v := range &arr {
		if i == 0 {
			arr[3] = 400
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	for i := range arr {
		arr[i] *= 2
	}
	fmt.Println(arr)

	var a, b, c interface{}
	var err error
	a, err = pair()
	fmt.Println(a, err)
	a, b, c = triple()
	fmt.Println(a, b, c)
	m := map[string]int{"k": 7}
	var ok bool
	a, ok = m["k"]
	fmt.Println(a, ok)
	a, ok = m["missing"]
	fmt.Println(a, ok)
	var x interface{} = 3.5
	b, ok = x.(float64)
	fmt.Println(b, ok)
	b, ok = x.(int)
	fmt.Println(b, ok)
	var s fmt.Stringer
	c, ok = x.(fmt.Stringer)
	fmt.Println(c, ok, s == nil)
}
