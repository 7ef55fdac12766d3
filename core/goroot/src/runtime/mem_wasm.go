package runtime

// The Wasm ports' memory is the module's linear memory: the heap starts after the
// data (the linker's go:end) and grows with memory.grow. The compiler implements
// these.
func memsize() uintptr
func memgrow(n uintptr) uintptr
func heapStart() uintptr

// heapGrowStep is the least the heap grows by at once: no more than asked (in
// 64 KiB pages), since node 20's V8 can crash in its collector when a Wasm memory
// grows by megabytes at a time.
const heapGrowStep = 0

// maxAlloc is the largest allocation gc's runtime allows (a 32-bit address space, as gc's wasm port):
// makeslice panics beyond it.
const maxAlloc = 1 << 32
