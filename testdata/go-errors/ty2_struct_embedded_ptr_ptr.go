package main

type T struct{}
type P *T

type S struct {
	*P
}

func main() {}
