package main

type I interface {
	M[T any]()
}
