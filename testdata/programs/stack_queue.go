package main

import (
	"fmt"
)

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() (int, bool) {
	if len(*s) == 0 {
		return 0, false
	}
	v := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	return v, true
}

func balanced(s string) bool {
	pairs := map[rune]rune{')': '(', ']': '[', '}': '{'}
	var st []rune
	for _, r := range s {
		switch r {
		case '(', '[', '{':
			st = append(st, r)
		case ')', ']', '}':
			if len(st) == 0 || st[len(st)-1] != pairs[r] {
				return false
			}
			st = st[:len(st)-1]
		}
	}
	return len(st) == 0
}

func main() {
	var s Stack
	for i := 1; i <= 3; i++ {
		s.Push(i * 10)
	}
	for {
		v, ok := s.Pop()
		if !ok {
			break
		}
		fmt.Print(v, " ")
	}
	fmt.Println()
	for _, t := range []string{"([]{})", "([)]", "((", ""} {
		fmt.Println(t, balanced(t))
	}
}
