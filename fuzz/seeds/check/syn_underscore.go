package main

var n = 1__000
