package main

type T int

func (a, b T) m() {}
