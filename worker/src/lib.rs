//! The compiler worker's logic, as plain Rust: `Worker::handle` answers the page's
//! requests (configuration checks, the files × ports grid, builds) with crossplay's
//! toolchain. `main.rs` is the thin wasm adapter that runs it in a dedicated Web
//! Worker; the tests run it natively.

pub mod cache;
pub mod share;
pub mod zip;

use protocol::{
    Action, Built, CacheStats, Cell, Diagnostic, File, Grid, Port, Request, Response, Settings, SubArch,
};
use target::context::Context;
use target::{ArchVar, Container, EnvError, EnvLayers, GoEnv, Host};

/// The toolchain's identity, part of every action id and share link.
pub const TOOLCHAIN: &str = concat!("crossplay ", env!("CARGO_PKG_VERSION"), " go1.27.3");

/// Where the module lives, as messages print it (the playground has no file system).
const ROOT: &str = "/play";

/// The worker's state: the build cache.
#[derive(Debug, Default)]
pub struct Worker {
    pub cache: cache::Cache,
}

impl Worker {
    pub fn new() -> Worker {
        Worker::default()
    }

    /// The message the worker sends when it has started.
    pub fn ready(&self) -> Response {
        let ports = target::ports::listed(false)
            .map(|p| Port {
                goos: p.goos().into(),
                goarch: p.goarch().into(),
                first_class: p.first_class,
                buildable: p.buildable,
            })
            .collect();
        let mut subarch = Vec::new();
        let mut seen = Vec::new();
        for p in target::ports::listed(false) {
            if let Some(v) = ArchVar::for_goarch(p.goarch())
                && !seen.contains(&p.goarch())
            {
                seen.push(p.goarch());
                subarch.push(SubArch {
                    goarch: p.goarch().into(),
                    name: v.name().into(),
                    default: v.default_value().into(),
                    values: v.choices().iter().map(|s| (*s).to_owned()).collect(),
                });
            }
        }
        Response::Ready {
            toolchain: TOOLCHAIN.into(),
            ports,
            subarch,
            settings: default_settings(),
            cache: self.cache.stats(),
        }
    }

    pub fn handle(&mut self, req: Request) -> Response {
        match req {
            Request::Check { id, settings } => Response::Checked { id, error: check(&settings) },
            Request::Grid { id, files, settings } => Response::Grid(grid(id, &files, &settings)),
            Request::Build { id, files, settings } => {
                let mut b = self.build(id, &files, &settings);
                b.cache = self.cache.stats();
                Response::Built(Box::new(b))
            }
            Request::Share { id, files, settings } => {
                Response::Shared { id, fragment: share::encode(&files, &settings, TOOLCHAIN) }
            }
            Request::Open { id, fragment } => match share::decode(&fragment) {
                Ok(o) => {
                    let warning = (o.toolchain != TOOLCHAIN).then(|| {
                        format!(
                            "this link was made by {:?}; this page is {TOOLCHAIN}: the binary may differ",
                            o.toolchain
                        )
                    });
                    Response::Opened { id, files: o.files, settings: o.settings, warning }
                }
                Err(message) => Response::Error { id, message },
            },
            Request::BuildAll { id, files, settings } => {
                Response::BuiltAll(Box::new(self.build_all(id, &files, &settings)))
            }
            Request::ExportTxtar { id, files } => {
                Response::Txtar { id, text: share::format_txtar("", &files) }
            }
            Request::ImportTxtar { id, text } => {
                let (_, files) = share::parse_txtar(&text);
                match share::check_files(&files) {
                    Ok(()) if files.is_empty() => {
                        Response::Error { id, message: "the archive has no files".into() }
                    }
                    Ok(()) => Response::Imported { id, files },
                    Err(message) => Response::Error { id, message },
                }
            }
            Request::ClearCache { id, target } => {
                match target {
                    Some(t) => self.cache.clear_target(&t),
                    None => self.cache.clear(),
                }
                Response::Cache { id, stats: self.cache.stats() }
            }
        }
    }

