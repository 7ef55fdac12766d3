//! The messages between the playground's page (`web`) and its compiler worker
//! (`worker`), sent across the worker boundary with serde. The page knows the
//! toolchain only through these: the ports, the sub-architecture variables and the
//! settings to start with come in `Ready`, and every answer about Go (file
//! selection, errors, binaries, whether the page can run one) comes from the worker.

use serde::{Deserialize, Serialize};

/// A file of the module being edited, by slash-separated path (`go.mod`, `main.go`,
/// `util/util.go`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    pub name: String,
    pub text: String,
}

/// Whether `name` may name a module file: a relative slash path of at most 255
/// bytes without empty, `.` or `..` elements, backslashes or control characters.
/// The page checks what the user types and the worker what links and archives
/// bring, by the same rule.
pub fn check_file_name(name: &str) -> Result<(), String> {
    let bad = name.is_empty()
        || name.len() > 255
        || name.starts_with('/')
        || name.chars().any(|c| c.is_control() || c == '\\')
        || name.split('/').any(|p| p.is_empty() || p == "." || p == "..");
    if bad { Err(format!("invalid file name {name:?}")) } else { Ok(()) }
}

/// Everything that decides a build, as the `go` command takes it. The default has
/// no target: the worker's `Ready` names the settings the page starts with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    pub goos: String,
    pub goarch: String,
    /// The value of the sub-architecture variable GOARCH has (GOAMD64, GOARM, …);
    /// empty for its default.
    pub subarch: String,
    /// `CGO_ENABLED`: "", "0" or "1".
    pub cgo_enabled: String,
    /// `-tags`.
    pub tags: String,
    /// `-ldflags`.
    pub ldflags: String,
    pub trimpath: bool,
    /// `-buildvcs`: "auto", "true" or "false".
    pub buildvcs: String,
    /// `-o`; empty for `go build`'s default name.
    pub output: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            goos: String::new(),
            goarch: String::new(),
            subarch: String::new(),
            cgo_enabled: String::new(),
            tags: String::new(),
            ldflags: String::new(),
            trimpath: false,
            buildvcs: "auto".into(),
            output: String::new(),
        }
    }
}

/// From the page to the worker. `id` comes back in the answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Request {
    /// Is this configuration valid? Answered by `Checked`.
    Check { id: u32, settings: Settings },
    /// Which files each port builds, and why. Answered by `Grid`.
    Grid { id: u32, files: Vec<File>, settings: Settings },
    /// Build the module's main package. Answered by `Built`.
    Build { id: u32, files: Vec<File>, settings: Settings },
    /// Empty the build cache: one target's entries (`GOOS/GOARCH`), or all.
    /// Answered by `Cache`.
    ClearCache {
        id: u32,
        #[serde(default)]
        target: Option<String>,
    },
    /// A share link's fragment for the module and settings. Answered by `Shared`.
    Share { id: u32, files: Vec<File>, settings: Settings },
    /// Read a share link's fragment. Answered by `Opened` or `Error`.
    Open { id: u32, fragment: String },
    /// Build for every port with the other settings kept (the sub-architecture
    /// variable at its default). Answered by `BuiltAll`.
    BuildAll { id: u32, files: Vec<File>, settings: Settings },
    /// The module as a txtar archive. Answered by `Txtar`.
    ExportTxtar { id: u32, files: Vec<File> },
    /// Files from a txtar archive. Answered by `Imported` or `Error`.
    ImportTxtar { id: u32, text: String },
}

/// From the worker to the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Response {
    /// Sent once when the worker has started.
    Ready {
        toolchain: String,
        ports: Vec<Port>,
        subarch: Vec<SubArch>,
        /// The settings the page starts with.
        settings: Settings,
        cache: CacheStats,
    },
    /// Go's error for the configuration, if any (`go: unsupported GOOS/GOARCH pair …`).
    Checked {
        id: u32,
        error: Option<String>,
    },
    Grid(Grid),
    Built(Box<Built>),
    Cache {
        id: u32,
        stats: CacheStats,
    },
    Shared {
        id: u32,
        fragment: String,
    },
    /// A share link's module and settings; `warning` when another toolchain made it.
    Opened {
        id: u32,
        files: Vec<File>,
        settings: Settings,
        warning: Option<String>,
    },
    Txtar {
        id: u32,
        text: String,
    },
    BuiltAll(Box<BuiltAll>),
    Imported {
        id: u32,
        files: Vec<File>,
    },
    /// A request the worker could not read or carry out.
    Error {
        id: u32,
        message: String,
    },
}

