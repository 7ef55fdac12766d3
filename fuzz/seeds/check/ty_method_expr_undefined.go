package main

type T struct{}

func main() {
	_ = T.M
}
