package main

func main() {
	_ = len(1)
}
