// Differential check of crossplay's io against Go's: the helpers over readers that
// return data in odd-sized chunks, with EOF alongside data or separately, and with
// other errors; writers that fail or write short.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	cio "crossplaystd/io"
)

var failures, checks int

func check(what string, in any, got, want any) {
	checks++
	if g, w := fmt.Sprintf("%q", got), fmt.Sprintf("%q", want); g != w {
		failures++
		if failures <= 20 {
			fmt.Printf("%s(%v): got %s, want %s\n", what, in, g, w)
		}
	}
}

var errBoom = errors.New("boom")

// chunky reads data in chunks of the sizes given; eofWithData returns EOF together
// with the last bytes; failAt returns errBoom after that many bytes.
type chunky struct {
	data        string
	sizes       []int
	eofWithData bool
	failAt      int
	pos, call   int
	eofNative   bool // report Go's io.EOF instead of crossplay's
}

func (c *chunky) eof() error {
	if c.eofNative {
		return io.EOF
	}
	return cio.EOF
}

func (c *chunky) Read(p []byte) (int, error) {
	if c.failAt >= 0 && c.pos >= c.failAt {
		return 0, errBoom
	}
	if c.pos >= len(c.data) {
		return 0, c.eof()
	}
	n := c.sizes[c.call%len(c.sizes)]
	c.call++
	n = min(n, len(p), len(c.data)-c.pos)
	copy(p, c.data[c.pos:c.pos+n])
	c.pos += n
	if c.eofWithData && c.pos == len(c.data) {
		return n, c.eof()
	}
	return n, nil
}

// readerAt serves a string's bytes, reporting the EOF of the package under test.
type readerAt struct {
	s   string
	eof error
}

func (r readerAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 {
		return 0, errors.New("negative offset")
	}
	if off >= int64(len(r.s)) {
		return 0, r.eof
	}
	n := copy(p, r.s[off:])
	if n < len(p) {
		return n, r.eof
	}
	return n, nil
}

type shortWriter struct {
	buf   []byte
	limit int
	fail  bool
}

func (w *shortWriter) Write(p []byte) (int, error) {
	if w.fail && len(w.buf)+len(p) > w.limit {
		return 0, errBoom
	}
	n := len(p)
	if len(w.buf)+n > w.limit {
		n = w.limit - len(w.buf)
	}
	w.buf = append(w.buf, p[:n]...)
	return n, nil
}

var seed uint64 = 0x1234567887654321

func next() uint64 {
	seed ^= seed << 13
	seed ^= seed >> 7
	seed ^= seed << 17
	return seed
}

func errName(err error, eof error, unexpected error) string {
	switch err {
	case nil:
		return "nil"
	case eof:
		return "EOF"
	case unexpected:
		return "UnexpectedEOF"
	case errBoom:
		return "boom"
	}
	return err.Error()
}

func mk(i int, native bool) *chunky {
	rnd := seed
	defer func() { seed = rnd }()
	n := int(next() % 40)
	data := strings.Repeat("abcdefghij", 5)[:n]
	sizes := []int{int(next()%7) + 1, int(next()%3) + 1, 0}
	if i%3 == 0 {
		sizes = sizes[:2]
	}
	fail := -1
	if i%5 == 0 {
		fail = int(next() % 45)
	}
	return &chunky{data: data, sizes: sizes, eofWithData: i%2 == 0, failAt: fail, eofNative: native}
}

