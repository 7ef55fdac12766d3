// A map-heavy word count: a deterministic pseudo-random text (words of letters
// drawn from a linear congruential generator, with a skewed length and alphabet so
// that words repeat), split into words with strings.Fields and counted in a
// map[string]int; prints the number of distinct words and the most frequent ones,
// sorted by count and then by word (scripts/bench.sh runs it with a larger n).
package main

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type lcg struct{ s uint64 }

func (g *lcg) next() uint64 {
	g.s = g.s*6364136223846793005 + 1442695040888963407
	return g.s >> 33
}

// text writes n words separated by spaces, newlines and tabs.
func text(n int) string {
	g := &lcg{42}
	var b strings.Builder
	for i := 0; i < n; i++ {
		// Lengths 1..6, shorter ones likelier; letters from the first 8..26 of the
		// alphabet, so that short words repeat often and long ones rarely.
		l := 1 + int(g.next()%3) + int(g.next()%4)
		alpha := 8 + int(g.next()%19)
		for j := 0; j < l; j++ {
			b.WriteByte(byte('a' + g.next()%uint64(alpha)))
		}
		switch g.next() % 16 {
		case 0:
			b.WriteByte('\n')
		case 1:
			b.WriteByte('\t')
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

type wc struct {
	word  string
	count int
}

func main() {
	n := 20000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	words := strings.Fields(text(n))
	counts := make(map[string]int)
	for _, w := range words {
		counts[w]++
	}
	// A second pass over the map: how many words occur once, and the total.
	once, total := 0, 0
	for _, c := range counts {
		if c == 1 {
			once++
		}
		total += c
	}
	list := make([]wc, 0, len(counts))
	for w, c := range counts {
		list = append(list, wc{w, c})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].word < list[j].word
	})
	fmt.Printf("%d words, %d distinct, %d once, total %d\n", len(words), len(counts), once, total)
	for i := 0; i < 10 && i < len(list); i++ {
		fmt.Printf("%-8s %d\n", list[i].word, list[i].count)
	}
	last := list[len(list)-1]
	fmt.Printf("last: %s %d\n", last.word, last.count)
}