    /// Every port with the same module and settings: a row each, and the binaries
    /// in a ZIP with their SHA256SUMS (as `sha256sum` prints them).
    fn build_all(&mut self, id: u32, files: &[File], settings: &Settings) -> protocol::BuiltAll {
        let mut rows = Vec::new();
        let mut entries = Vec::new();
        let mut sums = String::new();
        for p in target::ports::listed(false) {
            let s = Settings {
                goos: p.goos().into(),
                goarch: p.goarch().into(),
                subarch: String::new(),
                ..settings.clone()
            };
            let b = self.build(id, files, &s);
            let target = format!("{}/{}", p.goos(), p.goarch());
            let status = match &b.binary {
                Some(_) if b.actions.iter().all(|a| a.hit) => "cached".to_owned(),
                Some(_) => "ok".to_owned(),
                None => b.errors.iter().find(|l| !l.starts_with("# ")).cloned().unwrap_or_default(),
            };
            let size = b.binary.as_ref().map_or(0, |x| x.len() as u64);
            if let Some(bin) = b.binary {
                let path = format!("{}_{}/{}", p.goos(), p.goarch(), b.name);
                sums.push_str(&format!("{}  {path}\n", b.sha256));
                entries.push((path, bin));
            }
            rows.push(protocol::TargetRow { target, name: b.name, size, sha256: b.sha256, status });
        }
        entries.push(("SHA256SUMS".to_owned(), sums.into_bytes()));
        protocol::BuiltAll { id, rows, zip: zip::write(&entries), cache: self.cache.stats() }
    }

