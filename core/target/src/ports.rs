//! The port table of Go 1.27.3 and the name lists that filename rules use.
//!
//! Source of truth: `cmd/dist/build.go` (`cgoEnabled`, `broken`, `firstClass`) and
//! `internal/syslist/syslist.go` in the go1.27.3 tree. A key of `cgoEnabled` is a valid
//! port; its value is CgoSupported. Broken ports are valid configurations (the go
//! command accepts the pair) but `go tool dist list` hides them without `-broken`.

use base::json::Json;

/// One GOOS/GOARCH pair the go command accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Port {
    pub goos: &'static str,
    pub goarch: &'static str,
    pub cgo_supported: bool,
    pub first_class: bool,
    pub broken: bool,
}

const fn port(goos: &'static str, goarch: &'static str, cgo_supported: bool) -> Port {
    Port { goos, goarch, cgo_supported, first_class: false, broken: false }
}

const fn first_class(goos: &'static str, goarch: &'static str) -> Port {
    Port { goos, goarch, cgo_supported: true, first_class: true, broken: false }
}

const fn broken(goos: &'static str, goarch: &'static str) -> Port {
    Port { goos, goarch, cgo_supported: true, first_class: false, broken: true }
}

/// Every port of go1.27.3, broken ones included, sorted as `go tool dist list` sorts
/// them (bytewise on the `goos/goarch` string).
pub static PORTS: [Port; 49] = [
    port("aix", "ppc64", true),
    port("android", "386", true),
    port("android", "amd64", true),
    port("android", "arm", true),
    port("android", "arm64", true),
    first_class("darwin", "amd64"),
    first_class("darwin", "arm64"),
    port("dragonfly", "amd64", true),
    port("freebsd", "386", true),
    port("freebsd", "amd64", true),
    port("freebsd", "arm", true),
    port("freebsd", "arm64", true),
    broken("freebsd", "riscv64"), // go.dev/issue/76475
    port("illumos", "amd64", true),
    port("ios", "amd64", true),
    port("ios", "arm64", true),
    port("js", "wasm", false),
    first_class("linux", "386"),
    first_class("linux", "amd64"),
    first_class("linux", "arm"),
    first_class("linux", "arm64"),
    port("linux", "loong64", true),
    port("linux", "mips", true),
    port("linux", "mips64", true),
    port("linux", "mips64le", true),
    port("linux", "mipsle", true),
    port("linux", "ppc64", true), // cgo since Go 1.27
    port("linux", "ppc64le", true),
    port("linux", "riscv64", true),
    port("linux", "s390x", true),
    broken("linux", "sparc64"), // an incomplete port
    port("netbsd", "386", true),
    port("netbsd", "amd64", true),
    port("netbsd", "arm", true),
    port("netbsd", "arm64", true),
    port("openbsd", "386", true),
    port("openbsd", "amd64", true),
    port("openbsd", "arm", true),
    port("openbsd", "arm64", true),
    port("openbsd", "ppc64", false),
    port("openbsd", "riscv64", true),
    port("plan9", "386", false),
    port("plan9", "amd64", false),
    port("plan9", "arm", false),
    port("solaris", "amd64", true),
    port("wasip1", "wasm", false),
    first_class("windows", "386"),
    first_class("windows", "amd64"),
    port("windows", "arm64", true),
];

/// The port `goos/goarch`, if the go command accepts that pair (broken ports included:
/// `internal/platform.BuildModeSupported` is true for them).
pub fn lookup(goos: &str, goarch: &str) -> Option<&'static Port> {
    PORTS.iter().find(|p| p.goos == goos && p.goarch == goarch)
}

/// The ports that `go tool dist list` prints: the working ones, or all with `-broken`.
pub fn listed(include_broken: bool) -> impl Iterator<Item = &'static Port> {
    PORTS.iter().filter(move |p| include_broken || !p.broken)
}

