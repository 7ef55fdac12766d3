package runtime

import "unsafe"

// The print and println builtins write to standard error, as Go's do.

func gwrite(b []byte) {
	if len(b) > 0 {
		write(2, unsafe.Pointer(&b[0]), int32(len(b)))
	}
}

func printstring(s string) {
	if len(s) > 0 {
		h := (*stringHeader)(unsafe.Pointer(&s))
		write(2, h.p, int32(len(s)))
	}
}

func printsp() { printstring(" ") }
func printnl() { printstring("\n") }

func printbool(v bool) {
	if v {
		printstring("true")
	} else {
		printstring("false")
	}
}

func printint(v int64) {
	if v < 0 {
		printstring("-")
		printuint(uint64(-v))
		return
	}
	printuint(uint64(v))
}

func printuint(v uint64) {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	gwrite(buf[i:])
}

func printhex(v uint64) {
	const dig = "0123456789abcdef"
	var buf [18]byte
	i := len(buf)
	for {
		i--
		buf[i] = dig[v%16]
		v /= 16
		if v == 0 {
			break
		}
	}
	i--
	buf[i] = 'x'
	i--
	buf[i] = '0'
	gwrite(buf[i:])
}

func printpointer(p unsafe.Pointer) { printhex(uint64(uintptr(p))) }

func printslice(p unsafe.Pointer, n, c int) {
	printstring("[")
	printint(int64(n))
	printstring("/")
	printint(int64(c))
	printstring("]")
	printpointer(p)
}

func printeface(t, d unsafe.Pointer) {
	printstring("(")
	printpointer(t)
	printstring(",")
	printpointer(d)
	printstring(")")
}

// printfloat prints the shortest decimal that reads back as v, in %g form with
// Go's exponent threshold of 21 digits (strconv.FormatFloat(v, 'g', -1, 64)).
func printfloat(v float64) { printfloatbits(v, 64) }

func printfloat32(v float64) { printfloatbits(v, 32) }

func printfloatbits(v float64, bits int) {
	switch {
	case v != v:
		printstring("NaN")
		return
	case v > 1.7976931348623157e308:
		printstring("+Inf")
		return
	case v < -1.7976931348623157e308:
		printstring("-Inf")
		return
	}
	// Shortest digits: the fewest significant digits whose value rounds back.
	neg := v < 0 || (v == 0 && 1/v < 0)
	if neg {
		v = -v
	}
	if v == 0 {
		if neg {
			printstring("-")
		}
		printstring("0")
		return
	}
	var digs [20]byte
	nd, exp := 0, 0
	for prec := 1; prec <= 17; prec++ {
		nd, exp = decimalDigits(v, prec, &digs)
		if parseDigits(&digs, nd, exp, bits) == v {
			break
		}
	}
	if neg {
		printstring("-")
	}
	// %g: exponent form when exp < -4 || exp >= max(nd, 21).
	e := exp - 1
	eprec := nd
	if eprec < 21 {
		eprec = 21
	}
	if e < -4 || e >= eprec {
		gwrite(digs[:1])
		if nd > 1 {
			printstring(".")
			gwrite(digs[1:nd])
		}
		printstring("e")
		if e < 0 {
			printstring("-")
			e = -e
		} else {
			printstring("+")
		}
		if e < 10 {
			printstring("0")
		}
		printint(int64(e))
		return
	}
	if exp <= 0 {
		printstring("0.")
		for i := exp; i < 0; i++ {
			printstring("0")
		}
		gwrite(digs[:nd])
		return
	}
	if nd <= exp {
		gwrite(digs[:nd])
		for i := nd; i < exp; i++ {
			printstring("0")
		}
		return
	}
	gwrite(digs[:exp])
	printstring(".")
	gwrite(digs[exp:nd])
}

// decimalDigits writes v (> 0) rounded to prec significant digits; it returns the
// digit count (trailing zeros dropped) and the decimal exponent (v = 0.d1d2… × 10^exp).
func decimalDigits(v float64, prec int, digs *[20]byte) (int, int) {
	exp := 0
	for v >= 1e16 {
		v /= 10
		exp++
	}
	for v < 1e15 {
		v *= 10
		exp--
	}
	// v in [1e15, 1e16): 16 integer digits; scaling is exact enough for the
	// round trip check, which decides.
	u := uint64(v + 0.5)
	var all [20]byte
	n := 0
	for x := u; x > 0; x /= 10 {
		n++
	}
	for i := n - 1; i >= 0; i-- {
		all[i] = byte('0' + u%10)
		u /= 10
	}
	exp += n
	if prec < n {
		round := all[prec] >= '5'
		n = prec
		if round {
			i := n - 1
			for i >= 0 && all[i] == '9' {
				all[i] = '0'
				i--
			}
			if i < 0 {
				all[0] = '1'
				for j := 1; j < n; j++ {
					all[j] = '0'
				}
				exp++
			} else {
				all[i]++
			}
		}
	}
	for n > 1 && all[n-1] == '0' {
		n--
	}
	for i := 0; i < n; i++ {
		digs[i] = all[i]
	}
	return n, exp
}

func parseDigits(digs *[20]byte, nd, exp, bits int) float64 {
	var m uint64
	for i := 0; i < nd; i++ {
		m = m*10 + uint64(digs[i]-'0')
	}
	f := float64(m)
	e := exp - nd
	for ; e > 0; e-- {
		f *= 10
	}
	for ; e < 0; e++ {
		f /= 10
	}
	if bits == 32 {
		return float64(float32(f))
	}
	return f
}
