//! Package loading as `go list` does it, over an in-memory module tree: `go.mod` (module
//! path, `go` directive), package patterns (`./...`, `.`, `./dir`, import paths),
//! per-file classification (`package`), imports resolved to the module or to the
//! standard library, and the go command's errors.
//!
//! Sans-IO: the caller hands in every file of the module as bytes (the CLI from disk,
//! the playground from its editor), so the answer depends on nothing else.

pub mod header;
pub mod package;

use std::collections::BTreeMap;

use target::context::Context;

pub use package::{FileClass, FileReport, Package, PackageError};

/// The standard library's import paths (go1.27.3), one per line.
const STD_PACKAGES: &str = include_str!("std_packages.txt");

/// Whether `path` is a standard-library package.
pub fn is_std(path: &str) -> bool {
    STD_PACKAGES.lines().any(|p| p == path)
}

/// A module: its files by slash-separated path relative to the root.
#[derive(Clone, Debug)]
pub struct Tree {
    /// Absolute root directory, as messages print it.
    pub root: String,
    pub files: BTreeMap<String, Vec<u8>>,
}

/// What `go.mod` declares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Module {
    pub path: String,
    pub go_version: Option<String>,
    /// The `godebug` lines, key, value and line number, in order.
    pub godebug: Vec<Godebug>,
}

/// A `godebug key=value` line of go.mod.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Godebug {
    pub key: String,
    pub value: String,
    pub line: usize,
}

/// Reads the `module`, `go` and `godebug` directives of a `go.mod` file, with
/// `modfile`'s errors, every one (`file:line: usage: …`, a line each). Other directives are accepted
/// and ignored (crossplay builds single-module programs).
pub fn parse_go_mod(file: &str, text: &str) -> Result<Module, String> {
    let mut path = None;
    let mut go_version = None;
    let mut godebug = Vec::new();
    let mut errors = Vec::new();
    // The verb of the block the line is in, if any.
    let mut block: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split("//").next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let at = |msg: &str| format!("{file}:{}: {msg}", i + 1);
        let words: Vec<&str> = line.split_whitespace().collect();
        let (verb, args) = match &block {
            Some(_) if line == ")" => {
                block = None;
                continue;
            }
            Some(verb) => (verb.clone(), &words[..]),
            None => {
                if words.len() == 2 && words[1] == "(" {
                    block = Some(words[0].to_owned());
                    continue;
                }
                (words[0].to_owned(), &words[1..])
            }
        };
        match verb.as_str() {
            "module" => {
                let [arg] = args[..] else {
                    errors.push(at("usage: module module/path"));
                    continue;
                };
                path = Some(arg.trim_matches('"').to_owned());
            }
            "go" => {
                let [arg] = args[..] else {
                    errors.push(at("usage: go 1.23"));
                    continue;
                };
                go_version = Some(arg.to_owned());
            }
            "godebug" => match args[..] {
                [arg] if !arg.contains(['"', '`', '\'', ',']) && arg.contains('=') => {
                    let (key, value) = arg.split_once('=').unwrap_or_default();
                    godebug.push(Godebug { key: key.into(), value: value.into(), line: i + 1 });
                }
                _ => errors.push(at("usage: godebug key=value")),
            },
            "require" | "replace" | "exclude" | "retract" | "toolchain" | "tool" | "ignore" => {}
            other => errors.push(at(&format!("unknown directive: {other}"))),
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    match path {
        Some(path) => Ok(Module { path, go_version, godebug }),
        None => Err(format!(
            "{file}: no module declaration in go.mod. To specify the module path:\n\tgo mod edit -module=example.com/mod"
        )),
    }
}

/// What module loading checks of a parsed go.mod, as the go command reports it:
/// every `godebug` line must name a known setting with an acceptable value
/// (`go: error loading go.mod:` and `file:line: …`, one per bad line).
pub fn check_go_mod(file: &str, module: &Module) -> Result<(), String> {
    let errors: Vec<String> = module
        .godebug
        .iter()
        .filter_map(|g| {
            target::godebug::check("godebug", &g.key, &g.value)
                .err()
                .map(|e| format!("go: error loading go.mod:\n{file}:{}: {e}", g.line))
        })
        .collect();
    if errors.is_empty() { Ok(()) } else { Err(errors.join("\n")) }
}

/// A loader for one module and one configuration.
#[derive(Debug)]
pub struct Loader<'a> {
    pub tree: &'a Tree,
    pub module: &'a Module,
    pub ctx: &'a Context,
    /// The working directory relative to the module root ("" at the root).
    pub cwd: &'a str,
    /// GOROOT as messages print it.
    pub goroot: &'a str,
}

