package main

func main() {
	m := map[string]func(){}
	_ = m["a"] == m["b"]
}
