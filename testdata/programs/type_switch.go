package main

import "fmt"

type Stringer interface{ String() string }

type ID int

func (i ID) String() string { return fmt.Sprintf("ID-%d", int(i)) }

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case Stringer:
		return "stringer " + x.String()
	case []int:
		return fmt.Sprint("slice ", len(x))
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []any{nil, 1, int64(2), "hey", ID(7), []int{1, 2}, fmt.Errorf("bad"), 2.5, struct{}{}} {
		fmt.Println(classify(v))
	}
}
