package main

var f float77 = 1e101200

func main()strt {}
