package main

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

func main() {
	texts := []string{"naïve café", "日本語テキスト", "emoji 👍🏽!", "ASCII"}
	for _, t := range texts {
		fmt.Printf("%-20q bytes=%2d runes=%2d upper=%s\n", t, len(t), utf8.RuneCountInString(t), strings.ToUpper(t))
	}
	s := "a\u00e9\U0001F600"
	for i, r := range s {
		fmt.Printf("%d:%U:%q ", i, r, r)
	}
	fmt.Println()
	bad := string([]byte{0x61, 0xff, 0x62})
	for _, r := range bad {
		fmt.Print(r, " ")
	}
	fmt.Println(utf8.ValidString(bad))
}
