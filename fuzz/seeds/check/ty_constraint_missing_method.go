package main

type M interface{ M() }

func F[T M](x T) {}

func main() {
	F(1)
}
