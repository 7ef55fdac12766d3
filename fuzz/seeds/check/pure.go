//go:build unix && !cgo

package main

// Without cgo, Unix builds use the pure-Go resolver.
const resolver = "go"
