package main

import "fmt"

func main() {
	s := []int{1, 2, 3, 4, 5}
	t := s[1:3]
	t[0] = 20
	fmt.Println(s, t, len(t), cap(t))
	u := s[1:3:3]
	u = append(u, 100)
	fmt.Println(s, u)
	var n []int
	fmt.Println(n == nil, len(n), n)
	n = append(n, 1, 2, 3)
	n = append(n, s...)
	fmt.Println(n)
	m := make([]string, 2, 10)
	fmt.Println(len(m), cap(m), m[0] == "")
	c := make([]int, 3)
	k := copy(c, s)
	fmt.Println(k, c, copy(c, s[:0]))
	matrix := [][]int{{1, 2}, {3, 4, 5}}
	matrix[1] = append(matrix[1], 6)
	fmt.Println(matrix, len(matrix[1]))
}
