//go:build wasip1

package runtime

import "unsafe"

//go:wasmimport wasi_snapshot_preview1 fd_write
func fd_write(fd int32, iovs unsafe.Pointer, iovsLen int32, nwritten unsafe.Pointer) int32

//go:wasmimport wasi_snapshot_preview1 proc_exit
func proc_exit(code int32)

//go:wasmimport wasi_snapshot_preview1 clock_time_get
func clock_time_get(clock uint32, precision uint64, time unsafe.Pointer) int32

// The WASI clocks: 0 is the real-time clock, 1 the monotonic one.
func nanotime() int64 {
	var t uint64
	clock_time_get(1, 1, unsafe.Pointer(&t))
	return int64(t)
}

func walltime() (sec int64, nsec int32) {
	var t uint64
	clock_time_get(0, 1, unsafe.Pointer(&t))
	return int64(t / 1e9), int32(t % 1e9)
}

//go:wasmimport wasi_snapshot_preview1 args_sizes_get
func args_sizes_get(argc, bufLen unsafe.Pointer) int32

//go:wasmimport wasi_snapshot_preview1 args_get
func args_get(argv, buf unsafe.Pointer) int32

//go:wasmimport wasi_snapshot_preview1 environ_sizes_get
func environ_sizes_get(count, bufLen unsafe.Pointer) int32

//go:wasmimport wasi_snapshot_preview1 environ_get
func environ_get(env, buf unsafe.Pointer) int32

// wasiStrings reads the arguments (or, with env, the environment) as WASI gives
// them: their count and size first, then 32-bit pointers into one buffer.
func wasiStrings(env bool) []string {
	var n, size uint32
	var r int32
	if env {
		r = environ_sizes_get(unsafe.Pointer(&n), unsafe.Pointer(&size))
	} else {
		r = args_sizes_get(unsafe.Pointer(&n), unsafe.Pointer(&size))
	}
	if r != 0 || n == 0 {
		return nil
	}
	ptrs := make([]uint32, n)
	buf := make([]byte, size)
	if env {
		r = environ_get(unsafe.Pointer(&ptrs[0]), unsafe.Pointer(&buf[0]))
	} else {
		r = args_get(unsafe.Pointer(&ptrs[0]), unsafe.Pointer(&buf[0]))
	}
	if r != 0 {
		return nil
	}
	out := make([]string, n)
	for i, p := range ptrs {
		out[i] = gostring(uintptr(p))
	}
	return out
}

type iovec struct {
	buf    uint32
	bufLen uint32
}

func write(fd int32, p unsafe.Pointer, n int32) {
	var iov iovec
	iov.buf = uint32(uintptr(p))
	iov.bufLen = uint32(n)
	var written int32
	fd_write(fd, unsafe.Pointer(&iov), 1, unsafe.Pointer(&written))
}

func exit(code int32) {
	proc_exit(code)
}

//go:wasmexport _start
func _start() {
	argslice = wasiStrings(false)
	envs = wasiStrings(true)
	main0()
}

// afterMemGrow has nothing to do on this port (js/wasm must tell its host).
func afterMemGrow() {}
