package main

const c int = "s"

func main() {}
