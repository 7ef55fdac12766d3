package main

import (
	"fmt"
	"strconv"
	"unicode"
)

type parser struct {
	toks []string
	pos  int
}

func tokenize(s string) []string {
	var toks []string
	for i := 0; i < len(s); {
		c := rune(s[i])
		switch {
		case unicode.IsSpace(c):
			i++
		case unicode.IsDigit(c):
			j := i
			for j < len(s) && (unicode.IsDigit(rune(s[j])) || s[j] == '.') {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		default:
			toks = append(toks, string(c))
			i++
		}
	}
	return toks
}

func (p *parser) peek() string {
	if p.pos < len(p.toks) {
		return p.toks[p.pos]
	}
	return ""
}

func (p *parser) expr() float64 {
	v := p.term()
	for p.peek() == "+" || p.peek() == "-" {
		op := p.toks[p.pos]
		p.pos++
		if op == "+" {
			v += p.term()
		} else {
			v -= p.term()
		}
	}
	return v
}

func (p *parser) term() float64 {
	v := p.factor()
	for p.peek() == "*" || p.peek() == "/" {
		op := p.toks[p.pos]
		p.pos++
		if op == "*" {
			v *= p.factor()
		} else {
			v /= p.factor()
		}
	}
	return v
}

func (p *parser) factor() float64 {
	t := p.peek()
	p.pos++
	switch t {
	case "(":
		v := p.expr()
		p.pos++
		return v
	case "-":
		return -p.factor()
	}
	f, _ := strconv.ParseFloat(t, 64)
	return f
}

func main() {
	for _, e := range []string{"1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "-(2.5 * 4) + 1", "2 * (3 + (4 - 1)) / 3"} {
		p := &parser{toks: tokenize(e)}
		fmt.Printf("%-24s = %g\n", e, p.expr())
	}
}
