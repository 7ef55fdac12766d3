package main

func g() {
	var z int
	z = "q"
	w := 3
	println(undefinedToo)
	for i := range 3 {
	}
}
