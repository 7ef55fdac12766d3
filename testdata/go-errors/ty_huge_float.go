package main

var f float64 = 1e10120000

func main() {}
