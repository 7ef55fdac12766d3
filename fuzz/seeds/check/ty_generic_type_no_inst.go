package main

type L[T any] struct{ v T }

var x L

func main() {}
