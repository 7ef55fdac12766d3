package main

func main() {
	s := "ab"
	_ = s * 2
}
