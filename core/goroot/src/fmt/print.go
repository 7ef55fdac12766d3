// Package fmt implements formatted I/O with functions analogous to C's printf
// and scanf, as Go's fmt does: the verbs, flags, widths and precisions, Stringer,
// error, Formatter and GoStringer, and values printed by their types, which
// crossplay reads from its runtime type descriptors (internal/abi).
package fmt

import (
	"internal/abi"
	"io"
	"os"
	"unicode/utf8"
	"unsafe"
)

// State is what a Formatter sees of the printer.
type State interface {
	Write(b []byte) (n int, err error)
	Width() (wid int, ok bool)
	Precision() (prec int, ok bool)
	Flag(c int) bool
}

// Formatter is implemented by values with their own formatting.
type Formatter interface {
	Format(f State, verb rune)
}

// Stringer is implemented by values with a String method, used by %v.
type Stringer interface {
	String() string
}

// GoStringer is implemented by values with a GoString method, used by %#v.
type GoStringer interface {
	GoString() string
}

const (
	commaSpaceString  = ", "
	nilAngleString    = "<nil>"
	nilParenString    = "(nil)"
	nilString         = "nil"
	mapString         = "map["
	percentBangString = "%!"
	missingString     = "(MISSING)"
	badIndexString    = "(BADINDEX)"
	panicString       = "(PANIC="
	extraString       = "%!(EXTRA "
	badWidthString    = "%!(BADWIDTH)"
	badPrecString     = "%!(BADPREC)"
	noVerbString      = "%!(NOVERB)"
)

// pp is a printer's state.
type pp struct {
	buf       []byte
	arg       any
	fmt       formatter
	reordered bool
	goodArgNum bool
	erroring  bool
	wrapErrs  bool
	wrapped   []error
	panicking bool // printing a panic from a method, so as not to recurse
}

func newPrinter() *pp {
	p := &pp{}
	p.fmt.buf = &p.buf
	return p
}

func (p *pp) Width() (wid int, ok bool) { return p.fmt.wid, p.fmt.widPresent }

func (p *pp) Precision() (prec int, ok bool) { return p.fmt.prec, p.fmt.precPresent }

func (p *pp) Flag(b int) bool {
	switch b {
	case '-':
		return p.fmt.minus
	case '+':
		return p.fmt.plus || p.fmt.plusV
	case '#':
		return p.fmt.sharp || p.fmt.sharpV
	case ' ':
		return p.fmt.space
	case '0':
		return p.fmt.zero
	}
	return false
}

func (p *pp) Write(b []byte) (ret int, err error) {
	p.buf = append(p.buf, b...)
	return len(b), nil
}

func (p *pp) WriteString(s string) (ret int, err error) {
	p.buf = append(p.buf, s...)
	return len(s), nil
}

// Fprintf formats according to a format specifier and writes to w.
func Fprintf(w io.Writer, format string, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintf(format, a)
	return w.Write(p.buf)
}

// Printf formats according to a format specifier and writes to standard output.
func Printf(format string, a ...any) (n int, err error) {
	return Fprintf(os.Stdout, format, a...)
}

// Sprintf formats according to a format specifier and returns the string.
func Sprintf(format string, a ...any) string {
	p := newPrinter()
	p.doPrintf(format, a)
	return string(p.buf)
}

// Appendf formats and appends to b.
func Appendf(b []byte, format string, a ...any) []byte {
	p := newPrinter()
	p.doPrintf(format, a)
	return append(b, p.buf...)
}

// Fprint formats using the default formats and writes to w. Spaces are added
// between operands when neither is a string.
func Fprint(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrint(a)
	return w.Write(p.buf)
}

// Print writes to standard output.
func Print(a ...any) (n int, err error) {
	return Fprint(os.Stdout, a...)
}

// Sprint formats using the default formats and returns the string.
func Sprint(a ...any) string {
	p := newPrinter()
	p.doPrint(a)
	return string(p.buf)
}

// Append formats using the default formats and appends to b.
func Append(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrint(a)
	return append(b, p.buf...)
}

