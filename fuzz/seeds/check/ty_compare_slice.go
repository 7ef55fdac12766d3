package main

func main() {
	a := []int{}
	b := []int{}
	println(a == b)
}
