package runtime

import "unsafe"

type stringHeader struct {
	p unsafe.Pointer
	n int
}

type sliceHeader struct {
	p   unsafe.Pointer
	n   int
	cap int
}

func concatstring2(a, b string) string {
	n := len(a) + len(b)
	if n == 0 {
		return ""
	}
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	p := mallocgc(uintptr(n))
	ah := (*stringHeader)(unsafe.Pointer(&a))
	bh := (*stringHeader)(unsafe.Pointer(&b))
	memmove(p, ah.p, uintptr(len(a)))
	memmove(unsafe.Pointer(uintptr(p)+uintptr(len(a))), bh.p, uintptr(len(b)))
	var s string
	sh := (*stringHeader)(unsafe.Pointer(&s))
	sh.p, sh.n = p, n
	return s
}

func eqstring(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func cmpstring(a, b string) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	if len(a) < len(b) {
		return -1
	}
	if len(a) > len(b) {
		return 1
	}
	return 0
}

func slicebytetostring(p unsafe.Pointer, n, c int) string {
	if n == 0 {
		return ""
	}
	q := mallocgc(uintptr(n))
	memmove(q, p, uintptr(n))
	var s string
	sh := (*stringHeader)(unsafe.Pointer(&s))
	sh.p, sh.n = q, n
	return s
}

func stringtoslicebyte(p unsafe.Pointer, n int) []byte {
	q := mallocgc(uintptr(n))
	memmove(q, p, uintptr(n))
	var b []byte
	bh := (*sliceHeader)(unsafe.Pointer(&b))
	bh.p, bh.n, bh.cap = q, n, n
	return b
}

const runeError = '\uFFFD'

// decoderune returns the rune at s[k:] and the index after it, as for range does.
func decoderune(p unsafe.Pointer, n int, k int) (rune, int) {
	c := byteAt(p, k)
	if c < 0x80 {
		return rune(c), k + 1
	}
	need, min := 0, rune(0)
	var r rune
	switch {
	case c&0xE0 == 0xC0:
		need, min, r = 1, 0x80, rune(c&0x1F)
	case c&0xF0 == 0xE0:
		need, min, r = 2, 0x800, rune(c&0x0F)
	case c&0xF8 == 0xF0 && c <= 0xF4:
		need, min, r = 3, 0x10000, rune(c&0x07)
	default:
		return runeError, k + 1
	}
	if k+need >= n {
		return runeError, k + 1
	}
	for i := 1; i <= need; i++ {
		x := byteAt(p, k+i)
		if x&0xC0 != 0x80 {
			return runeError, k + 1
		}
		r = r<<6 | rune(x&0x3F)
	}
	if r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF) {
		return runeError, k + 1
	}
	return r, k + 1 + need
}

func intstring(v int64) string {
	r := rune(v)
	if int64(r) != v || r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF) {
		r = runeError
	}
	var buf [4]byte
	n := 0
	switch {
	case r < 0x80:
		buf[0] = byte(r)
		n = 1
	case r < 0x800:
		buf[0] = byte(0xC0 | r>>6)
		buf[1] = byte(0x80 | r&0x3F)
		n = 2
	case r < 0x10000:
		buf[0] = byte(0xE0 | r>>12)
		buf[1] = byte(0x80 | r>>6&0x3F)
		buf[2] = byte(0x80 | r&0x3F)
		n = 3
	default:
		buf[0] = byte(0xF0 | r>>18)
		buf[1] = byte(0x80 | r>>12&0x3F)
		buf[2] = byte(0x80 | r>>6&0x3F)
		buf[3] = byte(0x80 | r&0x3F)
		n = 4
	}
	return string(buf[:n])
}

func makeslice(size uintptr, n, c int) unsafe.Pointer {
	if c < 0 || c < n || (size != 0 && uintptr(c) > maxAlloc/size) {
		// As gc: "len out of range" when the length alone is too large (make
		// with a huge length and no capacity), "cap out of range" otherwise.
		if n < 0 || (size != 0 && uintptr(n) > maxAlloc/size) {
			panicmsg("makeslice: len out of range")
		} else {
			panicmsg("makeslice: cap out of range")
		}
		return nil
	}
	return mallocgc(size * uintptr(c))
}

