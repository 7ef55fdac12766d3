package main

type P struct{ x, y int }

var p = P{x: 1, 2}

func main() {}
