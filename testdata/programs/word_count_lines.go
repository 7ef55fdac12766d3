package main

import (
	"fmt"
	"strings"
)

const doc = `Line one has five words
line two
	
final line, with punctuation!`

func main() {
	lines := strings.Split(doc, "\n")
	words, chars, blank := 0, 0, 0
	for _, l := range lines {
		f := strings.Fields(l)
		words += len(f)
		chars += len(l)
		if len(f) == 0 {
			blank++
		}
	}
	fmt.Println(len(lines), words, chars, blank)
	fmt.Println(strings.Count(doc, "line"), strings.Count(strings.ToLower(doc), "line"))
}
