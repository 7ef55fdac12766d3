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
	if n < 0 {
		panicmsg("makeslice: len out of range")
		return nil
	}
	if c < n {
		panicmsg("makeslice: cap out of range")
		return nil
	}
	return mallocgc(size * uintptr(c))
}

// appendslice appends n elements at src to the slice (p, l, c), growing it as
// Go's growslice does.
func appendslice(size uintptr, p unsafe.Pointer, l, c int, src unsafe.Pointer, n int) (unsafe.Pointer, int, int) {
	if l+n > c {
		newcap := c * 2
		if c >= 256 {
			newcap = c
			for newcap < l+n {
				newcap += (newcap + 3*256) >> 2
			}
		}
		if newcap < l+n {
			newcap = l + n
		}
		q := mallocgc(size * uintptr(newcap))
		memmove(q, p, size*uintptr(l))
		p, c = q, newcap
	}
	memmove(unsafe.Pointer(uintptr(p)+size*uintptr(l)), src, size*uintptr(n))
	return p, l + n, c
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
