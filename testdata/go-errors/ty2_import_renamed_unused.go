package main

import u8 "unicode/utf8"

func main() {}
