package main

func main() {
	var u uint8 = 255
	u = u - 256
	_ = u
}
