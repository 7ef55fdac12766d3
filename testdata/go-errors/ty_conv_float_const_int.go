package main

func main() {
	println(int(3.99))
}
