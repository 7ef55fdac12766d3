// Package runtime is crossplay's Go runtime: memory, strings and slices, panics,
// printing, and the program's start. The compiler calls these functions by name;
// the OS parts live in the sys_*.go files chosen by build constraints.
package runtime

import (
	"internal/abi"
	"unsafe"
)

// A goroutine. The compiler reaches the running one through getg (a register
// on native ports, a global on Wasm); its first field, panicking, is set while a
// panic unwinds, and compiled code tests it after every call.
type g struct {
	panicking int32
}

// The goroutine that runs main: the entry point makes it the running one.
var g0 g

// getg is the running goroutine (a compiler intrinsic).
func getg() *g

// A panic: its value, whether a deferred call recovered it, and the panic it
// interrupted.
type _panic struct {
	arg       any
	recovered bool
	link      *_panic
}

// The panics under way, newest first.
var curPanic *_panic

// Intrinsics the compiler implements.
func memmove(dst, src unsafe.Pointer, n uintptr)
func memclr(p unsafe.Pointer, n uintptr)

//go:linkname main_main main.main
func main_main()

//go:linkname doInits go:inits
func doInits()

// The program's arguments and environment ("key=value"), set up by the entry
// point of each OS before anything else runs.
var argslice, envs []string

// modinfo is the build information (`go version -m`'s lines without the go
// line); the linker sets it as Go's sets runtime.modinfo. runtime/debug reads it.
var modinfo string

func debug_modinfo() string { return modinfo }

// os_runtime_args and os_runtime_envs are os's view of them (copies).
func os_runtime_args() []string { return append([]string{}, argslice...) }
func os_runtime_envs() []string { return append([]string{}, envs...) }

// time_now is the time package's clock: the wall time and the monotonic one.
func time_now() (sec int64, nsec int32, mono int64) {
	sec, nsec = walltime()
	return sec, nsec, nanotime()
}

// gostring copies the NUL-terminated string at p.
func gostring(p uintptr) string {
	n := 0
	for *(*byte)(unsafe.Pointer(p + uintptr(n))) != 0 {
		n++
	}
	return slicebytetostring(unsafe.Pointer(p), n, n)
}

// A bump allocator: memory is never freed (crossplay has no collector yet).
// Allocation bumps heapNext below heapLimit, the end of the memory obtained so
// far; the heap grows by at least the port's heapGrowStep at once.
var heapNext, heapLimit uintptr

func mallocgc(size uintptr) unsafe.Pointer {
	p := (heapNext + 7) &^ 7
	if end := p + size; end <= heapLimit && end >= p {
		heapNext = end
		return unsafe.Pointer(p)
	}
	return mallocgrow(size)
}

