package main

import (
	"bytes"
	"fmt"
)

func main() {
	var buf bytes.Buffer
	buf.WriteString("hello ")
	buf.Write([]byte("world"))
	buf.WriteByte('!')
	fmt.Println(buf.String(), buf.Len())
	b := []byte("  a,b,c  ")
	fmt.Println(string(bytes.TrimSpace(b)), bytes.Contains(b, []byte("b,")), bytes.Index(b, []byte("c")))
	parts := bytes.Split([]byte("x-y-z"), []byte("-"))
	fmt.Println(len(parts), string(parts[1]), string(bytes.Join(parts, []byte("+"))))
	fmt.Println(bytes.Equal([]byte("a"), []byte("a")), bytes.Compare([]byte("a"), []byte("b")))
	fmt.Println(string(bytes.ToUpper([]byte("up"))), bytes.HasPrefix([]byte("prefix"), []byte("pre")))
	fmt.Printf("%q\n", bytes.Fields([]byte(" one  two ")))
	line, err := buf.ReadString(' ')
	fmt.Printf("%q %v %q\n", line, err, buf.String())
}