/// The result of matching the command line: packages in order, plus warnings
/// (`matched no packages`) and errors that name no package.
#[derive(Debug, Default)]
pub struct Listing {
    pub packages: Vec<Package>,
    pub warnings: Vec<String>,
}

impl Loader<'_> {
    /// Directories of the module that hold files, relative to the root, skipping
    /// `testdata`, names starting with `.` or `_`, and nested modules.
    fn dirs(&self) -> Vec<String> {
        let mut dirs: Vec<String> = vec![String::new()];
        for path in self.tree.files.keys() {
            let mut dir = String::new();
            let parts: Vec<&str> = path.split('/').collect();
            for part in &parts[..parts.len() - 1] {
                dir = if dir.is_empty() { (*part).to_owned() } else { format!("{dir}/{part}") };
                if !dirs.contains(&dir) {
                    dirs.push(dir.clone());
                }
            }
        }
        dirs.sort();
        dirs.retain(|d| {
            d.is_empty()
                || (d.split('/').all(|e| !e.starts_with('.') && !e.starts_with('_') && e != "testdata")
                    && !self.nested_module(d))
        });
        dirs
    }

    fn nested_module(&self, dir: &str) -> bool {
        let mut d = dir.to_owned();
        loop {
            if !d.is_empty() && self.tree.files.contains_key(&format!("{d}/go.mod")) {
                return true;
            }
            match d.rfind('/') {
                Some(i) => d.truncate(i),
                None => return false,
            }
        }
    }

    fn files_in(&self, dir: &str) -> Vec<(&str, &[u8])> {
        let prefix = if dir.is_empty() { String::new() } else { format!("{dir}/") };
        self.tree
            .files
            .iter()
            .filter_map(|(path, data)| {
                let name = path.strip_prefix(&prefix)?;
                (!name.contains('/')).then_some((name, data.as_slice()))
            })
            .collect()
    }

    fn abs(&self, dir: &str) -> String {
        if dir.is_empty() { self.tree.root.clone() } else { format!("{}/{dir}", self.tree.root) }
    }

    fn import_path(&self, dir: &str) -> String {
        if dir.is_empty() { self.module.path.clone() } else { format!("{}/{dir}", self.module.path) }
    }

    fn short(&self, dir: &str) -> String {
        if self.cwd.is_empty() {
            return dir.to_owned();
        }
        if dir == self.cwd {
            return String::new();
        }
        match dir.strip_prefix(&format!("{}/", self.cwd)) {
            Some(rest) => rest.to_owned(),
            None => self.abs(dir),
        }
    }

    /// Loads the package in module directory `dir`.
    pub fn load_dir(&self, dir: &str) -> Package {
        let abs = self.abs(dir);
        let short = self.short(dir);
        let import_path = self.import_path(dir);
        let d =
            package::Dir { abs: &abs, short: &short, import_path: &import_path, files: self.files_in(dir) };
        package::import_dir(&d, self.ctx)
    }

    /// Whether a local wildcard (`./...`) matches the directory, as cmd/go's
    /// `search.MatchDirs` decides: go/build finds a Go file to compile, or a Go file it
    /// could not use (the package then fails loudly instead of vanishing).
    fn dir_matches(&self, dir: &str) -> bool {
        let p = self.load_dir(dir);
        let compiled = [&p.go_files, &p.cgo_files, &p.test_go_files, &p.xtest_go_files];
        !p.invalid_go_files.is_empty() || compiled.iter().any(|files| !files.is_empty())
    }

    /// Whether an import-path wildcard (`example.com/m/...`) matches the directory:
    /// some `.go` file survives the go command's tag-map scan (`imports.ScanDir`).
    fn scan_matches(&self, dir: &str) -> bool {
        self.files_in(dir).iter().any(|&(name, content)| scan_file(name, content, self.ctx))
    }

    /// Lists the packages the patterns match, in command-line order, each once.
    pub fn list(&self, patterns: &[String]) -> Listing {
        let mut listing = Listing::default();
        let patterns: Vec<String> = if patterns.is_empty() { vec![".".into()] } else { patterns.to_vec() };
        let mut seen: Vec<String> = Vec::new();
        for pattern in &patterns {
            let mut matched = Vec::new();
            if pattern == "..." || pattern.ends_with("/...") {
                let prefix = pattern.strip_suffix("...").unwrap_or("");
                let base = prefix.trim_end_matches('/');
                let local = base == "." || base == ".." || base.starts_with("./") || base.starts_with("../");
                // A local pattern's directory must exist, inside the module.
                let missing = match self.resolve_rel(base) {
                    _ if !local => None,
                    None => Some(format!(
                        "pattern {pattern}: directory prefix {base} does not contain main module or its selected dependencies"
                    )),
                    Some(rel) if !rel.is_empty() && !self.dir_exists(&rel) => {
                        Some(format!("pattern {pattern}: lstat {prefix}: no such file or directory"))
                    }
                    Some(_) => None,
                };
                if let Some(err) = missing {
                    listing.packages.push(self.load_target(Target::Missing(err), pattern));
                    continue;
                }
                for dir in self.dirs() {
                    let selected = if local {
                        let rel = self.resolve_rel(base);
                        rel.is_some_and(|rel| {
                            rel.is_empty() || dir == rel || dir.starts_with(&format!("{rel}/"))
                        })
                    } else {
                        let ip = self.import_path(&dir);
                        base.is_empty() || ip == base || ip.starts_with(&format!("{base}/"))
                    };
                    let is_package = if local { self.dir_matches(&dir) } else { self.scan_matches(&dir) };
                    if selected && is_package {
                        matched.push(Target::Dir(dir));
                    }
                }
                if matched.is_empty() {
                    listing.warnings.push(format!("go: warning: \"{pattern}\" matched no packages"));
                }
            } else if pattern == "."
                || pattern.starts_with("./")
                || pattern.starts_with("../")
                || pattern == ".."
            {
                match self.resolve_rel(pattern) {
                    Some(dir) if dir.is_empty() || self.dir_exists(&dir) => matched.push(Target::Dir(dir)),
                    Some(dir) => {
                        matched.push(Target::Missing(format!("stat {}: directory not found", self.abs(&dir))))
                    }
                    None => matched.push(Target::Missing(format!(
                        "directory {pattern} outside main module or its selected dependencies"
                    ))),
                }
            } else {
                matched.push(self.resolve_import(pattern));
            }
            for target in matched {
                // A directory named by a relative path that holds no Go files at all
                // (not even excluded ones) is no package: the error names the pattern.
                if let Target::Dir(dir) = &target
                    && !pattern.contains("...")
                    && (pattern.starts_with('.'))
                    && !self
                        .files_in(dir)
                        .iter()
                        .any(|(n, _)| n.ends_with(".go") && !n.starts_with(['_', '.']))
                {
                    let mut p = self.load_dir(dir);
                    p.import_path = pattern.clone();
                    if let Some(e) = &mut p.error {
                        e.import_stack.clear();
                    }
                    listing.packages.push(p);
                    continue;
                }
                let key = format!("{target:?}");
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                listing.packages.push(self.load_target(target, pattern));
            }
        }
        self.add_deps_errors(&mut listing.packages);
        listing
    }

    fn dir_exists(&self, dir: &str) -> bool {
        let prefix = format!("{dir}/");
        self.tree.files.keys().any(|p| p.starts_with(&prefix))
    }

    /// A relative pattern as a module directory, or `None` outside the module.
    fn resolve_rel(&self, pattern: &str) -> Option<String> {
        let mut parts: Vec<&str> = self.cwd.split('/').filter(|p| !p.is_empty()).collect();
        for elem in pattern.split('/') {
            match elem {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                e => parts.push(e),
            }
        }
        Some(parts.join("/"))
    }

    fn resolve_import(&self, path: &str) -> Target {
        if let Some(dir) = self.module_dir(path) {
            return Target::Dir(dir);
        }
        if is_std(path) {
            return Target::Std(path.to_owned());
        }
        Target::Missing(missing_package(path, self.goroot))
    }

    /// The module directory an import path names: one holding `.go` files, as
    /// module resolution requires (`IsDirWithGoFiles`), else None.
    fn module_dir(&self, path: &str) -> Option<String> {
        let rel =
            if path == self.module.path { "" } else { path.strip_prefix(&format!("{}/", self.module.path))? };
        self.files_in(rel).iter().any(|(n, _)| n.ends_with(".go")).then(|| rel.to_owned())
    }

    fn load_target(&self, target: Target, pattern: &str) -> Package {
        match target {
            Target::Dir(dir) => self.load_dir(&dir),
            Target::Std(path) => Package {
                import_path: path.clone(),
                dir: format!("{}/src/{path}", self.goroot),
                name: path.rsplit('/').next().unwrap_or("").to_owned(),
                ..Package::default()
            },
            Target::Missing(err) => Package {
                import_path: pattern.to_owned(),
                incomplete: true,
                error: Some(PackageError {
                    import_stack: Vec::new(),
                    pos: String::new(),
                    err,
                    unresolved_import: false,
                    ..Default::default()
                }),
                ..Package::default()
            },
        }
    }

    /// Fills `DepsErrors`: errors of the module packages each listed package imports,
    /// directly or not, and imports that resolve nowhere. Standard-library imports
    /// are taken as sound. An import the listed package may not make (of an
    /// `internal` package outside its tree, of a program) or a cycle through it
    /// is its own error.
    fn add_deps_errors(&self, packages: &mut [Package]) {
        let mut cache: BTreeMap<String, Package> = BTreeMap::new();
        for p in packages.iter_mut() {
            if p.dir.is_empty() || !p.dir.starts_with(&self.tree.root) {
                continue;
            }
            let mut walk = Walk {
                stack: vec![p.import_path.clone()],
                from: vec![],
                visited: vec![p.import_path.clone()],
                errors: vec![],
                own: None,
            };
            self.walk_deps(p, &mut walk, &mut cache);
            if p.error.is_none()
                && let Some(e) = walk.own
            {
                p.error = Some(e);
                p.incomplete = true;
            }
            let mut errors = walk.errors;
            if !errors.is_empty() {
                p.incomplete = true;
            }
            // list.go's collectDepsErrors orders by the last package of the import
            // stack (equal ones in map order; crossplay by message, to be stable).
            errors.sort_by(|a, b| {
                let key = |e: &PackageError| (e.import_stack.last().cloned(), e.err.clone());
                key(a).cmp(&key(b))
            });
            p.deps_errors = errors;
        }
    }

    fn walk_deps(&self, p: &Package, walk: &mut Walk, cache: &mut BTreeMap<String, Package>) {
        for path in &p.imports {
            if path == "C" {
                continue;
            }
            let pos = p
                .import_pos
                .iter()
                .find(|(ip, _)| ip == path)
                .map(|(_, pos)| pos.clone())
                .unwrap_or_default();
            // An error of the importer `p` itself: the listed package's own, else
            // one of its dependencies'.
            let importer_error = |walk: &mut Walk, e: PackageError| {
                if walk.stack.len() == 1 {
                    walk.own.get_or_insert(e);
                } else {
                    push_unique(&mut walk.errors, e);
                }
            };
            let internal = |e: &str| PackageError {
                import_stack: walk.stack.clone(),
                pos: pos.clone(),
                err: format!("use of internal package {e} not allowed"),
                always_print_stack: true,
                ..Default::default()
            };
            if is_std(path) {
                // Module code may not import the standard library's internal packages.
                if internal_parent(path).is_some() {
                    let e = internal(path);
                    importer_error(walk, e);
                }
                continue;
            }
            let Some(dir) = self.module_dir(path) else {
                let err = missing_package(path, self.goroot);
                let import_stack = walk.stack.clone();
                push_unique(
                    &mut walk.errors,
                    PackageError { import_stack, pos, err, unresolved_import: true, ..Default::default() },
                );
                continue;
            };
            let file = pos.split(':').next().unwrap_or("").rsplit('/').next().unwrap_or("").to_owned();
            if walk.stack.contains(path) {
                let mut import_stack = walk.stack.clone();
                import_stack.push(path.clone());
                let mut cycle_from = walk.from.clone();
                cycle_from.push(file);
                let e = PackageError {
                    import_stack,
                    err: "import cycle not allowed".into(),
                    cycle_from,
                    ..Default::default()
                };
                // The package entered again holds the error; the listed one may be it.
                if &walk.stack[0] == path {
                    walk.own.get_or_insert(e.clone());
                }
                push_unique(&mut walk.errors, e);
                continue;
            }
            let dep = cache.entry(path.clone()).or_insert_with(|| self.load_dir(&dir)).clone();
            if dep.error.is_none() {
                if internal_parent(path).is_some_and(|parent| !has_path_prefix(&p.import_path, parent)) {
                    let e = internal(path);
                    importer_error(walk, e);
                } else if dep.name == "main" {
                    let q = base::quote::go_quote(path);
                    let err = format!("import {q} is a program, not an importable package");
                    let e = PackageError {
                        import_stack: walk.stack.clone(),
                        pos: pos.clone(),
                        err,
                        ..Default::default()
                    };
                    importer_error(walk, e);
                }
            }
            if walk.visited.contains(path) {
                continue;
            }
            walk.visited.push(path.clone());
            walk.stack.push(path.clone());
            walk.from.push(file);
            if let Some(err) = &dep.error {
                // Errors the go command raises with the package itself on the import
                // stack (no Go files, syntax errors, name collisions) keep their own
                // position; the others point at the import.
                let mut err = err.clone();
                if err.import_stack.is_empty() {
                    err.import_stack = walk.stack[..walk.stack.len() - 1].to_vec();
                    err.pos = pos.clone();
                } else {
                    err.import_stack = walk.stack.clone();
                }
                push_unique(&mut walk.errors, err);
            }
            self.walk_deps(&dep, walk, cache);
            walk.stack.pop();
            walk.from.pop();
        }
    }
}

