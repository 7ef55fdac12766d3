package main

import "fmt"

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), s[0], s[1], s[1:3])
	for i, r := range s {
		fmt.Print(i, ":", string(r), " ")
	}
	fmt.Println()
	b := []byte(s)
	r := []rune(s)
	fmt.Println(len(b), len(r), string(r[7:]), string(b[:5]))
	fmt.Println("a" < "b", "abc" == "ab"+"c", "Z" < "a")
	t := s + "!"
	fmt.Println(t, len(t))
	fmt.Println(string(rune(65)), string(rune(0x4e16)))
}
