//go:build !js && !wasip1 && !((linux || windows || darwin) && (amd64 || arm64))

package runtime

import "unsafe"

func memsize() uintptr
func memgrow(n uintptr) uintptr
func heapStart() uintptr

const heapGrowStep = 4 << 20

// Native ports come with their back ends; until then these have no body.

func write(fd int32, p unsafe.Pointer, n int32)

func exit(code int32)

func nanotime() int64

func walltime() (sec int64, nsec int32)

// afterMemGrow has nothing to do on this port (js/wasm must tell its host).
func afterMemGrow() {}

// maxAlloc is the largest allocation gc's runtime allows (48-bit addresses on
// 64-bit ports, the whole 32-bit space less one on the others): makeslice
// panics beyond it.
const maxAlloc = (1<<48)*is64bit + (1<<32-1)*(1-is64bit)

// is64bit is 1 where pointers have 64 bits, 0 where they have 32 (untyped).
const is64bit = 1 << (^uintptr(0) >> 63) / 2
