package main

func f(x Foo) {}

func main() {}
