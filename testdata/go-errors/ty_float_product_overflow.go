package main

var g float32 = 1e400 * 1e400

func main() {}
