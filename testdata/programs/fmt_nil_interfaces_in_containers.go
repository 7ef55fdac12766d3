// fmt prints nil interface values inside maps, structs and slices as <nil>,
// and calls the methods of the dynamic values held in interface-typed fields.
package main

import (
	"errors"
	"fmt"
)

type S struct {
	Err  error
	Any  interface{}
	Strs []fmt.Stringer
}

type name string

func (n name) String() string { return "name:" + string(n) }

func main() {
	m := map[int]error{1: nil, 2: errors.New("boom")}
	fmt.Println(m)
	fmt.Printf("%v %+v\n", S{}, S{Err: errors.New("e"), Any: name("x"), Strs: []fmt.Stringer{name("y"), nil}})
	fmt.Println([]interface{}{nil, 1, name("z"), []error{nil}})
	fmt.Printf("%#v\n", []error{nil})
}