/// Why a default-mode build for `goos/goarch` must link externally (with a C toolchain),
/// if it must (`cmd/go/internal/load.externalLinkingReason` with
/// `internal/platform.MustLinkExternal`, `DefaultPIE` and `InternalLinkPIESupported`).
/// Without cgo such a build fails with "<reason> requires external (cgo) linking, but
/// cgo is not enabled".
pub fn external_linking_reason(goos: &str, goarch: &str) -> Option<String> {
    let must = match goos {
        "android" => goarch != "arm64",
        "ios" => goarch == "arm64",
        _ => false,
    };
    if must {
        return Some(format!("{goos}/{goarch}"));
    }
    let default_pie = matches!(goos, "android" | "ios" | "windows" | "darwin");
    let internal_pie = matches!(
        (goos, goarch),
        ("android", "arm64")
            | ("darwin", "amd64" | "arm64")
            | ("linux", "amd64" | "arm64" | "loong64" | "ppc64" | "ppc64le" | "s390x")
            | ("windows", "386" | "amd64" | "arm64")
    );
    (default_pie && !internal_pie).then(|| "default PIE binary".to_owned())
}

/// Every GOOS name Go knows (`internal/syslist.KnownOS`), including names that are not
/// ports (`hurd`, `nacl`, `zos`). A filename suffix naming one of them is a constraint.
pub static KNOWN_OS: [&str; 18] = [
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];

/// The GOOS values for which the `unix` build tag is set (`internal/syslist.UnixOS`).
/// `js`, `wasip1`, `plan9`, `windows`, `zos` and `nacl` are not among them.
pub static UNIX_OS: [&str; 12] = [
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "linux",
    "netbsd",
    "openbsd",
    "solaris",
];

/// Every GOARCH name Go knows (`internal/syslist.KnownArch`), including names that are not
/// ports (`amd64p32`, `arm64be`, `sparc`, …).
pub static KNOWN_ARCH: [&str; 24] = [
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

pub fn is_known_os(name: &str) -> bool {
    KNOWN_OS.contains(&name)
}

pub fn is_known_arch(name: &str) -> bool {
    KNOWN_ARCH.contains(&name)
}

pub fn is_unix(goos: &str) -> bool {
    UNIX_OS.contains(&goos)
}

/// The output of `go tool dist list [-json] [-broken]`, byte for byte.
pub fn dist_list(json: bool, include_broken: bool) -> String {
    if !json {
        return listed(include_broken).map(|p| format!("{}/{}\n", p.goos, p.goarch)).collect();
    }
    // `json.MarshalIndent` of a struct slice; `Broken` is `omitempty`, and the output
    // has no trailing newline (cmd/dist writes the marshalled bytes as they are).
    let items = listed(include_broken)
        .map(|p| {
            let mut fields = vec![
                ("GOOS".to_owned(), Json::str(p.goos)),
                ("GOARCH".to_owned(), Json::str(p.goarch)),
                ("CgoSupported".to_owned(), Json::Bool(p.cgo_supported)),
                ("FirstClass".to_owned(), Json::Bool(p.first_class)),
            ];
            if p.broken {
                fields.push(("Broken".to_owned(), Json::Bool(true)));
            }
            Json::Object(fields)
        })
        .collect();
    Json::Array(items).to_indented("", "\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_like_sort_strings() {
        let names: Vec<String> = PORTS.iter().map(|p| format!("{}/{}", p.goos, p.goarch)).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn counts_match_go_1_27_3() {
        assert_eq!(listed(false).count(), 47);
        assert_eq!(listed(true).count(), 49);
        assert_eq!(PORTS.iter().filter(|p| p.first_class).count(), 8);
        assert_eq!(listed(false).filter(|p| p.cgo_supported).count(), 41);
        for p in &PORTS {
            assert!(is_known_os(p.goos) && is_known_arch(p.goarch), "{p:?}");
        }
        assert!(lookup("linux", "sparc64").is_some_and(|p| p.broken));
        assert!(lookup("openbsd", "mips64").is_none());
        assert!(lookup("windows", "arm").is_none());
    }
}
