package main

import "fmt"

type Point struct {
	X, Y int
}

type Named struct {
	Point
	Name string
	tags []string
}

func main() {
	p := Point{1, 2}
	q := Point{Y: 5}
	fmt.Println(p, q, p == q)
	fmt.Printf("%v %+v %#v\n", p, p, p)
	n := Named{Point: Point{3, 4}, Name: "n"}
	n.X = 30
	fmt.Println(n.X, n.Point.Y, n.Name, n.tags == nil)
	fmt.Printf("%+v\n", n)
	anon := struct {
		A int
		B string
	}{7, "seven"}
	fmt.Println(anon, anon.B)
	ps := []Point{{1, 1}, {2, 4}}
	for i := range ps {
		ps[i].X *= 10
	}
	fmt.Println(ps)
	var zero Named
	fmt.Printf("%+v\n", zero)
}
