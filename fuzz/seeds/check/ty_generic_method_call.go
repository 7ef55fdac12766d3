package main

type S[T any] struct{ v T }

func (s S[T]) Get() T { return s.v }

func main() {
	var s S[int]
	var x string = s.Get()
	_ = x
}
