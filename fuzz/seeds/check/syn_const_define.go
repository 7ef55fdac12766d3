package main

const c := 1
