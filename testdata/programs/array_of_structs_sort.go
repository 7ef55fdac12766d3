package main

import (
	"fmt"
	"sort"
)

type Employee struct {
	Name   string
	Dept   string
	Salary int
}

func main() {
	staff := []Employee{
		{"Ann", "eng", 120}, {"Bob", "ops", 90}, {"Cid", "eng", 110},
		{"Dee", "ops", 95}, {"Eve", "eng", 120}, {"Fay", "hr", 70},
	}
	sort.Slice(staff, func(i, j int) bool {
		a, b := staff[i], staff[j]
		if a.Dept != b.Dept {
			return a.Dept < b.Dept
		}
		if a.Salary != b.Salary {
			return a.Salary > b.Salary
		}
		return a.Name < b.Name
	})
	for _, e := range staff {
		fmt.Printf("%-4s %-4s %d\n", e.Dept, e.Name, e.Salary)
	}
	total := map[string]int{}
	for _, e := range staff {
		total[e.Dept] += e.Salary
	}
	fmt.Println(total)
}
