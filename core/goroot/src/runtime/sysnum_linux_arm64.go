package runtime

// linux/arm64 system call numbers (include/uapi/asm-generic/unistd.h).
const (
	_SYS_write         = 64
	_SYS_exit_group    = 94
	_SYS_clock_gettime = 113
	_SYS_mmap          = 222
)
