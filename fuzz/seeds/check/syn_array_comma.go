package main

type A [4, 5]int
