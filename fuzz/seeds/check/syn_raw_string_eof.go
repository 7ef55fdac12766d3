package main

var s = `abc
