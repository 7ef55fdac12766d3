package main

var b byte = 300

func main() {}
