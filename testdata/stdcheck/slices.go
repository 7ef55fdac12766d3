// Differential check of crossplay's slices against Go's: every function over
// random slices (nil, empty, with spare capacity, aliasing arguments), comparing
// contents, lengths, capacities and the zeroed tails; sorts compared as whole
// permutations with ties.
package main

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"slices"

	cslices "crossplaystd/slices"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	if g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want); g != w {
		failures++
		if failures <= 25 {
			fmt.Printf("%s(%v):\n got %s\nwant %s\n", what, in, g, w)
		}
	}
}

func catch(f func() any) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = fmt.Sprint("panic: ", r)
		}
	}()
	return f()
}

var seed uint64 = 0x5be0cd19137e2179

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func gen() []int {
	n := int(next() % 9)
	if n == 8 {
		return nil
	}
	s := make([]int, n, n+int(next()%4))
	for i := range s {
		s[i] = int(next() % 5)
	}
	return s
}

// state shows a slice with its capacity and the backing array up to it.
func state(s []int) any { return []any{s, len(s), cap(s), s[:cap(s)]} }

type item struct{ k, id int }

func main() {
	for it := 0; it < 60000; it++ {
		a := gen()
		b := gen()
		in := []any{a, b}
		i, j := int(next()%10)-1, int(next()%10)-1
		cp := func(s []int) []int {
			if s == nil {
				return nil
			}
			c := make([]int, len(s), cap(s))
			copy(c, s)
			return c
		}
		check("Equal", in, cslices.Equal(a, b), slices.Equal(a, b))
		check("Compare", in, cslices.Compare(a, b), slices.Compare(a, b))
		check("CompareFunc", in, cslices.CompareFunc(a, b, cmp.Compare[int]), slices.CompareFunc(a, b, cmp.Compare[int]))
		check("EqualFunc", in, cslices.EqualFunc(a, b, func(x, y int) bool { return x%2 == y%2 }), slices.EqualFunc(a, b, func(x, y int) bool { return x%2 == y%2 }))
		v := int(next() % 5)
		check("Index", in, cslices.Index(a, v), slices.Index(a, v))
		check("Contains", in, cslices.Contains(a, v), slices.Contains(a, v))
		check("IndexFunc", in, cslices.IndexFunc(a, func(x int) bool { return x > v }), slices.IndexFunc(a, func(x int) bool { return x > v }))
		check("ContainsFunc", in, cslices.ContainsFunc(a, func(x int) bool { return x > v }), slices.ContainsFunc(a, func(x int) bool { return x > v }))
		a1, a2 := cp(a), cp(a)
		check("Insert", []any{in, i}, catch(func() any { return state(cslices.Insert(a1, i, b...)) }), catch(func() any { return state(slices.Insert(a2, i, b...)) }))
		check("Insert after", in, state(a1), state(a2))
		a1, a2 = cp(a), cp(a)
		if len(a1) > 1 {
			// v aliases the slice itself.
			check("Insert aliased", in, catch(func() any { return state(cslices.Insert(a1, i, a1[1:]...)) }), catch(func() any { return state(slices.Insert(a2, i, a2[1:]...)) }))
		}
		a1, a2 = cp(a), cp(a)
		check("Delete", []any{in, i, j}, catch(func() any { return state(cslices.Delete(a1, i, j)) }), catch(func() any { return state(slices.Delete(a2, i, j)) }))
		check("Delete after", in, state(a1), state(a2))
		a1, a2 = cp(a), cp(a)
		check("DeleteFunc", in, state(cslices.DeleteFunc(a1, func(x int) bool { return x == v })), state(slices.DeleteFunc(a2, func(x int) bool { return x == v })))
		check("DeleteFunc after", in, state(a1), state(a2))
		a1, a2 = cp(a), cp(a)
		check("Replace", []any{in, i, j}, catch(func() any { return state(cslices.Replace(a1, i, j, b...)) }), catch(func() any { return state(slices.Replace(a2, i, j, b...)) }))
		check("Replace after", in, state(a1), state(a2))
		a1, a2 = cp(a), cp(a)
		if len(a1) > 2 {
			check("Replace aliased", in, catch(func() any { return state(cslices.Replace(a1, i, j, a1[2:]...)) }), catch(func() any { return state(slices.Replace(a2, i, j, a2[2:]...)) }))
		}
		check("Clone", in, cslices.Clone(a), slices.Clone(a))
		a1, a2 = cp(a), cp(a)
		check("Compact", in, state(cslices.Compact(a1)), state(slices.Compact(a2)))
		a1, a2 = cp(a), cp(a)
		near := func(x, y int) bool { return x-y <= 1 && y-x <= 1 }
		check("CompactFunc", in, state(cslices.CompactFunc(a1, near)), state(slices.CompactFunc(a2, near)))
		check("Grow", []any{in, i}, catch(func() any { return state(cslices.Grow(cp(a), i)) }), catch(func() any { return state(slices.Grow(cp(a), i)) }))
		check("Clip", in, state(cslices.Clip(cp(a))), state(slices.Clip(cp(a))))
		a1, a2 = cp(a), cp(a)
		cslices.Reverse(a1)
		slices.Reverse(a2)
		check("Reverse", in, a1, a2)
		check("Concat", in, state(cslices.Concat(a, b, nil, a)), state(slices.Concat(a, b, nil, a)))
		check("Concat empty", in, cslices.Concat[[]int](), slices.Concat[[]int]())
		check("Repeat", []any{in, i}, catch(func() any { return state(cslices.Repeat(a, i)) }), catch(func() any { return state(slices.Repeat(a, i)) }))
		if len(a) > 0 {
			check("Min", in, cslices.Min(a), slices.Min(a))
			check("Max", in, cslices.Max(a), slices.Max(a))
			byMod := func(x, y int) int { return cmp.Compare(x%3, y%3) }
			check("MinFunc", in, cslices.MinFunc(a, byMod), slices.MinFunc(a, byMod))
			check("MaxFunc", in, cslices.MaxFunc(a, byMod), slices.MaxFunc(a, byMod))
		} else {
			check("Min empty", in, catch(func() any { return cslices.Min(a) }), catch(func() any { return slices.Min(a) }))
			check("MaxFunc empty", in, catch(func() any { return cslices.MaxFunc(a, cmp.Compare[int]) }), catch(func() any { return slices.MaxFunc(a, cmp.Compare[int]) }))
		}
		s1, s2 := cp(a), cp(a)
		cslices.Sort(s1)
		slices.Sort(s2)
		check("Sort", in, s1, s2)
		check("IsSorted", in, cslices.IsSorted(a), slices.IsSorted(a))
		x1, f1 := cslices.BinarySearch(s1, v)
		x2, f2 := slices.BinarySearch(s2, v)
		check("BinarySearch", in, []any{x1, f1}, []any{x2, f2})
		y1, g1 := cslices.BinarySearchFunc(s1, v, cmp.Compare[int])
		y2, g2 := slices.BinarySearchFunc(s2, v, cmp.Compare[int])
		check("BinarySearchFunc", in, []any{y1, g1}, []any{y2, g2})
	}
	// Sorting with ties: whole permutations.
	for it := 0; it < 4000; it++ {
		n := int(next() % 300)
		if it%40 == 0 {
			n = 1000 + int(next()%2000)
		}
		keys := 1 + int(next()%uint64(n+1))
		x := make([]item, n)
		for i := range x {
			switch it % 4 {
			case 0:
				x[i] = item{int(next() % uint64(keys)), i}
			case 1:
				x[i] = item{i / (1 + n/keys), i}
			case 2:
				x[i] = item{(n - i) / (1 + n/keys), i}
			default:
				x[i] = item{i % keys, i}
			}
		}
		y := slices.Clone(x)
		z := slices.Clone(x)
		w := slices.Clone(x)
		byKey := func(a, b item) int { return cmp.Compare(a.k, b.k) }
		cslices.SortFunc(x, byKey)
		slices.SortFunc(y, byKey)
		check("SortFunc", n, x, y)
		cslices.SortStableFunc(z, byKey)
		slices.SortStableFunc(w, byKey)
		check("SortStableFunc", n, z, w)
		check("IsSortedFunc", n, cslices.IsSortedFunc(x, byKey), slices.IsSortedFunc(x, byKey))
		f := make([]float64, n)
		for i := range f {
			f[i] = float64(int(next()%uint64(keys))) - float64(keys)/2
			if next()%17 == 0 {
				f[i] = math.NaN()
			}
			if next()%19 == 0 {
				f[i] = math.Copysign(0, -1)
			}
		}
		g := slices.Clone(f)
		cslices.Sort(f)
		slices.Sort(g)
		check("Sort floats", n, fmt.Sprint(f), fmt.Sprint(g))
	}
	fmt.Printf("slices: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
