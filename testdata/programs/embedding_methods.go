package main

import (
	"fmt"
)

type Animal struct{ Name string }

func (a Animal) Speak() string  { return a.Name + " makes a sound" }
func (a *Animal) Rename(n string) { a.Name = n }

type Dog struct {
	Animal
	Breed string
}

func (d Dog) Speak() string { return d.Name + " barks" }

type Logger struct{ prefix string }

func (l Logger) Log(s string) { fmt.Println(l.prefix + s) }

type Service struct {
	*Logger
	Dog
}

func main() {
	d := Dog{Animal{"Rex"}, "lab"}
	fmt.Println(d.Speak(), "|", d.Animal.Speak())
	d.Rename("Max")
	fmt.Println(d.Name)
	s := Service{&Logger{"[svc] "}, d}
	s.Log("started")
	fmt.Println(s.Speak(), s.Breed)
	type Speaker interface{ Speak() string }
	var sp Speaker = s
	fmt.Println(sp.Speak())
}
