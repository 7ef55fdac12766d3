package main

import "fmt"

func main() {
	n := 255
	fmt.Printf("[%d] [%5d] [%-5d] [%05d] [%+d]\n", n, n, n, n, n)
	fmt.Printf("[%x] [%X] [%#x] [%o] [%#o] [%O] [%b]\n", n, n, n, n, n, n, n)
	fmt.Printf("[%c] [%q] [%U] [%#U]\n", 'G', 'G', 'G', '世')
	fmt.Printf("[%d] [%x]\n", -42, -42)
	fmt.Printf("[%*d] [%-*d]\n", 6, 7, 6, 7)
	fmt.Printf("[% d] [% x]\n", 5, "hi")
	fmt.Printf("%d%%\n", 50)
	fmt.Printf("%d %d\n", int8(-128), uint64(18446744073709551615))
}
