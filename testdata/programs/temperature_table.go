package main

import (
	"fmt"
)

type Celsius float64
type Fahrenheit float64

func CToF(c Celsius) Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func FToC(f Fahrenheit) Celsius { return Celsius((f - 32) * 5 / 9) }

func (c Celsius) String() string    { return fmt.Sprintf("%.1f°C", float64(c)) }
func (f Fahrenheit) String() string { return fmt.Sprintf("%.1f°F", float64(f)) }

func main() {
	for c := Celsius(-40); c <= 100; c += 35 {
		fmt.Printf("%8v = %v\n", c, CToF(c))
	}
	fmt.Println(FToC(98.6), FToC(CToF(37)))
}
