package main

func main() {
	var v any = 1
	switch x := v.(type) {
	case int:
	}
}
