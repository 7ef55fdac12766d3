//! The build pipeline for one program: the main package's files and crossplay's
//! standard library (`goroot`), selected for the target by crossplay's own build
//! constraints, parsed, type-checked in dependency order, lowered to IR, and linked.
//! Sans-IO: sources come in as bytes, the binary goes out as bytes. It builds the
//! ports `target` marks buildable; the CLI's `build` and `run` and the browser worker
//! are its callers.
//!
//! `build_with(Config, main sources, caching)` loads crossplay's std packages depth
//! first from `goroot` (runtime first), each file selected with `buildtags`, and
//! parses them; then compiles each package — type-checks it into one
//! `typeck::World` and generates IR, in dependency order; then, by dependency
//! level, independent packages on `-p` threads, optimizes it (`opt::run`, which
//! may inline from its dependencies' export data) and compiles every function to
//! a `link::object::Object` — each package's compile an action of the build
//! cache (`Caching`, `cache::CompileAction`) that runs only on a miss; synthesizes
//! `go:inits` (each package's initialization in dependency order, a Go function
//! of the context word like any); applies `-X` and the build info
//! (`link::xdef`); and links, as one cached action (`cache::LinkAction`), with
//! `link::wasm` or, for a native port, `link::native` given the port's ISA
//! (`ISAS`: each ISA crate's `codegen::isa::IsaDesc`, found by `target::Arch`), the
//! writer for its `Container` (`link::native::Format::of`) and its OS's entry
//! convention (`os_abi`: `target::Os` to `codegen::OsAbi`). A unit test checks
//! target's `buildable` column against those three. Errors are printed as `go
//! build` prints them (`# pkg`, then `file:line:col: message`; link errors without
//! a position).
//!
//! Around it, what the CLI and the worker share so that the same module and
//! settings give the same bytes from both: `packages` and `main_package` (the
//! packages a command line names, with the go command's load errors, each with the
//! main module's packages it imports, `local_deps`), `check` (compile a package
//! that is not a program), `exec_name` (Go's output name), `parse_ldflags`
//! (`-ldflags` as cmd/link reads it, `LinkFlags`), `PerPackageFlag` (`-ldflags` and
//! `-gcflags` values with patterns), `build_info` and `stamp_vcs` (what `go version
//! -m` prints) and `build_info_blob` (the inline `go:buildinfo` blob; Wasm binaries
//! carry none), `default_godebug` (cmd/go's DefaultGODEBUG), `go_version` (the
//! version a binary records, also `runtime.buildVersion`), the build ID in Go's
//! four-part shape (finished with the content ID by `link::buildid`), and `listing`
//! (`-gcflags=-S`).

use std::collections::BTreeMap;

use base::quote::go_quote;
use codegen::OsAbi;
use codegen::isa::IsaDesc;
use syntax::ast;
use target::{Arch, Container, Os, Port};

mod ldflags;
pub use ldflags::{LinkFlags, external_linking_reason, parse_ldflags};

/// A build's target and settings.
#[derive(Clone, Debug)]
pub struct Config {
    /// GOOS/GOARCH.
    pub port: &'static Port,
    /// Extra build tags (`-tags`), for choosing the standard library's files.
    pub tags: Vec<String>,
    /// What `-ldflags` asks of the linker (`-s`, `-X`, `-buildid`, `-B`, …).
    pub link: LinkFlags,
    /// How messages name the main package: its import path, or
    /// `command-line-arguments` for files named on the command line.
    pub main_path: String,
    /// The main module's packages the program imports, directly or not
    /// (`MainPkg::deps`).
    pub local: Vec<LocalPkg>,
    /// The build info to embed (`build_info`'s text), for the containers that carry
    /// it (ELF `.go.buildinfo`, PE `.data`, Mach-O `__go_buildinfo`); None leaves it out.
    pub build_info: Option<String>,
    /// How many threads may compile at once (`-p`); 1 where there are no threads
    /// (wasm32). The output is the same for every value.
    pub jobs: usize,
    /// GOEXPERIMENT's experiments that differ from the target's baseline
    /// (`Context::experiment_string`), which the version string carries.
    pub experiment: String,
    /// Run the optimizing passes (`-gcflags=-N` turns them off).
    pub optimize: bool,
    /// Inline small functions (`-gcflags=-l` turns it off).
    pub inline: bool,
    /// Verify the IR before and after every pass (the tests turn it on); a broken
    /// invariant is a build error naming the pass.
    pub verify_ir: bool,
    /// The sub-architecture variable as `NAME=value` (`GOAMD64=v1`), CGO_ENABLED
    /// and `-trimpath`: they key every compile action, as in Go.
    pub archvar: String,
    pub cgo_enabled: bool,
    pub trimpath: bool,
    /// The main module's go.mod `go` line (`1.21`), the language version of the
    /// main package and the module's packages; None for the newest (files
    /// outside a module, the standard library).
    pub go_version: Option<String>,
}

impl Config {
    pub fn new(port: &'static Port) -> Config {
        Config {
            port,
            tags: vec![],
            link: LinkFlags::default(),
            main_path: "command-line-arguments".into(),
            local: vec![],
            build_info: None,
            jobs: 1,
            experiment: String::new(),
            optimize: true,
            inline: true,
            verify_ir: false,
            archvar: String::new(),
            cgo_enabled: false,
            trimpath: false,
            go_version: None,
        }
    }
}

/// A source file of the main package.
#[derive(Clone, Debug)]
pub struct Source {
    /// How Go names it in messages (`./main.go`).
    pub name: String,
    pub text: Vec<u8>,
}

struct Pkg {
    path: String,
    /// How messages name it (`command-line-arguments` for a program's files).
    display: String,
    /// Its files (name, contents).
    files: Vec<(String, std::borrow::Cow<'static, [u8]>)>,
    /// What it imports, in order of first appearance.
    imports: Vec<String>,
    /// The files' syntax trees: parsed when the package is loaded, or for the
    /// standard library (whose imports come from the files' headers) when it is
    /// first type-checked — a build whose packages are all cached parses none.
    asts: std::cell::OnceCell<Vec<ast::File>>,
}

impl Pkg {
    /// A package parsed now; parse errors go to `errs`.
    fn parsed(path: &str, display: &str, files: Vec<(String, Vec<u8>)>, errs: &mut Vec<String>) -> Pkg {
        let parsed = parse_all(files, errs);
        let imports = imports(parsed.iter().map(|(_, _, a)| a));
        let (files, asts): (Vec<_>, Vec<ast::File>) =
            parsed.into_iter().map(|(n, t, a)| ((n, t.into()), a)).unzip();
        Pkg {
            path: path.into(),
            display: display.into(),
            files,
            imports,
            asts: std::cell::OnceCell::from(asts),
        }
    }

    /// Its language version: the module's, unless it is the standard library's.
    fn lang(&self, module: Option<(u32, u32)>) -> Option<(u32, u32)> {
        if self.files.first().is_some_and(|(n, _)| n.starts_with("$GOROOT/")) { None } else { module }
    }

    /// The syntax trees, parsing the files the first time.
    fn asts(&self) -> Result<&[ast::File], Vec<String>> {
        if let Some(a) = self.asts.get() {
            return Ok(a);
        }
        let mut errs = Vec::new();
        let parsed = parse_all(self.files.iter().map(|(n, t)| (n.clone(), t.to_vec())).collect(), &mut errs);
        if !errs.is_empty() || parsed.len() != self.files.len() {
            return Err(errs);
        }
        Ok(self.asts.get_or_init(|| parsed.into_iter().map(|(_, _, a)| a).collect()))
    }
}

/// A per-package build flag's value (`-ldflags`, `-gcflags`) as cmd/go reads it
/// (`load.PerPackageFlag`): flags for the packages on the command line, or
/// `pattern=flags` for the packages the pattern matches. The error is Go's
/// (`invalid value "V" for flag -NAME: ` comes before it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PerPackageFlag {
    /// The pattern, if one was given (`all`, `std`, an import path pattern, a
    /// relative or absolute directory pattern).
    pub pattern: Option<String>,
    /// The flags, still to be split.
    pub flags: String,
}

