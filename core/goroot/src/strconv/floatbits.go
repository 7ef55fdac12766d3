package strconv

import "unsafe"

// float64bits and float32bits reinterpret a float's bits, as math.Float64bits and
// math.Float32bits do, without importing math.
func float64bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

func float32bits(f float32) uint32 { return *(*uint32)(unsafe.Pointer(&f)) }

func float64frombits(b uint64) float64 { return *(*float64)(unsafe.Pointer(&b)) }

func float32frombits(b uint32) float32 { return *(*float32)(unsafe.Pointer(&b)) }
