package main

func main() {
	var x uint64 = 1 << 64
	_ = x
}
