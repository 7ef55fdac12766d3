package main

func f() (a int, b string) {
	return 1
}

func main() { f() }
