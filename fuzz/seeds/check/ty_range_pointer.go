package main

func main() {
	x := new(int)
	for range x {
	}
}
