package main

type Shower interface{ Show() string }

func ShowAll[T Shower](xs []T) {
	for _, x := range xs {
		println(x.Show())
	}
}

type N int

func main() {
	ShowAll([]N{1, 2})
}
