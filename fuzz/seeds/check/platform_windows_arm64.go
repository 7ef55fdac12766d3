package main

func platform() string { return "windows on arm64" }
