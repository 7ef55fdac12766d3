package main

func main() {
	var i string
	for i = range "abc" {
	}
	_ = i
}
