package main

func main() {
	c := make([]int, 3)
	copy(c, "ab")
}
