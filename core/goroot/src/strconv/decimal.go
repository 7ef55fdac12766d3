package strconv

// decimal is an exact decimal number: digits d[0:nd] with the decimal point dp
// digits from the left (dp may be negative or beyond nd), used to convert binary
// floating-point values exactly. Numbers with more digits than d holds are kept
// approximately: trunc records that non-zero digits were dropped.
type decimal struct {
	d     [800]byte // digits, big-endian representation
	nd    int       // number of digits used
	dp    int       // decimal point
	neg   bool      // negative flag
	trunc bool      // discarded nonzero digits beyond d[:nd]
}

// trim drops trailing zeros.
func (a *decimal) trim() {
	for a.nd > 0 && a.d[a.nd-1] == '0' {
		a.nd--
	}
	if a.nd == 0 {
		a.dp = 0
	}
}

// assign sets a to the unsigned integer v.
func (a *decimal) assign(v uint64) {
	var buf [24]byte
	n := 0
	for v > 0 {
		buf[n] = byte('0' + v%10)
		v /= 10
		n++
	}
	a.nd = 0
	for n--; n >= 0; n-- {
		a.d[a.nd] = buf[n]
		a.nd++
	}
	a.dp = a.nd
	a.trim()
}

// maxShift is the largest shift that cannot overflow a uint64 while multiplying a
// digit in.
const maxShift = 64 - 4

// rightShift divides a by 2^k (k <= maxShift).
func (a *decimal) rightShift(k uint) {
	r, w := 0, 0 // read and write indices
	var n uint64
	// Take enough leading digits to have something to divide.
	for ; n>>k == 0; r++ {
		if r >= a.nd {
			if n == 0 {
				// a is zero.
				a.nd = 0
				return
			}
			for n>>k == 0 {
				n *= 10
				r++
			}
			break
		}
		n = n*10 + uint64(a.d[r]-'0')
	}
	a.dp -= r - 1
	mask := uint64(1)<<k - 1
	// Emit a digit per digit read.
	for ; r < a.nd; r++ {
		c := uint64(a.d[r] - '0')
		dig := n >> k
		n &= mask
		a.d[w] = byte(dig + '0')
		w++
		n = n*10 + c
	}
	// Then the digits the remainder still produces.
	for n > 0 {
		dig := n >> k
		n &= mask
		if w < len(a.d) {
			a.d[w] = byte(dig + '0')
			w++
		} else if dig > 0 {
			a.trunc = true
		}
		n *= 10
	}
	a.nd = w
	a.trim()
}

// leftShift multiplies a by 2^k (k <= maxShift), from the least significant digit
// up, so the digits move right by however many new ones the carry needs.
func (a *decimal) leftShift(k uint) {
	// Count the new leading digits: the carry out of the multiplication.
	var carry uint64
	for r := a.nd - 1; r >= 0; r-- {
		carry = (uint64(a.d[r]-'0')<<k + carry) / 10
	}
	extra := 0
	for c := carry; c > 0; c /= 10 {
		extra++
	}
	r, w := a.nd-1, a.nd+extra-1
	var n uint64
	for ; r >= 0; r-- {
		n += uint64(a.d[r]-'0') << k
		quo, rem := n/10, n%10
		if w < len(a.d) {
			a.d[w] = byte(rem + '0')
		} else if rem != 0 {
			a.trunc = true
		}
		w--
		n = quo
	}
	for n > 0 {
		quo, rem := n/10, n%10
		if w < len(a.d) {
			a.d[w] = byte(rem + '0')
		} else if rem != 0 {
			a.trunc = true
		}
		w--
		n = quo
	}
	a.nd += extra
	if a.nd >= len(a.d) {
		a.nd = len(a.d)
	}
	a.dp += extra
	a.trim()
}

// Shift multiplies a by 2^k (or divides, for negative k).
func (a *decimal) Shift(k int) {
	switch {
	case a.nd == 0:
	case k > 0:
		for k > maxShift {
			a.leftShift(maxShift)
			k -= maxShift
		}
		a.leftShift(uint(k))
	case k < 0:
		for k < -maxShift {
			a.rightShift(maxShift)
			k += maxShift
		}
		a.rightShift(uint(-k))
	}
}

// shouldRoundUp reports whether a rounded to nd digits should round up: above the
// half, or exactly at it with an odd last digit (ties to even).
func shouldRoundUp(a *decimal, nd int) bool {
	if nd < 0 || nd >= a.nd {
		return false
	}
	if a.d[nd] == '5' && nd+1 == a.nd {
		// Exactly halfway, unless digits were dropped.
		if a.trunc {
			return true
		}
		return nd > 0 && (a.d[nd-1]-'0')%2 == 1
	}
	return a.d[nd] >= '5'
}

// Round rounds a to nd digits (or fewer), to nearest with ties to even.
func (a *decimal) Round(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	if shouldRoundUp(a, nd) {
		a.RoundUp(nd)
	} else {
		a.RoundDown(nd)
	}
}

// RoundDown truncates a to nd digits (or fewer).
func (a *decimal) RoundDown(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	a.nd = nd
	a.trim()
}

// RoundUp rounds a up to nd digits (or fewer).
func (a *decimal) RoundUp(nd int) {
	if nd < 0 || nd >= a.nd {
		return
	}
	// Find the last digit below 9 and increment it.
	for i := nd - 1; i >= 0; i-- {
		if a.d[i] < '9' {
			a.d[i]++
			a.nd = i + 1
			return
		}
	}
	// All nines: the number becomes 1 followed by zeros.
	a.d[0] = '1'
	a.nd = 1
	a.dp++
}
