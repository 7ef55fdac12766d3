//go:build ignore

// gen is a helper run with `go run gen.go`; the ignore tag keeps it out of builds.
package main

func main() {}
