package main

var x int = "s"

func main() {}
