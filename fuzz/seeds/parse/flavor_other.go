//go:build !386

package greet

const flavor = "not 386"
