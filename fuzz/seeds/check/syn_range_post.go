package main

func main() {
	for i := range 10; i < 3; {
	}
}
