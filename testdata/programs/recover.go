package main

import (
	"errors"
	"fmt"
)

func mayPanic(n int) (res string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	if n == 0 {
		panic("zero")
	}
	if n < 0 {
		panic(errors.New("negative"))
	}
	arr := []int{1, 2, 3}
	return fmt.Sprint(arr[n]), nil
}

func main() {
	for _, n := range []int{1, 0, -1, 5} {
		res, err := mayPanic(n)
		fmt.Printf("%q %v\n", res, err)
	}
	fmt.Println(recover())
}
