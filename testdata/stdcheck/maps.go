// Differential check of crossplay's maps against Go's over random maps, including
// nil maps and NaN keys (compared through their sorted contents).
package main

import (
	"fmt"
	"maps"
	"math"
	"os"
	"sort"

	cmaps "crossplaystd/maps"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	if g, w := fmt.Sprintf("%v", got), fmt.Sprintf("%v", want); g != w {
		failures++
		if failures <= 20 {
			fmt.Printf("%s(%v): got %s, want %s\n", what, in, g, w)
		}
	}
}

var seed uint64 = 0xcbbb9d5dc1059ed8

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func gen() map[int]string {
	n := int(next() % 7)
	if n == 6 {
		return nil
	}
	m := map[int]string{}
	for i := 0; i < n; i++ {
		m[int(next()%6)] = fmt.Sprint(next() % 3)
	}
	return m
}

// dump shows a map's entries in key order, and whether it is nil.
func dump(m map[float64]int) string {
	var keys []float64
	for k := range m {
		keys = append(keys, k)
	}
	sort.Float64s(keys)
	return fmt.Sprint(m == nil, len(m), keys)
}

func main() {
	for it := 0; it < 100000; it++ {
		a, b := gen(), gen()
		in := []any{a, b}
		check("Equal", in, cmaps.Equal(a, b), maps.Equal(a, b))
		eq := func(x, y string) bool { return len(x) == len(y) }
		check("EqualFunc", in, cmaps.EqualFunc(a, b, eq), maps.EqualFunc(a, b, eq))
		c1, c2 := cmaps.Clone(a), maps.Clone(a)
		check("Clone", in, []any{c1 == nil, c1}, []any{c2 == nil, c2})
		d1, d2 := maps.Clone(b), maps.Clone(b)
		if d1 != nil {
			cmaps.Copy(d1, a)
			maps.Copy(d2, a)
			check("Copy", in, d1, d2)
		}
		e1, e2 := maps.Clone(a), maps.Clone(a)
		del := func(k int, v string) bool { return k%2 == 0 || v == "1" }
		cmaps.DeleteFunc(e1, del)
		maps.DeleteFunc(e2, del)
		check("DeleteFunc", in, e1, e2)
	}
	nan := map[float64]int{math.NaN(): 1, math.NaN(): 2, 1: 3}
	check("Clone NaN", 0, dump(cmaps.Clone(nan)), dump(maps.Clone(nan)))
	check("Equal NaN", 0, cmaps.Equal(nan, nan), maps.Equal(nan, nan))
	fmt.Printf("maps: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