    fn build(&mut self, id: u32, files: &[File], settings: &Settings) -> Built {
        let mut out = Built {
            id,
            binary: None,
            name: String::new(),
            format: String::new(),
            runnable: false,
            sha256: String::new(),
            actions: Vec::new(),
            errors: Vec::new(),
            diagnostics: Vec::new(),
            sections: Vec::new(),
            build_info: String::new(),
            build_id: String::new(),
            goos: settings.goos.clone(),
            goarch: settings.goarch.clone(),
            cache: CacheStats::default(),
        };
        let fail = |mut out: Built, msg: String| {
            out.diagnostics = diagnostics(&msg);
            out.errors = msg.lines().map(str::to_owned).collect();
            out
        };
        let env = env(settings);
        let ctx = match Context::for_command(&env, tags_flag(settings)) {
            Ok(c) => c,
            Err(EnvError { message, .. }) => return fail(out, message),
        };
        let port = match driver::check_target(&ctx) {
            Ok(port) => port,
            Err((_, m)) => return fail(out, m),
        };
        let ldflags = match driver::PerPackageFlag::parse(&settings.ldflags) {
            Ok(f) => f,
            Err(m) => {
                return fail(out, format!("invalid value {:?} for flag -ldflags: {m}", settings.ldflags));
            }
        };
        // The page's files are not in a repository, so no value stamps anything (as
        // Go with no VCS directory above the module), but a share link may carry any.
        if !matches!(
            settings.buildvcs.as_str(),
            "" | "auto"
                | "1"
                | "t"
                | "T"
                | "true"
                | "TRUE"
                | "True"
                | "0"
                | "f"
                | "F"
                | "false"
                | "FALSE"
                | "False"
        ) {
            return fail(
                out,
                format!(
                    "invalid boolean value {} for -buildvcs: value is neither 'auto' nor a valid bool",
                    target::archvar::go_quote(&settings.buildvcs)
                ),
            );
        }
        let tree = tree(files);
        let module = match tree.files.get("go.mod") {
            // The page's working directory is the module root: Go names the file go.mod.
            Some(text) => match load::parse_go_mod("go.mod", &String::from_utf8_lossy(text))
                .map_err(|e| format!("go: errors parsing go.mod:\n{e}"))
                .and_then(|m| load::check_go_mod("go.mod", &m).map(|()| m))
            {
                Ok(m) => m,
                Err(e) => return fail(out, e),
            },
            None => {
                return fail(
                    out,
                    "go: go.mod file not found in current directory or any parent directory".into(),
                );
            }
        };
        let loader =
            load::Loader { tree: &tree, module: &module, ctx: &ctx, cwd: "", goroot: "/crossplay/goroot" };
        let pkg = match driver::main_package(&loader, ".") {
            Ok(p) => p,
            Err(m) => return fail(out, m),
        };
        let main_ldflags = ldflags.for_main(&pkg.import_path, &pkg.dir, ROOT);
        if let Some(what) = driver::external_linking_reason(main_ldflags)
            && !ctx.cgo_enabled
        {
            return fail(out, format!("{what} requires external (cgo) linking, but cgo is not enabled"));
        }
        // A flag the linker rejects fails the link, under the package's name.
        let ld = match driver::parse_ldflags(main_ldflags, port.os, &env.lookup("CC")) {
            Ok(x) => x,
            Err((_, m)) => return fail(out, format!("# {}\n{m}", pkg.import_path)),
        };
        out.name = if settings.output.is_empty() {
            format!("{}{}", pkg.exec_name, env.exe_suffix())
        } else {
            settings.output.clone()
        };
        out.format = port.container().name().into();
        out.runnable = port.container() == Container::Wasm;
        let info = driver::build_info(
            &pkg.import_path,
            pkg.module.as_deref(),
            &ctx,
            &env,
            Some(settings.ldflags.as_str()),
            settings.trimpath,
            &pkg.default_godebug,
        );
        let mut cfg = driver::Config::new(port);
        cfg.tags = ctx.build_tags.clone();
        cfg.experiment = ctx.experiment_string();
        cfg.archvar =
            env.arch_env().map(|(var, value, _)| format!("{}={value}", var.name())).unwrap_or_default();
        cfg.cgo_enabled = ctx.cgo_enabled;
        cfg.trimpath = settings.trimpath;
        cfg.go_version = pkg.go_version.clone();
        cfg.link = ld.clone();
        cfg.main_path = pkg.import_path.clone();
        cfg.local = pkg.deps.clone();
        cfg.build_info = Some(info.clone());
        // Each package's compile and the link are actions of the build cache,
        // whose entries are tagged with the target.
        let mut store =
            cache::TargetStore { cache: &mut self.cache, target: format!("{}/{}", ctx.goos, ctx.goarch) };
        let mut caching = driver::Caching {
            store: &mut store,
            output: out.name.clone(),
            force: false,
            dry_run: false,
            actions: Vec::new(),
        };
        let result = driver::build_with(&cfg, &pkg.sources, Some(&mut caching));
        out.actions = caching.actions.into_iter().map(|a| Action { text: a.text, hit: a.hit }).collect();
        let binary = match result {
            Ok(b) => b,
            Err(lines) => return fail(out, lines.join("\n")),
        };
        out.sha256 = base::sha256::hex(&base::sha256::sha256(&binary));
        out.sections = sections(&binary);
        out.build_id = driver::read_build_id(&binary).unwrap_or_default();
        // Go's Wasm linker writes no build-info blob; `go version -m` reads none.
        if port.container() != Container::Wasm {
            out.build_info = format!(
                "{}: {}\n{}",
                out.name,
                driver::go_version(&ctx.experiment_string()),
                info.lines().map(|l| format!("\t{l}\n")).collect::<String>()
            );
        }
        out.binary = Some(binary);
        out
    }
}

/// The settings the page starts with (and a share link without a setting falls
/// back to): the port the playground itself runs as, js/wasm, which the page can
/// run, with the go command's defaults for the rest.
pub fn default_settings() -> Settings {
    let host = Host::JS_WASM;
    Settings { goos: host.goos.into(), goarch: host.goarch.into(), ..Settings::default() }
}

