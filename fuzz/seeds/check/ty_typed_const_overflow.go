package main

const c int8 = 200

func main() {}
