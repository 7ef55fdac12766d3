// Package os is crossplay's operating-system interface: the standard files,
// Exit, and the program's environment as the runtime sees it.
package os

import (
	"errors"
	"unsafe"
)

// File is an open file descriptor.
type File struct {
	fd   int
	name string
}

// NewFile returns a File for the descriptor fd.
func NewFile(fd uintptr, name string) *File {
	return &File{fd: int(fd), name: name}
}

// The standard input, output and error files.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// ErrInvalid reports an invalid argument, such as a nil *File.
var ErrInvalid = errors.New("invalid argument")

// Name returns the name the file was opened with.
func (f *File) Name() string { return f.name }

// Fd returns the file's descriptor.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

// Write writes b to the file.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if len(b) > 0 {
		runtime_write(int32(f.fd), unsafe.Pointer(&b[0]), int32(len(b)))
	}
	return len(b), nil
}

// WriteString writes s to the file.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Exit ends the program with status code; deferred functions do not run.
func Exit(code int) {
	runtime_exit(int32(code))
}

//go:linkname runtime_write runtime.write
func runtime_write(fd int32, p unsafe.Pointer, n int32)

//go:linkname runtime_exit runtime.exit
func runtime_exit(code int32)
