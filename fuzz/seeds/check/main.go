// Command demo prints where it runs.
package main

import (
	"fmt"

	"example.com/demo/greet"
)

func main() {
	fmt.Println(greet.Hello(), platform())
}