/// The environment a build sees: the settings as environment variables.
fn env(settings: &Settings) -> GoEnv {
    let mut vars = vec![("GOOS", settings.goos.clone()), ("GOARCH", settings.goarch.clone())];
    if !settings.cgo_enabled.is_empty() {
        vars.push(("CGO_ENABLED", settings.cgo_enabled.clone()));
    }
    if let Some(v) = ArchVar::for_goarch(&settings.goarch)
        && !settings.subarch.is_empty()
    {
        vars.push((v.name(), settings.subarch.clone()));
    }
    // No C compiler in the browser: cgo defaults to off, as Go's does without one.
    GoEnv::new(EnvLayers::from_process(vars), Host::LINUX_AMD64, &|_| false)
}

fn tags_flag(settings: &Settings) -> Option<&str> {
    (!settings.tags.is_empty()).then_some(settings.tags.as_str())
}

/// The build context for the settings, or Go's error for them.
fn context(settings: &Settings) -> Result<Context, String> {
    Context::for_command(&env(settings), tags_flag(settings)).map_err(|e| e.message)
}

/// Go's error for building with the settings, if any.
fn check(settings: &Settings) -> Option<String> {
    let ctx = match context(settings) {
        Ok(c) => c,
        Err(e) => return Some(e),
    };
    driver::check_target(&ctx).err().map(|(_, m)| m)
}

fn tree(files: &[File]) -> load::Tree {
    load::Tree {
        root: ROOT.into(),
        files: files.iter().map(|f| (f.name.clone(), f.text.clone().into_bytes())).collect(),
    }
}

/// Which `.go` files of the module's root directory each port builds, and why.
fn grid(id: u32, files: &[File], settings: &Settings) -> Grid {
    let names: Vec<&File> =
        files.iter().filter(|f| f.name.ends_with(".go") && !f.name.contains('/')).collect();
    let mut g = Grid {
        id,
        files: names.iter().map(|f| f.name.clone()).collect(),
        targets: Vec::new(),
        cells: Vec::new(),
        error: None,
    };
    let ports: Vec<_> = target::ports::listed(false).collect();
    g.targets = ports.iter().map(|p| format!("{}/{}", p.goos(), p.goarch())).collect();
    let mut contexts = Vec::new();
    for p in &ports {
        let s = Settings {
            goos: p.goos().into(),
            goarch: p.goarch().into(),
            subarch: String::new(),
            ..settings.clone()
        };
        match context(&s) {
            Ok(c) => contexts.push(c),
            Err(e) => {
                g.error = Some(e);
                return g;
            }
        }
    }
    for f in &names {
        for ctx in &contexts {
            g.cells.push(if buildtags::name::is_test_file(&f.name) {
                Cell {
                    built: false,
                    why: vec![format!("{} is a test file: only `go test` builds it", f.name)],
                }
            } else {
                let sel = buildtags::select(&f.name, f.text.as_bytes(), ctx);
                Cell { built: sel.matched, why: buildtags::explain(&sel) }
            });
        }
    }
    g
}

/// The sections of a binary: (name, size), for Wasm modules, 64-bit
/// little-endian ELF files, PE images and 64-bit Mach-O files.
pub fn sections(bin: &[u8]) -> Vec<(String, u64)> {
    if bin.starts_with(b"\x7fELF") {
        return elf_sections(bin);
    }
    if bin.starts_with(b"MZ") {
        return pe_sections(bin);
    }
    if bin.starts_with(&[0xcf, 0xfa, 0xed, 0xfe]) {
        return macho_sections(bin);
    }
    wasm_sections(bin)
}

