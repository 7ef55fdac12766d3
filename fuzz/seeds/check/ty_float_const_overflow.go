package main

var f float32 = 1e100

func main() {}