/// The state of one walk over a listed package's imports.
struct Walk {
    stack: Vec<String>,
    /// The file each stack entry after the first is imported from.
    from: Vec<String>,
    visited: Vec<String>,
    errors: Vec<PackageError>,
    /// The listed package's own error, found on the way.
    own: Option<PackageError>,
}

/// The path an `internal` element's tree starts at (`findInternal`): `a/b` for
/// `a/b/internal/c` and `a/b/internal`, `""` for `internal/x`; None without one.
fn internal_parent(path: &str) -> Option<&str> {
    if let Some(p) = path.strip_suffix("/internal") {
        return Some(p);
    }
    if let Some(i) = path.rfind("/internal/") {
        return Some(&path[..i]);
    }
    (path == "internal" || path.starts_with("internal/")).then_some("")
}

/// `str.HasPathPrefix`: `s` is `prefix` or below it.
fn has_path_prefix(s: &str, prefix: &str) -> bool {
    prefix.is_empty() || s == prefix || s.strip_prefix(prefix).is_some_and(|r| r.starts_with('/'))
}

fn push_unique(errors: &mut Vec<PackageError>, err: PackageError) {
    if !errors.iter().any(|e| e.err == err.err && e.pos == err.pos) {
        errors.push(err);
    }
}

/// The go command's error for an import path nothing provides.
fn missing_package(path: &str, goroot: &str) -> String {
    let first = path.split('/').next().unwrap_or("");
    if first.contains('.') {
        format!("no required module provides package {path}; to add it:\n\tgo get {path}")
    } else {
        format!("package {path} is not in std ({goroot}/src/{path})")
    }
}

