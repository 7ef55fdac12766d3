package main

func main() {
	var f float32 = 1
	var d float64 = 2
	_ = complex(f, d)
}
