// Method values through an embedded pointer, methods declared on an alias of an
// alias, an alias cycle through a defined type, and delete given a lone
// multi-value call.
package main

import "fmt"

type T struct{ n int }

func (t *T) Inc()      { t.n++ }
func (t T) Get() int   { return t.n }
func (t *T) Add(k int) { t.n += k }

type E struct{ *T }

type A = T
type B = A

func (b B) Twice() int { return b.n * 2 }
func (b *B) Reset()    { b.n = 0 }

type List = []Node
type Node struct {
	name string
	kids List
}

var m = map[string]int{"a": 1, "b": 2}

func entry() (map[string]int, string) { return m, "a" }

func main() {
	e := E{&T{1}}
	inc := e.Inc
	inc()
	inc()
	get := e.Get
	add := e.Add
	add(10)
	fmt.Println(get(), e.Get(), e.n)

	var b B = T{4}
	fmt.Println(b.Twice(), A{5}.Twice(), T{6}.Twice())
	p := &b
	p.Reset()
	fmt.Println(b.n, b.Twice())

	tree := Node{"root", List{{"a", nil}, {"b", List{{"c", nil}}}}}
	fmt.Println(len(tree.kids), tree.kids[1].kids[0].name)

	delete(entry())
	fmt.Println(len(m), m["b"])
}
