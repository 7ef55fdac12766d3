package main

func main() {
	a := [4]int{}
	const i = 2 * 3
	a[i] = 1
}
