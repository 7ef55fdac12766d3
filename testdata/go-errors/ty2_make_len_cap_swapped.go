package main

func main() {
	s := make([]int, 10, 5)
	_ = s
}
