package main

func main() {
	var x int
	switch y := x.(type) {
	default:
		_ = y
	}
}
