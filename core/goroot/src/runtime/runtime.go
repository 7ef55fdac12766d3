// Package runtime is crossplay's Go runtime: memory, strings and slices, panics,
// printing, and the program's start. The compiler calls these functions by name;
// the OS parts live in the sys_*.go files chosen by build constraints.
package runtime

import "unsafe"

// panicking is set while a panic unwinds; compiled code tests it after every call.
var panicking int32

// The panic under way.
var panicType, panicData unsafe.Pointer

// Intrinsics the compiler implements.
func memmove(dst, src unsafe.Pointer, n uintptr)
func memclr(p unsafe.Pointer, n uintptr)
func memsize() uintptr
func memgrow(n uintptr) uintptr
func heapStart() uintptr

//go:linkname main_main main.main
func main_main()

//go:linkname doInits go:inits
func doInits()

// A bump allocator: memory is never freed (crossplay has no collector yet).
var heapNext uintptr

func mallocgc(size uintptr) unsafe.Pointer {
	if heapNext == 0 {
		heapNext = heapStart()
	}
	p := (heapNext + 7) &^ 7
	end := p + size
	if have := memsize(); end > have {
		if memgrow(end-have) == ^uintptr(0) {
			throw("out of memory")
		}
	}
	heapNext = end
	// Fresh pages are zero, but the allocator never reuses memory either.
	return unsafe.Pointer(p)
}

func throw(s string) {
	printstring("fatal error: ")
	printstring(s)
	printnl()
	exit(2)
}

// main0 runs the program: initialization, then main.main. A panic nobody
// recovers unwinds out of it to the entry point, which calls fatalpanic.
func main0() {
	doInits()
	main_main()
	exit(0)
}

// fatalpanic prints the panic that reached the top of the stack and exits with
// status 2, as Go does.
func fatalpanic() {
	printpanics()
	exit(2)
}

type _type struct {
	size uintptr
	kind uint8
	str  string
}

const (
	kindBool = 1 + iota
	kindInt
	kindInt8
	kindInt16
	kindInt32
	kindInt64
	kindUint
	kindUint8
	kindUint16
	kindUint32
	kindUint64
	kindUintptr
	kindFloat32
	kindFloat64
	kindComplex64
	kindComplex128
	kindArray
	kindChan
	kindFunc
	kindInterface
	kindMap
	kindPointer
	kindSlice
	kindString
	kindStruct
	kindUnsafePointer
)

func gopanic(typ, data unsafe.Pointer) {
	panicType, panicData = typ, data
	panicking = 1
}

func printpanics() {
	printstring("panic: ")
	printpanicval(panicType, panicData)
	printnl()
}

// printpanicval prints a panic value as Go's runtime does.
func printpanicval(typ, data unsafe.Pointer) {
	if typ == nil {
		printstring("nil")
		return
	}
	t := (*_type)(typ)
	switch t.kind {
	case kindBool:
		printbool(*(*bool)(data))
	case kindInt:
		printint(int64(*(*int)(data)))
	case kindInt8:
		printint(int64(*(*int8)(data)))
	case kindInt16:
		printint(int64(*(*int16)(data)))
	case kindInt32:
		printint(int64(*(*int32)(data)))
	case kindInt64:
		printint(*(*int64)(data))
	case kindUint:
		printuint(uint64(*(*uint)(data)))
	case kindUint8:
		printuint(uint64(*(*uint8)(data)))
	case kindUint16:
		printuint(uint64(*(*uint16)(data)))
	case kindUint32:
		printuint(uint64(*(*uint32)(data)))
	case kindUint64:
		printuint(*(*uint64)(data))
	case kindUintptr:
		printuint(uint64(*(*uintptr)(data)))
	case kindFloat32:
		printfloat32(float64(*(*float32)(data)))
	case kindFloat64:
		printfloat(*(*float64)(data))
	case kindString:
		printstring(*(*string)(data))
	default:
		printstring("(")
		printstring(t.str)
		printstring(") ")
		printpointer(data)
	}
}

type boundsError struct{}

func panicmsg(s string) {
	gopanicString("runtime error: " + s)
}

// The runtime's own panics carry a string until errors are interfaces.
var stringType = _type{size: 2 * unsafe.Sizeof(uintptr(0)), kind: kindString, str: "string"}

func gopanicString(s string) {
	p := (*string)(mallocgc(unsafe.Sizeof(s)))
	*p = s
	gopanic(unsafe.Pointer(&stringType), unsafe.Pointer(p))
}

func panicIndex(i, n int) {
	panicmsg("index out of range [" + itoa(i) + "] with length " + itoa(n))
}

func panicSliceB(i, j int) {
	panicmsg("slice bounds out of range [" + itoa(i) + ":" + itoa(j) + "]")
}

func panicSliceAcap(i, n int) {
	panicmsg("slice bounds out of range [:" + itoa(i) + "] with capacity " + itoa(n))
}

func panicdivide() { panicmsg("integer divide by zero") }
func panicshift()  { panicmsg("negative shift amount") }
func panicmem()    { panicmsg("invalid memory address or nil pointer dereference") }

func itoa(v int) string {
	var buf [20]byte
	i := len(buf)
	u := uint64(v)
	if v < 0 {
		u = -u
	}
	for {
		i--
		buf[i] = byte('0' + u%10)
		u /= 10
		if u == 0 {
			break
		}
	}
	if v < 0 {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}
