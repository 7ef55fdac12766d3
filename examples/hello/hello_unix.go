//go:build unix && !linux

package main

// Every Unix but Linux: the BSDs, Darwin, iOS, illumos, Solaris, AIX …
// (android also satisfies linux, so it is excluded too).
func init() { note = "hello_unix.go was built" }
