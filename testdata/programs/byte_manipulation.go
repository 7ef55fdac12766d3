package main

import (
	"fmt"
)

func checksum(data []byte) uint16 {
	var sum uint32
	for i := 0; i+1 < len(data); i += 2 {
		sum += uint32(data[i])<<8 | uint32(data[i+1])
	}
	if len(data)%2 == 1 {
		sum += uint32(data[len(data)-1]) << 8
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

func main() {
	data := []byte("The quick brown fox")
	fmt.Printf("%04x\n", checksum(data))
	var word uint32 = 0xdeadbeef
	bs := []byte{byte(word >> 24), byte(word >> 16), byte(word >> 8), byte(word)}
	fmt.Printf("% x %v\n", bs, bs)
	h := uint32(2166136261)
	for _, c := range data {
		h ^= uint32(c)
		h *= 16777619
	}
	fmt.Println(h)
}