// appendslice appends n elements at src to the slice (p, l, c), growing it as
// Go's growslice does: the new capacity fills the allocation size class.
// noscan says the elements hold no pointers.
func appendslice(size uintptr, noscan bool, p unsafe.Pointer, l, c int, src unsafe.Pointer, n int) (unsafe.Pointer, int, int) {
	if l+n > c {
		p, c = growslice(size, noscan, p, l, c, l+n)
	}
	memmove(unsafe.Pointer(uintptr(p)+size*uintptr(l)), src, size*uintptr(n))
	return p, l + n, c
}

// growslice is a larger array for a slice of l elements in c that must hold
// newLen: its address (the l elements copied) and its capacity, grown as Go
// grows them.
func growslice(size uintptr, noscan bool, p unsafe.Pointer, l, c, newLen int) (unsafe.Pointer, int) {
	newcap := nextslicecap(newLen, c)
	if size == 0 {
		newcap = newLen
	} else {
		newcap = int(roundupsize(uintptr(newcap)*size, noscan) / size)
	}
	q := mallocgc(size * uintptr(newcap))
	memmove(q, p, size*uintptr(l))
	return q, newcap
}

func nextslicecap(newLen, oldCap int) int {
	newcap := oldCap
	doublecap := newcap + newcap
	if newLen > doublecap {
		return newLen
	}
	const threshold = 256
	if oldCap < threshold {
		return doublecap
	}
	for {
		// From doubling for small slices to growing by 1.25x for large ones.
		newcap += (newcap + 3*threshold) >> 2
		if uint(newcap) >= uint(newLen) {
			break
		}
	}
	if newcap <= 0 {
		return newLen
	}
	return newcap
}

// Go's allocation size classes (internal/runtime/gc).
var sizeClasses = [...]uint16{0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768}

const (
	maxSmallSize     = 32768
	mallocHeaderSize = 8
	pageSize         = 8192
)

// roundupsize is the size Go's allocator gives a request of size bytes: the
// smallest size class that holds it (with the malloc header objects with
// pointers carry past 512 bytes), or whole pages for large objects.
func roundupsize(size uintptr, noscan bool) uintptr {
	req := size
	if req <= maxSmallSize-mallocHeaderSize {
		if !noscan && req > ptrSize*ptrSize*8 {
			req += mallocHeaderSize
		}
		for _, c := range sizeClasses {
			if uintptr(c) >= req {
				return uintptr(c) - (req - size)
			}
		}
	}
	req += pageSize - 1
	if req < size {
		return size
	}
	return req &^ (pageSize - 1)
}

// stringtoslicerune is []rune(s).
func stringtoslicerune(p unsafe.Pointer, n int) []rune {
	count := 0
	for k := 0; k < n; count++ {
		_, k = decoderune(p, n, k)
	}
	rs := make([]rune, count)
	i := 0
	for k := 0; k < n; i++ {
		rs[i], k = decoderune(p, n, k)
	}
	return rs
}

// slicerunetostring is string(rs).
func slicerunetostring(p unsafe.Pointer, n, c int) string {
	rs := *(*[]rune)(unsafe.Pointer(&sliceHeader{p, n, c}))
	var b []byte
	for _, r := range rs {
		b = append(b, intstring(int64(r))...)
	}
	return string(b)
}

func slicecopy(size uintptr, dp unsafe.Pointer, dn int, sp unsafe.Pointer, sn int) int {
	n := dn
	if sn < n {
		n = sn
	}
	memmove(dp, sp, size*uintptr(n))
	return n
}

func byteAt(p unsafe.Pointer, i int) byte {
	return *(*byte)(unsafe.Pointer(uintptr(p) + uintptr(i)))
}
