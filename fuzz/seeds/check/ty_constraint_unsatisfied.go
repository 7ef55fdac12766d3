package main

func F[T ~int](x T) {}

func main() {
	F("s")
}
