package main

var x int[string]

func main() {}
