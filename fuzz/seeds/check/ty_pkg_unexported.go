package main

import "unicode/utf8"

func main() {
	_ = utf8.acceptRange{}
}
