package main

func g(xs []int) {}

func main() {
	s := []int{1}
	g(s...)
}
