package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc()     { c.n++ }
func (c Counter) Get() int  { return c.n }
func (c Counter) Bad()      { c.n = 1000 }

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	c.Bad()
	fmt.Println(c.Get())
	p := &c
	p.Inc()
	fmt.Println(p.Get(), c.n)
	f := c.Get
	c.Inc()
	fmt.Println(f(), c.Get())
	g := (*Counter).Inc
	g(&c)
	h := Counter.Get
	fmt.Println(h(c))
	fmt.Println(Celsius(100).Fahrenheit(), Celsius(-40).Fahrenheit())
}
