package main

func main() {
	x := 0
	func() {
		x = 1
	}()
}
