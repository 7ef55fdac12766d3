package main

func main() {
	switch {
	case 1 > 0:
	}
	case 2:
}
