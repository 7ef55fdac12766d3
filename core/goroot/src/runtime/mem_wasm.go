package runtime

// The Wasm ports' memory is the module's linear memory: the heap starts after the
// data (the linker's go:end) and grows with memory.grow. The compiler implements
// these.
func memsize() uintptr
func memgrow(n uintptr) uintptr
func heapStart() uintptr