// Fprintln formats using the default formats, with spaces between operands and
// a newline, and writes to w.
func Fprintln(w io.Writer, a ...any) (n int, err error) {
	p := newPrinter()
	p.doPrintln(a)
	return w.Write(p.buf)
}

// Println writes to standard output.
func Println(a ...any) (n int, err error) {
	return Fprintln(os.Stdout, a...)
}

// Sprintln formats with spaces and a newline and returns the string.
func Sprintln(a ...any) string {
	p := newPrinter()
	p.doPrintln(a)
	return string(p.buf)
}

// Appendln formats with spaces and a newline and appends to b.
func Appendln(b []byte, a ...any) []byte {
	p := newPrinter()
	p.doPrintln(a)
	return append(b, p.buf...)
}

// eface is the layout of an interface value.
func efaceOf(a *any) *abi.EmptyInterface {
	return (*abi.EmptyInterface)(unsafe.Pointer(a))
}

// typeString is the value's type as %T prints it.
func typeString(a any) string {
	t := efaceOf(&a).Type
	if t == nil {
		return nilAngleString
	}
	return t.Str
}

func (p *pp) unknownType(a any) {
	p.buf = append(p.buf, '?')
	p.buf = append(p.buf, typeString(a)...)
	p.buf = append(p.buf, '?')
}

func (p *pp) badVerb(verb rune) {
	p.erroring = true
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, '(')
	if p.arg != nil {
		p.buf = append(p.buf, typeString(p.arg)...)
		p.buf = append(p.buf, '=')
		p.printArg(p.arg, 'v')
	} else {
		p.buf = append(p.buf, nilAngleString...)
	}
	p.buf = append(p.buf, ')')
	p.erroring = false
}

func (p *pp) fmtBool(v bool, verb rune) {
	switch verb {
	case 't', 'v':
		p.fmt.fmtBoolean(v)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmt0x64(v uint64, leading0x bool) {
	sharp := p.fmt.sharp
	p.fmt.sharp = leading0x
	p.fmt.fmtInteger(v, 16, false, 'v', ldigits)
	p.fmt.sharp = sharp
}

func (p *pp) fmtInteger(v uint64, isSigned bool, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV && !isSigned {
			p.fmt0x64(v, true)
		} else {
			p.fmt.fmtInteger(v, 10, isSigned, verb, ldigits)
		}
	case 'd':
		p.fmt.fmtInteger(v, 10, isSigned, verb, ldigits)
	case 'b':
		p.fmt.fmtInteger(v, 2, isSigned, verb, ldigits)
	case 'o', 'O':
		p.fmt.fmtInteger(v, 8, isSigned, verb, ldigits)
	case 'x':
		p.fmt.fmtInteger(v, 16, isSigned, verb, ldigits)
	case 'X':
		p.fmt.fmtInteger(v, 16, isSigned, verb, udigits)
	case 'c':
		p.fmt.fmtC(v)
	case 'q':
		p.fmt.fmtQc(v)
	case 'U':
		p.fmt.fmtUnicode(v)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtFloat(v float64, size int, verb rune) {
	switch verb {
	case 'v':
		p.fmt.fmtFloat(v, size, 'g', -1)
	case 'b', 'g', 'G', 'x', 'X':
		p.fmt.fmtFloat(v, size, verb, -1)
	case 'f', 'e', 'E', 'F':
		if verb == 'F' {
			verb = 'f'
		}
		p.fmt.fmtFloat(v, size, verb, 6)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtString(v string, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.fmt.fmtQ(v)
		} else {
			p.fmt.fmtS(v)
		}
	case 's':
		p.fmt.fmtS(v)
	case 'x':
		p.fmt.fmtSbx(v, ldigits)
	case 'X':
		p.fmt.fmtSbx(v, udigits)
	case 'q':
		p.fmt.fmtQ(v)
	default:
		p.badVerb(verb)
	}
}

func (p *pp) fmtBytes(v []byte, verb rune, typ string) {
	switch verb {
	case 'v', 'd':
		if p.fmt.sharpV {
			p.buf = append(p.buf, typ...)
			if v == nil {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, commaSpaceString...)
				}
				p.fmt0x64(uint64(c), true)
			}
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, '[')
			for i, c := range v {
				if i > 0 {
					p.buf = append(p.buf, ' ')
				}
				p.fmt.fmtInteger(uint64(c), 10, false, verb, ldigits)
			}
			p.buf = append(p.buf, ']')
		}
	case 's':
		p.fmt.fmtBs(v)
	case 'x':
		p.fmt.fmtSbx(string(v), ldigits)
	case 'X':
		p.fmt.fmtSbx(string(v), udigits)
	case 'q':
		p.fmt.fmtQ(string(v))
	default:
		p.printValue(efaceOf(&p.arg).Type, efaceOf(&p.arg).Data, verb, 0, true)
	}
}

