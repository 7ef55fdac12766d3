package main

func main() {
	var m map[string]int
	m = append(m, 1)
}
