package main

var n = 0128
