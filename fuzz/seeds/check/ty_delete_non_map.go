package main

func main() {
	s := []int{}
	delete(s, 0)
}
