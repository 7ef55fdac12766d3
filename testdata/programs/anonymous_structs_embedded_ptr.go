package main

import (
	"fmt"
)

type Base struct{ ID int }

func (b *Base) SetID(id int) { b.ID = id }
func (b Base) Describe() string { return fmt.Sprintf("base#%d", b.ID) }

type Wrapper struct {
	*Base
	Label string
}

func main() {
	w := Wrapper{&Base{1}, "w"}
	w.SetID(42)
	fmt.Println(w.ID, w.Describe(), w.Label)
	points := []struct{ X, Y int }{{1, 2}, {3, 4}}
	sum := struct{ X, Y int }{}
	for _, p := range points {
		sum.X += p.X
		sum.Y += p.Y
	}
	fmt.Printf("%+v\n", sum)
	cfg := struct {
		Name string
		Opts struct{ Verbose bool }
	}{Name: "cfg"}
	cfg.Opts.Verbose = true
	fmt.Printf("%+v\n", cfg)
}
