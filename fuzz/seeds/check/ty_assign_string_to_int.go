package main

func main() {
	var x int
	x = "s"
	_ = x
}
