// Sorting: a large slice of ints from a linear congruential generator sorted three
// ways — sort.Ints, sort.Slice with a less function, and a hand-written quicksort
// with insertion sort for small ranges — each result checked sorted and equal,
// with checksums printed (scripts/bench.sh runs it with a larger n).
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
)

func data(n int, seed uint64) []int {
	s := make([]int, n)
	for i := range s {
		seed = seed*6364136223846793005 + 1442695040888963407
		s[i] = int(seed>>34) - 1<<29
	}
	return s
}

func insertion(a []int) {
	for i := 1; i < len(a); i++ {
		v := a[i]
		j := i
		for ; j > 0 && a[j-1] > v; j-- {
			a[j] = a[j-1]
		}
		a[j] = v
	}
}

func quicksort(a []int) {
	for len(a) > 16 {
		// Median of three as the pivot.
		m := len(a) / 2
		if a[m] < a[0] {
			a[m], a[0] = a[0], a[m]
		}
		if a[len(a)-1] < a[0] {
			a[len(a)-1], a[0] = a[0], a[len(a)-1]
		}
		if a[len(a)-1] < a[m] {
			a[len(a)-1], a[m] = a[m], a[len(a)-1]
		}
		p := a[m]
		i, j := 0, len(a)-1
		for i <= j {
			for a[i] < p {
				i++
			}
			for a[j] > p {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		// Recurse into the smaller part, loop on the larger.
		if j+1 < len(a)-i {
			quicksort(a[:j+1])
			a = a[i:]
		} else {
			quicksort(a[i:])
			a = a[:j+1]
		}
	}
	insertion(a)
}

func clone(a []int) []int { return append([]int(nil), a...) }

func isSorted(a []int) bool {
	for i := 1; i < len(a); i++ {
		if a[i] < a[i-1] {
			return false
		}
	}
	return true
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func checksum(a []int) uint64 {
	var h uint64 = 14695981039346656037
	for _, v := range a {
		h = (h ^ uint64(v)) * 1099511628211
	}
	return h
}

func main() {
	n := 20000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	a := data(n, 1)
	fmt.Printf("n=%d unsorted checksum %016x\n", n, checksum(a))

	b := clone(a)
	sort.Ints(b)
	fmt.Printf("sort.Ints:  sorted=%v checksum %016x\n", sort.IntsAreSorted(b), checksum(b))

	c := clone(a)
	sort.Slice(c, func(i, j int) bool { return c[i] < c[j] })
	fmt.Printf("sort.Slice: sorted=%v checksum %016x\n", isSorted(c), checksum(c))

	d := clone(a)
	quicksort(d)
	fmt.Printf("quicksort:  sorted=%v checksum %016x\n", isSorted(d), checksum(d))

	fmt.Println("all equal:", equal(b, c) && equal(c, d))
	fmt.Println("min, median, max:", b[0], b[len(b)/2], b[len(b)-1])
	i := sort.SearchInts(b, a[n/3])
	fmt.Println("search:", i < len(b) && b[i] == a[n/3])
}
