package main

func main() {
	int := 3
	var x int = 4
	_ = x
	_ = int
}
