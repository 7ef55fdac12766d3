//go:build amd64 || arm64

package runtime

import "unsafe"

// The linux port (64-bit so far): system calls through syscall6, the ISA's stub (number, six
// arguments, the raw result: negative for an errno).
func syscall6(num, a1, a2, a3, a4, a5, a6 uintptr) uintptr

func write(fd int32, p unsafe.Pointer, n int32) {
	syscall6(_SYS_write, uintptr(fd), uintptr(p), uintptr(n), 0, 0, 0)
}

func exit(code int32) {
	syscall6(_SYS_exit_group, uintptr(code), 0, 0, 0, 0, 0)
}

type timespec struct {
	sec, nsec int64
}

// The clocks of clock_gettime: CLOCK_REALTIME and CLOCK_MONOTONIC.
func nanotime() int64 {
	var ts timespec
	syscall6(_SYS_clock_gettime, 1, uintptr(unsafe.Pointer(&ts)), 0, 0, 0, 0)
	return ts.sec*1e9 + ts.nsec
}

func walltime() (sec int64, nsec int32) {
	var ts timespec
	syscall6(_SYS_clock_gettime, 0, uintptr(unsafe.Pointer(&ts)), 0, 0, 0, 0)
	return ts.sec, int32(ts.nsec)
}

// reserve maps the heap's address space (MAP_NORESERVE: pages are committed as
// they are first touched, so commit has nothing to do).
func reserve(n uintptr) uintptr {
	const protRW, mapPrivateAnon, mapNoreserve = 0x3, 0x22, 0x4000
	p := syscall6(_SYS_mmap, 0, n, protRW, mapPrivateAnon|mapNoreserve, ^uintptr(0), 0)
	if p > ^uintptr(4095) {
		return 0
	}
	return p
}

func commit(p, n uintptr) bool { return true }

// rt0 is the Go half of the entry point: sp points at argc, then the argument
// pointers, a nil, the environment pointers and a nil (the System V ABI's
// initial process stack).
func rt0(sp uintptr) {
	argc := *(*int)(unsafe.Pointer(sp))
	argv := sp + 8
	for i := 0; i < argc; i++ {
		argslice = append(argslice, gostring(*(*uintptr)(unsafe.Pointer(argv + uintptr(i)*8))))
	}
	for p := argv + uintptr(argc+1)*8; *(*uintptr)(unsafe.Pointer(p)) != 0; p += 8 {
		envs = append(envs, gostring(*(*uintptr)(unsafe.Pointer(p))))
	}
	main0()
}
