package main

type I interface{ M() }

type T struct{}

var v I = T{}

func main() {}
