package main

func F[T any](x T) {}

func main() {
	f := F
	_ = f
}
