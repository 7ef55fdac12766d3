package main

// The _linux suffix limits this file to GOOS=linux (and android, which implies linux).
func init() { note = "hello_linux.go was built" }
