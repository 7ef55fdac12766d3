package main

type Stringer interface{ String() string }

func show(s Stringer) {}

func main() {
	show(42)
}
