package main

func F[T any](a, b T) T {
	return a + b
}

func main() {}
