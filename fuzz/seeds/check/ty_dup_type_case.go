package main

func main() {
	var v any
	switch v.(type) {
	case int:
	case int:
	}
}
