package main

var a = [2]int{1, 2, 3}

func main() {}
