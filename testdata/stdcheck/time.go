// Differential check of crossplay's time.Duration against Go's: String, the unit
// conversions, Truncate, Round, Abs, and ParseDuration over random and edge inputs.
package main

import (
	"fmt"
	"math"
	"os"
	"strings"
	"time"

	ctime "crossplaystd/time"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	if g, w := fmt.Sprintf("%#v", got), fmt.Sprintf("%#v", want); g != w {
		failures++
		if failures <= 25 {
			fmt.Printf("%s(%v): got %s, want %s\n", what, in, g, w)
		}
	}
}

var seed uint64 = 0x1f83d9abfb41bd6b

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

var pieces = []string{"0", "1", "5", "9", "12", "99", ".", ".5", "h", "m", "s", "ms", "us", "µs", "μs", "ns", "-", "+", "x", "9223372036854775807", "9223372036854775808", "000", " ", "\xff"}

func main() {
	vals := []int64{0, 1, -1, 999, 1000, 1001, 1500, 999999, 1000000, 1500000, 999999999, 1e9, 1e9 + 1, 61e9, 3600e9, 3661e9 + 5e8, math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	for i := 0; i < 200000; i++ {
		v := int64(next())
		v >>= next() % 64
		vals = append(vals, v)
	}
	for i, v := range vals {
		a, b := ctime.Duration(v), time.Duration(v)
		check("String", v, a.String(), b.String())
		check("units", v, []any{a.Nanoseconds(), a.Microseconds(), a.Milliseconds(), a.Seconds(), a.Minutes(), a.Hours()},
			[]any{b.Nanoseconds(), b.Microseconds(), b.Milliseconds(), b.Seconds(), b.Minutes(), b.Hours()})
		check("Abs", v, int64(a.Abs()), int64(b.Abs()))
		m := vals[(i*13+7)%len(vals)]
		if i%2 == 0 {
			m = int64(next() % 1e12)
		}
		check("Truncate", []int64{v, m}, int64(a.Truncate(ctime.Duration(m))), int64(b.Truncate(time.Duration(m))))
		check("Round", []int64{v, m}, int64(a.Round(ctime.Duration(m))), int64(b.Round(time.Duration(m))))
		s := b.String()
		d1, e1 := ctime.ParseDuration(s)
		d2, e2 := time.ParseDuration(s)
		check("ParseDuration round trip", s, []any{int64(d1), fmt.Sprint(e1)}, []any{int64(d2), fmt.Sprint(e2)})
	}
	for i := 0; i < 200000; i++ {
		var b strings.Builder
		for n := next() % 6; n > 0; n-- {
			b.WriteString(pieces[next()%uint64(len(pieces))])
		}
		s := b.String()
		d1, e1 := ctime.ParseDuration(s)
		d2, e2 := time.ParseDuration(s)
		check("ParseDuration", s, []any{int64(d1), fmt.Sprint(e1)}, []any{int64(d2), fmt.Sprint(e2)})
	}
	check("constants", 0, []int64{int64(ctime.Nanosecond), int64(ctime.Microsecond), int64(ctime.Millisecond), int64(ctime.Second), int64(ctime.Minute), int64(ctime.Hour)},
		[]int64{int64(time.Nanosecond), int64(time.Microsecond), int64(time.Millisecond), int64(time.Second), int64(time.Minute), int64(time.Hour)})
	fmt.Printf("time (Duration): %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
