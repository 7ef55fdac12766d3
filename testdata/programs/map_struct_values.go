package main

import (
	"fmt"
	"sort"
)

type Stats struct {
	Count int
	Sum   float64
}

func main() {
	data := []struct {
		k string
		v float64
	}{{"a", 1}, {"b", 2.5}, {"a", 3}, {"c", -1}, {"b", 0.5}}
	m := map[string]*Stats{}
	for _, d := range data {
		s, ok := m[d.k]
		if !ok {
			s = &Stats{}
			m[d.k] = s
		}
		s.Count++
		s.Sum += d.v
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s n=%d mean=%.2f\n", k, m[k].Count, m[k].Sum/float64(m[k].Count))
	}
	byVal := map[string]Stats{"x": {1, 2}}
	s := byVal["x"]
	s.Count = 99
	fmt.Println(byVal["x"].Count, s.Count)
}
