package rich

import (
	"fmt"
	str "strings"
	. "math"
	_ "embed"
)

type Number interface {
	~int | ~int64 | float64
}

type Pair[K comparable, V any] struct {
	Key   K `json:"key"`
	Value V
	*fmt.Stringer
}

type List[T any] []T

type Alias = map[string][]chan<- *Pair[int, string]

const (
	A = iota << 1
	B
	C, D = 0x1p-2, 0o17
	E    = 'x' + '\u00e9' + '\377'
	F    = 1_000i
)

var x, y = <-make(chan int), func(a, b int, c ...string) (n int, err error) { return }

func (l List[T]) Map(f func(T) T) List[T] {
	out := make(List[T], 0, len(l))
	for _, v := range l {
		out = append(out, f(v))
	}
	return out[:len(out):cap(out)]
}

func Sum[T Number](xs ...T) (s T) {
	for i := 0; i < len(xs); i++ {
		s += xs[i]
	}
	return
}

func control(c chan int, v any) {
outer:
	for {
		select {
		case n, ok := <-c:
			if !ok {
				break outer
			}
			c <- n
		default:
			goto done
		}
	}
done:
	switch t := v.(type) {
	case int, int64:
		fallthrough
	case nil:
	default:
		_ = t
	}
	switch x := 1; {
	case x > 0 && x < 10 || !(x == 3):
	}
	defer func() { recover() }()
	go fmt.Println(str.ToUpper("a"), Pi, &Pair[int, int]{Key: 1}, [...]int{1, 2: 3}, struct{}{})
	var p *int = new(int)
	*p++
	x, y := 1, 2
	x, y = y, x
	x &^= y >> 1
	_ = `raw
string`
}
