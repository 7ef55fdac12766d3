package main

func main() {
	x := y
	_ = x
}
