package main

type P struct{ x, y int }

var p = P{1}

func main() {}
