//! Go 1.27.3's target model: which GOOS/GOARCH pairs exist, the sub-architecture
//! variables with their defaults, validation and exact error texts, the CGO_ENABLED
//! default, the environment as `go env` reports it, and the build tags a configuration
//! sets.
//!
//! `ports` is the port table as typed data: every `Port` (49, two of them broken,
//! which are valid configurations as in Go) with its `Os`, `Arch`, cgo support,
//! first-class and broken flags, and `buildable` (crossplay builds it). `Os` and
//! `Arch` carry their facts in one table each: an OS's `Container` (ELF, PE,
//! Mach-O, Wasm, XCOFF, Plan 9 a.out), the OS it implies, `is_unix`, cmd/link's
//! header type and whether it calls the system through libc; an architecture's
//! pointer size and byte order. Outside this crate, the ISA crates and the runtime's
//! build-constrained Go files, no code names a GOOS or GOARCH in a string (the CLI
//! test `only_target_and_the_isa_crates_name_ports` checks it): callers read these
//! facts. The other modules: `archvar` (sub-architecture variables), `buildcfg`
//! (`internal/buildcfg`), `experiment` (GOEXPERIMENT), `fips140` (GOFIPS140),
//! `goenv` (the go command's view of the environment), `godebug` and `godebugs`
//! (GODEBUG checks and defaults), `context` (the tags a configuration sets, each
//! with its reason).
//!
//! Everything is checked against the real go1.27.3 toolchain by the CLI's differential
//! tests. This crate does no IO and reads no clock: the environment (and whether a C
//! compiler is on PATH) arrives as values. It knows nothing of files or syntax.

pub mod archvar;
pub mod buildcfg;
pub mod context;
pub mod experiment;
pub mod fips140;
pub mod godebug;
pub mod godebugs;
pub mod goenv;
pub mod ports;

pub use archvar::ArchVar;
pub use buildcfg::BuildCfg;
pub use context::{Context, Reason, TagFact};
pub use experiment::Experiments;
pub use goenv::{EnvError, EnvLayers, EnvVar, GoEnv, GoFlag};
pub use ports::{Arch, Container, Endian, Os, Port, lookup as port};

/// The Go toolchain crossplay emulates.
pub const GO_VERSION: &str = "go1.27.3";

/// The minor release number of [`GO_VERSION`]: release tags run `go1.1` … `go1.27`.
pub const GO_RELEASE: u32 = 27;

/// The machine the toolchain runs on (GOHOSTOS/GOHOSTARCH): the default target and the
/// one for which cgo may default to on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Host {
    pub goos: &'static str,
    pub goarch: &'static str,
}

impl Host {
    pub const LINUX_AMD64: Host = Host { goos: "linux", goarch: "amd64" };
    /// crossplay in the browser: the toolchain itself runs as js/wasm.
    pub const JS_WASM: Host = Host { goos: "js", goarch: "wasm" };

    /// The host a Rust program compiled for `os` and `arch` (`std::env::consts::OS`
    /// and `ARCH`) with byte order `endian` runs on, as Go names it. A system or
    /// machine Go has no name for counts as linux or amd64: the go command must
    /// assume some host.
    pub fn from_rust(os: &str, arch: &str, endian: Endian) -> Host {
        let os = RUST_OS.iter().find(|row| row.0 == os).map_or(Os::Linux, |row| row.1);
        let arch = RUST_ARCH.iter().find(|row| row.0 == arch).map_or(Arch::Amd64, |row| match endian {
            Endian::Little => row.1,
            Endian::Big => row.2,
        });
        Host { goos: os.name(), goarch: arch.name() }
    }
}

/// Rust's names for operating systems (`std::env::consts::OS`) and Go's for each.
static RUST_OS: [(&str, Os); 12] = [
    ("aix", Os::Aix),
    ("android", Os::Android),
    ("dragonfly", Os::Dragonfly),
    ("freebsd", Os::Freebsd),
    ("illumos", Os::Illumos),
    ("ios", Os::Ios),
    ("linux", Os::Linux),
    ("macos", Os::Darwin),
    ("netbsd", Os::Netbsd),
    ("openbsd", Os::Openbsd),
    ("solaris", Os::Solaris),
    ("windows", Os::Windows),
];

/// Rust's names for architectures (`std::env::consts::ARCH`) and Go's for each,
/// little-endian then big-endian (Rust names the byte order apart, Go in GOARCH).
static RUST_ARCH: [(&str, Arch, Arch); 11] = [
    ("aarch64", Arch::Arm64, Arch::Arm64),
    ("arm", Arch::Arm, Arch::Arm),
    ("loongarch64", Arch::Loong64, Arch::Loong64),
    ("mips", Arch::Mipsle, Arch::Mips),
    ("mips64", Arch::Mips64le, Arch::Mips64),
    ("powerpc64", Arch::Ppc64le, Arch::Ppc64),
    ("riscv64", Arch::Riscv64, Arch::Riscv64),
    ("s390x", Arch::S390x, Arch::S390x),
    ("wasm32", Arch::Wasm, Arch::Wasm),
    ("x86", Arch::I386, Arch::I386),
    ("x86_64", Arch::Amd64, Arch::Amd64),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_from_rust_names() {
        let host = |os, arch, endian| {
            let h = Host::from_rust(os, arch, endian);
            format!("{}/{}", h.goos, h.goarch)
        };
        assert_eq!(host("macos", "aarch64", Endian::Little), "darwin/arm64");
        assert_eq!(host("linux", "x86_64", Endian::Little), "linux/amd64");
        assert_eq!(host("linux", "powerpc64", Endian::Little), "linux/ppc64le");
        assert_eq!(host("linux", "powerpc64", Endian::Big), "linux/ppc64");
        assert_eq!(host("windows", "x86", Endian::Little), "windows/386");
        assert_eq!(host("fuchsia", "sparc", Endian::Big), "linux/amd64");
    }
}
