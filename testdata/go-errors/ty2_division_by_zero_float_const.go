package main

func main() {
	x := 1.0 / 0.0
	_ = x
}
