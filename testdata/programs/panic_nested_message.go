package main

type E struct{ msg string }

func (e E) Error() string { return "E: " + e.msg }

func main() {
	println("about to panic")
	panic(E{"custom error type"})
}
