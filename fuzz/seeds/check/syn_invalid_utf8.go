package main

var s = "ÿ"
