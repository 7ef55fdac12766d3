//go:build js

package runtime

import "unsafe"

// The gojs imports take Go's stack frame: the compiler lays out the arguments
// at sp+8 as wasm_exec.js reads them.

//go:wasmimport gojs runtime.wasmWrite
func wasmWrite(fd uintptr, p unsafe.Pointer, n int32)

//go:wasmimport gojs runtime.wasmExit
func wasmExit(code int32)

//go:wasmimport gojs runtime.nanotime1
func nanotime1() int64

//go:wasmimport gojs runtime.walltime
func walltime() (sec int64, nsec int32)

// wasm_exec.js keeps a DataView of the memory, which a memory.grow detaches: it
// must make a new one before the next import reads memory.
//
//go:wasmimport gojs runtime.resetMemoryDataView
func resetMemoryDataView()

func afterMemGrow() { resetMemoryDataView() }

func nanotime() int64 { return nanotime1() }

func write(fd int32, p unsafe.Pointer, n int32) {
	wasmWrite(uintptr(fd), p, n)
}

func exit(code int32) {
	wasmExit(code)
}

//go:wasmexport run
func run(argc, argv int32) {
	// wasm_exec.js lays out argv as 8-byte pointers to NUL-terminated strings:
	// the arguments, a 0, the environment ("key=value"), a 0.
	p := uintptr(argv)
	for i := int32(0); i < argc; i++ {
		argslice = append(argslice, gostring(*(*uintptr)(unsafe.Pointer(p))))
		p += 8
	}
	for p += 8; *(*uintptr)(unsafe.Pointer(p)) != 0; p += 8 {
		envs = append(envs, gostring(*(*uintptr)(unsafe.Pointer(p))))
	}
	main0()
}

//go:wasmexport resume
func resume() {}

//go:wasmexport getsp
func getsp() int32 { return 0 }
