// Package sync provides basic synchronization primitives: Mutex, RWMutex,
// WaitGroup and Once.
//
// This is crossplay's implementation, written for crossplay's toolchain. Its
// programs run one goroutine, so a lock that would block can never be released:
// it stops the program as Go's deadlock detector does.
package sync

//go:linkname throw runtime.throw
func throw(s string)

func deadlock() { throw("all goroutines are asleep - deadlock!") }

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock. The zero value is an unlocked mutex.
type Mutex struct {
	locked bool
}

// Lock locks m.
func (m *Mutex) Lock() {
	if m.locked {
		deadlock()
	}
	m.locked = true
}

// TryLock tries to lock m and reports whether it succeeded.
func (m *Mutex) TryLock() bool {
	if m.locked {
		return false
	}
	m.locked = true
	return true
}

// Unlock unlocks m. It is a run-time error if m is not locked on entry.
func (m *Mutex) Unlock() {
	if !m.locked {
		throw("sync: unlock of unlocked mutex")
	}
	m.locked = false
}

// A RWMutex is a reader/writer mutual exclusion lock: any number of readers or a
// single writer.
type RWMutex struct {
	writer  bool
	readers int
}

// Lock locks rw for writing.
func (rw *RWMutex) Lock() {
	if rw.writer || rw.readers > 0 {
		deadlock()
	}
	rw.writer = true
}

// TryLock tries to lock rw for writing and reports whether it succeeded.
func (rw *RWMutex) TryLock() bool {
	if rw.writer || rw.readers > 0 {
		return false
	}
	rw.writer = true
	return true
}

// Unlock unlocks rw for writing.
func (rw *RWMutex) Unlock() {
	if !rw.writer {
		throw("sync: Unlock of unlocked RWMutex")
	}
	rw.writer = false
}

// RLock locks rw for reading.
func (rw *RWMutex) RLock() {
	if rw.writer {
		deadlock()
	}
	rw.readers++
}

// TryRLock tries to lock rw for reading and reports whether it succeeded.
func (rw *RWMutex) TryRLock() bool {
	if rw.writer {
		return false
	}
	rw.readers++
	return true
}

// RUnlock undoes a single RLock call.
func (rw *RWMutex) RUnlock() {
	if rw.readers == 0 {
		throw("sync: RUnlock of unlocked RWMutex")
	}
	rw.readers--
}

// RLocker returns a Locker interface that implements the Lock and Unlock methods
// by calling rw.RLock and rw.RUnlock.
func (rw *RWMutex) RLocker() Locker { return (*rlocker)(rw) }

type rlocker RWMutex

func (r *rlocker) Lock()   { (*RWMutex)(r).RLock() }
func (r *rlocker) Unlock() { (*RWMutex)(r).RUnlock() }

// A WaitGroup waits for a collection of tasks to finish.
type WaitGroup struct {
	n int
}

// Add adds delta, which may be negative, to the WaitGroup counter.
func (wg *WaitGroup) Add(delta int) {
	wg.n += delta
	if wg.n < 0 {
		panic("sync: negative WaitGroup counter")
	}
}

// Done decrements the WaitGroup counter by one.
func (wg *WaitGroup) Done() { wg.Add(-1) }

// Wait blocks until the WaitGroup counter is zero.
func (wg *WaitGroup) Wait() {
	if wg.n > 0 {
		deadlock()
	}
}

// Go calls f and adds it to the group. With one goroutine, f runs to its end
// before Go returns.
func (wg *WaitGroup) Go(f func()) {
	wg.Add(1)
	defer wg.Done()
	f()
}

// Once is an object that will perform exactly one action.
type Once struct {
	done bool
}

// Do calls the function f if and only if Do is being called for the first time
// for this instance of Once. If f panics, Do considers it to have returned.
func (o *Once) Do(f func()) {
	if o.done {
		return
	}
	defer func() { o.done = true }()
	f()
}
