package runtime

// buildVersion is the Go release crossplay models, with GOEXPERIMENT's
// non-default experiments appended (`go1.27.3-X:nogreenteagc`); the linker sets
// it as Go's sets runtime.buildVersion.
var buildVersion string

// Version returns the Go tree's version string.
func Version() string { return buildVersion }

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
