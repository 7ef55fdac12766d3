//go:build js || wasip1 || ((linux || windows || darwin) && (amd64 || arm64))

package time

import _ "unsafe" // for go:linkname

// The clock comes from the runtime of the Wasm ports; the native ports' runtimes
// will provide it with their back ends.

// A Time is an instant: a wall-clock reading (seconds and nanoseconds since
// 1970 UTC) and, for times from Now, a monotonic clock reading that Sub, Since
// and Until use, as Go's do.
type Time struct {
	sec     int64
	nsec    int32
	hasMono bool
	mono    int64
}

//go:linkname now runtime.time_now
func now() (sec int64, nsec int32, mono int64)

// Now returns the current time.
func Now() Time {
	sec, nsec, mono := now()
	return Time{sec: sec, nsec: nsec, hasMono: true, mono: mono}
}

// Unix returns the local Time corresponding to the given Unix time, sec seconds
// and nsec nanoseconds since January 1, 1970 UTC.
func Unix(sec int64, nsec int64) Time {
	if nsec < 0 || nsec >= 1e9 {
		n := nsec / 1e9
		sec += n
		nsec -= n * 1e9
		if nsec < 0 {
			nsec += 1e9
			sec--
		}
	}
	return Time{sec: sec, nsec: int32(nsec)}
}

// UnixMilli returns the local Time corresponding to the given Unix time, msec
// milliseconds since January 1, 1970 UTC.
func UnixMilli(msec int64) Time { return Unix(msec/1e3, (msec%1e3)*1e6) }

// Since returns the time elapsed since t. It is shorthand for time.Now().Sub(t).
func Since(t Time) Duration { return Now().Sub(t) }

// Until returns the duration until t. It is shorthand for t.Sub(time.Now()).
func Until(t Time) Duration { return t.Sub(Now()) }

// Sub returns the duration t-u, saturating at the largest and smallest
// durations.
func (t Time) Sub(u Time) Duration {
	if t.hasMono && u.hasMono {
		return subMono(t.mono, u.mono)
	}
	d := Duration(t.sec-u.sec)*Second + Duration(t.nsec-u.nsec)
	switch {
	case u.Add(d).Equal(t):
		return d
	case t.Before(u):
		return minDuration
	default:
		return maxDuration
	}
}

func subMono(t, u int64) Duration {
	d := Duration(t - u)
	if d < 0 && t > u {
		return maxDuration
	}
	if d > 0 && t < u {
		return minDuration
	}
	return d
}

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	dsec := int64(d / 1e9)
	nsec := t.nsec + int32(d%1e9)
	if nsec >= 1e9 {
		dsec++
		nsec -= 1e9
	} else if nsec < 0 {
		dsec--
		nsec += 1e9
	}
	t.sec += dsec
	t.nsec = nsec
	if t.hasMono {
		t.mono += int64(d)
	}
	return t
}

// After reports whether the time instant t is after u.
func (t Time) After(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono > u.mono
	}
	return t.sec > u.sec || t.sec == u.sec && t.nsec > u.nsec
}

// Before reports whether the time instant t is before u.
func (t Time) Before(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono < u.mono
	}
	return t.sec < u.sec || t.sec == u.sec && t.nsec < u.nsec
}

// Equal reports whether t and u represent the same time instant.
func (t Time) Equal(u Time) bool {
	if t.hasMono && u.hasMono {
		return t.mono == u.mono
	}
	return t.sec == u.sec && t.nsec == u.nsec
}

// Compare compares the time instant t with u: -1 if t is before u, +1 if after,
// 0 if they are the same.
func (t Time) Compare(u Time) int {
	switch {
	case t.Before(u):
		return -1
	case t.After(u):
		return +1
	}
	return 0
}

// IsZero reports whether t represents the zero time instant.
func (t Time) IsZero() bool { return t.sec == 0 && t.nsec == 0 && !t.hasMono }

// Unix returns t as a Unix time, the number of seconds elapsed since January 1,
// 1970 UTC.
func (t Time) Unix() int64 { return t.sec }

// UnixMilli returns t as a Unix time in milliseconds.
func (t Time) UnixMilli() int64 { return t.sec*1e3 + int64(t.nsec)/1e6 }

// UnixMicro returns t as a Unix time in microseconds.
func (t Time) UnixMicro() int64 { return t.sec*1e6 + int64(t.nsec)/1e3 }

// UnixNano returns t as a Unix time in nanoseconds.
func (t Time) UnixNano() int64 { return t.sec*1e9 + int64(t.nsec) }

// Nanosecond returns the nanosecond offset within the second specified by t.
func (t Time) Nanosecond() int { return int(t.nsec) }
