package main

var y = 1
var x y

func main() {}
