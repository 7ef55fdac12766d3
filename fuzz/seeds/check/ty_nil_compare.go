package main

func main() {
	_ = nil == nil
}
