package main

func f() (x int) {
	{
		x := 1
		_ = x
		return
	}
}

func main() { f() }
