package main

import (
	"fmt"
)

func transpose(m [][]string) [][]string {
	if len(m) == 0 {
		return nil
	}
	t := make([][]string, len(m[0]))
	for i := range t {
		t[i] = make([]string, len(m))
		for j := range m {
			t[i][j] = m[j][i]
		}
	}
	return t
}

func main() {
	m := [][]string{{"a", "b", "c"}, {"d", "e", "f"}}
	fmt.Println(transpose(m), transpose(transpose(m)), transpose(nil) == nil)
}
