package main

import (
	"errors"
	"fmt"
)

func main() {
	fmt.Println("start")
	panic(errors.New("disk full"))
}
