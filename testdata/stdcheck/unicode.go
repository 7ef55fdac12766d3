// Differential check of crossplay's unicode against Go's: every predicate, case
// mapping and shipped table, for every code point (and a few invalid ones).
package main

import (
	"fmt"
	"os"
	"unicode"

	cunicode "crossplaystd/unicode"
)

var failures, checks int

func check(what string, r rune, got, want any) {
	checks++
	if got != want {
		failures++
		if failures <= 20 {
			fmt.Printf("%s(%U): got %v, want %v\n", what, r, got, want)
		}
	}
}

func main() {
	for r := rune(-2); r <= unicode.MaxRune+2; r++ {
		check("IsLetter", r, cunicode.IsLetter(r), unicode.IsLetter(r))
		check("IsDigit", r, cunicode.IsDigit(r), unicode.IsDigit(r))
		check("IsNumber", r, cunicode.IsNumber(r), unicode.IsNumber(r))
		check("IsSpace", r, cunicode.IsSpace(r), unicode.IsSpace(r))
		check("IsUpper", r, cunicode.IsUpper(r), unicode.IsUpper(r))
		check("IsLower", r, cunicode.IsLower(r), unicode.IsLower(r))
		check("IsTitle", r, cunicode.IsTitle(r), unicode.IsTitle(r))
		check("IsPunct", r, cunicode.IsPunct(r), unicode.IsPunct(r))
		check("IsSymbol", r, cunicode.IsSymbol(r), unicode.IsSymbol(r))
		check("IsMark", r, cunicode.IsMark(r), unicode.IsMark(r))
		check("IsControl", r, cunicode.IsControl(r), unicode.IsControl(r))
		check("IsGraphic", r, cunicode.IsGraphic(r), unicode.IsGraphic(r))
		check("IsPrint", r, cunicode.IsPrint(r), unicode.IsPrint(r))
		check("ToUpper", r, cunicode.ToUpper(r), unicode.ToUpper(r))
		check("ToLower", r, cunicode.ToLower(r), unicode.ToLower(r))
		check("ToTitle", r, cunicode.ToTitle(r), unicode.ToTitle(r))
		check("SimpleFold", r, cunicode.SimpleFold(r), unicode.SimpleFold(r))
		for name, t := range cunicode.Categories {
			check("Categories["+name+"]", r, cunicode.Is(t, r), unicode.Is(unicode.Categories[name], r))
		}
		for name, t := range cunicode.Scripts {
			check("Scripts["+name+"]", r, cunicode.Is(t, r), unicode.Is(unicode.Scripts[name], r))
		}
		check("White_Space", r, cunicode.Is(cunicode.White_Space, r), unicode.Is(unicode.White_Space, r))
		check("In(Greek, Han)", r, cunicode.In(r, cunicode.Greek, cunicode.Han), unicode.In(r, unicode.Greek, unicode.Han))
	}
	for _, c := range []int{-1, 0, 1, 2, 3, 7} {
		check(fmt.Sprint("To case ", c), 'a', cunicode.To(c, 'a'), unicode.To(c, 'a'))
	}
	check("Version", 0, cunicode.Version, unicode.Version)
	check("consts", 0, fmt.Sprint(cunicode.MaxRune, cunicode.ReplacementChar, cunicode.MaxASCII, cunicode.MaxLatin1, cunicode.UpperCase, cunicode.LowerCase, cunicode.TitleCase, cunicode.MaxCase),
		fmt.Sprint(unicode.MaxRune, unicode.ReplacementChar, unicode.MaxASCII, unicode.MaxLatin1, unicode.UpperCase, unicode.LowerCase, unicode.TitleCase, unicode.MaxCase))
	fmt.Printf("unicode: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
