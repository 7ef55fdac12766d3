package main

type I interface{ M() }
type J interface{ M(); N() }

type T struct{}

func (T) M() {}

func main() {
	var i I = T{}
	j := i.(J)
	_ = j
	var k J = i
	_ = k
}
