package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-42), strconv.FormatInt(255, 16), strconv.FormatInt(-8, 2), strconv.FormatUint(1<<63, 36))
	n, err := strconv.Atoi("123")
	fmt.Println(n, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)
	i, err := strconv.ParseInt("-ff", 16, 64)
	fmt.Println(i, err)
	j, err := strconv.ParseInt("300", 10, 8)
	fmt.Println(j, err)
	f, err := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, err)
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.000012, 'e', 3, 64))
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	fmt.Println(strconv.Quote("hi\n\"there\""), strconv.QuoteRune('☺'), strconv.QuoteToASCII("é"))
	u, err := strconv.Unquote(`"a\tb"`)
	fmt.Println(u, err)
	fmt.Println(string(strconv.AppendInt([]byte("n="), 42, 10)))
}