func (p *pp) fmtPointer(t *abi.Type, u uintptr, verb rune) {
	switch verb {
	case 'v':
		if p.fmt.sharpV {
			p.buf = append(p.buf, '(')
			p.buf = append(p.buf, t.Str...)
			p.buf = append(p.buf, ")("...)
			if u == 0 {
				p.buf = append(p.buf, nilString...)
			} else {
				p.fmt0x64(uint64(u), true)
			}
			p.buf = append(p.buf, ')')
		} else {
			if u == 0 {
				p.fmt.padString(nilAngleString)
			} else {
				p.fmt0x64(uint64(u), !p.fmt.sharp)
			}
		}
	case 'p':
		p.fmt0x64(uint64(u), !p.fmt.sharp)
	case 'b', 'o', 'd', 'x', 'X':
		p.fmtInteger(uint64(u), false, verb)
	default:
		p.badVerb(verb)
	}
}

// handleMethods formats p.arg with its Formatter, GoStringer, error or Stringer
// method when the verb calls for it; it reports whether it did.
func (p *pp) handleMethods(verb rune) (handled bool) {
	if p.erroring {
		return false
	}
	if verb == 'w' {
		err, ok := p.arg.(error)
		if !ok || !p.wrapErrs {
			p.badVerb(verb)
			return true
		}
		p.wrapped = append(p.wrapped, err)
		verb = 'v'
	}
	if formatter, ok := p.arg.(Formatter); ok {
		handled = true
		defer p.catchPanic(p.arg, verb, "Format")
		formatter.Format(p, verb)
		return
	}
	if p.fmt.sharpV {
		if stringer, ok := p.arg.(GoStringer); ok {
			handled = true
			defer p.catchPanic(p.arg, verb, "GoString")
			p.fmt.fmtS(stringer.GoString())
			return
		}
		return false
	}
	switch verb {
	case 'v', 's', 'x', 'X', 'q':
		switch v := p.arg.(type) {
		case error:
			handled = true
			defer p.catchPanic(p.arg, verb, "Error")
			p.fmtString(v.Error(), verb)
			return
		case Stringer:
			handled = true
			defer p.catchPanic(p.arg, verb, "String")
			p.fmtString(v.String(), verb)
			return
		}
	}
	return false
}

// catchPanic turns a panic in a value's method into text: "<nil>" for a nil
// pointer receiver, else %!v(PANIC=String method: the value).
func (p *pp) catchPanic(arg any, verb rune, method string) {
	if err := recover(); err != nil {
		if e := efaceOf(&arg); e.Type != nil && e.Type.Kind == abi.Pointer && e.Data == nil {
			p.fmt.fmtS(nilAngleString)
			return
		}
		if p.panicking {
			// A nested panic: let it go on.
			panic(err)
		}
		oldFlags := p.fmt.fmtFlags
		p.fmt.clearflags()
		p.buf = append(p.buf, percentBangString...)
		p.buf = utf8.AppendRune(p.buf, verb)
		p.buf = append(p.buf, panicString...)
		p.buf = append(p.buf, method...)
		p.buf = append(p.buf, " method: "...)
		p.panicking = true
		p.printArg(err, 'v')
		p.panicking = false
		p.buf = append(p.buf, ')')
		p.fmt.fmtFlags = oldFlags
	}
}

