//go:build wasip1

package runtime

import "unsafe"

//go:wasmimport wasi_snapshot_preview1 fd_write
func fd_write(fd int32, iovs unsafe.Pointer, iovsLen int32, nwritten unsafe.Pointer) int32

//go:wasmimport wasi_snapshot_preview1 proc_exit
func proc_exit(code int32)

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
	main0()
}
