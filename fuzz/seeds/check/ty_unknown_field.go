package main

type P struct{ x, y int }

var p = P{z: 1}

func main() {}
