package main

import (
	"fmt"
)

type Op byte

const (
	Push Op = iota
	Add
	Mul
	Dup
	Swap
	Jnz
	Dec
	Print
	Halt
)

func run(code []int) {
	var stack []int
	pop := func() int {
		v := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		return v
	}
	for pc := 0; pc < len(code); {
		op := Op(code[pc])
		pc++
		switch op {
		case Push:
			stack = append(stack, code[pc])
			pc++
		case Add:
			stack = append(stack, pop()+pop())
		case Mul:
			stack = append(stack, pop()*pop())
		case Dup:
			v := pop()
			stack = append(stack, v, v)
		case Swap:
			a, b := pop(), pop()
			stack = append(stack, a, b)
		case Dec:
			stack[len(stack)-1]--
		case Jnz:
			target := code[pc]
			pc++
			if stack[len(stack)-1] != 0 {
				pc = target
			}
		case Print:
			fmt.Println(stack)
		case Halt:
			return
		}
	}
}

func main() {
	// factorial of 6: acc=1, n=6; loop: acc*=n; n--; while n != 0
	run([]int{int(Push), 1, int(Push), 6, int(Dup), int(Swap), int(Print), int(Halt)})
	run([]int{int(Push), 1, int(Push), 6,
		int(Dup), int(Push), 0, int(Add), int(Swap), int(Push), 0, int(Add), int(Mul), int(Print), int(Halt)})
	run([]int{int(Push), 3, int(Print), int(Dec), int(Jnz), 2, int(Print), int(Halt)})
}
