// Differential check of crossplay's sort against Go's: Sort, Stable and Reverse
// over random data full of equal keys, comparing the whole permutation (so the
// order unstable sorting leaves equal elements in must be Go's), plus the searches
// and the typed helpers.
package main

import (
	"fmt"
	"math"
	"os"
	"sort"

	csort "crossplaystd/sort"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	g, w := fmt.Sprint(got), fmt.Sprint(want)
	if g != w {
		failures++
		if failures <= 15 {
			fmt.Printf("%s(%v):\n got %s\nwant %s\n", what, in, g, w)
		}
	}
}

type item struct{ key, id int }

type byKey []item

func (s byKey) Len() int           { return len(s) }
func (s byKey) Less(i, j int) bool { return s[i].key < s[j].key }
func (s byKey) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

var seed uint64 = 0xdeadbeefcafebabe

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func gen(n, keys int, shape int) []item {
	out := make([]item, n)
	for i := range out {
		var k int
		switch shape {
		case 0:
			k = int(next() % uint64(keys))
		case 1:
			k = i / (1 + n/keys) // sorted with runs
		case 2:
			k = (n - i) / (1 + n/keys) // reversed with runs
		case 3:
			k = i % keys // sawtooth
		default:
			k = int(next()%3) + i/4 // nearly sorted
		}
		out[i] = item{k, i}
	}
	return out
}

func main() {
	for iter := 0; iter < 6000; iter++ {
		n := int(next() % 300)
		if iter%50 == 0 {
			n = 1000 + int(next()%3000)
		}
		keys := 1 + int(next()%uint64(n+1))
		shape := iter % 5
		a := gen(n, keys, shape)
		b := append([]item(nil), a...)
		in := fmt.Sprint(n, "/", keys, "/", shape)
		csort.Sort(byKey(a))
		sort.Sort(byKey(b))
		check("Sort", in, a, b)
		a = gen(n, keys, shape)
		b = append([]item(nil), a...)
		csort.Stable(byKey(a))
		sort.Stable(byKey(b))
		check("Stable", in, a, b)
		a = gen(n, keys, shape)
		b = append([]item(nil), a...)
		csort.Sort(csort.Reverse(byKey(a)))
		sort.Sort(sort.Reverse(byKey(b)))
		check("Sort(Reverse)", in, a, b)
		check("IsSorted", in, csort.IsSorted(byKey(a)), sort.IsSorted(byKey(a)))
		a = gen(n, keys, shape)
		b = append([]item(nil), a...)
		csort.Stable(csort.Reverse(byKey(a)))
		sort.Stable(sort.Reverse(byKey(b)))
		check("Stable(Reverse)", in, a, b)
		ints := make([]int, n)
		for i := range ints {
			ints[i] = int(next()%uint64(keys)) - keys/2
		}
		i2 := append([]int(nil), ints...)
		csort.Ints(ints)
		sort.Ints(i2)
		check("Ints", in, ints, i2)
		x := int(next()%uint64(keys+2)) - keys/2 - 1
		check("SearchInts", in, csort.SearchInts(ints, x), sort.SearchInts(i2, x))
		f1, f2 := csort.Find(len(ints), func(i int) int { return x - ints[i] })
		g1, g2 := sort.Find(len(i2), func(i int) int { return x - i2[i] })
		check("Find", in, []any{f1, f2}, []any{g1, g2})
		check("IntsAreSorted", in, csort.IntsAreSorted(ints), sort.IntsAreSorted(i2))
	}
	fl := []float64{3, math.NaN(), -1, math.Inf(1), 0, math.Copysign(0, -1), 2.5, math.NaN(), -7}
	f2 := append([]float64(nil), fl...)
	csort.Float64s(fl)
	sort.Float64s(f2)
	check("Float64s", "", fl, f2)
	check("SearchFloat64s", "", csort.SearchFloat64s(fl, 2.5), sort.SearchFloat64s(f2, 2.5))
	s1 := []string{"pear", "apple", "fig", "", "apple", "Zebra"}
	s2 := append([]string(nil), s1...)
	csort.Strings(s1)
	sort.Strings(s2)
	check("Strings", "", s1, s2)
	check("SearchStrings", "", csort.SearchStrings(s1, "fig"), sort.SearchStrings(s2, "fig"))
	check("Search", "", csort.Search(100, func(i int) bool { return i*i >= 50 }), sort.Search(100, func(i int) bool { return i*i >= 50 }))
	fmt.Printf("sort: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
