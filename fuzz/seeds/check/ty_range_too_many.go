package main

func main() {
	s := []int{}
	for a, b, c := range s {
	}
}
