package main

// The _windows suffix limits this file to GOOS=windows.
func init() { note = "hello_windows.go was built" }