func (p *pp) printArg(arg any, verb rune) {
	p.arg = arg
	if arg == nil {
		switch verb {
		case 'T', 'v':
			p.fmt.padString(nilAngleString)
		default:
			p.badVerb(verb)
		}
		return
	}
	switch verb {
	case 'T':
		p.fmt.fmtS(typeString(arg))
		return
	case 'p':
		e := efaceOf(&arg)
		switch e.Type.Kind {
		case abi.Pointer, abi.Chan, abi.Func, abi.Map, abi.UnsafePointer:
			p.fmtPointer(e.Type, uintptr(e.Data), 'p')
		case abi.Slice:
			p.fmtPointer(e.Type, *(*uintptr)(e.Data), 'p')
		default:
			p.badVerb(verb)
		}
		return
	}
	switch f := arg.(type) {
	case bool:
		p.fmtBool(f, verb)
	case float32:
		p.fmtFloat(float64(f), 32, verb)
	case float64:
		p.fmtFloat(f, 64, verb)
	case int:
		p.fmtInteger(uint64(f), true, verb)
	case int8:
		p.fmtInteger(uint64(f), true, verb)
	case int16:
		p.fmtInteger(uint64(f), true, verb)
	case int32:
		p.fmtInteger(uint64(f), true, verb)
	case int64:
		p.fmtInteger(uint64(f), true, verb)
	case uint:
		p.fmtInteger(uint64(f), false, verb)
	case uint8:
		p.fmtInteger(uint64(f), false, verb)
	case uint16:
		p.fmtInteger(uint64(f), false, verb)
	case uint32:
		p.fmtInteger(uint64(f), false, verb)
	case uint64:
		p.fmtInteger(f, false, verb)
	case uintptr:
		p.fmtInteger(uint64(f), false, verb)
	case string:
		p.fmtString(f, verb)
	case []byte:
		p.fmtBytes(f, verb, "[]byte")
	default:
		if !p.handleMethods(verb) {
			e := efaceOf(&arg)
			p.printValue(e.Type, e.Data, verb, 0, true)
		}
	}
}

// valueAddr is the address of a value's memory given its interface data word.
func valueAddr(t *abi.Type, data unsafe.Pointer) unsafe.Pointer {
	if t.Direct() {
		// The data word is the value; box it to have an address.
		p := new(unsafe.Pointer)
		*p = data
		return unsafe.Pointer(p)
	}
	return data
}

// makeAny makes an interface value of type t from the value at addr.
func makeAny(t *abi.Type, addr unsafe.Pointer) any {
	var a any
	e := efaceOf(&a)
	e.Type = t
	if t.Direct() {
		e.Data = *(*unsafe.Pointer)(addr)
	} else {
		e.Data = addr
	}
	return a
}

// printValue prints the value of type t whose interface data word is data.
// canIface is false for values reached through unexported fields, whose methods
// are not called.
func (p *pp) printValue(t *abi.Type, data unsafe.Pointer, verb rune, depth int, canIface bool) {
	addr := valueAddr(t, data)
	p.printAt(t, addr, verb, depth, canIface)
}

