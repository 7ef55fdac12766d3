package strings

import "io"

// Replacer replaces a list of strings with replacements. It is safe for concurrent
// use by multiple goroutines.
type Replacer struct {
	oldnew []string
}

// NewReplacer returns a new Replacer from a list of old, new string pairs.
// Replacements are performed in the order they appear in the target string,
// without overlapping matches. The old string comparisons are done in argument
// order. NewReplacer panics if given an odd number of arguments.
func NewReplacer(oldnew ...string) *Replacer {
	if len(oldnew)%2 == 1 {
		panic("strings.NewReplacer: odd argument count")
	}
	return &Replacer{append([]string(nil), oldnew...)}
}

// Replace returns a copy of s with all replacements performed.
func (r *Replacer) Replace(s string) string {
	var b []byte
	changed := false
	r.replace(s, func(piece string, replaced bool) {
		b = append(b, piece...)
		changed = changed || replaced
	})
	if !changed {
		return s
	}
	return string(b)
}

// WriteString writes s to w with all replacements performed.
func (r *Replacer) WriteString(w io.Writer, s string) (n int, err error) {
	var b []byte
	r.replace(s, func(piece string, _ bool) { b = append(b, piece...) })
	return w.Write(b)
}

// replace walks s byte by byte, emitting unchanged text and replacements. At each
// position the first pair (in argument order) whose old string starts there wins.
// An empty old string matches at every position, but not twice in a row at the
// same one: after it, a non-empty old string may still match there.
func (r *Replacer) replace(s string, emit func(piece string, replaced bool)) {
	last := 0
	prevEmpty := false
	for i := 0; i <= len(s); {
		best := -1
		for k := 0; k < len(r.oldnew); k += 2 {
			old := r.oldnew[k]
			if old == "" && prevEmpty {
				continue
			}
			if HasPrefix(s[i:], old) {
				best = k
				break
			}
		}
		prevEmpty = best >= 0 && r.oldnew[best] == ""
		if best < 0 {
			i++
			continue
		}
		emit(s[last:i], false)
		emit(r.oldnew[best+1], true)
		i += len(r.oldnew[best])
		last = i
	}
	if last < len(s) {
		emit(s[last:], false)
	}
}
