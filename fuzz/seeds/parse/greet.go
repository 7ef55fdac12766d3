// Package greet says hello.
package greet

func Hello() string { return "hello from " + flavor }
