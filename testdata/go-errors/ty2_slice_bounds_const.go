package main

func main() {
	a := [3]int{}
	_ = a[1:5]
}
