//go:build ignore

// gen regenerates the greetings table.
package main

func main() {}
