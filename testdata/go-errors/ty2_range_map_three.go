package main

func main() {
	m := map[string]int{}
	for k, v := range m {
	}
}
