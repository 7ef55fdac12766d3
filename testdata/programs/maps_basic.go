package main

import "fmt"

func main() {
	m := map[string]int{"apple": 5, "banana": 3}
	m["cherry"] = 7
	m["apple"]++
	fmt.Println(m, len(m))
	v, ok := m["durian"]
	fmt.Println(v, ok)
	delete(m, "banana")
	delete(m, "nothing")
	fmt.Println(m)
	var nilmap map[string]bool
	fmt.Println(nilmap["x"], len(nilmap), nilmap == nil)
	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	nested := map[string][]int{}
	nested["a"] = append(nested["a"], 1, 2)
	fmt.Println(nested)
	clear(m)
	fmt.Println(len(m))
}
