package main

import (
	"fmt"
	"strings"
	"unicode"
)

func reverse(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func isPalindrome(s string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	t := b.String()
	return t == reverse(t)
}

func main() {
	fmt.Println(reverse("Hello, 世界"))
	for _, s := range []string{"A man, a plan, a canal: Panama", "racecar", "hello", ""} {
		fmt.Printf("%q %v\n", s, isPalindrome(s))
	}
}
