package main

import (
	"fmt"
	"strings"
)

func parseLine(line string) []string {
	var fields []string
	var cur strings.Builder
	inQuotes := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '"' && inQuotes && i+1 < len(line) && line[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			inQuotes = !inQuotes
		case c == ',' && !inQuotes:
			fields = append(fields, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	return append(fields, cur.String())
}

func main() {
	data := `name,age,quote
alice,30,"hello, world"
bob,25,"say ""hi"""
,,`
	for i, line := range strings.Split(data, "\n") {
		f := parseLine(line)
		fmt.Printf("%d %d %q\n", i, len(f), f)
	}
}
