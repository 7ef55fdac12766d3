package main

type Box[T any] struct{ V T }

func main() {
	b := Box[int]{V: "s"}
	_ = b
}