// mallocgrow is the slow path of mallocgc: the first allocation, or one past
// the memory obtained so far.
func mallocgrow(size uintptr) unsafe.Pointer {
	if heapNext == 0 {
		heapNext = heapStart()
		heapLimit = memsize()
	}
	p := (heapNext + 7) &^ 7
	end := p + size
	if end < p {
		throw("out of memory")
	}
	if end > heapLimit {
		need := end - heapLimit
		step := need
		if step < heapGrowStep {
			step = heapGrowStep
		}
		if memgrow(step) == ^uintptr(0) && (step == need || memgrow(need) == ^uintptr(0)) {
			throw("out of memory")
		}
		afterMemGrow()
		heapLimit = memsize()
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

func gopanic(v any) {
	curPanic = &_panic{arg: v, link: curPanic}
	getg().panicking = 1
}

// gorecover is the recover builtin: inside a deferred call run while panicking,
// it stops the panic and returns its value.
func gorecover() any {
	p := curPanic
	// While deferred calls run for a panic, the panic flag is set aside.
	if p != nil && !p.recovered && getg().panicking == 0 {
		p.recovered = true
		return p.arg
	}
	return nil
}

// deferreturn runs after each deferred call on a function's exit path, with the
// panic flag as it was before the call: a new panic goes on, a recovered one
// ends (the function returns normally), anything else resumes as it was.
func deferreturn(saved int32) {
	gp := getg()
	if gp.panicking != 0 {
		return
	}
	if saved != 0 && curPanic != nil && curPanic.recovered {
		curPanic = curPanic.link
		return
	}
	gp.panicking = saved
}

type stringer interface {
	String() string
}

func printpanics() {
	printpanic(curPanic)
}

// printpanic prints the chain oldest first, as Go does.
func printpanic(p *_panic) {
	if p == nil {
		return
	}
	if p.link != nil {
		printpanic(p.link)
		printstring("\t")
	}
	printstring("panic: ")
	printpanicvalue(p.arg)
	if p.recovered {
		printstring(" [recovered]")
	}
	printnl()
}

// printpanicvalue prints a panic value as Go does: an error's Error(), a
// Stringer's String(), or the value itself.
func printpanicvalue(v any) {
	if e, ok := v.(error); ok {
		printstring(e.Error())
	} else if s, ok := v.(stringer); ok {
		printstring(s.String())
	} else {
		printpanicval(v)
	}
}

// printpanicval prints a panic value as Go's runtime does.
func printpanicval(v any) {
	e := (*abi.EmptyInterface)(unsafe.Pointer(&v))
	if e.Type == nil {
		printstring("nil")
		return
	}
	t, data := e.Type, e.Data
	if t.Name() != t.Str {
		printanycustomtype(t, data)
		return
	}
	switch t.Kind {
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
		printanycustomtype(t, data)
	}
}

// printanycustomtype prints a value of a named or composite type.
func printanycustomtype(t *abi.Type, data unsafe.Pointer) {
	switch t.Kind {
	case kindBool, kindInt, kindInt8, kindInt16, kindInt32, kindInt64, kindUint, kindUint8, kindUint16,
		kindUint32, kindUint64, kindUintptr, kindFloat32, kindFloat64:
		printstring(t.Str)
		printstring("(")
		var v any
		e := (*abi.EmptyInterface)(unsafe.Pointer(&v))
		e.Type, e.Data = basicType(t.Kind), data
		printpanicval(v)
		printstring(")")
	case kindString:
		printstring(t.Str)
		printstring(`("`)
		printstring(*(*string)(data))
		printstring(`")`)
	default:
		printstring("(")
		printstring(t.Str)
		printstring(") ")
		printpointer(data)
	}
}

// basicType is the predeclared type of a basic kind.
func basicType(k abi.Kind) *abi.Type {
	var v any
	switch k {
	case kindBool:
		v = false
	case kindInt:
		v = int(0)
	case kindInt8:
		v = int8(0)
	case kindInt16:
		v = int16(0)
	case kindInt32:
		v = int32(0)
	case kindInt64:
		v = int64(0)
	case kindUint:
		v = uint(0)
	case kindUint8:
		v = uint8(0)
	case kindUint16:
		v = uint16(0)
	case kindUint32:
		v = uint32(0)
	case kindUint64:
		v = uint64(0)
	case kindUintptr:
		v = uintptr(0)
	case kindFloat32:
		v = float32(0)
	case kindFloat64:
		v = float64(0)
	}
	return (*abi.EmptyInterface)(unsafe.Pointer(&v)).Type
}

func panicmsg(s string) {
	panic(errorString(s))
}

// boundsError is the panic value of a failed index or slice bounds check; it
// prints as gc's runtime.boundsError does (and %T names it the same).
type boundsError string

func (e boundsError) RuntimeError() {}
func (e boundsError) Error() string { return "runtime error: " + string(e) }

func panicbounds(s string) {
	panic(boundsError(s))
}

// The bounds panics report a negative index alone, as Go's boundsError does.

func panicIndex(i, n int) {
	if i < 0 {
		panicbounds("index out of range [" + itoa(i) + "]")
	}
	panicbounds("index out of range [" + itoa(i) + "] with length " + itoa(n))
}

func panicSliceB(i, j int) {
	if i < 0 {
		panicbounds("slice bounds out of range [" + itoa(i) + ":]")
	}
	panicbounds("slice bounds out of range [" + itoa(i) + ":" + itoa(j) + "]")
}

func panicSliceAcap(j, n int) {
	if j < 0 {
		panicbounds("slice bounds out of range [:" + itoa(j) + "]")
	}
	panicbounds("slice bounds out of range [:" + itoa(j) + "] with capacity " + itoa(n))
}

func panicSliceAlen(j, n int) {
	if j < 0 {
		panicbounds("slice bounds out of range [:" + itoa(j) + "]")
	}
	panicbounds("slice bounds out of range [:" + itoa(j) + "] with length " + itoa(n))
}

func panicSlice3Acap(k, n int) {
	if k < 0 {
		panicbounds("slice bounds out of range [::" + itoa(k) + "]")
	}
	panicbounds("slice bounds out of range [::" + itoa(k) + "] with capacity " + itoa(n))
}

func panicSlice3Alen(k, n int) {
	if k < 0 {
		panicbounds("slice bounds out of range [::" + itoa(k) + "]")
	}
	panicbounds("slice bounds out of range [::" + itoa(k) + "] with length " + itoa(n))
}

func panicSlice3B(j, k int) {
	if j < 0 {
		panicbounds("slice bounds out of range [:" + itoa(j) + ":]")
	}
	panicbounds("slice bounds out of range [:" + itoa(j) + ":" + itoa(k) + "]")
}

func panicSlice3C(i, j int) {
	if i < 0 {
		panicmsg("slice bounds out of range [" + itoa(i) + "::]")
	}
	panicmsg("slice bounds out of range [" + itoa(i) + ":" + itoa(j) + ":]")
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
