package main

var b byte = '世'

func main() {}
