package main

var ١x = 1
