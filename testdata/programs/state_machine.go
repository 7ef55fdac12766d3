package main

import (
	"fmt"
)

type State int

const (
	Idle State = iota
	Running
	Paused
	Stopped
)

func (s State) String() string {
	return [...]string{"Idle", "Running", "Paused", "Stopped"}[s]
}

type Event string

var transitions = map[State]map[Event]State{
	Idle:    {"start": Running},
	Running: {"pause": Paused, "stop": Stopped},
	Paused:  {"resume": Running, "stop": Stopped},
}

func main() {
	s := Idle
	for _, e := range []Event{"start", "pause", "start", "resume", "stop", "start"} {
		if next, ok := transitions[s][e]; ok {
			fmt.Printf("%v --%s--> %v\n", s, e, next)
			s = next
		} else {
			fmt.Printf("%v: ignoring %q\n", s, e)
		}
	}
	fmt.Println("final:", s)
}
