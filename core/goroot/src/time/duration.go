// Package time provides functionality for measuring and displaying time.
//
// This is crossplay's implementation, written for crossplay's toolchain: Duration,
// and instants (Time) read from the runtime's clocks with their monotonic
// readings, for Now, Since, Until and Sub. Calendars and Sleep are not there yet.
package time

import "errors"

// A Duration represents the elapsed time between two instants as an int64
// nanosecond count. The representation limits the largest representable duration
// to approximately 290 years.
type Duration int64

const (
	minDuration Duration = -1 << 63
	maxDuration Duration = 1<<63 - 1
)

// Common durations.
const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

// String returns a string representing the duration in the form "72h3m0.5s".
// Leading zero units are omitted. As a special case, durations less than one second
// format use a smaller unit (milli-, micro-, or nanoseconds) to ensure that the
// leading digit is non-zero. The zero duration formats as 0s.
func (d Duration) String() string {
	if d == 0 {
		return "0s"
	}
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	var s string
	if u < uint64(Second) {
		switch {
		case u < uint64(Microsecond):
			s = utoa(u) + "ns"
		case u < uint64(Millisecond):
			s = decimalString(u, 3) + "µs"
		default:
			s = decimalString(u, 6) + "ms"
		}
	} else {
		secs := u / uint64(Second)
		s = decimalString(u%uint64(Minute), 9) + "s"
		if mins := secs / 60; mins > 0 {
			s = utoa(mins%60) + "m" + s
			if hours := mins / 60; hours > 0 {
				s = utoa(hours) + "h" + s
			}
		}
	}
	if neg {
		s = "-" + s
	}
	return s
}

// utoa formats v in decimal.
func utoa(v uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(buf[i:])
		}
	}
}

// decimalString formats v / 10^prec with the fraction's trailing zeros removed.
func decimalString(v uint64, prec int) string {
	pow := uint64(1)
	for i := 0; i < prec; i++ {
		pow *= 10
	}
	s := utoa(v / pow)
	frac := v % pow
	if frac == 0 {
		return s
	}
	digits := []byte(utoa(pow + frac))[1:] // the fraction, zero-padded to prec digits
	for digits[len(digits)-1] == '0' {
		digits = digits[:len(digits)-1]
	}
	return s + "." + string(digits)
}

// Nanoseconds returns the duration as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns the duration as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns the duration as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds returns the duration as a floating point number of seconds.
func (d Duration) Seconds() float64 {
	sec, nsec := d/Second, d%Second
	return float64(sec) + float64(nsec)/1e9
}

// Minutes returns the duration as a floating point number of minutes.
func (d Duration) Minutes() float64 {
	min, nsec := d/Minute, d%Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns the duration as a floating point number of hours.
func (d Duration) Hours() float64 {
	hour, nsec := d/Hour, d%Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// Truncate returns the result of rounding d toward zero to a multiple of m. If
// m <= 0, Truncate returns d unchanged.
func (d Duration) Truncate(m Duration) Duration {
	if m <= 0 {
		return d
	}
	return d - d%m
}

// Round returns the result of rounding d to the nearest multiple of m. The rounding
// behavior for halfway values is to round away from zero. If the result exceeds the
// maximum (or minimum) value that can be stored in a Duration, Round returns the
// maximum (or minimum) duration. If m <= 0, Round returns d unchanged.
func (d Duration) Round(m Duration) Duration {
	if m <= 0 {
		return d
	}
	r := d % m
	if r < 0 {
		r = -r
	}
	// r < m/2, compared without overflow.
	if uint64(r)+uint64(r) < uint64(m) {
		if d < 0 {
			return d + r
		}
		return d - r
	}
	if d < 0 {
		if d1 := d - m + r; d1 < d {
			return d1
		}
		return minDuration // overflow
	}
	if d1 := d + m - r; d1 > d {
		return d1
	}
	return maxDuration // overflow
}

// Abs returns the absolute value of d. As a special case, math.MinInt64 is
// converted to math.MaxInt64.
func (d Duration) Abs() Duration {
	switch {
	case d >= 0:
		return d
	case d == minDuration:
		return maxDuration
	}
	return -d
}

var unitMap = map[string]uint64{
	"ns": uint64(Nanosecond),
	"us": uint64(Microsecond),
	"µs": uint64(Microsecond), // U+00B5 = micro symbol
	"μs": uint64(Microsecond), // U+03BC = Greek letter mu
	"ms": uint64(Millisecond),
	"s":  uint64(Second),
	"m":  uint64(Minute),
	"h":  uint64(Hour),
}

// quote quotes s for an error message: printable ASCII as itself (with " and \
// escaped), every other byte as \xNN.
func quote(s string) string {
	const hex = "0123456789abcdef"
	buf := []byte{'"'}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < ' ' || c >= 0x80:
			buf = append(buf, '\\', 'x', hex[c>>4], hex[c&0xF])
		case c == '"' || c == '\\':
			buf = append(buf, '\\', c)
		default:
			buf = append(buf, c)
		}
	}
	return string(append(buf, '"'))
}

// ParseDuration parses a duration string. A duration string is a possibly signed
// sequence of decimal numbers, each with optional fraction and a unit suffix, such
// as "300ms", "-1.5h" or "2h45m". Valid time units are "ns", "us" (or "µs"), "ms",
// "s", "m", "h".
func ParseDuration(s string) (Duration, error) {
	orig := s
	invalid := errors.New("time: invalid duration " + quote(orig))
	var d uint64
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, invalid
	}
	for s != "" {
		// The integer part, then an optional fraction.
		if !(s[0] == '.' || '0' <= s[0] && s[0] <= '9') {
			return 0, invalid
		}
		var v, f uint64 // integer part, fraction digits
		scale := 1.0    // 10^(fraction digits kept)
		pl := len(s)
		overflow := false
		for s != "" && '0' <= s[0] && s[0] <= '9' {
			if v > 1<<63/10 {
				overflow = true
			}
			v = v*10 + uint64(s[0]-'0')
			if v > 1<<63 {
				overflow = true
			}
			s = s[1:]
		}
		if overflow {
			return 0, invalid
		}
		pre := pl != len(s)
		post := false
		if s != "" && s[0] == '.' {
			s = s[1:]
			pl := len(s)
			for s != "" && '0' <= s[0] && s[0] <= '9' {
				// Digits past what f can hold are dropped.
				if f <= (1<<63-1)/10 {
					f = f*10 + uint64(s[0]-'0')
					scale *= 10
				}
				s = s[1:]
			}
			post = pl != len(s)
		}
		if !pre && !post {
			return 0, invalid
		}
		// The unit.
		i := 0
		for i < len(s) && !(s[i] == '.' || '0' <= s[i] && s[i] <= '9') {
			i++
		}
		if i == 0 {
			return 0, errors.New("time: missing unit in duration " + quote(orig))
		}
		u := s[:i]
		s = s[i:]
		unit, ok := unitMap[u]
		if !ok {
			return 0, errors.New("time: unknown unit " + quote(u) + " in duration " + quote(orig))
		}
		if v > 1<<63/unit {
			return 0, invalid
		}
		v *= unit
		if f > 0 {
			// The fraction, truncated to whole nanoseconds.
			v += uint64(float64(f) * (float64(unit) / scale))
			if v > 1<<63 {
				return 0, invalid
			}
		}
		d += v
		if d > 1<<63 {
			return 0, invalid
		}
	}
	if neg {
		return -Duration(d), nil
	}
	if d > 1<<63-1 {
		return 0, invalid
	}
	return Duration(d), nil
}
