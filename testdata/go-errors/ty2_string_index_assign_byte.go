package main

func main() {
	var b byte = "abc"[5]
	_ = b
}
