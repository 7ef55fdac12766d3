package main

var s = "\q"
