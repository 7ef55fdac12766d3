package main

import (
	"fmt"
	"math/bits"
)

func main() {
	fmt.Println(bits.OnesCount(255), bits.OnesCount64(1<<63|1), bits.LeadingZeros32(1), bits.TrailingZeros(8))
	fmt.Println(bits.Len(255), bits.Len64(0), bits.RotateLeft8(0b10010110, 3), bits.Reverse8(1))
	fmt.Println(bits.ReverseBytes32(0x01020304) == 0x04030201, bits.UintSize)
	sum, carry := bits.Add64(1<<63, 1<<63, 1)
	fmt.Println(sum, carry)
	hi, lo := bits.Mul64(1<<40, 1<<40)
	fmt.Println(hi, lo)
	q, r := bits.Div64(1, 0, 3)
	fmt.Println(q, r)
}