impl PerPackageFlag {
    pub fn parse(value: &str) -> Result<PerPackageFlag, String> {
        let v = value.trim();
        if v.is_empty() || v.starts_with('-') {
            target::goenv::split_quoted(v)?;
            return Ok(PerPackageFlag { pattern: None, flags: v.to_string() });
        }
        match v.find('=') {
            None => Err("missing =<value> in <pattern>=<value>".into()),
            Some(0) => Err("missing <pattern> in <pattern>=<value>".into()),
            Some(_) if v.starts_with(['\'', '"']) => {
                Err(format!("parameter may not start with quote character {}", &v[..1]))
            }
            Some(i) => {
                Ok(PerPackageFlag { pattern: Some(v[..i].trim().to_string()), flags: v[i + 1..].to_string() })
            }
        }
        .and_then(|f| target::goenv::split_quoted(&f.flags).map(|_| f))
    }

    /// The flags that apply to the main package (`import_path`, in directory
    /// `dir`, named on the command line; `cwd` the working directory): all of
    /// them without a pattern, none when the pattern does not match it.
    pub fn for_main(&self, import_path: &str, dir: &str, cwd: &str) -> &str {
        let Some(pattern) = &self.pattern else { return &self.flags };
        let matched = match pattern.as_str() {
            "all" => true,
            "std" | "cmd" | "tool" => false,
            p if p == "."
                || p == ".."
                || p.starts_with("./")
                || p.starts_with("../")
                || p.starts_with('/') =>
            {
                let joined = if p.starts_with('/') { p.to_string() } else { format!("{cwd}/{p}") };
                match_pattern(&clean_path(&joined), dir)
            }
            p => match_pattern(p, import_path),
        };
        if matched { &self.flags } else { "" }
    }
}

/// `pkgpattern.MatchPattern`: `...` matches any string, and a trailing `/...`
/// also matches nothing (`net/...` matches `net`).
fn match_pattern(pattern: &str, name: &str) -> bool {
    if let Some(prefix) = pattern.strip_suffix("/...")
        && !prefix.contains("...")
        && name == prefix
    {
        return true;
    }
    let parts: Vec<&str> = pattern.split("...").collect();
    let mut rest = name;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part) else { return false };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(at) = rest.find(part) else { return false };
            rest = &rest[at + part.len()..];
        }
    }
    rest.is_empty()
}

/// `filepath.Clean` for slash-separated absolute paths.
pub fn clean_path(p: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            x => out.push(x),
        }
    }
    format!("/{}", out.join("/"))
}

/// The checks `go build` makes of the target before loading anything: a port Go
/// knows (exit status 2), and one that links without cgo or has cgo on (status 1).
/// The port, if both pass.
pub fn check_target(ctx: &target::Context) -> Result<&'static Port, (i32, String)> {
    let Some(port) = ctx.port() else {
        return Err((2, format!("go: unsupported GOOS/GOARCH pair {}/{}", ctx.goos, ctx.goarch)));
    };
    ctx.check_link().map_err(|m| (1, m))?;
    Ok(port)
}

/// A main package ready to compile.
#[derive(Clone, Debug)]
pub struct MainPkg {
    /// `go build`'s default output name (without the `.exe` suffix).
    pub exec_name: String,
    pub sources: Vec<Source>,
    /// Its import path (`command-line-arguments` for files named on the command line).
    pub import_path: String,
    /// The name in its package clause: `main` for a program.
    pub name: String,
    /// The main module's path, if it is in one (for files: if they import its
    /// packages).
    pub module: Option<String>,
    /// Its directory, absolute.
    pub dir: String,
    /// The GODEBUG defaults the build records (`default_godebug`).
    pub default_godebug: String,
    /// The main module's go.mod `go` line: the language version of the package
    /// and the module's packages it imports (None outside a module).
    pub go_version: Option<String>,
    /// The main module's packages it imports, directly or not, each after the
    /// ones it imports.
    pub deps: Vec<LocalPkg>,
}

/// A package of the main module that the program imports.
#[derive(Clone, Debug)]
pub struct LocalPkg {
    pub import_path: String,
    /// Its files, named as `go build` names them in messages.
    pub sources: Vec<Source>,
}

/// The main package matched by `pattern` in a module, its files named as `go build`
/// names them in messages (`./main.go` in the working directory).
pub fn main_package(loader: &load::Loader<'_>, pattern: &str) -> Result<MainPkg, String> {
    let (pkgs, _) = packages(loader, &[pattern.to_owned()])?;
    let Some(p) = pkgs.into_iter().next() else {
        return Err(format!("go: no packages loaded from {pattern}"));
    };
    if p.name != "main" {
        return Err(format!("package {} is not a main package", p.import_path));
    }
    Ok(p)
}

