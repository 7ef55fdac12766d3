package main

import "fmt"

func sum(label string, nums ...int) string {
	t := 0
	for _, n := range nums {
		t += n
	}
	return fmt.Sprintf("%s: %d (%d args)", label, t, len(nums))
}

func join(sep string, parts ...string) string {
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += sep
		}
		out += p
	}
	return out
}

func main() {
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	xs := []int{10, 20}
	fmt.Println(sum("spread", xs...))
	fmt.Println(join("/", "a", "b", "c"))
	fmt.Println(fmt.Sprint("a", 1, 2, "b", "c", 3.5, nil))
	fmt.Println(fmt.Sprintln("x", 1), fmt.Sprint())
}
