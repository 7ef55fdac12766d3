package main

var f = 0x1.8
