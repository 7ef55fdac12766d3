package main

import . "unicode/utf8"

func main() {}
