package main

import (
	"fmt"
	"math/bits"
	"strings"
)

type BitSet []uint64

func (s *BitSet) Set(i int) {
	for len(*s) <= i/64 {
		*s = append(*s, 0)
	}
	(*s)[i/64] |= 1 << (i % 64)
}

func (s BitSet) Has(i int) bool { return i/64 < len(s) && s[i/64]&(1<<(i%64)) != 0 }

func (s BitSet) Count() int {
	n := 0
	for _, w := range s {
		n += bits.OnesCount64(w)
	}
	return n
}

func (s BitSet) String() string {
	var parts []string
	for i := 0; i < len(s)*64; i++ {
		if s.Has(i) {
			parts = append(parts, fmt.Sprint(i))
		}
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func main() {
	var s BitSet
	for _, i := range []int{1, 5, 64, 100, 5, 127} {
		s.Set(i)
	}
	fmt.Println(s, s.Count(), len(s), s.Has(64), s.Has(63))
}
