//! The module the page opens with: `examples/hello`.

use protocol::File;

const FILES: [(&str, &str); 6] = [
    ("gen.go", include_str!("../../examples/hello/gen.go")),
    ("go.mod", include_str!("../../examples/hello/go.mod")),
    ("hello_linux.go", include_str!("../../examples/hello/hello_linux.go")),
    ("hello_unix.go", include_str!("../../examples/hello/hello_unix.go")),
    ("hello_windows.go", include_str!("../../examples/hello/hello_windows.go")),
    ("main.go", include_str!("../../examples/hello/main.go")),
];

pub fn files() -> Vec<File> {
    FILES.iter().map(|(name, text)| File { name: (*name).into(), text: (*text).into() }).collect()
}
