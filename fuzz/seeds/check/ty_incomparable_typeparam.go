package main

func F[T any](a, b T) bool {
	return a == b
}

func main() {}
