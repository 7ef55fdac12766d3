// String building: a strings.Builder loop and a []byte append loop, each writing n
// records of numbers converted with strconv (Itoa, FormatInt in base 16,
// AppendInt, AppendQuote, FormatFloat) into one large string; prints the lengths,
// a checksum of each string and whether the two agree (scripts/bench.sh runs it
// with a larger n).
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

func checksum(s string) uint32 {
	var h uint32 = 2166136261
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

func withBuilder(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("rec ")
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatInt(int64(i*i), 16))
		b.WriteByte(' ')
		b.WriteString(strconv.Quote("k" + strconv.Itoa(i%97)))
		b.WriteByte(' ')
		b.WriteString(strconv.FormatFloat(float64(i)/8, 'f', 3, 64))
		b.WriteByte('\n')
	}
	return b.String()
}

func withBytes(n int) string {
	var b []byte
	for i := 0; i < n; i++ {
		b = append(b, "rec "...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(i*i), 16)
		b = append(b, ' ')
		b = strconv.AppendQuote(b, "k"+strconv.Itoa(i%97))
		b = append(b, ' ')
		b = strconv.AppendFloat(b, float64(i)/8, 'f', 3, 64)
		b = append(b, '\n')
	}
	return string(b)
}

func main() {
	n := 10000
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	s := withBuilder(n)
	t := withBytes(n)
	fmt.Printf("builder: %d bytes, checksum %08x\n", len(s), checksum(s))
	fmt.Printf("bytes:   %d bytes, checksum %08x\n", len(t), checksum(t))
	fmt.Println("equal:", s == t)
	fmt.Println("lines:", strings.Count(s, "\n"))
	last := s[strings.LastIndexByte(s[:len(s)-1], '\n')+1:]
	fmt.Printf("last: %q\n", last)
}
