//go:build amd64 || arm64

package runtime

import "unsafe"

// The darwin port: libSystem's functions, called through the GOT. Each variable
// below is the slot dyld binds to a function's address; libcall6, the ISA's stub,
// calls it with the C calling convention (System V on amd64, AAPCS64 on arm64).

//go:cgo_import_dynamic runtime._write write "/usr/lib/libSystem.B.dylib"
//go:cgo_import_dynamic runtime._exit exit "/usr/lib/libSystem.B.dylib"
//go:cgo_import_dynamic runtime._mmap mmap "/usr/lib/libSystem.B.dylib"
//go:cgo_import_dynamic runtime._clock_gettime clock_gettime "/usr/lib/libSystem.B.dylib"

var _write, _exit, _mmap, _clock_gettime uintptr

// libcall6 calls the C function at fn with six arguments (the ISA's stub).
func libcall6(fn, a1, a2, a3, a4, a5, a6 uintptr) uintptr

func write(fd int32, p unsafe.Pointer, n int32) {
	for n > 0 {
		r := int32(libcall6(_write, uintptr(fd), uintptr(p), uintptr(n), 0, 0, 0))
		if r <= 0 {
			return
		}
		p = unsafe.Pointer(uintptr(p) + uintptr(r))
		n -= r
	}
}

func exit(code int32) {
	libcall6(_exit, uintptr(code), 0, 0, 0, 0, 0)
}

type timespec struct {
	sec, nsec int64
}

// The clocks of clock_gettime: CLOCK_UPTIME_RAW (mach_absolute_time's) and
// CLOCK_REALTIME.
func nanotime() int64 {
	var ts timespec
	libcall6(_clock_gettime, 8, uintptr(unsafe.Pointer(&ts)), 0, 0, 0, 0)
	return ts.sec*1e9 + ts.nsec
}

func walltime() (sec int64, nsec int32) {
	var ts timespec
	libcall6(_clock_gettime, 0, uintptr(unsafe.Pointer(&ts)), 0, 0, 0, 0)
	return ts.sec, int32(ts.nsec)
}

// reserve maps the heap's address space (MAP_NORESERVE: pages are committed as
// they are first touched, so commit has nothing to do).
func reserve(n uintptr) uintptr {
	const protRW, mapPrivate, mapAnon, mapNoreserve = 0x3, 0x2, 0x1000, 0x40
	p := libcall6(_mmap, 0, n, protRW, mapPrivate|mapAnon|mapNoreserve, ^uintptr(0), 0)
	if p == ^uintptr(0) {
		return 0
	}
	return p
}

func commit(p, n uintptr) bool { return true }

// rt0 is the Go half of the entry point, which dyld calls as C's main: the
// argument and environment vectors each end with a nil.
func rt0(argc int, argv, envp uintptr) {
	for i := 0; i < argc; i++ {
		argslice = append(argslice, gostring(*(*uintptr)(unsafe.Pointer(argv + uintptr(i)*8))))
	}
	for p := envp; *(*uintptr)(unsafe.Pointer(p)) != 0; p += 8 {
		envs = append(envs, gostring(*(*uintptr)(unsafe.Pointer(p))))
	}
	main0()
}
