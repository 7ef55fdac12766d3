package runtime

// GOOS is the running program's operating system target.
const GOOS = "ios"
