package main

import _ "unicode/utf8"

func main() {
	_ = utf8.RuneLen('a')
}
