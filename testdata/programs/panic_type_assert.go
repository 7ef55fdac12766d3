package main

func main() {
	var v any = "str"
	n := v.(int)
	println(n)
}
