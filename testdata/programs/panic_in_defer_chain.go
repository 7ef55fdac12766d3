package main

import (
	"fmt"
)

func level3() {
	panic("deep")
}

func level2() {
	defer fmt.Println("level2 deferred")
	level3()
}

func level1() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught: %v", r)
		}
	}()
	level2()
	return nil
}

func main() {
	fmt.Println(level1())
	fmt.Println("continuing")
}
