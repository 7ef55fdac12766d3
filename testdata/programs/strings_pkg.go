package main

import (
	"fmt"
	"strings"
)

func main() {
	s := "  The quick brown fox  "
	fmt.Println(strings.TrimSpace(s))
	fmt.Println(strings.Fields(s), len(strings.Fields(s)))
	fmt.Println(strings.Split("a,b,,c", ","), strings.SplitN("a,b,c", ",", 2))
	fmt.Println(strings.Join([]string{"x", "y", "z"}, "-"))
	fmt.Println(strings.Contains(s, "quick"), strings.Index(s, "brown"), strings.LastIndex("go gopher", "go"))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"))
	fmt.Println(strings.ToUpper("mixed Case"), strings.ToLower("MiXeD"))
	fmt.Println(strings.Repeat("ab", 3), strings.Replace("oink oink oink", "k", "ky", 2), strings.ReplaceAll("aaa", "a", "b"))
	fmt.Println(strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhi", "x"), strings.TrimPrefix("prefix-body", "prefix-"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.IndexByte("abc", 'c'), strings.IndexRune("chicken", 'k'))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.Map(func(r rune) rune { return r + 1 }, "HAL"))
	fmt.Println(strings.Title("x") == "X", strings.ContainsRune("abc", 'b'), strings.ContainsAny("abc", "xyzc"))
}
