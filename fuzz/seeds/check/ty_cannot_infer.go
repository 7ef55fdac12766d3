package main

func F[T any]() {}

func main() {
	F()
}