// printAt prints the value of type t stored at addr.
func (p *pp) printAt(t *abi.Type, addr unsafe.Pointer, verb rune, depth int, canIface bool) {
	// An interface value's methods are its dynamic value's: the Interface case
	// below looks at that (a nil one has none).
	if depth > 0 && canIface && t.Kind != abi.Interface {
		p.arg = makeAny(t, addr)
		if p.handleMethods(verb) {
			return
		}
	}
	p.arg = makeAny(t, addr)
	switch t.Kind {
	case abi.Bool:
		p.fmtBool(*(*bool)(addr), verb)
	case abi.Int:
		p.fmtInteger(uint64(*(*int)(addr)), true, verb)
	case abi.Int8:
		p.fmtInteger(uint64(*(*int8)(addr)), true, verb)
	case abi.Int16:
		p.fmtInteger(uint64(*(*int16)(addr)), true, verb)
	case abi.Int32:
		p.fmtInteger(uint64(*(*int32)(addr)), true, verb)
	case abi.Int64:
		p.fmtInteger(uint64(*(*int64)(addr)), true, verb)
	case abi.Uint:
		p.fmtInteger(uint64(*(*uint)(addr)), false, verb)
	case abi.Uint8:
		p.fmtInteger(uint64(*(*uint8)(addr)), false, verb)
	case abi.Uint16:
		p.fmtInteger(uint64(*(*uint16)(addr)), false, verb)
	case abi.Uint32:
		p.fmtInteger(uint64(*(*uint32)(addr)), false, verb)
	case abi.Uint64:
		p.fmtInteger(*(*uint64)(addr), false, verb)
	case abi.Uintptr:
		p.fmtInteger(uint64(*(*uintptr)(addr)), false, verb)
	case abi.Float32:
		p.fmtFloat(float64(*(*float32)(addr)), 32, verb)
	case abi.Float64:
		p.fmtFloat(*(*float64)(addr), 64, verb)
	case abi.String:
		p.fmtString(*(*string)(addr), verb)
	case abi.Struct:
		if p.fmt.sharpV {
			p.buf = append(p.buf, t.Str...)
		}
		p.buf = append(p.buf, '{')
		for i := range t.Fields {
			f := &t.Fields[i]
			if i > 0 {
				if p.fmt.sharpV {
					p.buf = append(p.buf, commaSpaceString...)
				} else {
					p.buf = append(p.buf, ' ')
				}
			}
			if p.fmt.plusV || p.fmt.sharpV {
				p.buf = append(p.buf, f.Name...)
				p.buf = append(p.buf, ':')
			}
			exported := len(f.Name) > 0 && f.Name[0] >= 'A' && f.Name[0] <= 'Z'
			p.printAt(f.Typ, unsafe.Pointer(uintptr(addr)+f.Offset), verb, depth+1, canIface && exported)
		}
		p.buf = append(p.buf, '}')
	case abi.Interface:
		e := (*abi.EmptyInterface)(addr)
		dt := e.Type
		if len(t.Methods) > 0 && dt != nil {
			dt = (*abi.Itab)(unsafe.Pointer(dt)).Typ
		}
		if dt == nil {
			if p.fmt.sharpV {
				p.buf = append(p.buf, t.Str...)
				p.buf = append(p.buf, nilParenString...)
			} else {
				p.fmt.padString(nilAngleString)
			}
			return
		}
		p.printValue(dt, e.Data, verb, depth+1, canIface)
	case abi.Array, abi.Slice:
		n := int(t.Len)
		base := addr
		if t.Kind == abi.Slice {
			base = *(*unsafe.Pointer)(addr)
			n = *(*int)(unsafe.Pointer(uintptr(addr) + unsafe.Sizeof(uintptr(0))))
		}
		switch verb {
		case 's', 'q', 'x', 'X':
			if t.Elem.Kind == abi.Uint8 {
				b := make([]byte, n)
				for i := 0; i < n; i++ {
					b[i] = *(*byte)(unsafe.Pointer(uintptr(base) + uintptr(i)))
				}
				p.fmtBytes(b, verb, t.Str)
				return
			}
		}
		if p.fmt.sharpV {
			p.buf = append(p.buf, t.Str...)
			if t.Kind == abi.Slice && base == nil {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
			for i := 0; i < n; i++ {
				if i > 0 {
					p.buf = append(p.buf, commaSpaceString...)
				}
				p.printAt(t.Elem, unsafe.Pointer(uintptr(base)+uintptr(i)*t.Elem.Size), verb, depth+1, canIface)
			}
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, '[')
			for i := 0; i < n; i++ {
				if i > 0 {
					p.buf = append(p.buf, ' ')
				}
				p.printAt(t.Elem, unsafe.Pointer(uintptr(base)+uintptr(i)*t.Elem.Size), verb, depth+1, canIface)
			}
			p.buf = append(p.buf, ']')
		}
	case abi.Pointer:
		ptr := *(*unsafe.Pointer)(addr)
		if depth == 0 && ptr != nil {
			switch t.Elem.Kind {
			case abi.Array, abi.Slice, abi.Struct, abi.Map:
				p.buf = append(p.buf, '&')
				p.printAt(t.Elem, ptr, verb, depth+1, canIface)
				return
			}
		}
		p.fmtPointer(t, uintptr(ptr), verb)
	case abi.Map:
		m := *(*unsafe.Pointer)(addr)
		if p.fmt.sharpV {
			p.buf = append(p.buf, t.Str...)
			if m == nil {
				p.buf = append(p.buf, nilParenString...)
				return
			}
			p.buf = append(p.buf, '{')
		} else {
			p.buf = append(p.buf, "map["...)
		}
		for i, e := range sortedMap(t, m) {
			if i > 0 {
				if p.fmt.sharpV {
					p.buf = append(p.buf, commaSpaceString...)
				} else {
					p.buf = append(p.buf, ' ')
				}
			}
			p.printAt(t.Key, e.key, verb, depth+1, canIface)
			p.buf = append(p.buf, ':')
			p.printAt(t.Elem, e.elem, verb, depth+1, canIface)
		}
		if p.fmt.sharpV {
			p.buf = append(p.buf, '}')
		} else {
			p.buf = append(p.buf, ']')
		}
	case abi.Chan, abi.Func, abi.UnsafePointer:
		p.fmtPointer(t, *(*uintptr)(addr), verb)
	default:
		p.unknownType(p.arg)
	}
}

