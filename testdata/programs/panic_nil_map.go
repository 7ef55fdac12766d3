package main

func main() {
	var m map[string]int
	println(m["ok"])
	m["boom"] = 1
}
