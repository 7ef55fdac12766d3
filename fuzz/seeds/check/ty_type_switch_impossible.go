package main

type I interface{ M() }

func main() {
	var v I
	switch v.(type) {
	case int:
	}
}
