package runtime

import (
	"internal/abi"
	"unsafe"
)

// A map is a pointer to an hmap; the nil map is a nil pointer.
//
// Entries live in insertion order in parallel arrays (keys, elems, their hashes
// and a live flag); an open-addressing index of slot numbers finds them by hash.
// Deleting clears the live flag and leaves the slot, which the next rehash
// compacts away. Rehashing allocates new arrays and never changes the old ones,
// so an iteration that began before it can go on over its snapshot, looking
// each entry up in the map as it is now. Go leaves the iteration order
// unspecified; crossplay's is insertion order, the same on every run.
type hmap struct {
	count  int // live entries: len(m); the compiler reads it at offset 0
	used   int // slots used, live or not
	slots  int // slot capacity
	keys   unsafe.Pointer
	elems  unsafe.Pointer
	hashes unsafe.Pointer // uint64 per slot
	live   unsafe.Pointer // bool per slot
	index  unsafe.Pointer // int32 per bucket: slot+1, or 0 for empty
	mask   uintptr
}

// The hash seed is fixed, so that runs are reproducible.
const hashSeed uint64 = 0x9e3779b97f4a7c15

// zeroVal is what a lookup of a missing key reads.
var zeroVal [1024]byte

func makemap(t *abi.Type, hint int) *hmap {
	if hint < 0 {
		panic(plainError("makemap: size out of range"))
	}
	h := new(hmap)
	if hint > 0 {
		h.resize(t, hint)
	}
	return h
}

func maplen(h *hmap) int {
	if h == nil {
		return 0
	}
	return h.count
}

func ptrAdd(p unsafe.Pointer, n uintptr) unsafe.Pointer {
	return unsafe.Pointer(uintptr(p) + n)
}

func (h *hmap) key(t *abi.Type, i int) unsafe.Pointer {
	return ptrAdd(h.keys, uintptr(i)*t.Key.Size)
}

func (h *hmap) elem(t *abi.Type, i int) unsafe.Pointer {
	return ptrAdd(h.elems, uintptr(i)*t.Elem.Size)
}

func (h *hmap) hashAt(i int) *uint64 {
	return (*uint64)(ptrAdd(h.hashes, uintptr(i)*8))
}

func (h *hmap) liveAt(i int) *bool {
	return (*bool)(ptrAdd(h.live, uintptr(i)))
}

func (h *hmap) bucket(i uintptr) *int32 {
	return (*int32)(ptrAdd(h.index, i*4))
}

// find is the slot holding key, or -1.
func (h *hmap) find(t *abi.Type, key unsafe.Pointer, hash uint64) int {
	if h == nil || h.index == nil {
		return -1
	}
	for i := uintptr(hash) & h.mask; ; i = (i + 1) & h.mask {
		s := int(*h.bucket(i)) - 1
		if s < 0 {
			return -1
		}
		if *h.hashAt(s) == hash && *h.liveAt(s) && memequal(t.Key, h.key(t, s), key) {
			return s
		}
	}
}

// resize makes room for n live entries, compacting the slots into new arrays.
func (h *hmap) resize(t *abi.Type, n int) {
	buckets := uintptr(8)
	for int(buckets/4*3) < n+1 {
		buckets *= 2
	}
	slots := int(buckets / 4 * 3)
	ks, es := t.Key.Size, t.Elem.Size
	keys := mallocgc(uintptr(slots) * ks)
	elems := mallocgc(uintptr(slots) * es)
	hashes := mallocgc(uintptr(slots) * 8)
	live := mallocgc(uintptr(slots))
	index := mallocgc(buckets * 4)
	j := 0
	for i := 0; i < h.used; i++ {
		if !*h.liveAt(i) {
			continue
		}
		memmove(ptrAdd(keys, uintptr(j)*ks), h.key(t, i), ks)
		memmove(ptrAdd(elems, uintptr(j)*es), h.elem(t, i), es)
		hash := *h.hashAt(i)
		*(*uint64)(ptrAdd(hashes, uintptr(j)*8)) = hash
		*(*bool)(ptrAdd(live, uintptr(j))) = true
		b := uintptr(hash) & (buckets - 1)
		for *(*int32)(ptrAdd(index, b*4)) != 0 {
			b = (b + 1) & (buckets - 1)
		}
		*(*int32)(ptrAdd(index, b*4)) = int32(j + 1)
		j++
	}
	h.keys, h.elems, h.hashes, h.live, h.index = keys, elems, hashes, live, index
	h.used, h.slots, h.mask = j, slots, buckets-1
}

