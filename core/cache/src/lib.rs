//! The build cache, as Go's (`cmd/go/internal/cache`, reference/go-semantics.md
//! §7): actions are named by an action ID, the SHA-256 of a text that lists
//! every input of the action, salted with the toolchain's identity; what an
//! action produced is stored under its action ID and found again by it.
//!
//! * One struct per action kind (`CompileAction`, `TypesAction`, `LinkAction`), each with a
//!   `VERSION` that its text starts with: the text is snapshot-tested, so a
//!   change of what keys an action is deliberate.
//! * `Store`: `get` returns an output only if it is whole (its SHA-256 and
//!   size match what `put` recorded); a corrupt or truncated entry is a miss,
//!   never an error and never served. `MemStore` keeps entries in memory (the
//!   browser's worker fills it from IndexedDB); `DirStore` keeps them in a
//!   directory in Go's layout (`xx/<action>-a` index entries of 175 bytes,
//!   `xx/<output>-d` outputs), through a small `Fs` its caller implements, so
//!   this crate does no IO of its own.
//!
//! crossplay's action IDs are salted with its own identity (`SALT`), so its
//! entries never collide with Go's in a shared GOCACHE.

use std::collections::HashMap;

use base::sha256::{Sha256, hex, sha256};

/// A SHA-256.
pub type Id = [u8; 32];

/// The salt of every action ID: crossplay's identity — its version, the Go it
/// implements, and a hash of its compiler's and standard library's sources
/// (`build.rs`), so a changed toolchain never takes another's outputs.
pub const SALT: &str =
    concat!("crossplay ", env!("CARGO_PKG_VERSION"), " go1.27.3 ", env!("CROSSPLAY_TOOLCHAIN_ID"));

/// An action ID from its text: SHA-256 of the salt, a newline and the text.
pub fn action_id(text: &str) -> Id {
    let mut h = Sha256::new();
    h.update(SALT.as_bytes());
    h.update(b"\n");
    h.update(text.as_bytes());
    h.finish()
}

/// Compiling one package to its object. Unlike Go's, a main package's key has
/// no `modinfo` line: crossplay's linker, not its compiler, writes the build
/// info into `runtime.modinfo`, so `-ldflags` and the build settings key only
/// the link.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompileAction {
    /// The package's import path (`main` for a program's).
    pub import_path: String,
    pub goos: String,
    pub goarch: String,
    /// The sub-architecture variable as `NAME=value` (`GOAMD64=v1`), or empty.
    pub archvar: String,
    pub cgo_enabled: bool,
    /// The compiler flags that apply to this package (`-gcflags`).
    pub gcflags: Vec<String>,
    pub trimpath: bool,
    /// The build tags (`-tags`).
    pub tags: Vec<String>,
    /// The package's language version (its module's go.mod `go` line), if
    /// it has one.
    pub go_version: String,
    /// GOEXPERIMENT, canonical, when it differs from the baseline.
    pub experiment: String,
    /// Each source file's name and SHA-256.
    pub files: Vec<(String, Id)>,
    /// Each dependency's import path and export ID (what it exports to the
    /// packages compiled against it).
    pub deps: Vec<(String, Id)>,
}

impl CompileAction {
    pub const VERSION: u32 = 1;

    /// The hashed text, one input a line.
    pub fn text(&self) -> String {
        let mut t = format!("compile v{}\n", Self::VERSION);
        t.push_str(&format!("import {:?}\n", self.import_path));
        t.push_str(&format!("goos {} goarch {}\n", self.goos, self.goarch));
        t.push_str(&format!("{}\n", self.archvar));
        t.push_str(&format!("CGO_ENABLED={}\n", u8::from(self.cgo_enabled)));
        t.push_str(&format!("gcflags {:?}\n", self.gcflags));
        if self.trimpath {
            t.push_str("trimpath\n");
        }
        if !self.tags.is_empty() {
            t.push_str(&format!("tags {:?}\n", self.tags));
        }
        if !self.go_version.is_empty() {
            t.push_str(&format!("go {}\n", self.go_version));
        }
        if !self.experiment.is_empty() {
            t.push_str(&format!("GOEXPERIMENT={:?}\n", self.experiment));
        }
        for (name, h) in &self.files {
            t.push_str(&format!("file {name} {}\n", hex(h)));
        }
        for (path, h) in &self.deps {
            t.push_str(&format!("import {path} {}\n", hex(h)));
        }
        t
    }

    pub fn id(&self) -> Id {
        action_id(&self.text())
    }
}

/// Type-checking a build's packages up to some point: the `typeck::World` they
/// make, which the package after them is checked against without their
/// sources. Keyed by each package's compile action ID, which covers its files,
/// its dependencies and the settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TypesAction {
    pub packages: Vec<(String, Id)>,
}

impl TypesAction {
    pub const VERSION: u32 = 1;

    pub fn text(&self) -> String {
        let mut t = format!("types v{}\n", Self::VERSION);
        for (path, h) in &self.packages {
            t.push_str(&format!("package {path} {}\n", hex(h)));
        }
        t
    }

    pub fn id(&self) -> Id {
        action_id(&self.text())
    }
}

/// Linking a program from its packages' objects.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkAction {
    /// The main package's import path as messages name it.
    pub import_path: String,
    pub goos: String,
    pub goarch: String,
    pub archvar: String,
    pub experiment: String,
    /// What `-ldflags` asks of the linker, canonical.
    pub ldflags: String,
    /// The `-X` definitions the linker applies, in order (the version and the
    /// build info among them).
    pub xdefs: Vec<(String, String)>,
    /// The build info blob's text (with VCS stamping), if one is embedded.
    pub buildinfo: String,
    /// Each package object's import path and compile action ID, in link order
    /// (an object is what its action gives, byte for byte).
    pub objects: Vec<(String, Id)>,
}

