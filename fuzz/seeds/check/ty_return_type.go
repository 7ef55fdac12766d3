package main

func f() int {
	return "s"
}

func main() { f() }
