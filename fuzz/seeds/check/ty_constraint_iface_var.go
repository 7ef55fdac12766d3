package main

var x interface{ int }

func main() {}
