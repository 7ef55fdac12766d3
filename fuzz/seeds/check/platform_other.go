//go:build !linux && !(windows && arm64)

package main

func platform() string { return "elsewhere" }
