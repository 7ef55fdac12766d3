package main

func main() {
	p := new(nil)
	_ = p
}
