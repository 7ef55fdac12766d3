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
