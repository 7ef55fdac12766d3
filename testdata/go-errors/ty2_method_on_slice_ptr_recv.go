package main

type S []int

func (s *S) Add(v int) { *s = append(*s, v) }

func main() {
	S{}.Add(1)
}
