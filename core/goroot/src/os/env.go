package os

// Args hold the command-line arguments, starting with the program name.
var Args []string

// The environment, as "key=value" strings, in the order the host gave them.
var envs []string

func init() {
	Args = runtime_args()
	envs = runtime_envs()
}

//go:linkname runtime_args runtime.os_runtime_args
func runtime_args() []string

//go:linkname runtime_envs runtime.os_runtime_envs
func runtime_envs() []string

// Getenv retrieves the value of the environment variable named by the key. It
// returns the value, which will be empty if the variable is not present. To
// distinguish between an empty value and an unset value, use LookupEnv.
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// LookupEnv retrieves the value of the environment variable named by the key. If
// the variable is present in the environment the value (which may be empty) is
// returned and the boolean is true. Otherwise the returned value will be empty and
// the boolean will be false.
func LookupEnv(key string) (string, bool) {
	for _, kv := range envs {
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return kv[len(key)+1:], true
		}
	}
	return "", false
}

// Setenv sets the value of the environment variable named by the key.
func Setenv(key, value string) error {
	if len(key) == 0 {
		return &SyscallError{Syscall: "setenv", Err: ErrInvalid}
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return &SyscallError{Syscall: "setenv", Err: ErrInvalid}
		}
	}
	kv := key + "=" + value
	for i, e := range envs {
		if len(e) > len(key) && e[len(key)] == '=' && e[:len(key)] == key {
			envs[i] = kv
			return nil
		}
	}
	envs = append(envs, kv)
	return nil
}

// Unsetenv unsets a single environment variable.
func Unsetenv(key string) error {
	for i, e := range envs {
		if len(e) > len(key) && e[len(key)] == '=' && e[:len(key)] == key {
			envs = append(envs[:i], envs[i+1:]...)
			return nil
		}
	}
	return nil
}

// Environ returns a copy of strings representing the environment, in the form
// "key=value".
func Environ() []string {
	return append([]string(nil), envs...)
}

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

func (e *SyscallError) Unwrap() error { return e.Err }
