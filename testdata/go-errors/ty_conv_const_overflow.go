package main

func main() {
	var b int8 = int8(200)
	_ = b
}
