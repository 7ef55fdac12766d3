package main

import (
	"fmt"
	"time"
)

func main() {
	d := 90 * time.Minute
	fmt.Println(d, d.Hours(), d.Minutes())
	fmt.Println(1500*time.Millisecond, 2*time.Second+300*time.Millisecond, time.Duration(1), time.Duration(0))
	fmt.Println(time.Duration(1234567890), -3*time.Microsecond, 36*time.Hour+15*time.Second)
	fmt.Println((2 * time.Hour).String(), time.Duration(999).String())
	fmt.Println((1234567 * time.Microsecond).Round(time.Millisecond), (1234567 * time.Microsecond).Truncate(time.Second))
	start := time.Now()
	elapsed := time.Since(start)
	fmt.Println(elapsed >= 0, elapsed < time.Hour)
	fmt.Printf("%v %d %s\n", time.Second, time.Millisecond, time.Nanosecond*1500)
}
