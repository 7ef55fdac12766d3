package main

import "fmt"

type T struct {
	A int
	B string
	C []float64
	D map[string]int
	E *int
}

func main() {
	t := T{A: 1, B: "two", C: []float64{3, 4.5}, D: map[string]int{"z": 26, "a": 1}}
	fmt.Printf("%v\n%+v\n", t, t)
	fmt.Println([]string{"a", "b"}, [2]bool{true}, map[int]string{2: "b", 1: "a"})
	fmt.Printf("%#v %#v %#v\n", []int{1}, "s", map[string]bool{"k": true})
	fmt.Printf("%v %d %s\n", []byte{65, 66}, []byte{65, 66}, []string{"x", "y"})
	fmt.Printf("%T %T %T %T\n", t, &t, []any{1}, map[string][]int{})
	var ip *int
	var e error
	fmt.Println(ip, e, nil, []int(nil), map[string]int(nil))
	fmt.Printf("%v %+v %d\n", struct{}{}, struct{ X, Y int }{1, 2}, []int{10, 20})
}