#[derive(Debug)]
enum Target {
    Dir(String),
    Std(String),
    Missing(String),
}

/// `imports.ScanDir`'s test for one file, which decides whether a directory is a
/// package for `...` patterns: the name and header constraints evaluated over the set
/// of satisfied tags, files importing "C" skipped unless the `cgo` tag is (CGO_ENABLED=1
/// or `-tags cgo`).
fn scan_file(name: &str, content: &[u8], ctx: &Context) -> bool {
    use buildtags::name::{NameConstraint, name_constraint};
    if name.starts_with('_') || name.starts_with('.') || !name.ends_with(".go") {
        return false;
    }
    // The tag map holds the satisfied tags verbatim: unlike go/build it does not read
    // `boringcrypto` as `goexperiment.boringcrypto`.
    let tag = |t: &str| {
        if t == "boringcrypto" {
            ctx.build_tags.iter().chain(&ctx.tool_tags).chain(&ctx.release_tags).any(|x| x == t)
        } else {
            ctx.matches(t)
        }
    };
    let name_ok = match name_constraint(name) {
        None => true,
        Some(NameConstraint::OsArch { goos, goarch }) => tag(&goos) && tag(&goarch),
        Some(NameConstraint::One(t)) => tag(&t),
    };
    if !name_ok {
        return false;
    }
    let content = content.strip_prefix(b"\xef\xbb\xbf").unwrap_or(content);
    let (h, _) = header::read(content);
    if h.imports.iter().any(|i| i.path == "C") && !tag("cgo") {
        return false;
    }
    let Ok(constraint) = buildtags::header::parse_header(content).and_then(|h| h.constraint()) else {
        return false;
    };
    match constraint {
        buildtags::Constraint::None => true,
        buildtags::Constraint::GoBuild { expr, .. } => expr.eval(&mut |t| tag(t)),
        buildtags::Constraint::PlusBuild(lines) => {
            lines.iter().all(|(_, x)| x.as_ref().is_none_or(|x| x.eval(&mut |t| tag(t))))
        }
    }
}
