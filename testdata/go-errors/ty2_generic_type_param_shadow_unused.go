package main

func F[T any](x T) {
	var y T
}

func main() { F(1) }
