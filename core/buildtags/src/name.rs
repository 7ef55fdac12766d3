//! File-name rules: which directory entries are source files at all (`matchFile`) and
//! the constraint a `_GOOS`, `_GOARCH` or `_GOOS_GOARCH` suffix implies
//! (`goodOSArchFile`), as `go/build/build.go` has them.

use target::ports;

/// What the name of a directory entry says about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameKind {
    /// Starts with `_` or `.`: skipped silently, not even listed as ignored.
    Hidden,
    /// An extension the go command does not read (not `.go`, `.c`, `.s`, …).
    NotSource,
    /// A source file: `.go` or one of the other extensions a package may hold.
    Source { ext: String },
}

/// Extensions other than `.go` that a package lists (`fileListForExt`).
pub const OTHER_EXTENSIONS: [&str; 19] = [
    ".c", ".cc", ".cpp", ".cxx", ".m", ".h", ".hh", ".hpp", ".hxx", ".f", ".F", ".for", ".f90", ".s", ".S",
    ".sx", ".swig", ".swigcxx", ".syso",
];

/// The extension: the text from the last `.`.
pub fn extension(name: &str) -> &str {
    name.rfind('.').map_or("", |i| &name[i..])
}

/// Classifies a directory entry by its name.
pub fn classify(name: &str) -> NameKind {
    if name.starts_with('_') || name.starts_with('.') {
        return NameKind::Hidden;
    }
    let ext = extension(name);
    if ext == ".go" || OTHER_EXTENSIONS.contains(&ext) {
        NameKind::Source { ext: ext.to_owned() }
    } else {
        NameKind::NotSource
    }
}

/// The constraint a file name implies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameConstraint {
    /// `…_GOOS_GOARCH`: both must match (GOARCH is tested first).
    OsArch { goos: String, goarch: String },
    /// `…_GOOS` or `…_GOARCH`.
    One(String),
}

impl NameConstraint {
    /// The tags, in the order Go tests them.
    pub fn tags(&self) -> Vec<&str> {
        match self {
            NameConstraint::OsArch { goos, goarch } => vec![goarch, goos],
            NameConstraint::One(tag) => vec![tag],
        }
    }
}

/// `goodOSArchFile`'s reading of a name: cut at the first `.`, drop everything before
/// the first `_`, split on `_`, drop a final `test`; then the last two elements may
/// name a known OS and architecture, or the last one a known OS or architecture.
pub fn name_constraint(name: &str) -> Option<NameConstraint> {
    let stem = name.split('.').next().unwrap_or("");
    let underscore = stem.find('_')?;
    let mut parts: Vec<&str> = stem[underscore..].split('_').collect();
    if parts.last() == Some(&"test") {
        parts.pop();
    }
    let n = parts.len();
    if n >= 2 && ports::is_known_os(parts[n - 2]) && ports::is_known_arch(parts[n - 1]) {
        return Some(NameConstraint::OsArch {
            goos: parts[n - 2].to_owned(),
            goarch: parts[n - 1].to_owned(),
        });
    }
    let last = *parts.last()?;
    (ports::is_known_os(last) || ports::is_known_arch(last)).then(|| NameConstraint::One(last.to_owned()))
}

/// Whether the name is a test file: it ends in `_test.go`.
pub fn is_test_file(name: &str) -> bool {
    name.ends_with("_test.go")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes() {
        let show = |name: &str| match name_constraint(name) {
            None => "none".to_owned(),
            Some(c) => c.tags().join("&&"),
        };
        for (name, expect) in [
            ("linux.go", "none"),
            ("linux_test.go", "none"),
            ("foo_linux.go", "linux"),
            ("foo_linux_test.go", "linux"),
            ("foo_linux_amd64.go", "amd64&&linux"),
            ("foo_amd64_linux.go", "linux"),
            ("linux_amd64.go", "amd64"),
            ("foo_test_linux.go", "linux"),
            ("foo__linux.go", "linux"),
            ("x_linux_foo.go", "none"),
            ("foo_Linux.go", "none"),
            ("foo.linux.go", "none"),
            ("foo_linux.pb.go", "linux"),
            ("foo_unix.go", "none"),
            ("foo_nacl.go", "nacl"),
            ("foo_arm64be.go", "arm64be"),
            ("x_test.go", "none"),
            ("x_windows_test.go", "windows"),
            ("a_linux_test_test.go", "none"),
        ] {
            assert_eq!(show(name), expect, "{name}");
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(classify("_linux.go"), NameKind::Hidden);
        assert_eq!(classify(".x.go"), NameKind::Hidden);
        assert_eq!(classify("x.txt"), NameKind::NotSource);
        assert_eq!(classify("Makefile"), NameKind::NotSource);
        assert_eq!(classify("x.S"), NameKind::Source { ext: ".S".into() });
        assert_eq!(classify("x.go"), NameKind::Source { ext: ".go".into() });
    }
}