/// The packages `patterns` match in a module, in command-line order, with the
/// warnings for patterns that matched none; or the go command's errors loading
/// them and what they import (each once, a package's dependencies before it),
/// which stop `go build` before it builds anything.
pub fn packages(
    loader: &load::Loader<'_>,
    patterns: &[String],
) -> Result<(Vec<MainPkg>, Vec<String>), String> {
    let listing = loader.list(patterns);
    let mut errors: Vec<String> = Vec::new();
    for p in &listing.packages {
        for m in p.deps_errors.iter().map(|e| e.message()).chain(p.error.iter().map(|e| e.message())) {
            if !errors.contains(&m) {
                errors.push(m);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let mut out = Vec::new();
    for p in &listing.packages {
        let sources = package_sources(loader, p);
        out.push(MainPkg {
            deps: local_deps(loader, &p.import_path, &p.imports),
            exec_name: exec_name(&p.import_path),
            import_path: p.import_path.clone(),
            name: p.name.clone(),
            module: Some(loader.module.path.clone()),
            dir: p.dir.clone(),
            default_godebug: default_godebug(
                loader.module.go_version.as_deref(),
                &loader.module.godebug,
                loader.ctx.fips140.is_some(),
                &sources,
            )
            .map_err(|e| format!("# {}\n{e}", p.import_path))?,
            go_version: loader.module.go_version.clone(),
            sources,
        });
    }
    Ok((out, listing.warnings))
}

/// A package's Go files as `go build` names them in messages: under the shortest
/// of the directory's absolute path and its path relative to the working directory
/// (`./main.go`, `lib/lib.go`, `../lib/lib.go`), as cmd/go rewrites the compiler's
/// output.
fn package_sources(loader: &load::Loader<'_>, p: &load::Package) -> Vec<Source> {
    let tree = loader.tree;
    let rel_dir = p.dir.strip_prefix(&tree.root).unwrap_or(&p.dir).trim_start_matches('/');
    let cwd = if loader.cwd.is_empty() { tree.root.clone() } else { format!("{}/{}", tree.root, loader.cwd) };
    let dir = short_path(&cwd, &p.dir);
    p.go_files
        .iter()
        .map(|f| {
            let key = if rel_dir.is_empty() { f.clone() } else { format!("{rel_dir}/{f}") };
            Source { name: format!("{dir}/{f}"), text: tree.files.get(&key).cloned().unwrap_or_default() }
        })
        .collect()
}

/// `base.ShortPath` for absolute slash-separated paths: the path relative to
/// `cwd` when that is shorter.
fn short_path(cwd: &str, path: &str) -> String {
    let (c, p): (Vec<&str>, Vec<&str>) = (
        cwd.split('/').filter(|x| !x.is_empty()).collect(),
        path.split('/').filter(|x| !x.is_empty()).collect(),
    );
    let common = c.iter().zip(&p).take_while(|(a, b)| a == b).count();
    let mut rel: Vec<&str> = vec![".."; c.len() - common];
    rel.extend(&p[common..]);
    let rel = if rel.is_empty() { ".".to_string() } else { rel.join("/") };
    if rel.len() < path.len() { rel } else { path.to_string() }
}

/// The main module's packages that package `path`, importing `imports`, needs,
/// directly or not, each after its own imports (the loader reports missing ones
/// and cycles).
pub fn local_deps(loader: &load::Loader<'_>, path: &str, imports: &[String]) -> Vec<LocalPkg> {
    fn walk(loader: &load::Loader<'_>, imports: &[String], stack: &mut Vec<String>, out: &mut Vec<LocalPkg>) {
        let module = &loader.module.path;
        for path in imports {
            let rel = if path == module { Some("") } else { path.strip_prefix(&format!("{module}/")) };
            let Some(rel) = rel else { continue };
            if stack.contains(path) || out.iter().any(|d| &d.import_path == path) {
                continue;
            }
            let dep = loader.load_dir(rel);
            stack.push(path.clone());
            walk(loader, &dep.imports, stack, out);
            stack.pop();
            out.push(LocalPkg { import_path: path.clone(), sources: package_sources(loader, &dep) });
        }
    }
    let mut out = Vec::new();
    walk(loader, imports, &mut vec![path.to_string()], &mut out);
    out
}

/// The `//go:debug` directives of a file (lines before the package clause): each
/// `(position, text)`, the text from `//go:debug` on.
fn godebug_directives(name: &str, text: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, line) in String::from_utf8_lossy(text).lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("package") {
            break;
        }
        if trimmed.starts_with("//go:debug") {
            let col = line.len() - trimmed.len() + 1;
            out.push((format!("{name}:{}:{col}", i + 1), trimmed.trim_end().to_owned()));
        }
    }
    out
}

/// `load.ParseGoDebug`: the key and value of a `//go:debug` directive; `None` for
/// a comment that is not one (`//go:debugger`), or Go's error.
fn parse_godebug(text: &str) -> Option<Result<(String, String), String>> {
    let Some(i) = text.find([' ', '\t']) else {
        return (text.trim() == "//go:debug").then(|| Err("missing key=value".into()));
    };
    let Some((k, v)) = text[i..].trim().split_once('=') else { return Some(Err("missing key=value".into())) };
    Some(target::godebug::check("//go:debug setting", k, v).map(|()| (k.to_owned(), v.to_owned())))
}

/// The DefaultGODEBUG cmd/go records for a main package (`load.defaultGODEBUG`):
/// for a main module whose `go` line is older than a setting's change, the old
/// value, under the go.mod `godebug` lines (`mod_godebug`, checked by
/// `load::check_go_mod`), under the main package's `//go:debug` directives
/// (`default=goX` picks another version); with GOFIPS140 on, `fips140=on` first.
/// Keys sorted, comma-separated. Outside a module (`go_version` None) the version
/// is the toolchain's own, so only the settings themselves appear. An error is
/// `go build`'s report of the bad or repeated directives (`checkDirectives`).
pub fn default_godebug(
    go_version: Option<&str>,
    mod_godebug: &[load::Godebug],
    fips140: bool,
    sources: &[Source],
) -> Result<String, String> {
    let mut set: BTreeMap<String, String> = BTreeMap::new();
    if fips140 {
        set.insert("fips140".into(), "on".into());
    }
    for g in mod_godebug {
        set.insert(g.key.clone(), g.value.clone());
    }
    let mut errors = Vec::new();
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for s in sources {
        for (pos, text) in godebug_directives(&s.name, &s.text) {
            match parse_godebug(&text) {
                None => {}
                Some(Err(e)) => errors.push(format!("{pos}: invalid //go:debug: {e}")),
                Some(Ok((k, v))) => {
                    if let Some(prev) = seen.get(&k) {
                        errors.push(format!(
                            "{pos}: repeated //go:debug for {k}\n\t{prev}: previous //go:debug"
                        ));
                        continue;
                    }
                    seen.insert(k.clone(), pos);
                    set.insert(k, v);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let mut version = go_version.unwrap_or(target::godebug::LOCAL).to_owned();
    if let Some(v) = set.remove("default") {
        let v = v.strip_prefix("go").unwrap_or(&v);
        if target::godebug::is_valid(v) {
            version = v.to_owned();
        }
    }
    // `godebugForGoVersion`: the language version `1.N` (a patch release cut to
    // it); anything else has no defaults.
    let lang = match version.match_indices('.').nth(1) {
        Some((i, _)) => &version[..i],
        None => &version,
    };
    let minor = lang.strip_prefix("1.").and_then(|n| n.parse::<u32>().ok());
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    if let Some(minor) = minor {
        for &(name, changed, old) in target::godebugs::CHANGED {
            if minor < changed {
                out.insert(name.to_string(), old.to_string());
            }
        }
    }
    out.extend(set);
    Ok(out.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(","))
}

/// `go build`'s output name for a main package: the import path's last element, or
/// the one before a major-version suffix (`example.com/tool/v2` → `tool`).
pub fn exec_name(import_path: &str) -> String {
    let parts: Vec<&str> = import_path.split('/').collect();
    let last = parts[parts.len() - 1];
    let is_major = last.len() > 1
        && last.starts_with('v')
        && last[1..].bytes().all(|b| b.is_ascii_digit())
        && !last[1..].starts_with('0')
        && last != "v1";
    if parts.len() > 1 && is_major { parts[parts.len() - 2].to_owned() } else { last.to_owned() }
}

/// The Go release crossplay models, as binaries record it.
pub const GO_VERSION: &str = "go1.27.3";

/// The version a binary records (`runtime.Version`, the build info's `go` line):
/// the release, and the experiments that differ from the baseline as the linker
/// appends them (`go1.27.3-X:nogreenteagc`; a space before `X:` when the release
/// itself has a `-`).
pub fn go_version(experiment: &str) -> String {
    if experiment.is_empty() {
        return GO_VERSION.to_owned();
    }
    let sep = if GO_VERSION.contains('-') { ' ' } else { '-' };
    format!("{GO_VERSION}{sep}X:{experiment}")
}

/// What a build records about itself, as `go version -m` prints it
/// (`runtime/debug.BuildInfo.String` without its `go` line; `cmd/go`'s
/// `setBuildInfo` for the settings and their order). `main_path` is the main
/// package's import path (`command-line-arguments` for files, which have no `mod`
/// line); `module` the main module's path, whose version is `(devel)` without VCS
/// (for files: the module whose packages they import, a `dep`).
pub fn build_info(
    main_path: &str,
    module: Option<&str>,
    ctx: &target::Context,
    env: &target::GoEnv,
    ldflags: Option<&str>,
    trimpath: bool,
    default_godebug: &str,
) -> String {
    let mut settings: Vec<(String, String)> =
        vec![("-buildmode".into(), "exe".into()), ("-compiler".into(), "gc".into())];
    if let Some(ld) = ldflags.filter(|l| !l.is_empty() && !trimpath) {
        settings.push(("-ldflags".into(), ld.into()));
    }
    if !ctx.build_tags.is_empty() {
        settings.push(("-tags".into(), ctx.build_tags.join(",")));
    }
    if trimpath {
        settings.push(("-trimpath".into(), "true".into()));
    }
    if !default_godebug.is_empty() {
        settings.push(("DefaultGODEBUG".into(), default_godebug.into()));
    }
    settings.push(("CGO_ENABLED".into(), if ctx.cgo_enabled { "1" } else { "0" }.into()));
    if ctx.cgo_enabled && !trimpath {
        for name in ["CGO_CFLAGS", "CGO_CPPFLAGS", "CGO_CXXFLAGS", "CGO_LDFLAGS"] {
            settings.push((name.into(), env.layers().getenv(name)));
        }
    }
    settings.push(("GOARCH".into(), ctx.goarch.clone()));
    let experiment = env.layers().getenv("GOEXPERIMENT");
    if !experiment.is_empty() {
        settings.push(("GOEXPERIMENT".into(), experiment));
    }
    if let Some(v) = ctx.fips140 {
        settings.push(("GOFIPS140".into(), v.into()));
    }
    settings.push(("GOOS".into(), ctx.goos.clone()));
    if let Some((var, value, _)) = env.arch_env()
        && !value.is_empty()
    {
        settings.push((var.name().into(), value));
    }
    let mut out = format!("path\t{main_path}\n");
    // Files named on the command line have no main module of their own; the
    // module whose packages they import is a dependency.
    match module {
        Some(m) if main_path == "command-line-arguments" => out.push_str(&format!("dep\t{m}\t(devel)\t\n")),
        Some(m) => out.push_str(&format!("mod\t{m}\t(devel)\t\n")),
        None => {}
    }
    for (k, v) in settings {
        let v = v.replace('\n', " ");
        let key =
            if k.is_empty() || k.contains(['=', ' ', '\t', '\r', '\n', '"', '`']) { go_quote(&k) } else { k };
        let value = if v.contains([' ', '\t', '\r', '\n', '"', '`']) { go_quote(&v) } else { v };
        out.push_str(&format!("build\t{key}={value}\n"));
    }
    out
}

/// What `-buildvcs` found: the system, the revision and its commit time
/// (RFC 3339, UTC; either may be empty in a repository without commits),
/// whether the tree has uncommitted changes, and the main module's version at
/// the revision, if the repository gives it one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vcs {
    pub system: String,
    pub revision: String,
    pub time: String,
    pub modified: bool,
    pub version: Option<String>,
}

/// Adds VCS stamping to `build_info`'s text: the `vcs` settings last, as cmd/go
/// appends them, and the repository's version for the main module's `(devel)`.
pub fn stamp_vcs(info: &str, vcs: &Vcs) -> String {
    let mut out = String::with_capacity(info.len() + 160);
    for line in info.lines() {
        match (line.strip_prefix("mod\t"), &vcs.version) {
            (Some(rest), Some(v)) => {
                let mut f = rest.split('\t');
                let (path, sum) = (f.next().unwrap_or(""), f.nth(1).unwrap_or(""));
                out.push_str(&format!("mod\t{path}\t{v}\t{sum}\n"));
            }
            _ => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.push_str(&format!("build\tvcs={}\n", vcs.system));
    if !vcs.revision.is_empty() {
        out.push_str(&format!("build\tvcs.revision={}\n", vcs.revision));
    }
    if !vcs.time.is_empty() {
        out.push_str(&format!("build\tvcs.time={}\n", vcs.time));
    }
    out.push_str(&format!("build\tvcs.modified={}\n", vcs.modified));
    out
}

/// The `go:buildinfo` blob (1.18's inline format): magic, pointer size, flags
/// (little-endian, inline strings), padding to 32 bytes, then the Go version and
/// the module info framed by cmd/go's sentinels, each with a varint length.
pub fn build_info_blob(version: &str, info: &str) -> Vec<u8> {
    const START: [u8; 16] =
        [0x30, 0x77, 0xaf, 0x0c, 0x92, 0x74, 0x08, 0x02, 0x41, 0xe1, 0xc1, 0x07, 0xe6, 0xd6, 0x18, 0xe6];
    const END: [u8; 16] =
        [0xf9, 0x32, 0x43, 0x31, 0x86, 0x18, 0x20, 0x72, 0x00, 0x82, 0x42, 0x10, 0x41, 0x16, 0xd8, 0xf2];
    let mut b = b"\xff Go buildinf:".to_vec();
    b.push(8);
    b.push(2);
    b.resize(32, 0);
    let mut modinfo = START.to_vec();
    modinfo.extend_from_slice(info.as_bytes());
    modinfo.extend_from_slice(&END);
    for s in [version.as_bytes(), &modinfo] {
        let mut n = s.len() as u64;
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            b.push(if n == 0 { byte } else { byte | 0x80 });
            if n == 0 {
                break;
            }
        }
        b.extend_from_slice(s);
    }
    b.resize(b.len().next_multiple_of(16), 0);
    b
}

/// The native back ends: each ISA crate's descriptor.
static ISAS: [&IsaDesc; 2] = [&isa_amd64::DESC, &isa_arm64::DESC];

/// The native back end of `arch`, if crossplay has one.
fn isa(arch: Arch) -> Option<&'static IsaDesc> {
    ISAS.into_iter().find(|isa| isa.arch == arch)
}

/// How programs for `os` are entered and call the system, for the OSes whose
/// runtime port and entry stubs crossplay has.
fn os_abi(os: Os) -> Option<OsAbi> {
    match os {
        Os::Linux => Some(OsAbi::Linux),
        Os::Windows => Some(OsAbi::Windows),
        Os::Darwin => Some(OsAbi::Darwin),
        _ => None,
    }
}

/// What links a native program for `port`: the back end, the container writer and
/// the OS's entry convention, if crossplay has all three.
fn native(port: &Port) -> Option<(&'static IsaDesc, link::native::Format, OsAbi)> {
    let isa = isa(port.arch)?;
    let format = link::native::Format::of(port.container(), isa)?;
    Some((isa, format, os_abi(port.os)?))
}

/// Compiles a package that is not a program (`cfg.main_path`, with `cfg.local`)
/// as `go build` does when it only checks that packages build; on failure, the
/// messages as `go build` prints them.
pub fn check(cfg: &Config, sources: &[Source]) -> Result<(), Vec<String>> {
    compile(cfg, sources, &cfg.main_path, false, None).map(|_| ())
}

/// Builds the program; on failure, the messages as `go build` prints them.
pub fn build(cfg: &Config, main: &[Source]) -> Result<Vec<u8>, Vec<String>> {
    build_with(cfg, main, None)
}

/// Builds the program, each package's compile and the link an action of
/// `caching` (if any) that runs only when the store has no output for it; with
/// `Caching::dry_run`, runs nothing and gives no bytes.
pub fn build_with(
    cfg: &Config,
    main: &[Source],
    mut caching: Option<&mut Caching<'_>>,
) -> Result<Vec<u8>, Vec<String>> {
    let native = native(cfg.port);
    let mut compiled = compile(cfg, main, "main", true, caching.as_deref_mut())?;
    // The linker defines the version and the build info (which reaches
    // runtime/debug.ReadBuildInfo through runtime.modinfo) as it does -X's.
    let xdefs: Vec<(String, String)> = [("runtime.buildVersion".to_string(), go_version(&cfg.experiment))]
        .into_iter()
        .chain(cfg.build_info.iter().map(|bi| ("runtime.modinfo".to_string(), bi.clone())))
        .chain(cfg.link.xdefs.clone())
        .collect();
    // Link errors come under the main package's header, as `go build` prints
    // the linker's output.
    let link_errors = |e: Vec<link::LinkError>| {
        std::iter::once(format!("# {}", cfg.main_path))
            .chain(e.iter().map(|e| e.to_string()))
            .collect::<Vec<_>>()
    };
    let link_text = format!("link -o {}", caching.as_ref().map_or("", |c| c.output.as_str()));
    let link_id = caching.is_some().then(|| {
        cache::LinkAction {
            import_path: cfg.main_path.clone(),
            goos: cfg.port.goos().into(),
            goarch: cfg.port.goarch().into(),
            archvar: cfg.archvar.clone(),
            experiment: cfg.experiment.clone(),
            ldflags: format!("{:?}", cfg.link),
            xdefs: xdefs.clone(),
            buildinfo: cfg.build_info.clone().unwrap_or_default(),
            objects: compiled
                .objects
                .iter()
                .zip(&compiled.object_ids)
                .map(|(o, id)| (o.path.clone(), *id))
                .collect(),
        }
        .id()
    });
    if let (Some(c), Some(id)) = (caching.as_deref_mut(), link_id) {
        let missed = c.actions.iter().any(|a| !a.hit);
        if !missed
            && !c.force
            && let Some(binary) = c.store.get(&id)
        {
            c.actions.push(Action { text: link_text, hit: true });
            return Ok(binary);
        }
        c.actions.push(Action { text: link_text, hit: false });
        if c.dry_run {
            return Ok(Vec::new());
        }
    }
    let paths: Vec<String> = compiled.inputs.iter().map(|(p, _)| p.clone()).collect();
    let inits = inits_object(&paths, cfg)?;
    compiled.objects.push(inits);
    link::xdef::apply(&mut compiled.objects, &xdefs, cfg.port.arch.ptr_size()).map_err(link_errors)?;
    let binary = link(cfg, compiled, native).map_err(link_errors)?;
    if let (Some(c), Some(id)) = (caching, link_id) {
        c.store.put(&id, &binary);
    }
    Ok(binary)
}

/// Links a build's objects (`go:inits` last) into the program.
fn link(
    cfg: &Config,
    compiled: Compiled,
    native: Option<(&'static IsaDesc, link::native::Format, OsAbi)>,
) -> Result<Vec<u8>, Vec<link::LinkError>> {
    let host = cfg.link.host_build_id.clone();
    let build_id = match &cfg.link.build_id {
        Some(id) => link::buildid::BuildId { id: id.clone(), content_placeholder: false, host },
        None => link::buildid::BuildId {
            id: build_id(cfg, &compiled.main_object, &compiled.inputs),
            content_placeholder: true,
            host,
        },
    };
    let objects = &compiled.objects;
    if cfg.port.container() != Container::Wasm {
        let Some((isa, format, os)) = native else {
            return Err(vec![link::LinkError(unsupported(cfg.port))]);
        };
        let opts = link::native::Options {
            buildinfo: cfg
                .build_info
                .as_deref()
                .map(|info| build_info_blob(&go_version(&cfg.experiment), info)),
            strip: cfg.link.strip,
            build_id,
            windows_gui: cfg.link.windows_gui,
            macho_versions: [cfg.link.macos, cfg.link.macsdk]
                .map(|[a, b, c]| u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c)),
        };
        return link::native::link(objects, isa, format, os, opts);
    }
    let opts = link::wasm::Options {
        // wasm_exec.js reads the memory as `mem`; WASI hosts look for `memory`.
        memory_export: match cfg.port.os {
            Os::Js => link::wasm::MemoryExport::Mem,
            _ => link::wasm::MemoryExport::Memory,
        },
        stack_size: 1 << 20,
        build_id,
        strip: cfg.link.strip,
    };
    link::wasm::link(objects, &opts).map(|(b, _)| b)
}

/// The build ID a built binary carries, as `go tool buildid` prints it.
pub fn read_build_id(binary: &[u8]) -> Option<String> {
    link::buildid::read(binary)
}

/// A package's inputs: its import path and the hash of its files' names and
/// contents.
type PkgInput = (String, [u8; 32]);

/// crossplay's build ID before the link, in the shape `cmd/go` gives a binary's:
/// `actionID(link)/actionID(main)/contentID(main)/placeholder`, each part
/// `HashToString` of a SHA-256, the placeholder (the link action ID, as in
/// `cmd/go`) replaced by the binary's content ID once it is written. The main
/// action ID hashes what compiles the main package (the toolchain, the target,
/// its files, the build info and the inputs of what it imports), its content ID
/// the package's object, and the link action ID everything the link reads: the
/// settings, the `-X` definitions and every package.
fn build_id(cfg: &Config, main_object: &[u8], inputs: &[PkgInput]) -> String {
    let hash = |text: &str| link::buildid::hash_to_string(&base::sha256::sha256(text.as_bytes()));
    let head = format!(
        "crossplay {} {}\ngoos {} goarch {}\ntags {:?}\nmodinfo {:?}\n",
        env!("CARGO_PKG_VERSION"),
        go_version(&cfg.experiment),
        cfg.port.goos(),
        cfg.port.goarch(),
        cfg.tags,
        cfg.build_info.as_deref().unwrap_or("")
    );
    let mut main_action = format!("compile\n{head}");
    let mut link_action = format!("link\n{head}flags {:?}\n", cfg.link);
    for (path, h) in inputs {
        let line =
            format!("{} {path} {}\n", if path == "main" { "main" } else { "import" }, base::sha256::hex(h));
        main_action.push_str(&line);
        link_action.push_str(&line);
    }
    let main_content = link::buildid::hash_to_string(&base::sha256::sha256(main_object));
    let main_action = hash(&main_action);
    link_action.push_str(&format!("packagemain {main_action}/{main_content}\n"));
    let link_action = hash(&link_action);
    format!("{link_action}/{main_action}/{main_content}/{link_action}")
}

/// The hash of a package's files (names and contents).
fn package_input(path: &str, files: &[(String, std::borrow::Cow<'static, [u8]>)]) -> [u8; 32] {
    let mut h = base::sha256::Sha256::new();
    h.update(format!("package {path}\n").as_bytes());
    for (name, text) in files {
        h.update(format!("file {name} {}\n", base::sha256::hex(&file_hash(name, text))).as_bytes());
    }
    h.finish()
}

/// `go:inits`: every package's initialization in dependency order. It is the
/// runtime's `func doInits()`, so it takes the closure context every Go function
/// does (the Wasm call to it must match its type).
fn inits_module(order: &[String]) -> ir::Module {
    let sig = ir::Sig { params: vec![ir::Ty::I64], results: vec![] };
    let mut m = ir::Module::default();
    // Called as a Go function (runtime.doInits), with the closure context word.
    let mut f = ir::Func::new(irgen::INITS_SYMBOL, sig.clone());
    let mut b = ir::Builder::new(&mut f);
    for p in order {
        let name = irgen::init_symbol(p);
        let ctx = b.iconst(ir::Ty::I64, 0);
        b.call(&name, &sig, vec![ctx]);
        m.decls.push(ir::Decl { name, sig: sig.clone(), import: None });
    }
    b.term(ir::Term::Ret(vec![]));
    m.funcs.push(f);
    m
}

/// Parses `files`, as the compiler's parser does with its branch checks (labels,
/// `break`, `continue`, `goto`, `fallthrough`) on each file that parsed: each
/// file's errors in position order go to `errs`.
fn parse_all(files: Vec<(String, Vec<u8>)>, errs: &mut Vec<String>) -> Vec<(String, Vec<u8>, ast::File)> {
    let mut out = Vec::new();
    for (name, text) in files {
        let (ast, mut e) = syntax::parse_file(&text);
        // Positions count bytes; only the line breaks matter to the index.
        let shape: String = text.iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }).collect();
        let lines = base::span::LineIndex::new(&shape);
        if let Some(ast) = &ast
            && e.is_empty()
        {
            let pos_string = |off: u32| format!("{name}:{}", lines.line_col(off));
            e.extend(syntax::branches::check_file(ast, &pos_string));
            e.sort_by_key(|e| e.offset);
        }
        for e in &e {
            errs.push(format!("{name}:{}: {}", lines.line_col(e.offset), e.message));
        }
        if let Some(ast) = ast {
            out.push((name, text, ast));
        }
    }
    out
}

fn imports<'a>(files: impl Iterator<Item = &'a ast::File>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for f in files {
        for d in &f.decls {
            if let ast::Decl::Import(i) = d
                && let Some(p) = &i.path
            {
                let s = p.value.trim_matches('"').to_string();
                if !out.contains(&s) {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// Loads the package `path` after its imports (depth first): one of the main
/// module's (`local`, its files as the loader selected them) or one crossplay
/// ships (its files selected for the target here).
fn load_package(
    path: &str,
    ctx: &target::Context,
    local: &BTreeMap<&str, &[Source]>,
    order: &mut Vec<Pkg>,
    state: &mut BTreeMap<String, bool>,
    errs: &mut Vec<String>,
) {
    if path == "unsafe" {
        return;
    }
    match state.get(path) {
        Some(true) => return,
        // The loader reports cycles among the module's packages first; this is
        // the backstop.
        Some(false) => return errs.push(format!("package {path}: import cycle not allowed")),
        None => {}
    }
    let pkg = if let Some(sources) = local.get(path) {
        let files = sources.iter().map(|s| (s.name.clone(), s.text.clone())).collect();
        Pkg::parsed(path, path, files, errs)
    } else if goroot::has_package(path) {
        let files: Vec<(String, std::borrow::Cow<'static, [u8]>)> = goroot::package(path)
            .into_iter()
            .filter(|(n, text)| buildtags::select(n, text, ctx).matched)
            .map(|(n, text)| (format!("$GOROOT/src/{path}/{n}"), text.into()))
            .collect();
        let mut imports: Vec<String> = Vec::new();
        for (_, text) in &files {
            for i in load::header::read(text).0.imports {
                if !imports.contains(&i.path) {
                    imports.push(i.path);
                }
            }
        }
        Pkg { path: path.into(), display: path.into(), files, imports, asts: std::cell::OnceCell::new() }
    } else {
        return errs.push(format!("package {path} is not in std (crossplay does not ship it yet)"));
    };
    state.insert(path.to_string(), false);
    for imp in &pkg.imports {
        load_package(imp, ctx, local, order, state, errs);
    }
    state.insert(path.to_string(), true);
    order.push(pkg);
}

/// The `-gcflags=-S` listing: the assembly of every function of package main, for
/// the targets with a native back end.
pub fn listing(cfg: &Config, main: &[Source]) -> Result<String, Vec<String>> {
    let Some(isa) = isa(cfg.port.arch) else {
        return Err(vec![format!(
            "crossplay has no assembly listing for {}/{} yet",
            cfg.port.goos(),
            cfg.port.goarch()
        )]);
    };
    let compiled = compile(cfg, main, "main", false, None)?;
    let mut out = String::new();
    let m = &compiled.main_ir;
    for f in &m.funcs {
        match (isa.listing)(f) {
            Ok(text) => out.push_str(&text),
            Err(e) => {
                return Err(vec![format!(
                    "{}: crossplay does not support {e} on {} yet",
                    f.name,
                    cfg.port.goarch()
                )]);
            }
        }
    }
    Ok(out)
}

/// The error for a port crossplay cannot build for.
fn unsupported(port: &Port) -> String {
    format!("crossplay does not support building for {}/{} yet", port.goos(), port.goarch())
}

/// What `compile` gives: each package's object (runtime first, the package
/// compiled last but one, `go:inits` last), the main package's optimized IR (for
/// its listing; only when it was compiled) and encoded object (for the build
/// ID), and each package's inputs.
struct Compiled {
    objects: Vec<link::object::Object>,
    /// Each object's compile action ID (the objects are what their actions
    /// give, byte for byte).
    object_ids: Vec<cache::Id>,
    main_ir: ir::Module,
    main_object: Vec<u8>,
    inputs: Vec<PkgInput>,
}

/// One action of a build, as `-x` and the page's action log show it: what ran
/// (or, for a hit, would have run) and whether the cache had its output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub text: String,
    pub hit: bool,
}

/// A build's use of the cache: where outputs are kept, `-a` (`force`: run every
/// action, store the outputs anew), `-n` (`dry_run`: run nothing, log what would
/// run), and the log of the actions.
pub struct Caching<'a> {
    pub store: &'a mut dyn cache::Store,
    /// The name the link's output goes by in the log (`link -o hello`).
    pub output: String,
    pub force: bool,
    pub dry_run: bool,
    pub actions: Vec<Action>,
}

impl core::fmt::Debug for Caching<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Caching")
            .field("force", &self.force)
            .field("actions", &self.actions)
            .finish_non_exhaustive()
    }
}

/// What keys every compile action of a build but the package's own inputs.
fn compile_action(cfg: &Config, path: &str) -> cache::CompileAction {
    let mut gcflags = Vec::new();
    if !cfg.optimize {
        gcflags.push("-N".to_string());
    }
    if !cfg.inline {
        gcflags.push("-l".to_string());
    }
    cache::CompileAction {
        import_path: path.to_string(),
        goos: cfg.port.goos().into(),
        goarch: cfg.port.goarch().into(),
        archvar: cfg.archvar.clone(),
        cgo_enabled: cfg.cgo_enabled,
        gcflags,
        trimpath: cfg.trimpath,
        tags: cfg.tags.clone(),
        experiment: cfg.experiment.clone(),
        ..cache::CompileAction::default()
    }
}

/// Every package of a build selected, parsed, then compiled in dependency
/// order, then `go:inits`. Compiles the package of `main`'s files, as `path`
/// (`main` for a program), after everything it imports.
///
/// A package is type-checked and lowered to IR, optimized against its
/// dependencies' export data only (`opt::export_module`: what their functions'
/// callers may inline), the dependencies being what it imports, directly or
/// not, and the runtime's (every package calls the runtime); with `objects`,
/// each function it defines is compiled into its object, and the link keeps what
/// the program reaches. With `caching`, each package's compile is an action
/// keyed by `cache::CompileAction` (its files and its dependencies' action IDs),
/// whose object is taken from the store when it has one; type checking still
/// starts from every package's sources (crossplay has no type export data yet),
/// but only where some package misses.
fn compile(
    cfg: &Config,
    main: &[Source],
    path: &str,
    objects: bool,
    mut caching: Option<&mut Caching<'_>>,
) -> Result<Compiled, Vec<String>> {
    if !cfg.port.buildable {
        return Err(vec![unsupported(cfg.port)]);
    }
    let vars = [("CGO_ENABLED", "0"), ("GOOS", cfg.port.goos()), ("GOARCH", cfg.port.goarch())];
    let env =
        target::GoEnv::new(target::EnvLayers::from_process(vars), target::Host::LINUX_AMD64, &|_| false);
    let ctx = target::Context::new(&env, cfg.tags.clone());

    // Load packages depth-first so each comes after its imports; runtime first.
    let mut order: Vec<Pkg> = Vec::new();
    let mut state: BTreeMap<String, bool> = BTreeMap::new();
    let mut errs = Vec::new();
    let local: BTreeMap<&str, &[Source]> =
        cfg.local.iter().map(|p| (p.import_path.as_str(), p.sources.as_slice())).collect();
    load_package("runtime", &ctx, &local, &mut order, &mut state, &mut errs);
    let main_pkg = Pkg::parsed(
        path,
        &cfg.main_path,
        main.iter().map(|s| (s.name.clone(), s.text.clone())).collect(),
        &mut errs,
    );
    for imp in &main_pkg.imports {
        load_package(imp, &ctx, &local, &mut order, &mut state, &mut errs);
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    order.push(main_pkg);

    let word_size = u64::from(cfg.port.arch.ptr_size());
    let mut w = typeck::World::new(word_size);
    let target = irgen::Target {
        goos: cfg.port.goos().into(),
        goarch: cfg.port.goarch().into(),
        word_size,
        loopvar: true,
    };
    // The module's language version, for its packages (the standard library's is
    // the newest).
    let module_lang = cfg.go_version.as_deref().and_then(lang_version);
    let opts = opt_options(cfg);
    let backend = if !objects {
        None
    } else if let Some((isa, _, _)) = native(cfg.port) {
        Some(Backend::Native(isa))
    } else {
        Some(Backend::Wasm)
    };
    let deps = dependencies(&order);
    let mut ids: Vec<cache::Id> = Vec::with_capacity(order.len());
    // Each package's export data (taken from its object on a hit, when first
    // needed) and object, by index in `order`.
    let mut exports: Vec<Option<ir::Module>> = vec![None; order.len()];
    let mut objects: Vec<Option<(link::object::Object, cache::Id)>> = vec![None; order.len()];
    let mut out = Compiled {
        objects: Vec::new(),
        object_ids: Vec::new(),
        main_ir: ir::Module::default(),
        main_object: Vec::new(),
        inputs: Vec::new(),
    };
    // The packages to compile, with their IR: type checking and IR generation run
    // in order (they share one world); optimization and code generation after,
    // independent packages in parallel.
    let mut pending: Vec<(usize, ir::Module)> = Vec::new();
    // How many packages of `order` the world has type-checked.
    let mut checked_upto = 0;
    for (i, p) in order.iter().enumerate() {
        let head = || format!("# {}", if p.path == path { &cfg.main_path } else { &p.path });
        let display = if p.path == path { cfg.main_path.as_str() } else { p.path.as_str() };
        // The action: the package's files and its dependencies' action IDs.
        let mut action = compile_action(cfg, &p.path);
        if p.lang(module_lang).is_some() {
            action.go_version = cfg.go_version.clone().unwrap_or_default();
        }
        action.files = p.files.iter().map(|(n, text)| (n.clone(), file_hash(n, text))).collect();
        action.deps = deps[i].iter().map(|&j| (order[j].path.clone(), ids[j])).collect();
        let id = action.id();
        ids.push(id);
        if let (Some(c), Some(_)) = (caching.as_deref_mut(), backend) {
            let text = format!("compile -p {display}");
            let hit = if c.force {
                None
            } else {
                c.store.get(&id).and_then(|b| link::object::decode(&b).ok().map(|o| (b, o)))
            };
            if let Some((bytes, object)) = hit {
                c.actions.push(Action { text, hit: true });
                if p.path == path {
                    out.main_object = bytes;
                }
                objects[i] = Some((object, id));
                continue;
            }
            c.actions.push(Action { text, hit: false });
            if c.dry_run {
                continue;
            }
        }
        // Type-check every package up to this one that has not been: at the
        // first, from the world the packages before it make, if the cache has it.
        if checked_upto == 0
            && i > 0
            && let Some(c) = caching.as_deref_mut()
        {
            let types = cache::TypesAction {
                packages: order[..i].iter().zip(&ids).map(|(q, id)| (q.path.clone(), *id)).collect(),
            }
            .id();
            let cached = if c.force { None } else { c.store.get(&types) };
            if let Some(world) = cached.and_then(|b| typeck::export::decode(&b).ok()) {
                w = world;
                checked_upto = i;
            } else {
                while checked_upto < i {
                    type_check(&mut w, &order[checked_upto], module_lang)?;
                    checked_upto += 1;
                }
                c.store.put(&types, &typeck::export::encode(&w));
            }
        }
        while checked_upto <= i {
            let q = &order[checked_upto];
            let first = w.files.len() as u32;
            let checked = type_check(&mut w, q, module_lang)?;
            checked_upto += 1;
            // The world every package but the last makes is what an edit of the
            // last (the main package) is checked against: kept for that build.
            if checked_upto + 1 == order.len()
                && let Some(c) = caching.as_deref_mut()
                && !c.dry_run
            {
                let types = cache::TypesAction {
                    packages: order[..checked_upto]
                        .iter()
                        .zip(&ids)
                        .map(|(q, id)| (q.path.clone(), *id))
                        .collect(),
                }
                .id();
                c.store.put(&types, &typeck::export::encode(&w));
            }
            if checked_upto <= i {
                continue;
            }
            let gfs: Vec<irgen::GenFile<'_>> = q
                .asts()?
                .iter()
                .enumerate()
                .map(|(i, ast)| irgen::GenFile { ast, id: first + i as u32 })
                .collect();
            let target =
                irgen::Target { loopvar: q.lang(module_lang).is_none_or(|l| l >= (1, 22)), ..target.clone() };
            let (m, diags) = irgen::generate(&w, checked.pkg, &gfs, &checked.info, &target);
            if !diags.is_empty() {
                let mut out = vec![head()];
                out.extend(diags.iter().map(|d| {
                    if d.pos.file == irgen::NO_FILE {
                        d.msg.clone()
                    } else {
                        format!("{}: {}", w.pos_string(d.pos), d.msg)
                    }
                }));
                return Err(out);
            }
            pending.push((i, m));
        }
    }
    // Optimize and compile the pending packages by dependency level: a package
    // after every pending package it depends on; each level's in parallel.
    let mut level = vec![0usize; order.len()];
    for &(i, _) in &pending {
        level[i] = 1 + deps[i].iter().map(|&j| level[j]).max().unwrap_or(0);
    }
    let top = pending.iter().map(|&(i, _)| level[i]).max().unwrap_or(0);
    let mut pending: Vec<Option<(usize, ir::Module)>> = pending.into_iter().map(Some).collect();
    for l in 1..=top {
        let mut work: Vec<Work> = Vec::new();
        for slot in pending.iter_mut() {
            if slot.as_ref().is_some_and(|(i, _)| level[*i] == l)
                && let Some((i, m)) = slot.take()
            {
                let earlier = earlier_exports(&deps[i], &mut exports, &objects, &order)?;
                work.push(Work { index: i, path: order[i].path.clone(), module: m, earlier });
            }
        }
        for (i, done) in compile_level(work, backend, &opts, cfg.jobs) {
            let head = format!("# {}", if order[i].path == path { &cfg.main_path } else { &order[i].path });
            let (m, export, object) = done.map_err(|e| vec![head, e])?;
            if let Some((object, bytes)) = object {
                if let Some(c) = caching.as_deref_mut() {
                    c.store.put(&ids[i], &bytes);
                }
                if order[i].path == path {
                    out.main_object = bytes;
                }
                objects[i] = Some((object, ids[i]));
            }
            exports[i] = Some(export);
            if order[i].path == path {
                out.main_ir = m;
            }
        }
    }
    for (object, id) in objects.into_iter().flatten() {
        out.objects.push(object);
        out.object_ids.push(id);
    }
    out.inputs = order.iter().map(|p| (p.path.clone(), package_input(&p.path, &p.files))).collect();
    Ok(out)
}

/// A package to optimize and compile: its index in the build's order, import
/// path, IR, and its dependencies' export data.
struct Work {
    index: usize,
    path: String,
    module: ir::Module,
    earlier: Vec<ir::Module>,
}

/// What compiling one package gives: its optimized IR, its export data (as read
/// back from its text) and, with a back end, its object and the object's bytes.
type Done = Result<(ir::Module, ir::Module, Option<(link::object::Object, Vec<u8>)>), String>;

/// Optimizes and compiles the packages of one dependency level (none depends on
/// another): on up to `jobs` threads, thread `t` taking every `jobs`-th package
/// and the rest of the threads going to each package's functions; the results
/// in `work`'s order, the same for any `jobs`.
fn compile_level(
    work: Vec<Work>,
    backend: Option<Backend>,
    opts: &opt::Options,
    jobs: usize,
) -> Vec<(usize, Done)> {
    let one = |w: Work, inner: usize| -> (usize, Done) {
        let opts = opt::Options { jobs: inner, ..*opts };
        let earlier: Vec<&ir::Module> = w.earlier.iter().collect();
        let done = (|| {
            let (m, export) = optimize(w.module, &earlier, &opts)?;
            // Importers see the export data as read back from its text, whether
            // from this object or from a cached one, so both give the same code.
            let text = ir::text::print(&export);
            let export = ir::text::parse(&text)
                .map_err(|e| format!("crossplay: internal compiler error: export data: {e}"))?;
            let object = backend.map(|b| {
                let object = link::object::Object::new(&w.path, &m, code(&m, b, inner), text);
                let bytes = link::object::encode(&object);
                (object, bytes)
            });
            Ok((m, export, object))
        })();
        (w.index, done)
    };
    let threads = jobs.clamp(1, work.len().max(1));
    if threads == 1 {
        return work.into_iter().map(|w| one(w, jobs)).collect();
    }
    let inner = (jobs / threads).max(1);
    let n = work.len();
    let mut parts: Vec<Vec<Work>> = (0..threads).map(|_| Vec::new()).collect();
    for (k, w) in work.into_iter().enumerate() {
        parts[k % threads].push(w);
    }
    let one = &one;
    let done: Vec<Vec<(usize, Done)>> = std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| {
                std::thread::Builder::new()
                    .stack_size(64 << 20)
                    .spawn_scoped(s, move || part.into_iter().map(|w| one(w, inner)).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().map(|h| h.ok().and_then(|h| h.join().ok()).unwrap_or_default()).collect()
    });
    let mut iters: Vec<_> = done.into_iter().map(Vec::into_iter).collect();
    (0..n)
        .map(|k| iters[k % threads].next().unwrap_or((usize::MAX, Err("the compiler could not run".into()))))
        .collect()
}

/// A go.mod `go` version (`1.21`, `1.21.3`, `1.22rc1`) as (major, minor).
fn lang_version(v: &str) -> Option<(u32, u32)> {
    let mut parts = v.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor: String = parts.next().unwrap_or("0").chars().take_while(char::is_ascii_digit).collect();
    Some((major, minor.parse().ok()?))
}

/// Type-checks package `p` into `w`; on errors, the messages as `go build`
/// prints them.
fn type_check(
    w: &mut typeck::World,
    p: &Pkg,
    module_lang: Option<(u32, u32)>,
) -> Result<typeck::Checked, Vec<String>> {
    let cfs: Vec<typeck::CheckFile<'_>> = p
        .files
        .iter()
        .zip(p.asts()?)
        .map(|((n, src), ast)| typeck::CheckFile { name: n.clone(), src, ast })
        .collect();
    let checked = typeck::check_package_lang(w, &p.path, &cfs, p.lang(module_lang));
    if !checked.errors.is_empty() {
        let mut out = vec![format!("# {}", p.display)];
        out.extend(typeck::format_errors(w, &checked.errors));
        return Err(out);
    }
    Ok(checked)
}

/// The export data of the packages `deps` (indices into `order`), each taken
/// from its object where the package's compile was a hit; in order.
fn earlier_exports(
    deps: &[usize],
    exports: &mut [Option<ir::Module>],
    objects: &[Option<(link::object::Object, cache::Id)>],
    order: &[Pkg],
) -> Result<Vec<ir::Module>, Vec<String>> {
    let mut out = Vec::with_capacity(deps.len());
    for &j in deps {
        if exports[j].is_none() {
            let o = objects[j].as_ref().map(|(o, _)| o);
            let m = o.map(|o| ir::text::parse(&o.export)).transpose().map_err(|e| {
                vec![format!("# {}", order[j].path), format!("crossplay: corrupt export data: {e}")]
            })?;
            exports[j] = Some(m.unwrap_or_default());
        }
        out.push(exports[j].clone().unwrap_or_default());
    }
    Ok(out)
}

/// How a build's settings run the optimizer.
fn opt_options(cfg: &Config) -> opt::Options {
    opt::Options {
        optimize: cfg.optimize,
        inline: cfg.inline,
        verify: cfg.verify_ir,
        word: ir::Ty::I64,
        jobs: cfg.jobs,
    }
}

/// The `go:inits` object of a build whose packages are `order_paths` (in order).
fn inits_object(order_paths: &[String], cfg: &Config) -> Result<link::object::Object, Vec<String>> {
    let opts = opt_options(cfg);
    let backend = match native(cfg.port) {
        Some((isa, _, _)) => Backend::Native(isa),
        None => Backend::Wasm,
    };
    // It calls each package's initialization, which it declares; nothing is
    // inlined into it (it runs once), so it needs no package's export data.
    let (m, _) = optimize(inits_module(order_paths), &[], &opts).map_err(|e| vec!["# go:inits".into(), e])?;
    Ok(link::object::Object::new("go:inits", &m, code(&m, backend, cfg.jobs), String::new()))
}

/// The SHA-256 of a file; the standard library's files are the same for the
/// whole process, so theirs are kept.
fn file_hash(name: &str, text: &[u8]) -> [u8; 32] {
    static STD: std::sync::Mutex<BTreeMap<String, [u8; 32]>> = std::sync::Mutex::new(BTreeMap::new());
    if name.starts_with("$GOROOT/") {
        let mut std = STD.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *std.entry(name.to_owned()).or_insert_with(|| base::sha256::sha256(text))
    } else {
        base::sha256::sha256(text)
    }
}

/// For each package of `order` (each after its imports), the packages before it
/// it is compiled against: what it imports, directly or not, and the runtime
/// with what the runtime imports; in order.
fn dependencies(order: &[Pkg]) -> Vec<Vec<usize>> {
    let index: BTreeMap<&str, usize> = order.iter().enumerate().map(|(i, p)| (p.path.as_str(), i)).collect();
    let mut closure: Vec<std::collections::BTreeSet<usize>> = Vec::with_capacity(order.len());
    for p in order {
        let mut set = std::collections::BTreeSet::new();
        for imp in p.imports.iter().chain(std::iter::once(&"runtime".to_string())) {
            if let Some(&j) = index.get(imp.as_str())
                && j < closure.len()
            {
                set.insert(j);
                set.extend(closure[j].iter().copied());
            }
        }
        closure.push(set);
    }
    closure.into_iter().map(|s| s.into_iter().collect()).collect()
}

/// Optimizes a package's module against its dependencies' export data; the
/// module and its own export data, or the internal compiler error.
fn optimize(
    mut m: ir::Module,
    earlier: &[&ir::Module],
    opts: &opt::Options,
) -> Result<(ir::Module, ir::Module), String> {
    opt::run(&mut m, earlier, opts).map_err(|e| format!("crossplay: internal compiler error: {e}"))?;
    let export = opt::export_module(&m);
    Ok((m, export))
}

/// The back end a build compiles functions with.
#[derive(Clone, Copy)]
enum Backend {
    Native(&'static IsaDesc),
    Wasm,
}

/// Compiles the functions of `m`, on up to `jobs` threads: thread `t` takes
/// every `jobs`-th function from the `t`-th, so the results come back in order
/// whatever the timing. A function the back end cannot compile becomes an error
/// the link reports if the program reaches it.
fn code(m: &ir::Module, backend: Backend, jobs: usize) -> Vec<link::object::Func> {
    use link::object::{Func, FuncCode};
    let one = |f: &ir::Func| {
        let code = match backend {
            Backend::Native(isa) => match (isa.compile)(f) {
                Ok(c) => FuncCode::Native(c),
                Err(e) => {
                    FuncCode::Error(format!("crossplay does not support {e} on {} yet", isa.arch.name()))
                }
            },
            Backend::Wasm => FuncCode::Wasm(isa_wasm::compile(f)),
        };
        Func { name: f.name.clone(), code }
    };
    let funcs = &m.funcs;
    let jobs = jobs.clamp(1, funcs.len().max(1));
    if jobs == 1 {
        return funcs.iter().map(one).collect();
    }
    let parts: Vec<Vec<Func>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..jobs)
            .map(|t| {
                std::thread::Builder::new()
                    .stack_size(64 << 20)
                    .spawn_scoped(s, move || funcs.iter().skip(t).step_by(jobs).map(one).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().map(|h| h.ok().and_then(|h| h.join().ok()).unwrap_or_default()).collect()
    });
    let mut iters: Vec<_> = parts.into_iter().map(Vec::into_iter).collect();
    (0..funcs.len())
        .map(|i| {
            iters[i % jobs].next().unwrap_or_else(|| Func {
                name: funcs[i].name.clone(),
                code: FuncCode::Error("the compiler could not run".into()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// target's `buildable` column says what the driver has: the Wasm ports, and the
    /// native ports with a back end, a container writer and entry stubs.
    #[test]
    fn buildable_ports_are_the_ones_the_driver_links() {
        for port in &target::ports::PORTS {
            let links = port.container() == Container::Wasm || native(port).is_some();
            assert_eq!(port.buildable, links, "{}/{}", port.goos(), port.goarch());
        }
    }
}