func mapaccess1(t *abi.Type, h *hmap, key unsafe.Pointer) unsafe.Pointer {
	p, _ := mapaccess2(t, h, key)
	return p
}

func mapaccess2(t *abi.Type, h *hmap, key unsafe.Pointer) (unsafe.Pointer, bool) {
	if h == nil || h.count == 0 {
		// Go hashes the key anyway, so that unhashable keys panic.
		if t.Key.Kind == kindInterface {
			typehash(t.Key, key, hashSeed)
		}
		return zeroOf(t.Elem), false
	}
	s := h.find(t, key, typehash(t.Key, key, hashSeed))
	if s < 0 {
		return zeroOf(t.Elem), false
	}
	return h.elem(t, s), true
}

func zeroOf(t *abi.Type) unsafe.Pointer {
	if t.Size > uintptr(len(zeroVal)) {
		return mallocgc(t.Size)
	}
	return unsafe.Pointer(&zeroVal)
}

// mapassign is the slot for key's element, added (zero) if it is missing.
func mapassign(t *abi.Type, h *hmap, key unsafe.Pointer) unsafe.Pointer {
	if h == nil {
		panic(plainError("assignment to entry in nil map"))
	}
	hash := typehash(t.Key, key, hashSeed)
	if s := h.find(t, key, hash); s >= 0 {
		// Go overwrites the key too (it matters for +0 and -0).
		memmove(h.key(t, s), key, t.Key.Size)
		return h.elem(t, s)
	}
	if h.used >= h.slots {
		h.resize(t, h.count+1)
	}
	s := h.used
	h.used++
	h.count++
	memmove(h.key(t, s), key, t.Key.Size)
	*h.hashAt(s) = hash
	*h.liveAt(s) = true
	i := uintptr(hash) & h.mask
	for *h.bucket(i) != 0 {
		i = (i + 1) & h.mask
	}
	*h.bucket(i) = int32(s + 1)
	return h.elem(t, s)
}

func mapdelete(t *abi.Type, h *hmap, key unsafe.Pointer) {
	if h == nil || h.count == 0 {
		if t.Key.Kind == kindInterface {
			typehash(t.Key, key, hashSeed)
		}
		return
	}
	s := h.find(t, key, typehash(t.Key, key, hashSeed))
	if s < 0 {
		return
	}
	// The slot stays in the index, so that probes go on past it.
	*h.liveAt(s) = false
	h.count--
}

func mapclear(t *abi.Type, h *hmap) {
	if h == nil {
		return
	}
	// New arrays: an iteration in progress finds nothing more.
	*h = hmap{}
}

func mapiterinit(t *abi.Type, h *hmap, it *abi.MapIter) {
	*it = abi.MapIter{T: t, H: unsafe.Pointer(h)}
	if h == nil || h.count == 0 {
		return
	}
	it.Keys, it.Elems, it.Live, it.Used = h.keys, h.elems, h.live, h.used
	mapiternext(it)
}

func mapiternext(it *abi.MapIter) {
	t, h := it.T, (*hmap)(it.H)
	for {
		if h.keys == it.Keys {
			it.Used = h.used
		}
		if it.I >= it.Used {
			it.Key, it.Elem = nil, nil
			return
		}
		i := it.I
		it.I++
		if !*(*bool)(ptrAdd(it.Live, uintptr(i))) {
			continue
		}
		k := ptrAdd(it.Keys, uintptr(i)*t.Key.Size)
		if h.keys == it.Keys {
			it.Key, it.Elem = k, ptrAdd(it.Elems, uintptr(i)*t.Elem.Size)
			return
		}
		// The map was rehashed or cleared since the iteration began: the entry
		// counts only if it is still there.
		if s := h.find(t, k, typehash(t.Key, k, hashSeed)); s >= 0 {
			it.Key, it.Elem = k, h.elem(t, s)
			return
		}
	}
}

