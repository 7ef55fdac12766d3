package main

func main() {
	x := 1
	_ = x
	if true {
		x := 2
	}
}
