package main

import "testing"

func TestPlatform(t *testing.T) {
	if platform() == "" {
		t.Fatal("empty platform")
	}
}
