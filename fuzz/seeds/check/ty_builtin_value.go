package main

func main() {
	x := len
	_ = x
}
