package main

func main() {
	s := "a"
	s++
}
