package main

import (
	"fmt"
	"strconv"
	"strings"
)

func encode(s string) string {
	var b strings.Builder
	r := []rune(s)
	for i := 0; i < len(r); {
		j := i
		for j < len(r) && r[j] == r[i] {
			j++
		}
		b.WriteString(strconv.Itoa(j - i))
		b.WriteRune(r[i])
		i = j
	}
	return b.String()
}

func decode(s string) string {
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n = n*10 + int(r-'0')
			continue
		}
		b.WriteString(strings.Repeat(string(r), n))
		n = 0
	}
	return b.String()
}

func main() {
	for _, s := range []string{"WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "aabcccdddd", "ééé世"} {
		e := encode(s)
		fmt.Println(e, decode(e) == s)
	}
}