func main() {
	for i := 0; i < 4000; i++ {
		next()
		in := i
		{
			a, e1 := cio.ReadAll(mk(i, false))
			b, e2 := io.ReadAll(mk(i, true))
			check("ReadAll", in, []any{a, errName(e1, cio.EOF, cio.ErrUnexpectedEOF)}, []any{b, errName(e2, io.EOF, io.ErrUnexpectedEOF)})
		}
		for _, size := range []int{0, 1, 5, 20, 60} {
			p1, p2 := make([]byte, size), make([]byte, size)
			n1, e1 := cio.ReadFull(mk(i, false), p1)
			n2, e2 := io.ReadFull(mk(i, true), p2)
			check("ReadFull", []any{in, size}, []any{n1, p1, errName(e1, cio.EOF, cio.ErrUnexpectedEOF)}, []any{n2, p2, errName(e2, io.EOF, io.ErrUnexpectedEOF)})
			n1, e1 = cio.ReadAtLeast(mk(i, false), p1, size/2)
			n2, e2 = io.ReadAtLeast(mk(i, true), p2, size/2)
			check("ReadAtLeast", []any{in, size}, []any{n1, errName(e1, cio.EOF, cio.ErrUnexpectedEOF)}, []any{n2, errName(e2, io.EOF, io.ErrUnexpectedEOF)})
			n1, e1 = cio.ReadAtLeast(mk(i, false), p1, size+1)
			n2, e2 = io.ReadAtLeast(mk(i, true), p2, size+1)
			check("ReadAtLeast short", []any{in, size}, []any{n1, e1 == cio.ErrShortBuffer}, []any{n2, e2 == io.ErrShortBuffer})
		}
		for _, limit := range []int{0, 3, 17, 100} {
			w1, w2 := &shortWriter{limit: limit, fail: i%2 == 1}, &shortWriter{limit: limit, fail: i%2 == 1}
			n1, e1 := cio.Copy(w1, mk(i, false))
			n2, e2 := io.Copy(w2, mk(i, true))
			check("Copy", []any{in, limit}, []any{n1, w1.buf, errName(e1, cio.EOF, cio.ErrShortWrite)}, []any{n2, w2.buf, errName(e2, io.EOF, io.ErrShortWrite)})
			var b1, b2 bytes.Buffer
			m1, f1 := cio.CopyN(&b1, mk(i, false), int64(limit))
			m2, f2 := io.CopyN(&b2, mk(i, true), int64(limit))
			check("CopyN", []any{in, limit}, []any{m1, b1.String(), errName(f1, cio.EOF, nil)}, []any{m2, b2.String(), errName(f2, io.EOF, nil)})
			a, e1 := cio.ReadAll(cio.LimitReader(mk(i, false), int64(limit)))
			b, e2 := io.ReadAll(io.LimitReader(mk(i, true), int64(limit)))
			check("LimitReader", []any{in, limit}, []any{a, errName(e1, cio.EOF, nil)}, []any{b, errName(e2, io.EOF, nil)})
		}
		{
			a, e1 := cio.ReadAll(cio.MultiReader(mk(i, false), mk(i+1, false), mk(i+2, false)))
			b, e2 := io.ReadAll(io.MultiReader(mk(i, true), mk(i+1, true), mk(i+2, true)))
			check("MultiReader", in, []any{a, errName(e1, cio.EOF, nil)}, []any{b, errName(e2, io.EOF, nil)})
			var t1, t2 bytes.Buffer
			a, e1 = cio.ReadAll(cio.TeeReader(mk(i, false), &t1))
			b, e2 = io.ReadAll(io.TeeReader(mk(i, true), &t2))
			check("TeeReader", in, []any{a, t1.String(), errName(e1, cio.EOF, nil)}, []any{b, t2.String(), errName(e2, io.EOF, nil)})
			x1, y1 := &shortWriter{limit: 10}, &shortWriter{limit: 100}
			x2, y2 := &shortWriter{limit: 10}, &shortWriter{limit: 100}
			s := strings.Repeat("xy", i%9)
			n1, e3 := cio.WriteString(cio.MultiWriter(y1, x1), s)
			n2, e4 := io.WriteString(io.MultiWriter(y2, x2), s)
			check("MultiWriter", in, []any{n1, x1.buf, y1.buf, errName(e3, nil, cio.ErrShortWrite)}, []any{n2, x2.buf, y2.buf, errName(e4, nil, io.ErrShortWrite)})
		}
		{
			const text = "0123456789abcdefghij"
			off, n := int64(next()%25), int64(next()%25)
			s1, s2 := cio.NewSectionReader(readerAt{text, cio.EOF}, off, n), io.NewSectionReader(readerAt{text, io.EOF}, off, n)
			a, e1 := cio.ReadAll(s1)
			b, e2 := io.ReadAll(s2)
			check("SectionReader", []any{off, n}, []any{a, errName(e1, cio.EOF, nil), s1.Size()}, []any{b, errName(e2, io.EOF, nil), s2.Size()})
			for _, wh := range []int{0, 1, 2, 3} {
				so := int64(next()%10) - 3
				p1, f1 := s1.Seek(so, wh)
				p2, f2 := s2.Seek(so, wh)
				check("Seek", []any{off, n, so, wh}, []any{p1, fmt.Sprint(f1)}, []any{p2, fmt.Sprint(f2)})
			}
			buf1, buf2 := make([]byte, 4), make([]byte, 4)
			ro := int64(next()%12) - 1
			k1, g1 := s1.ReadAt(buf1, ro)
			k2, g2 := s2.ReadAt(buf2, ro)
			check("ReadAt", []any{off, n, ro}, []any{k1, buf1, errName(g1, cio.EOF, nil)}, []any{k2, buf2, errName(g2, io.EOF, nil)})
		}
	}
	n1, _ := cio.Discard.Write([]byte("abc"))
	n2, _ := io.Discard.Write([]byte("abc"))
	check("Discard", 0, n1, n2)
	check("errors", 0, []string{cio.EOF.Error(), cio.ErrUnexpectedEOF.Error(), cio.ErrShortWrite.Error(), cio.ErrShortBuffer.Error(), cio.ErrNoProgress.Error()},
		[]string{io.EOF.Error(), io.ErrUnexpectedEOF.Error(), io.ErrShortWrite.Error(), io.ErrShortBuffer.Error(), io.ErrNoProgress.Error()})
	fmt.Printf("io: %d checks, %d failures\n", checks, failures)
	if failures > 0 {
		os.Exit(1)
	}
}
