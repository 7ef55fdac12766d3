package main

func main() {
	defer func() {
		r := recover()
		println("recovered:", r.(float64))
		panic(true)
	}()
	panic(2.5)
}
