// Command hello greets from whichever target it was built for. Which of the
// other files join it depends on GOOS: open the grid to see why.
package main

import (
	"fmt"
	"runtime"
)

// note is replaced by the OS-specific file the target builds, if any.
var note = "no OS-specific file was built"

func main() {
	fmt.Printf("Hello from %s/%s!\n", runtime.GOOS, runtime.GOARCH)
	fmt.Println(note)
}
