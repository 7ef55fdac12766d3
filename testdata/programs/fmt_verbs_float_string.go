package main

import "fmt"

func main() {
	f := 3.14159265
	fmt.Printf("[%f] [%.2f] [%8.3f] [%-8.1f] [%08.2f]\n", f, f, f, f, f)
	fmt.Printf("[%e] [%E] [%.1e] [%g] [%.3g]\n", f, f, 1234.5678, 0.00001234, f)
	fmt.Printf("[%v] [%v] [%v] [%v]\n", 1e6, 1e21, 1e-5, 100.0)
	fmt.Printf("[%s] [%10s] [%-10s] [%.2s] [%q]\n", "go", "go", "go", "golang", "a\"b")
	fmt.Printf("[%x] [% x] [%X] [%s]\n", "hi", "hi", []byte("hi"), []byte("bytes"))
	fmt.Printf("[%t] [%v] [%5t]\n", true, false, true)
	fmt.Printf("[%6.2f%%]\n", 12.3456)
	fmt.Printf("%v %.0f %.0f %.0f\n", float32(2.5), 0.5, 1.5, 2.5)
}
