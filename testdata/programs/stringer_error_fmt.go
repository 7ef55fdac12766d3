package main

import (
	"errors"
	"fmt"
)

type Temp float64

func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("code %d", e.Code) }

type Pair struct {
	A Temp
	B *MyErr
}

func main() {
	t := Temp(21.456)
	fmt.Println(t)
	fmt.Printf("%v %s %d\n", t, t, 5)
	var err error = &MyErr{404}
	fmt.Println(err)
	fmt.Printf("%v|%s|%q\n", err, err, err)
	fmt.Println([]Temp{1, 2.5})
	fmt.Println(errors.New("plain"))
	fmt.Println(Pair{A: 3})
}
