package main

func f(x int, x string) {}

func main() {}
