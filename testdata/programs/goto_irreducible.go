// goto makes loops with two entries (irreducible control flow): a cycle entered
// both at its top and, by a forward goto, in its middle. No block of such a cycle
// dominates the others, so it is no natural loop; compilers that structure
// control flow (the Wasm back end) must handle it another way.
package main

import "fmt"

// twoEntries enters the A-B cycle at A or, when skip is set, at B.
func twoEntries(skip bool, n int) (int, int) {
	i, steps := 0, 0
	if skip {
		goto B
	}
A:
	i += 3
	steps++
B:
	i += 2
	steps++
	if i < n {
		goto A
	}
	return i, steps
}

// scanner is a state machine over a string in three states that jump into each
// other, with a loop inside one of them.
func scanner(s string) (words, digits int) {
	i := 0
	if len(s) > 0 && s[0] >= '0' && s[0] <= '9' {
		goto number
	}
space:
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i >= len(s) {
		return
	}
	if s[i] >= '0' && s[i] <= '9' {
		goto number
	}
	words++
	for i < len(s) && s[i] != ' ' {
		i++
	}
	goto space
number:
	digits++
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	goto space
}

// swap rotates three values through a cycle with two entries, so the values
// that cross each edge differ by entry.
func swap(start, rounds int) (int, int, int) {
	a, b, c := 1, 2, 3
	k := 0
	if start == 1 {
		goto second
	}
first:
	a, b, c = b, c, a
	k++
second:
	a, b = b+k, a
	if k < rounds {
		goto first
	}
	return a, b, c
}

func main() {
	for _, skip := range []bool{false, true} {
		for _, n := range []int{0, 5, 20} {
			i, steps := twoEntries(skip, n)
			fmt.Println("twoEntries", skip, n, "->", i, steps)
		}
	}
	for _, s := range []string{"", "12 ab 3 cd ef", "  x  9  y99z 100", "007"} {
		w, d := scanner(s)
		fmt.Printf("scanner %q -> %d words, %d numbers\n", s, w, d)
	}
	for start := 0; start < 2; start++ {
		for _, r := range []int{0, 1, 4} {
			a, b, c := swap(start, r)
			fmt.Println("swap", start, r, "->", a, b, c)
		}
	}
}