// argNumber parses a [n] argument index at format[i:].
func parseArgNumber(format string) (index int, wid int, ok bool) {
	if len(format) < 3 {
		return 0, 1, false
	}
	for i := 1; i < len(format); i++ {
		if format[i] == ']' {
			width, ok, newi := parsenum(format, 1, i)
			if !ok || newi != i {
				return 0, i + 1, false
			}
			return width - 1, i + 1, true
		}
	}
	return 0, 1, false
}

func (p *pp) argNumber(argNum int, format string, i int, numArgs int) (newArgNum, newi int, found bool) {
	if len(format) <= i || format[i] != '[' {
		return argNum, i, false
	}
	p.reordered = true
	index, wid, ok := parseArgNumber(format[i:])
	if ok && 0 <= index && index < numArgs {
		return index, i + wid, true
	}
	p.goodArgNum = false
	return argNum, i + wid, ok
}

func tooLarge(x int) bool {
	const max int = 1e6
	return x > max || x < -max
}

// parsenum reads a decimal number at s[start:end].
func parsenum(s string, start, end int) (num int, isnum bool, newi int) {
	if start >= end {
		return 0, false, end
	}
	for newi = start; newi < end && '0' <= s[newi] && s[newi] <= '9'; newi++ {
		if tooLarge(num) {
			return 0, false, end
		}
		num = num*10 + int(s[newi]-'0')
		isnum = true
	}
	return
}

func intFromArg(a []any, argNum int) (num int, isInt bool, newArgNum int) {
	newArgNum = argNum
	if argNum < len(a) {
		switch v := a[argNum].(type) {
		case int:
			num, isInt = v, true
		case int8:
			num, isInt = int(v), true
		case int16:
			num, isInt = int(v), true
		case int32:
			num, isInt = int(v), true
		case int64:
			num, isInt = int(v), true
		case uint:
			num, isInt = int(v), true
		case uint8:
			num, isInt = int(v), true
		case uint16:
			num, isInt = int(v), true
		case uint32:
			num, isInt = int(v), true
		case uint64:
			num, isInt = int(v), true
		case uintptr:
			num, isInt = int(v), true
		}
		if tooLarge(num) {
			num = 0
			isInt = false
		}
		newArgNum = argNum + 1
	}
	return
}

