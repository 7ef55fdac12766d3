package main

func main() {
	var x int8 = 100 + 100
	_ = x
}
