package main

var x int = true

func main() {}
