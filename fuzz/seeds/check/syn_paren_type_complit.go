package main

type T struct{ a int }

var x = (T){1}
