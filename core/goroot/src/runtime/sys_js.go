//go:build js

package runtime

import "unsafe"

// The gojs imports take Go's stack frame: the compiler lays out the arguments
// at sp+8 as wasm_exec.js reads them.

//go:wasmimport gojs runtime.wasmWrite
func wasmWrite(fd uintptr, p unsafe.Pointer, n int32)

//go:wasmimport gojs runtime.wasmExit
func wasmExit(code int32)

func write(fd int32, p unsafe.Pointer, n int32) {
	wasmWrite(uintptr(fd), p, n)
}

func exit(code int32) {
	wasmExit(code)
}

//go:wasmexport run
func run(argc, argv int32) {
	main0()
}

//go:wasmexport resume
func resume() {}

//go:wasmexport getsp
func getsp() int32 { return 0 }
