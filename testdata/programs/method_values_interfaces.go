package main

import (
	"fmt"
	"sort"
)

type Temps []float64

func (t Temps) Len() int           { return len(t) }
func (t Temps) Less(i, j int) bool { return t[i] < t[j] }
func (t Temps) Swap(i, j int)      { t[i], t[j] = t[j], t[i] }
func (t Temps) Mean() float64 {
	s := 0.0
	for _, v := range t {
		s += v
	}
	return s / float64(len(t))
}

func main() {
	t := Temps{21.5, 19, 25.25, 18}
	mean := t.Mean
	sort.Sort(t)
	fmt.Println(t, mean())
	var s sort.Interface = t
	fmt.Println(s.Len(), s.Less(0, 1))
	fs := []func() float64{t.Mean, func() float64 { return t[0] }}
	for _, f := range fs {
		fmt.Printf("%.3f\n", f())
	}
}
