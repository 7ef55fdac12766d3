package main

type T struct{}

var _ error = T{}

func main() {}
