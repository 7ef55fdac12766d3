package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	mu sync.Mutex
	n  map[string]int
}

func (c *SafeCounter) Inc(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n[k]++
}

func main() {
	c := SafeCounter{n: map[string]int{}}
	for i := 0; i < 5; i++ {
		c.Inc("k")
	}
	fmt.Println(c.n["k"])
	var once sync.Once
	for i := 0; i < 3; i++ {
		once.Do(func() { fmt.Println("once", i) })
	}
	var wg sync.WaitGroup
	wg.Add(1)
	func() {
		defer wg.Done()
		fmt.Println("work")
	}()
	wg.Wait()
	fmt.Println("done")
	var rw sync.RWMutex
	rw.RLock()
	rw.RUnlock()
	rw.Lock()
	rw.Unlock()
	fmt.Println("rw ok")
}
