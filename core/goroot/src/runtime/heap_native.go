//go:build (linux || windows || darwin) && (amd64 || arm64)

package runtime

// The heap of the native ports is one reservation of address space, which the
// allocator bumps through; each OS reserves it (reserve, 0 on failure) and, where
// pages must be committed before use, commits what memgrow hands out (commit).
const heapReserve = 16 << 30

// heapGrowStep is the least the heap grows by at once: growing is a system call
// on some ports, so it stays rare.
const heapGrowStep = 4 << 20

var heapBase, heapTop uintptr

func heapStart() uintptr {
	if heapBase == 0 {
		p := reserve(heapReserve)
		if p == 0 {
			throw("out of memory")
		}
		heapBase, heapTop = p, p
	}
	return heapBase
}

func memsize() uintptr { return heapTop }

func memgrow(n uintptr) uintptr {
	if heapTop+n > heapBase+heapReserve || !commit(heapTop, n) {
		return ^uintptr(0)
	}
	old := heapTop
	heapTop += n
	return old
}

// afterMemGrow has nothing to do on these ports (js/wasm must tell its host).
func afterMemGrow() {}

// maxAlloc is the largest allocation gc's runtime allows (48-bit addresses, as gc on 64-bit ports):
// makeslice panics beyond it.
const maxAlloc = 1 << 48
