package main

func f(n int) {}

func main() {
	f("s")
}
