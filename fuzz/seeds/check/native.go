package main

// #include <unistd.h>
import "C"

const resolver = "cgo"
