package main

func f() (int, string) {
	return 1
}

func main() {
	var a int = "x"
	b := undefinedName
	c, d := 1
	if 1 {
	}
	x := 1
	y := 2
	e := f()
	_ = 1 + "s"
}
