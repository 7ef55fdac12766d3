package main

var h = 0x1p100000

func main() {}
