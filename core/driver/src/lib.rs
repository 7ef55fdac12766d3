//! The build pipeline for one program: the main package's files and crossplay's
//! standard library (`goroot`), selected for the target by crossplay's own build
//! constraints, parsed, type-checked in dependency order, lowered to IR, and linked.
//! Sans-IO: sources come in as bytes, the binary goes out as bytes. So far it builds
//! js/wasm and wasip1/wasm; the CLI's `build` and `run` and the browser worker are
//! its callers.

use std::collections::BTreeMap;
use syntax::ast;

/// A build's target and settings.
#[derive(Clone, Debug)]
pub struct Config {
    pub goos: String,
    pub goarch: String,
    /// Extra build tags (`-tags`), for choosing the standard library's files.
    pub tags: Vec<String>,
    /// Leave out the symbol table (`-ldflags=-s`; `-w` only drops DWARF, which
    /// crossplay does not write).
    pub strip: bool,
    /// `-ldflags=-X importpath.name=value`, in order.
    pub xdefs: Vec<(String, String)>,
    /// The build info to embed (`build_info`'s text), for the containers that carry
    /// it (ELF `.go.buildinfo`, PE `.data`, Mach-O `__go_buildinfo`); None leaves it out.
    pub build_info: Option<String>,
    /// How many threads may compile at once (`-p`); 1 where there are no threads
    /// (wasm32). The output is the same for every value.
    pub jobs: usize,
}

impl Config {
    pub fn new(goos: &str, goarch: &str) -> Config {
        Config {
            goos: goos.into(),
            goarch: goarch.into(),
            tags: vec![],
            strip: false,
            xdefs: vec![],
            build_info: None,
            jobs: 1,
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
    files: Vec<(String, Vec<u8>, ast::File)>,
}

/// What `-ldflags` asks of the linker: whether to strip, and `-X` definitions.
pub type LinkFlags = (bool, Vec<(String, String)>);

/// `-ldflags`: whether to strip (`-s`; `-w` is accepted: no DWARF is written) and the `-X importpath.name=value`
/// definitions, in order; an error is `(exit status, message)` as Go reports it.
pub fn parse_ldflags(value: &str) -> Result<LinkFlags, (i32, String)> {
    let words = target::goenv::split_quoted(value).map_err(|e| (2, format!("invalid -ldflags: {e}")))?;
    let mut strip = false;
    let mut xdefs = Vec::new();
    let mut it = words.into_iter();
    while let Some(f) = it.next() {
        let flag = f.trim_start_matches('-');
        match flag.split_once('=').map_or(flag, |(n, _)| n) {
            "s" => strip = true,
            "w" => {}
            "X" => {
                // -X importpath.name=value, or -X=importpath.name=value.
                let def = match flag.split_once('=') {
                    Some((_, d)) => d.to_string(),
                    None => it.next().ok_or_else(|| (2, "flag needs an argument: -X".to_string()))?,
                };
                let Some((name, value)) = def.split_once('=') else {
                    return Err((
                        2,
                        "-X flag requires argument of the form importpath.name=value".to_string(),
                    ));
                };
                xdefs.push((name.to_string(), value.to_string()));
            }
            _ => return Err((2, format!("crossplay does not support -ldflags={f} yet"))),
        }
    }
    Ok((strip, xdefs))
}

/// The checks `go build` makes of the target before loading anything: a port Go
/// knows (exit status 2), and one that links without cgo or has cgo on (status 1).
pub fn check_target(ctx: &target::Context) -> Result<(), (i32, String)> {
    if target::ports::lookup(&ctx.goos, &ctx.goarch).is_none() {
        return Err((2, format!("go: unsupported GOOS/GOARCH pair {}/{}", ctx.goos, ctx.goarch)));
    }
    ctx.check_link().map_err(|m| (1, m))
}

/// A main package ready to compile.
#[derive(Clone, Debug)]
pub struct MainPkg {
    /// `go build`'s default output name (without the `.exe` suffix).
    pub exec_name: String,
    pub sources: Vec<Source>,
    /// Its import path (`command-line-arguments` for files named on the command line).
    pub import_path: String,
    /// The main module's path, if it is in one.
    pub module: Option<String>,
    /// The GODEBUG defaults the build records (`default_godebug`).
    pub default_godebug: String,
}

/// The main package matched by `pattern` in a module, its files named as `go build`
/// names them in messages (`./main.go` in the working directory).
pub fn main_package(loader: &load::Loader<'_>, pattern: &str) -> Result<MainPkg, String> {
    let tree = loader.tree;
    let listing = loader.list(&[pattern.to_owned()]);
    let Some(p) = listing.packages.first() else {
        return Err(format!("go: no packages loaded from {pattern}"));
    };
    if let Some(e) = &p.error {
        return Err(e.message());
    }
    if p.name != "main" {
        return Err(format!("package {} is not a main package", p.import_path));
    }
    let rel_dir = p.dir.strip_prefix(&tree.root).unwrap_or(&p.dir).trim_start_matches('/');
    let mut sources = Vec::new();
    for f in &p.go_files {
        let key = if rel_dir.is_empty() { f.clone() } else { format!("{rel_dir}/{f}") };
        let text = tree.files.get(&key).cloned().unwrap_or_default();
        let shown = if rel_dir == loader.cwd { format!("./{f}") } else { format!("{}/{f}", p.dir) };
        sources.push(Source { name: shown, text });
    }
    Ok(MainPkg {
        exec_name: exec_name(&p.import_path),
        import_path: p.import_path.clone(),
        module: Some(loader.module.path.clone()),
        default_godebug: default_godebug(loader.module.go_version.as_deref(), &sources)
            .map_err(|e| format!("# {}\n{e}", p.import_path))?,
        sources,
    })
}

/// The `//go:debug key=value` directives of a file (lines before the package
/// clause), or Go's error for a malformed or unknown one (`file:line:1: …`).
fn godebug_directives(name: &str, text: &[u8]) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for (i, line) in String::from_utf8_lossy(text).lines().enumerate() {
        let line = line.trim();
        if line.starts_with("package") {
            break;
        }
        let Some(rest) = line.strip_prefix("//go:debug") else { continue };
        if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
            continue;
        }
        let bad = |m: String| Err(format!("{name}:{}:1: invalid //go:debug: {m}", i + 1));
        match rest.trim().split_once('=') {
            None => return bad("missing key=value".into()),
            Some((k, v)) if k == "default" || target::godebugs::NAMES.contains(&k) => {
                out.push((k.to_string(), v.to_string()));
            }
            Some((k, _)) => return bad(format!("unknown //go:debug setting {}", go_quote(k))),
        }
    }
    Ok(out)
}

