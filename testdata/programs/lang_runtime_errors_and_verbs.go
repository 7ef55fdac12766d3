// Run-time panics recovered with their messages and types (%T names gc's
// runtime types), fmt's verbs, errors.As through %w, strconv, and an exit status.
package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
)

type MyErr struct{ code int }

func (e *MyErr) Error() string { return "myerr " + strconv.Itoa(e.code) }

func try(f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%v | %T\n", r, r)
	}()
	f()
}

func main() {
	var arr []int
	idx := 5
	try(func() { _ = arr[idx] })
	try(func() { _ = arr[1:idx] })
	var m map[string]int
	try(func() { m["a"] = 1 })
	zero := 0
	try(func() { _ = 1 / zero })
	var x interface{} = "s"
	try(func() { _ = x.(int) })
	try(func() { _ = x.(fmt.Stringer) })
	try(func() { panic(&MyErr{3}) })
	try(func() {
		panic(fmt.Sprintf("%05.2f|%x|%X|%o|%b|%e|%g|%8.3s|", 3.14159, 255, 255, 8, 5, 123456.789, 1e21, "abcdef"))
	})
	e := fmt.Errorf("wrap: %w", &MyErr{4})
	var me *MyErr
	fmt.Println(errors.As(e, &me), me.code, errors.Unwrap(e) == error(me))
	var sb strings.Builder
	for i := 0; i < 5; i++ {
		fmt.Fprintf(&sb, "%d,", i)
	}
	fmt.Println(sb.String(), strings.Repeat("ab", 3), strings.Fields(" a  b "), strings.Split("a,b,c", ","))
	f := 3.7
	fmt.Println(int(f), int(-f), uint8(int(300)&0xff), int32(1<<31-1)+int32(idx-4))
	n, err := strconv.Atoi("12x")
	fmt.Println(n, err)
	fmt.Println(strconv.Quote("héllo\n"), strconv.FormatFloat(1.5, 'e', -1, 64))
	fmt.Fprintln(os.Stderr, "to stderr")
	os.Exit(3)
}
