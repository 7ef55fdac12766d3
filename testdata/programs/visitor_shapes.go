package main

import (
	"fmt"
	"math"
)

type Shape interface{ isShape() }

type (
	Circle   struct{ R float64 }
	Square   struct{ S float64 }
	Triangle struct{ A, B, C float64 }
	Group    struct{ Items []Shape }
)

func (Circle) isShape()   {}
func (Square) isShape()   {}
func (Triangle) isShape() {}
func (Group) isShape()    {}

func area(s Shape) float64 {
	switch s := s.(type) {
	case Circle:
		return math.Pi * s.R * s.R
	case Square:
		return s.S * s.S
	case Triangle:
		p := (s.A + s.B + s.C) / 2
		return math.Sqrt(p * (p - s.A) * (p - s.B) * (p - s.C))
	case Group:
		t := 0.0
		for _, it := range s.Items {
			t += area(it)
		}
		return t
	}
	return 0
}

func main() {
	g := Group{[]Shape{Circle{1}, Square{2}, Triangle{3, 4, 5}, Group{[]Shape{Square{1}}}}}
	for _, s := range g.Items {
		fmt.Printf("%T %.4f\n", s, area(s))
	}
	fmt.Printf("total %.4f\n", area(g))
}
