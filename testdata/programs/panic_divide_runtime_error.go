package main

import (
	"errors"
	"fmt"
)

type runtimeError interface {
	error
	RuntimeError()
}

func try(f func()) (msg string) {
	defer func() {
		r := recover()
		if e, ok := r.(runtimeError); ok {
			msg = "runtime: " + e.Error()
		} else {
			msg = fmt.Sprint("other: ", r)
		}
	}()
	f()
	return "no panic"
}

func main() {
	var s []int
	var m map[string]int
	zero := 0
	fmt.Println(try(func() { _ = s[3] }))
	fmt.Println(try(func() { m["a"] = 1 }))
	fmt.Println(try(func() { _ = 10 / zero }))
	fmt.Println(try(func() { var a any = 1; _ = a.(string) }))
	fmt.Println(try(func() { panic(errors.New("custom")) }))
	fmt.Println(try(func() {}))
	arr := [4]int{}
	i := 4
	fmt.Println(try(func() { _ = arr[i] }))
	fmt.Println(try(func() { _ = "abc"[i:] }))
}
