package main

func main() {
	println("one", 2, true, 3.5, 'x')
	print("no newline", 7, "\n")
	var p *int
	println(p == nil, -0.0, 1e21, uint8(200))
}
