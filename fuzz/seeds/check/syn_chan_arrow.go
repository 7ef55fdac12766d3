package main

var c <-chan<- int

var d = <-chan<- int(nil)
