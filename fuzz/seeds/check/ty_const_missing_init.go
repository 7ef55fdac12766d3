package main

const (
	a, b = 1, 2
	c
)

func main() {}
