package main

const c = 1 << 70

var x int = c

func main() {}
