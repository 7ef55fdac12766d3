package main

var a, b = 1, 2, 3

func main() {}
