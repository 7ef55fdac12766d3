//! Go 1.27.3's target model: which GOOS/GOARCH pairs exist, the sub-architecture
//! variables with their defaults, validation and exact error texts, the CGO_ENABLED
//! default, the environment as `go env` reports it, and the build tags a configuration
//! sets.
//!
//! Everything is checked against the real go1.27.3 toolchain by the CLI's differential
//! tests. This crate does no IO: the environment arrives as values.

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
pub use ports::Port;

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
}
