package main

import (
	"fmt"
	"strings"
)

func wrap(text string, width int) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(text) {
		if cur.Len() > 0 && cur.Len()+1+len(w) > width {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

func main() {
	text := "Go is an open source programming language that makes it simple to build secure, scalable systems."
	for _, l := range wrap(text, 24) {
		fmt.Printf("|%-24s|\n", l)
	}
	fmt.Println(len(wrap("", 10)))
}
