package bits

// errorString is the run-time error the Div functions panic with; it satisfies
// the runtime.Error interface, as the Go specification requires of run-time panics.
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string { return "runtime error: " + string(e) }

var (
	overflowError = errorString("integer overflow")
	divideError   = errorString("integer divide by zero")
)
