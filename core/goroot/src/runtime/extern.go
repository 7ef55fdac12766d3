package runtime

// Version returns the Go tree's version string: the Go release crossplay models.
func Version() string { return "go1.27.3" }

// NumCPU returns the number of logical CPUs usable by the current process:
// crossplay's programs run on one thread.
func NumCPU() int { return 1 }

// GOMAXPROCS sets the maximum number of CPUs that can be executing
// simultaneously and returns the previous setting; n < 1 only reads it.
// crossplay runs one goroutine on one thread, so the setting stays 1.
func GOMAXPROCS(n int) int { return 1 }

// Gosched yields the processor, allowing other goroutines to run; with one
// goroutine there are none.
func Gosched() {}