/// The DefaultGODEBUG cmd/go records for a main package (`load.defaultGODEBUG`):
/// for a main module whose `go` line is older than a setting's change, the old
/// value, then the main package's `//go:debug` directives over them (`default=goX`
/// picks another version); keys sorted, comma-separated. Nothing outside a module.
/// An error is Go's message for a bad directive.
pub fn default_godebug(go_version: Option<&str>, sources: &[Source]) -> Result<String, String> {
    let mut set: BTreeMap<String, String> = BTreeMap::new();
    for s in sources {
        set.extend(godebug_directives(&s.name, &s.text)?);
    }
    let Some(mut version) = go_version.map(str::to_owned) else { return Ok(String::new()) };
    if let Some(v) = set.remove("default") {
        let v = v.trim_start_matches("go").to_string();
        if v.starts_with("1.") && v[2..].split('.').next().is_some_and(|n| n.parse::<u32>().is_ok()) {
            version = v;
        }
    }
    let minor = version.strip_prefix("1.").and_then(|v| v.split('.').next()?.parse::<u32>().ok());
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

/// What a build records about itself, as `go version -m` prints it
/// (`runtime/debug.BuildInfo.String` without its `go` line; `cmd/go`'s
/// `setBuildInfo` for the settings and their order). `main_path` is the main
/// package's import path (`command-line-arguments` for files, which have no `mod`
/// line); `module` the main module's path, whose version is `(devel)` without VCS.
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
    settings.push(("GOOS".into(), ctx.goos.clone()));
    if let Some((var, value, _)) = env.arch_env()
        && !value.is_empty()
    {
        settings.push((var.name().into(), value));
    }
    let mut out = format!("path\t{main_path}\n");
    if let Some(m) = module.filter(|_| main_path != "command-line-arguments") {
        out.push_str(&format!("mod\t{m}\t(devel)\t\n"));
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

/// `strconv.Quote` for the strings build settings hold.
fn go_quote(s: &str) -> String {
    let mut q = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            '\r' => q.push_str("\\r"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => q.push_str(&format!("\\x{:02x}", c as u32)),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

/// The `go:buildinfo` blob (1.18's inline format): magic, pointer size, flags
/// (little-endian, inline strings), padding to 32 bytes, then the Go version and
/// the module info framed by cmd/go's sentinels, each with a varint length.
pub fn build_info_blob(info: &str) -> Vec<u8> {
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
    for s in [GO_VERSION.as_bytes(), &modinfo] {
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

/// Whether crossplay has a back end and a runtime port for the target: the Wasm
/// ports, and linux, windows and darwin on amd64 and arm64 so far.
pub fn can_build(goos: &str, goarch: &str) -> bool {
    goarch == "wasm" || (matches!(goos, "linux" | "windows" | "darwin") && matches!(goarch, "amd64" | "arm64"))
}

/// A native back end: its lowering and listing of one function, its stubs for a
/// GOOS, and its architecture's values in each container.
struct Isa {
    lower: fn(&ir::Func) -> Result<codegen::Code, String>,
    listing: fn(&ir::Func) -> Result<String, String>,
    stubs: fn(&str) -> Vec<(String, codegen::Code)>,
    elf: link::elf::Arch,
    pe: link::pe::Arch,
    macho: link::macho::Arch,
}

impl Isa {
    /// The executable format of `goos`.
    fn format(&self, goos: &str) -> link::native::Format {
        match goos {
            "windows" => link::native::Format::Pe(self.pe),
            "darwin" => link::native::Format::MachO(self.macho),
            _ => link::native::Format::Elf(self.elf),
        }
    }
}

fn isa(goarch: &str) -> Option<Isa> {
    match goarch {
        "amd64" => Some(Isa {
            lower: |f| isa_amd64::lower::lower(f).map_err(|e| e.0),
            listing: |f| isa_amd64::lower::listing(f).map_err(|e| e.0),
            stubs: isa_amd64::lower::stubs,
            elf: link::elf::AMD64,
            pe: link::pe::AMD64,
            macho: link::macho::AMD64,
        }),
        "arm64" => Some(Isa {
            lower: |f| isa_arm64::lower::lower(f).map_err(|e| e.0),
            listing: |f| isa_arm64::lower::listing(f).map_err(|e| e.0),
            stubs: isa_arm64::lower::stubs,
            elf: link::elf::ARM64,
            pe: link::pe::ARM64,
            macho: link::macho::ARM64,
        }),
        _ => None,
    }
}

/// Builds the program; on failure, the messages as `go build` prints them.
pub fn build(cfg: &Config, main: &[Source]) -> Result<Vec<u8>, Vec<String>> {
    let modules = compile(cfg, main)?;
    if let Some(isa) = isa(&cfg.goarch) {
        let goarch = cfg.goarch.as_str();
        let compile = |f: &ir::Func| {
            (isa.lower)(f).map_err(|e| format!("crossplay does not support {e} on {goarch} yet"))
        };
        return link::native::link(
            &modules,
            isa.format(&cfg.goos),
            &compile,
            (isa.stubs)(&cfg.goos),
            cfg.build_info.as_deref().map(build_info_blob),
            cfg.strip,
            cfg.jobs,
        )
        .map_err(|e| e.iter().map(|e| e.to_string()).collect());
    }
    let opts = link::wasm::Options {
        memory_export: if cfg.goos == "js" {
            link::wasm::MemoryExport::Mem
        } else {
            link::wasm::MemoryExport::Memory
        },
        stack_size: 1 << 20,
        build_id: String::new(),
        strip: cfg.strip,
    };
    link::wasm::link(&modules, &opts).map(|(b, _)| b).map_err(|e| e.iter().map(|e| e.to_string()).collect())
}

/// `go:inits`: every package's initialization in dependency order.
fn inits_module(order: &[Pkg]) -> ir::Module {
    let sig = ir::Sig { params: vec![ir::Ty::I64], results: vec![] };
    let mut m = ir::Module::default();
    let mut f = ir::Func::new(irgen::INITS_SYMBOL, ir::Sig::default());
    let mut b = ir::Builder::new(&mut f);
    for p in order {
        let name = irgen::init_symbol(&p.path);
        let ctx = b.iconst(ir::Ty::I64, 0);
        b.call(&name, &sig, vec![ctx]);
        m.decls.push(ir::Decl { name, sig: sig.clone(), import: None });
    }
    b.term(ir::Term::Ret(vec![]));
    m.funcs.push(f);
    m
}

fn parse_all(files: Vec<(String, Vec<u8>)>, errs: &mut Vec<String>) -> Vec<(String, Vec<u8>, ast::File)> {
    let mut out = Vec::new();
    for (name, text) in files {
        let (ast, e) = syntax::parse_file(&text);
        for e in &e {
            errs.push(format!(
                "{name}:{}: {}",
                base::span::LineIndex::new(&String::from_utf8_lossy(&text)).line_col(e.offset),
                e.message
            ));
        }
        if let Some(ast) = ast {
            out.push((name, text, ast));
        }
    }
    out
}

fn imports(files: &[(String, Vec<u8>, ast::File)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, _, f) in files {
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

fn load_std(
    path: &str,
    ctx: &target::Context,
    order: &mut Vec<Pkg>,
    state: &mut BTreeMap<String, bool>,
    errs: &mut Vec<String>,
) {
    if path == "unsafe" || state.contains_key(path) {
        return;
    }
    if !goroot::has_package(path) {
        errs.push(format!("package {path} is not in std (crossplay does not ship it yet)"));
        return;
    }
    state.insert(path.to_string(), false);
    let files: Vec<(String, Vec<u8>)> = goroot::package(path)
        .into_iter()
        .filter(|(n, text)| buildtags::select(n, text, ctx).matched)
        .map(|(n, text)| (format!("$GOROOT/src/{path}/{n}"), text.to_vec()))
        .collect();
    let parsed = parse_all(files, errs);
    for imp in imports(&parsed) {
        load_std(&imp, ctx, order, state, errs);
    }
    state.insert(path.to_string(), true);
    order.push(Pkg { path: path.to_string(), files: parsed });
}

/// The `-gcflags=-S` listing: the assembly of every function of package main, for
/// the targets with a native back end.
pub fn listing(cfg: &Config, main: &[Source]) -> Result<String, Vec<String>> {
    let Some(isa) = isa(&cfg.goarch) else {
        return Err(vec![format!("crossplay has no assembly listing for {}/{} yet", cfg.goos, cfg.goarch)]);
    };
    let modules = compile(cfg, main)?;
    let mut out = String::new();
    // The main package's module is the last before go:inits.
    let Some(m) = modules.len().checked_sub(2).and_then(|i| modules.get(i)) else { return Ok(out) };
    for f in &m.funcs {
        match (isa.listing)(f) {
            Ok(text) => out.push_str(&text),
            Err(e) => {
                return Err(vec![format!("{}: crossplay does not support {e} on {} yet", f.name, cfg.goarch)]);
            }
        }
    }
    Ok(out)
}

/// The front and middle of a build: every package selected, parsed, type-checked
/// and lowered to IR, then `go:inits`.
fn compile(cfg: &Config, main: &[Source]) -> Result<Vec<ir::Module>, Vec<String>> {
    if !can_build(&cfg.goos, &cfg.goarch) {
        return Err(vec![format!("crossplay does not support building for {}/{} yet", cfg.goos, cfg.goarch)]);
    }
    let vars = [("CGO_ENABLED", "0"), ("GOOS", cfg.goos.as_str()), ("GOARCH", cfg.goarch.as_str())];
    let env =
        target::GoEnv::new(target::EnvLayers::from_process(vars), target::Host::LINUX_AMD64, &|_| false);
    let ctx = target::Context::new(&env, cfg.tags.clone());

    // Load packages depth-first so each comes after its imports; runtime first.
    let mut order: Vec<Pkg> = Vec::new();
    let mut state: BTreeMap<String, bool> = BTreeMap::new();
    let mut errs = Vec::new();
    load_std("runtime", &ctx, &mut order, &mut state, &mut errs);
    let main_files = parse_all(main.iter().map(|s| (s.name.clone(), s.text.clone())).collect(), &mut errs);
    for imp in imports(&main_files) {
        load_std(&imp, &ctx, &mut order, &mut state, &mut errs);
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    order.push(Pkg { path: "main".into(), files: main_files });

    let mut w = typeck::World::new(8);
    let target = irgen::Target {
        goos: cfg.goos.clone(),
        goarch: cfg.goarch.clone(),
        word_size: 8,
        // The build info reaches runtime/debug.ReadBuildInfo through runtime.modinfo.
        xdefs: cfg.build_info.iter().map(|bi| ("runtime.modinfo".to_string(), bi.clone())).chain(cfg.xdefs.clone()).collect(),
    };
    let mut modules = Vec::new();
    for p in &order {
        let first = w.files.len() as u32;
        let cfs: Vec<typeck::CheckFile<'_>> =
            p.files.iter().map(|(n, src, ast)| typeck::CheckFile { name: n.clone(), src, ast }).collect();
        let checked = typeck::check_package(&mut w, &p.path, &cfs);
        if !checked.errors.is_empty() {
            let mut out =
                vec![format!("# {}", if p.path == "main" { "command-line-arguments" } else { &p.path })];
            out.extend(typeck::format_errors(&w, &checked.errors));
            return Err(out);
        }
        let gfs: Vec<irgen::GenFile<'_>> = p
            .files
            .iter()
            .enumerate()
            .map(|(i, (_, _, ast))| irgen::GenFile { ast, id: first + i as u32 })
            .collect();
        let (m, diags) = irgen::generate(&w, checked.pkg, &gfs, &checked.info, &target);
        if !diags.is_empty() {
            let mut out =
                vec![format!("# {}", if p.path == "main" { "command-line-arguments" } else { &p.path })];
            out.extend(diags.iter().map(|d| {
                if d.pos.file == irgen::NO_FILE {
                    d.msg.clone()
                } else {
                    format!("{}: {}", w.pos_string(d.pos), d.msg)
                }
            }));
            return Err(out);
        }
        modules.push(m);
    }
    modules.push(inits_module(&order));
    Ok(modules)
}
