//go:build amd64 || arm64

package runtime

import "unsafe"

// The windows port: kernel32's functions, called through the import address
// table. Each variable below is the slot the system's loader fills with a
// function's address; stdcall6, the ISA's stub, calls it with the platform's C
// calling convention (Microsoft x64 on amd64, AAPCS64 on arm64).

//go:cgo_import_dynamic runtime._ExitProcess ExitProcess%1 "kernel32.dll"
//go:cgo_import_dynamic runtime._GetStdHandle GetStdHandle%1 "kernel32.dll"
//go:cgo_import_dynamic runtime._GetConsoleMode GetConsoleMode%2 "kernel32.dll"
//go:cgo_import_dynamic runtime._WriteFile WriteFile%5 "kernel32.dll"
//go:cgo_import_dynamic runtime._WriteConsoleW WriteConsoleW%5 "kernel32.dll"
//go:cgo_import_dynamic runtime._VirtualAlloc VirtualAlloc%4 "kernel32.dll"
//go:cgo_import_dynamic runtime._GetCommandLineW GetCommandLineW%0 "kernel32.dll"
//go:cgo_import_dynamic runtime._GetEnvironmentStringsW GetEnvironmentStringsW%0 "kernel32.dll"
//go:cgo_import_dynamic runtime._FreeEnvironmentStringsW FreeEnvironmentStringsW%1 "kernel32.dll"
//go:cgo_import_dynamic runtime._QueryPerformanceCounter QueryPerformanceCounter%1 "kernel32.dll"
//go:cgo_import_dynamic runtime._QueryPerformanceFrequency QueryPerformanceFrequency%1 "kernel32.dll"
//go:cgo_import_dynamic runtime._GetSystemTimePreciseAsFileTime GetSystemTimePreciseAsFileTime%1 "kernel32.dll"

var (
	_ExitProcess,
	_GetStdHandle,
	_GetConsoleMode,
	_WriteFile,
	_WriteConsoleW,
	_VirtualAlloc,
	_GetCommandLineW,
	_GetEnvironmentStringsW,
	_FreeEnvironmentStringsW,
	_QueryPerformanceCounter,
	_QueryPerformanceFrequency,
	_GetSystemTimePreciseAsFileTime uintptr
)

// stdcall6 calls the function at fn with six arguments (the ISA's stub).
func stdcall6(fn, a1, a2, a3, a4, a5, a6 uintptr) uintptr

// stdHandle is the handle of file descriptor fd (0, 1, 2): STD_INPUT_HANDLE,
// STD_OUTPUT_HANDLE or STD_ERROR_HANDLE, which are -10, -11 and -12.
func stdHandle(fd int32) uintptr {
	return stdcall6(_GetStdHandle, uintptr(-10-int64(fd))&0xffffffff, 0, 0, 0, 0, 0)
}

func write(fd int32, p unsafe.Pointer, n int32) {
	h := stdHandle(fd)
	var mode uint32
	if stdcall6(_GetConsoleMode, h, uintptr(unsafe.Pointer(&mode)), 0, 0, 0, 0) != 0 {
		// A console takes UTF-16, as Go's runtime and os write to it.
		writeConsole(h, p, int(n))
		return
	}
	for n > 0 {
		var done uint32
		if stdcall6(_WriteFile, h, uintptr(p), uintptr(n), uintptr(unsafe.Pointer(&done)), 0, 0) == 0 || done == 0 {
			return
		}
		p = unsafe.Pointer(uintptr(p) + uintptr(done))
		n -= int32(done)
	}
}

// writeConsole converts UTF-8 (invalid bytes as U+FFFD) to UTF-16 and writes it.
func writeConsole(h uintptr, p unsafe.Pointer, n int) {
	var buf [256]uint16
	k := 0
	flush := func() {
		var done uint32
		if k > 0 {
			stdcall6(_WriteConsoleW, h, uintptr(unsafe.Pointer(&buf[0])), uintptr(k), uintptr(unsafe.Pointer(&done)), 0, 0)
		}
		k = 0
	}
	for i := 0; i < n; {
		r, next := decoderune(p, n, i)
		i = next
		if k+2 > len(buf) {
			flush()
		}
		if r >= 0x10000 {
			r -= 0x10000
			buf[k] = uint16(0xd800 + r>>10)
			buf[k+1] = uint16(0xdc00 + r&0x3ff)
			k += 2
		} else {
			buf[k] = uint16(r)
			k++
		}
	}
	flush()
}