impl LinkAction {
    pub const VERSION: u32 = 1;

    pub fn text(&self) -> String {
        let mut t = format!("link v{}\n", Self::VERSION);
        t.push_str(&format!("import {:?}\n", self.import_path));
        t.push_str(&format!("goos {} goarch {}\n", self.goos, self.goarch));
        t.push_str(&format!("{}\n", self.archvar));
        if !self.experiment.is_empty() {
            t.push_str(&format!("GOEXPERIMENT={:?}\n", self.experiment));
        }
        t.push_str(&format!("linkflags {}\n", self.ldflags));
        for (k, v) in &self.xdefs {
            t.push_str(&format!("X {k:?}={v:?}\n"));
        }
        t.push_str(&format!("buildinfo {:?}\n", self.buildinfo));
        for (path, h) in &self.objects {
            t.push_str(&format!("packagefile {path}={}\n", hex(h)));
        }
        t
    }

    pub fn id(&self) -> Id {
        action_id(&self.text())
    }
}

/// Where action outputs are kept.
pub trait Store {
    /// The output stored for `action`, if there is one and it is whole.
    fn get(&mut self, action: &Id) -> Option<Vec<u8>>;
    /// Stores `output` as `action`'s. A store that cannot write drops it.
    fn put(&mut self, action: &Id, output: &[u8]);
}

/// A store in memory.
#[derive(Clone, Debug, Default)]
pub struct MemStore {
    entries: HashMap<Id, (Id, Vec<u8>)>,
}

impl MemStore {
    pub fn new() -> MemStore {
        MemStore::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries, for a caller that keeps them elsewhere too: (action, output
    /// ID, output).
    pub fn entries(&self) -> impl Iterator<Item = (&Id, &Id, &[u8])> {
        self.entries.iter().map(|(a, (o, b))| (a, o, b.as_slice()))
    }

    /// Restores an entry kept elsewhere; `get` verifies it like any.
    pub fn insert_raw(&mut self, action: Id, output_id: Id, output: Vec<u8>) {
        self.entries.insert(action, (output_id, output));
    }
}

impl Store for MemStore {
    fn get(&mut self, action: &Id) -> Option<Vec<u8>> {
        let (id, bytes) = self.entries.get(action)?;
        if sha256(bytes) != *id {
            self.entries.remove(action);
            return None;
        }
        Some(bytes.clone())
    }

    fn put(&mut self, action: &Id, output: &[u8]) {
        self.entries.insert(*action, (sha256(output), output.to_vec()));
    }
}

/// The file access a `DirStore` needs, from its caller.
pub trait Fs {
    fn read(&self, path: &str) -> Option<Vec<u8>>;
    /// Writes the whole file (replacing one), or fails.
    fn write(&self, path: &str, bytes: &[u8]) -> bool;
    fn create_dir_all(&self, path: &str) -> bool;
}

/// A store in a directory, in Go's GOCACHE layout.
pub struct DirStore<F: Fs> {
    pub dir: String,
    pub fs: F,
    /// The time entries are stamped with, in Unix nanoseconds.
    pub now: i64,
}

impl<F: Fs> core::fmt::Debug for DirStore<F> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DirStore").field("dir", &self.dir).finish_non_exhaustive()
    }
}

/// The README Go writes into its cache directory.
pub const README: &str = "This directory holds cached build artifacts from the Go build system.\n\
Run \"go clean -cache\" if the directory is getting too large.\n\
Run \"go clean -fuzzcache\" to delete the fuzz cache.\n\
See golang.org to learn more about Go.\n";

impl<F: Fs> DirStore<F> {
    fn path(&self, id: &Id, suffix: &str) -> String {
        let h = hex(id);
        format!("{}/{}/{h}-{suffix}", self.dir, &h[..2])
    }

    /// The index entry of an action: exactly 175 bytes, as Go's.
    pub fn index_entry(action: &Id, output: &Id, size: u64, time: i64) -> String {
        format!("v1 {} {} {size:>20} {time:>20}\n", hex(action), hex(output))
    }
}

impl<F: Fs> Store for DirStore<F> {
    fn get(&mut self, action: &Id) -> Option<Vec<u8>> {
        let entry = self.fs.read(&self.path(action, "a"))?;
        let entry = std::str::from_utf8(&entry).ok()?;
        let mut words = entry.strip_suffix('\n')?.split(' ').filter(|w| !w.is_empty());
        let (v, a, o, size) = (words.next()?, words.next()?, words.next()?, words.next()?);
        if entry.len() != 175 || v != "v1" || a != hex(action) {
            return None;
        }
        let size: usize = size.parse().ok()?;
        let bytes = self.fs.read(&format!("{}/{}/{o}-d", self.dir, o.get(..2)?))?;
        (bytes.len() == size && hex(&sha256(&bytes)) == o).then_some(bytes)
    }

    fn put(&mut self, action: &Id, output: &[u8]) {
        let out = sha256(output);
        let sub = format!("{}/{}", self.dir, &hex(&out)[..2]);
        if !self.fs.create_dir_all(&sub) {
            return;
        }
        let readme = format!("{}/README", self.dir);
        if self.fs.read(&readme).is_none() {
            self.fs.write(&readme, README.as_bytes());
        }
        if !self.fs.write(&self.path(&out, "d"), output) {
            return;
        }
        let sub = format!("{}/{}", self.dir, &hex(action)[..2]);
        if self.fs.create_dir_all(&sub) {
            let entry = Self::index_entry(action, &out, output.len() as u64, self.now);
            self.fs.write(&self.path(action, "a"), entry.as_bytes());
        }
    }
}