/// A GOOS/GOARCH pair of `go tool dist list`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Port {
    pub goos: String,
    pub goarch: String,
    pub first_class: bool,
    /// crossplay can build it today.
    pub buildable: bool,
}

/// A sub-architecture variable and the values Go accepts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubArch {
    pub goarch: String,
    /// `GOAMD64`, `GOARM`, …
    pub name: String,
    pub default: String,
    pub values: Vec<String>,
}

/// The files × ports grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grid {
    pub id: u32,
    /// The Go files of the main package's directory, in name order.
    pub files: Vec<String>,
    /// `goos/goarch`, in `go tool dist list` order.
    pub targets: Vec<String>,
    /// Row-major: `cells[f * targets.len() + t]`.
    pub cells: Vec<Cell>,
    /// An error that stops the grid (go.mod missing or malformed, bad -tags).
    pub error: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    pub built: bool,
    /// The explanation: the rule that decided, each term's value, why each tag is
    /// set or not, one line each.
    pub why: Vec<String>,
}

/// What a build produced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Built {
    pub id: u32,
    /// The binary, or None when the build failed.
    #[serde(with = "serde_bytes")]
    pub binary: Option<Vec<u8>>,
    /// The output file name (`go build`'s rule, or `-o`).
    pub name: String,
    /// The container's name: "Wasm", "ELF", "PE", "Mach-O".
    pub format: String,
    /// Whether the page can run the binary: a Wasm module, whose imports its
    /// hosts provide (js/wasm's `wasm_exec.js` ABI, wasip1/wasm's WASI).
    pub runnable: bool,
    /// Lowercase hex SHA-256 of the binary.
    pub sha256: String,
    /// The `-x`-style action log.
    pub actions: Vec<Action>,
    /// The build's errors as `go build` prints them (after `# pkg`).
    pub errors: Vec<String>,
    /// Errors with positions in the module's files.
    pub diagnostics: Vec<Diagnostic>,
    /// What the binary records about its build, as `go version -m` prints it (empty
    /// for Wasm, which has no build-info blob in Go either).
    pub build_info: String,
    /// The build ID the binary carries, as `go tool buildid` prints it.
    pub build_id: String,
    /// Sections of the container: (name, size in bytes).
    pub sections: Vec<(String, u64)>,
    pub goos: String,
    pub goarch: String,
    /// The cache after the build.
    pub cache: CacheStats,
}

/// "Build all": one row per port, and a ZIP of the binaries with SHA256SUMS.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuiltAll {
    pub id: u32,
    pub rows: Vec<TargetRow>,
    /// `GOOS_GOARCH/NAME` for each binary, then `SHA256SUMS`.
    #[serde(with = "serde_bytes")]
    pub zip: Vec<u8>,
    pub cache: CacheStats,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetRow {
    /// `goos/goarch`.
    pub target: String,
    pub name: String,
    pub size: u64,
    pub sha256: String,
    /// "ok", "cached", or the first line of the error.
    pub status: String,
}

/// One step of a build.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    /// What ran, as `-x` prints it.
    pub text: String,
    /// Whether the result came from the cache.
    pub hit: bool,
}

/// An error at a position in a module file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: u32,
    pub col: u32,
    pub message: String,
}

/// One target's share of the build cache.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetCache {
    pub target: String,
    pub entries: u32,
    pub bytes: u64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheStats {
    pub entries: u32,
    pub bytes: u64,
    /// The entries of each target (`GOOS/GOARCH`) that has some, in name order.
    #[serde(default)]
    pub targets: Vec<TargetCache>,
    /// Since the worker started.
    pub hits: u32,
    pub misses: u32,
    /// Entries found corrupt (and rebuilt).
    pub corrupt: u32,
    /// Entries evicted to stay under the size cap.
    pub evicted: u32,
}