func (p *pp) doPrintf(format string, a []any) {
	end := len(format)
	argNum := 0
	afterIndex := false
	p.reordered = false
formatLoop:
	for i := 0; i < end; {
		p.goodArgNum = true
		lasti := i
		for i < end && format[i] != '%' {
			i++
		}
		if i > lasti {
			p.buf = append(p.buf, format[lasti:i]...)
		}
		if i >= end {
			break
		}
		i++
		p.fmt.clearflags()
	simpleFormat:
		for ; i < end; i++ {
			c := format[i]
			switch c {
			case '#':
				p.fmt.sharp = true
			case '0':
				p.fmt.zero = true
			case '+':
				p.fmt.plus = true
			case '-':
				p.fmt.minus = true
			case ' ':
				p.fmt.space = true
			default:
				if 'a' <= c && c <= 'z' && argNum < len(a) {
					if c == 'v' {
						p.fmt.sharpV = p.fmt.sharp
						p.fmt.sharp = false
						p.fmt.plusV = p.fmt.plus
						p.fmt.plus = false
					}
					p.printArg(a[argNum], rune(c))
					argNum++
					i++
					continue formatLoop
				}
				break simpleFormat
			}
		}
		argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		if i < end && format[i] == '*' {
			i++
			p.fmt.wid, p.fmt.widPresent, argNum = intFromArg(a, argNum)
			if !p.fmt.widPresent {
				p.buf = append(p.buf, badWidthString...)
			}
			if p.fmt.wid < 0 {
				p.fmt.wid = -p.fmt.wid
				p.fmt.minus = true
				p.fmt.zero = false
			}
			afterIndex = false
		} else {
			p.fmt.wid, p.fmt.widPresent, i = parsenum(format, i, end)
			if afterIndex && p.fmt.widPresent {
				p.goodArgNum = false
			}
		}
		if i+1 < end && format[i] == '.' {
			i++
			if afterIndex {
				p.goodArgNum = false
			}
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
			if i < end && format[i] == '*' {
				i++
				p.fmt.prec, p.fmt.precPresent, argNum = intFromArg(a, argNum)
				if p.fmt.prec < 0 {
					p.fmt.prec = 0
					p.fmt.precPresent = false
				}
				if !p.fmt.precPresent {
					p.buf = append(p.buf, badPrecString...)
				}
				afterIndex = false
			} else {
				p.fmt.prec, p.fmt.precPresent, i = parsenum(format, i, end)
				if !p.fmt.precPresent {
					p.fmt.prec = 0
					p.fmt.precPresent = true
				}
			}
		}
		if !afterIndex {
			argNum, i, afterIndex = p.argNumber(argNum, format, i, len(a))
		}
		if i >= end {
			p.buf = append(p.buf, noVerbString...)
			break
		}
		verb, size := rune(format[i]), 1
		if verb >= utf8.RuneSelf {
			verb, size = utf8.DecodeRuneInString(format[i:])
		}
		i += size
		switch {
		case verb == '%':
			p.buf = append(p.buf, '%')
		case !p.goodArgNum:
			p.badArgNum(verb)
		case argNum >= len(a):
			p.missingArg(verb)
		case verb == 'v':
			p.fmt.sharpV = p.fmt.sharp
			p.fmt.sharp = false
			p.fmt.plusV = p.fmt.plus
			p.fmt.plus = false
			fallthrough
		default:
			p.printArg(a[argNum], verb)
			argNum++
		}
	}
	if !p.reordered && argNum < len(a) {
		p.fmt.clearflags()
		p.buf = append(p.buf, extraString...)
		for i, arg := range a[argNum:] {
			if i > 0 {
				p.buf = append(p.buf, commaSpaceString...)
			}
			if arg == nil {
				p.buf = append(p.buf, nilAngleString...)
			} else {
				p.buf = append(p.buf, typeString(arg)...)
				p.buf = append(p.buf, '=')
				p.printArg(arg, 'v')
			}
		}
		p.buf = append(p.buf, ')')
	}
}

func (p *pp) badArgNum(verb rune) {
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, badIndexString...)
}

func (p *pp) missingArg(verb rune) {
	p.buf = append(p.buf, percentBangString...)
	p.buf = utf8.AppendRune(p.buf, verb)
	p.buf = append(p.buf, missingString...)
}

func isString(a any) bool {
	if a == nil {
		return false
	}
	return efaceOf(&a).Type.Kind == abi.String
}

func (p *pp) doPrint(a []any) {
	prevString := false
	for argNum, arg := range a {
		isStr := isString(arg)
		if argNum > 0 && !isStr && !prevString {
			p.buf = append(p.buf, ' ')
		}
		p.fmt.clearflags()
		p.printArg(arg, 'v')
		prevString = isStr
	}
}

func (p *pp) doPrintln(a []any) {
	for argNum, arg := range a {
		if argNum > 0 {
			p.buf = append(p.buf, ' ')
		}
		p.fmt.clearflags()
		p.printArg(arg, 'v')
	}
	p.buf = append(p.buf, '\n')
}
