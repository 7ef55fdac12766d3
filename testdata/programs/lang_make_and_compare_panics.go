// make with lengths and capacities out of range, and comparisons of
// uncomparable dynamic values, panic with gc's run-time errors.
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println(name, "panic:", r)
		}
	}()
	f()
	fmt.Println(name, "ok")
}

type pair struct {
	a int
	b []int
}

func main() {
	n := -1
	big := 1 << 62
	try("negative len", func() { _ = make([]int, n) })
	try("huge len", func() { _ = make([]int, big) })
	try("huge len of bytes", func() { _ = make([]byte, big) })
	try("negative cap", func() { _ = make([]int, 2, n) })
	try("cap below len", func() { _ = make([]int, 3, 2+n) })
	try("huge cap", func() { _ = make([]int64, 1, big) })
	try("empty struct huge", func() { _ = make([]struct{}, big) })
	try("zero", func() { fmt.Println(len(make([]int, 0)), cap(make([]int, 0, 5))) })
	var a, b interface{} = []int{1}, []int{1}
	try("slices in interfaces", func() { fmt.Println(a == b) })
	m := map[interface{}]int{}
	try("slice as map key", func() { m[a] = 1 })
	var f1, f2 interface{} = func() {}, 1
	try("different dynamic types", func() { fmt.Println(f1 == f2) })
	var p1, p2 interface{} = pair{1, nil}, pair{1, nil}
	try("struct holding a slice", func() { fmt.Println(p1 == p2) })
	var q1, q2 interface{} = [2]interface{}{1, 2}, [2]interface{}{1, 2}
	try("arrays of comparable values", func() { fmt.Println(q1 == q2) })
}