fn name_of(bytes: &[u8]) -> String {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

/// PE section headers (name, virtual size).
fn pe_sections(bin: &[u8]) -> Vec<(String, u64)> {
    let u16_at = |o: usize| bin.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u32_at = |o: usize| bin.get(o..o + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let mut out = Vec::new();
    let Some(pe) = u32_at(0x3c) else { return out };
    let (Some(n), Some(opt)) = (u16_at(pe + 6), u16_at(pe + 20)) else { return out };
    for i in 0..n.min(256) {
        let h = pe + 24 + opt + 40 * i;
        let (Some(name), Some(size)) = (bin.get(h..h + 8), u32_at(h + 8)) else { break };
        out.push((name_of(name), size as u64));
    }
    out
}

/// Mach-O sections of the 64-bit segments (name, size).
fn macho_sections(bin: &[u8]) -> Vec<(String, u64)> {
    let u32_at = |o: usize| bin.get(o..o + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let u64_at = |o: usize| bin.get(o..o + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])));
    let mut out = Vec::new();
    let Some(ncmds) = u32_at(16) else { return out };
    let mut at = 32;
    for _ in 0..ncmds.min(256) {
        let (Some(cmd), Some(size)) = (u32_at(at), u32_at(at + 4)) else { break };
        if cmd == 0x19 {
            let Some(nsects) = u32_at(at + 64) else { break };
            for i in 0..nsects.min(256) {
                let h = at + 72 + 80 * i;
                let (Some(name), Some(size)) = (bin.get(h..h + 16), u64_at(h + 40)) else { break };
                out.push((name_of(name), size));
            }
        }
        if size == 0 {
            break;
        }
        at += size;
    }
    out
}

/// ELF64 section headers (name from `.shstrtab`, size).
fn elf_sections(bin: &[u8]) -> Vec<(String, u64)> {
    let u16_at = |o: usize| bin.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]) as usize);
    let u32_at = |o: usize| bin.get(o..o + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let u64_at = |o: usize| bin.get(o..o + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])));
    let mut out = Vec::new();
    if bin.get(4) != Some(&2) || bin.get(5) != Some(&1) {
        return out;
    }
    let (Some(shoff), Some(shnum), Some(shstrndx)) = (u64_at(0x28), u16_at(0x3c), u16_at(0x3e)) else {
        return out;
    };
    let header = |i: usize| shoff as usize + 64 * i;
    let Some(strtab_off) = u64_at(header(shstrndx) + 24) else { return out };
    for i in 1..shnum.min(256) {
        let (Some(name), Some(size)) = (u32_at(header(i)), u64_at(header(i) + 32)) else { break };
        let start = strtab_off as usize + name;
        let Some(rest) = bin.get(start..) else { break };
        let end = rest.iter().position(|&b| b == 0).unwrap_or(0);
        out.push((String::from_utf8_lossy(&rest[..end]).into_owned(), size));
    }
    out
}

fn wasm_sections(bin: &[u8]) -> Vec<(String, u64)> {
    const NAMES: [&str; 14] = [
        "custom",
        "type",
        "import",
        "function",
        "table",
        "memory",
        "global",
        "export",
        "start",
        "element",
        "code",
        "data",
        "datacount",
        "tag",
    ];
    let mut out = Vec::new();
    if bin.get(..4) != Some(b"\0asm") {
        return out;
    }
    let mut i = 8;
    let leb = |i: &mut usize| -> Option<u64> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = *bin.get(*i)?;
            *i += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    };
    while i < bin.len() {
        let kind = bin[i];
        i += 1;
        let Some(size) = leb(&mut i) else { break };
        let start = i;
        let mut name =
            NAMES.get(usize::from(kind)).map_or_else(|| format!("section {kind}"), |s| (*s).to_owned());
        if kind == 0 {
            let mut j = i;
            if let Some(n) = leb(&mut j)
                && let Some(s) = bin.get(j..j + n as usize)
            {
                name = format!("custom \"{}\"", String::from_utf8_lossy(s));
            }
        }
        out.push((name, size));
        i = start + size as usize;
    }
    out
}

/// Errors with a `file:line:col:` position in the module (`./main.go:7:2: …`).
fn diagnostics(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for line in text.lines() {
        let rest = line.strip_prefix("./").unwrap_or(line);
        let mut parts = rest.splitn(4, ':');
        let (Some(file), Some(l), Some(c), Some(msg)) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        if let (Ok(l), Ok(c)) = (l.parse(), c.parse()) {
            out.push(Diagnostic { file: file.into(), line: l, col: c, message: msg.trim().into() });
        }
    }
    out
}