func exit(code int32) {
	stdcall6(_ExitProcess, uintptr(uint32(code)), 0, 0, 0, 0, 0)
}

var perfFrequency int64

func nanotime() int64 {
	if perfFrequency == 0 {
		stdcall6(_QueryPerformanceFrequency, uintptr(unsafe.Pointer(&perfFrequency)), 0, 0, 0, 0, 0)
	}
	var c int64
	stdcall6(_QueryPerformanceCounter, uintptr(unsafe.Pointer(&c)), 0, 0, 0, 0, 0)
	return c/perfFrequency*1e9 + c%perfFrequency*1e9/perfFrequency
}

func walltime() (sec int64, nsec int32) {
	// 100-nanosecond intervals since 1601-01-01.
	var ft int64
	stdcall6(_GetSystemTimePreciseAsFileTime, uintptr(unsafe.Pointer(&ft)), 0, 0, 0, 0, 0)
	t := ft - 116444736000000000
	return t / 1e7, int32(t%1e7) * 100
}

// reserve reserves the heap's address space; commit makes pages usable as
// memgrow hands them out.
func reserve(n uintptr) uintptr {
	const memReserve, pageNoAccess = 0x2000, 0x01
	return stdcall6(_VirtualAlloc, 0, n, memReserve, pageNoAccess, 0, 0)
}

func commit(p, n uintptr) bool {
	const memCommit, pageReadWrite = 0x1000, 0x04
	return stdcall6(_VirtualAlloc, p, n, memCommit, pageReadWrite, 0, 0) != 0
}

// utf16string converts the NUL-terminated UTF-16 string at p (unpaired
// surrogates as U+FFFD) and returns the address after its NUL.
func utf16string(p uintptr) (string, uintptr) {
	var b []byte
	for {
		c := rune(*(*uint16)(unsafe.Pointer(p)))
		p += 2
		if c == 0 {
			return string(b), p
		}
		if c >= 0xd800 && c < 0xdc00 {
			if d := rune(*(*uint16)(unsafe.Pointer(p))); d >= 0xdc00 && d < 0xe000 {
				c = 0x10000 + (c-0xd800)<<10 + (d - 0xdc00)
				p += 2
			} else {
				c = 0xfffd
			}
		} else if c >= 0xdc00 && c < 0xe000 {
			c = 0xfffd
		}
		b = append(b, string(c)...)
	}
}

// commandLineToArgv splits the command line as Go's os package does on
// windows: blanks separate arguments outside quotes; 2n backslashes before a
// quote are n backslashes and the quote toggles quoting (a doubled quote inside
// quotes is one quote), 2n+1 are n and a literal quote; other backslashes are
// themselves.
func commandLineToArgv(cmd string) []string {
	var args []string
	i := 0
	for i < len(cmd) {
		if cmd[i] == ' ' || cmd[i] == '\t' {
			i++
			continue
		}
		var arg []byte
		quoted, slashes := false, 0
		for ; i < len(cmd); i++ {
			c := cmd[i]
			if (c == ' ' || c == '\t') && !quoted {
				break
			}
			if c == '\\' {
				slashes++
				continue
			}
			if c == '"' {
				for ; slashes > 1; slashes -= 2 {
					arg = append(arg, '\\')
				}
				if slashes == 1 {
					arg = append(arg, '"')
				} else if quoted && i+1 < len(cmd) && cmd[i+1] == '"' {
					arg = append(arg, '"')
					i++
					quoted = false
				} else {
					quoted = !quoted
				}
				slashes = 0
				continue
			}
			for ; slashes > 0; slashes-- {
				arg = append(arg, '\\')
			}
			arg = append(arg, c)
		}
		for ; slashes > 0; slashes-- {
			arg = append(arg, '\\')
		}
		args = append(args, string(arg))
	}
	return args
}

// rt0 is the Go half of the entry point: the arguments come from the command
// line, the environment from the process's environment block.
func rt0(sp uintptr) {
	cmd, _ := utf16string(stdcall6(_GetCommandLineW, 0, 0, 0, 0, 0, 0))
	argslice = commandLineToArgv(cmd)
	block := stdcall6(_GetEnvironmentStringsW, 0, 0, 0, 0, 0, 0)
	for p := block; p != 0 && *(*uint16)(unsafe.Pointer(p)) != 0; {
		var kv string
		kv, p = utf16string(p)
		envs = append(envs, kv)
	}
	if block != 0 {
		stdcall6(_FreeEnvironmentStringsW, block, 0, 0, 0, 0, 0)
	}
	main0()
}
