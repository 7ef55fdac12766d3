// +build 386 amd64

package greet

const flavor = "x86"
