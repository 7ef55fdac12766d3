package main

func main() {
L:
	if true {
		for {
			continue L
		}
	}
}
