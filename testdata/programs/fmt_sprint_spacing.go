package main

import "fmt"

func main() {
	fmt.Println(fmt.Sprint("a", "b", 1, 2, "c", 3.0, 'x', true))
	fmt.Println(fmt.Sprint(1, 2), fmt.Sprint("1", "2"), fmt.Sprint(1, "2", 3))
	fmt.Print("x", 1, "\n")
	fmt.Print(1, 2, "\n")
	s := fmt.Sprintf("%v|%v", nil, []any{nil, 1})
	fmt.Println(s)
	fmt.Println(fmt.Sprintf("%d %s", 1))
	fmt.Println(fmt.Sprintf("%d", 1, 2))
	fmt.Println(fmt.Sprintf("%z %d", 1, "s"))
	fmt.Printf("%!\n")
}
