package main

import "fmt"

func main() {
	s := []int{0, 1, 2, 3, 4, 5, 6, 7}
	copy(s[2:], s)
	fmt.Println(s)
	s = []int{0, 1, 2, 3, 4, 5, 6, 7}
	copy(s, s[3:])
	fmt.Println(s)
	b := make([]byte, 5)
	n := copy(b, "hello world")
	fmt.Println(n, string(b))
	// remove element 2
	s = []int{10, 20, 30, 40}
	s = append(s[:2], s[3:]...)
	fmt.Println(s, len(s))
	// insert at 1
	s = append(s[:1], append([]int{15}, s[1:]...)...)
	fmt.Println(s)
}