// ---- hashing ----

const (
	hashMul1 uint64 = 0xa0761d6478bd642f
	hashMul2 uint64 = 0xe7037ed1a0b428db
)

func mix(h, v uint64) uint64 {
	h ^= v
	h *= hashMul1
	h ^= h >> 32
	h *= hashMul2
	return h ^ h>>29
}

func memhash(p unsafe.Pointer, n uintptr, h uint64) uint64 {
	h = mix(h, uint64(n))
	i := uintptr(0)
	for ; i+8 <= n; i += 8 {
		h = mix(h, *(*uint64)(ptrAdd(p, i)))
	}
	if i < n {
		var v uint64
		for j := uintptr(0); i+j < n; j++ {
			v |= uint64(*(*byte)(ptrAdd(p, i+j))) << (8 * j)
		}
		h = mix(h, v)
	}
	return h
}

func strhash(s string, h uint64) uint64 {
	sh := (*stringHeader)(unsafe.Pointer(&s))
	return memhash(sh.p, uintptr(sh.n), h)
}

// nanHash makes every NaN key a new key, as in Go.
var nanHash uint64

func f64hash(f float64, h uint64) uint64 {
	switch {
	case f == 0:
		return mix(h, 0) // +0 and -0
	case f != f:
		nanHash++
		return mix(h, nanHash^0x7ff8000000000001)
	}
	return mix(h, *(*uint64)(unsafe.Pointer(&f)))
}

// typehash hashes the value of type t at p, panicking for unhashable types.
func typehash(t *abi.Type, p unsafe.Pointer, h uint64) uint64 {
	switch t.Kind {
	case kindString:
		return strhash(*(*string)(p), h)
	case kindFloat32:
		return f64hash(float64(*(*float32)(p)), h)
	case kindFloat64:
		return f64hash(*(*float64)(p), h)
	case kindComplex64:
		a := (*[2]float32)(p)
		return f64hash(float64(a[1]), f64hash(float64(a[0]), h))
	case kindComplex128:
		a := (*[2]float64)(p)
		return f64hash(a[1], f64hash(a[0], h))
	case kindInterface:
		e := (*abi.EmptyInterface)(p)
		dt := e.Type
		if len(t.Methods) > 0 {
			dt = itabType(unsafe.Pointer(dt))
		}
		if dt == nil {
			return mix(h, 0)
		}
		if !hashable(dt) {
			panic(errorString("hash of unhashable type " + dt.Str))
		}
		h = mix(h, uint64(uintptr(unsafe.Pointer(dt))))
		if dt.Direct() {
			return typehash(dt, unsafe.Pointer(&e.Data), h)
		}
		return typehash(dt, e.Data, h)
	case kindArray:
		for i := uintptr(0); i < t.Len; i++ {
			h = typehash(t.Elem, ptrAdd(p, i*t.Elem.Size), h)
		}
		return h
	case kindStruct:
		for i := range t.Fields {
			f := &t.Fields[i]
			if f.Name != "_" {
				h = typehash(f.Typ, ptrAdd(p, f.Offset), h)
			}
		}
		return h
	case kindSlice, kindMap, kindFunc:
		panic(errorString("hash of unhashable type " + t.Str))
	}
	return memhash(p, t.Size, h)
}

// hashable reports whether values of type t can be map keys.
func hashable(t *abi.Type) bool {
	switch t.Kind {
	case kindSlice, kindMap, kindFunc:
		return false
	case kindArray:
		return hashable(t.Elem)
	case kindStruct:
		for i := range t.Fields {
			if !hashable(t.Fields[i].Typ) {
				return false
			}
		}
	}
	return true
}
