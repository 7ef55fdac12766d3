//! `crossplay build` and `crossplay run`: compile a main package (named by `.go`
//! files or a package pattern in a module) with crossplay's own toolchain
//! (`driver`), write the binary as `go build` names it, and for `run` execute it
//! with Go's cross-execution rules — `-exec`, a `go_GOOS_GOARCH_exec` wrapper on
//! PATH, crossplay's bundled runner for js/wasm and wasip1/wasm, or directly.

use load::Loader;
use target::EnvError;
use target::context::Context;

use crate::flags::{self, Flag, FlagKind, Parsed};
use crate::help::{BUILD_USAGE, RUN_USAGE};
use crate::{Outcome, Sys};

const BUILDVCS: Flag = Flag {
    name: "buildvcs",
    kind: FlagKind::BoolOrAuto,
    help: "whether to stamp binaries with version control information (\"true\", \"false\" or \"auto\")",
};

const BUILD_FLAGS: [Flag; 10] = [
    Flag {
        name: "a",
        kind: FlagKind::Bool,
        help: "force rebuilding of packages that are already up-to-date",
    },
    BUILDVCS,
    Flag {
        name: "gcflags",
        kind: FlagKind::Value,
        help: "arguments to pass on each go tool compile invocation (-S: the assembly listing)",
    },
    Flag {
        name: "ldflags",
        kind: FlagKind::Value,
        help: "arguments to pass on each link invocation (-s, -w, -X importpath.name=value)",
    },
    Flag {
        name: "o",
        kind: FlagKind::Value,
        help: "write the resulting executable to the named file or directory",
    },
    Flag {
        name: "p",
        kind: FlagKind::Value,
        help: "the number of functions compiled in parallel (default: the number of CPUs)",
    },
    Flag { name: "tags", kind: FlagKind::Value, help: "a comma-separated list of additional build tags" },
    Flag { name: "trimpath", kind: FlagKind::Bool, help: "remove all file system paths from the executable" },
    Flag { name: "v", kind: FlagKind::Bool, help: "print the names of packages as they are compiled" },
    Flag { name: "x", kind: FlagKind::Bool, help: "print the steps as they are run" },
];

const RUN_FLAGS: [Flag; 9] = [
    Flag {
        name: "a",
        kind: FlagKind::Bool,
        help: "force rebuilding of packages that are already up-to-date",
    },
    BUILDVCS,
    Flag {
        name: "exec",
        kind: FlagKind::Value,
        help: "run the binary with this program (split like a shell)",
    },
    Flag {
        name: "ldflags",
        kind: FlagKind::Value,
        help: "arguments to pass on each link invocation (-s, -w, -X importpath.name=value)",
    },
    Flag {
        name: "p",
        kind: FlagKind::Value,
        help: "the number of functions compiled in parallel (default: the number of CPUs)",
    },
    Flag { name: "tags", kind: FlagKind::Value, help: "a comma-separated list of additional build tags" },
    Flag { name: "trimpath", kind: FlagKind::Bool, help: "remove all file system paths from the executable" },
    Flag { name: "v", kind: FlagKind::Bool, help: "print the names of packages as they are compiled" },
    Flag { name: "x", kind: FlagKind::Bool, help: "print the steps as they are run" },
];

/// What a build produced.
struct Built {
    binary: Vec<u8>,
    exec_name: String,
    trace: String,
}

pub fn build(sys: &Sys, args: &[String]) -> Outcome {
    let parsed = match flags::parse(&BUILD_FLAGS, args, Parsed::default()) {
        Ok(p) => p,
        Err(message) => return Outcome::fail(2, format!("{message}\n{BUILD_USAGE}")),
    };
    let built = match compile(sys, &parsed, BUILD_USAGE, true) {
        Ok(b) => b,
        Err(o) => return o,
    };
    let goexe = sys.go_env().exe_suffix();
    let out = match parsed.values.get("o") {
        Some(o) if o.ends_with('/') || (sys.list_dir)(&abs(sys, o)).is_some() => {
            format!("{}/{}{goexe}", o.trim_end_matches('/'), built.exec_name)
        }
        Some(o) => o.clone(),
        None => format!("{}{goexe}", built.exec_name),
    };
    let mut trace = built.trace;
    if out == "/dev/null" {
        return Outcome { stdout: String::new(), stderr: trace, code: 0 };
    }
    let path = abs(sys, &out);
    if (sys.list_dir)(&path).is_some() {
        return Outcome::fail(1, format!("go: build output \"{out}\" already exists and is a directory"));
    }
    if parsed.bool("x") {
        trace.push_str(&format!("write {out} ({} bytes)\n", built.binary.len()));
    }
    if let Err(e) = write_executable(&path, &built.binary) {
        return Outcome::fail(1, format!("go: {e}"));
    }
    Outcome { stdout: String::new(), stderr: trace, code: 0 }
}

pub fn run(sys: &Sys, args: &[String]) -> Outcome {
    let parsed = match flags::parse(&RUN_FLAGS, args, Parsed::default()) {
        Ok(p) => p,
        Err(message) => return Outcome::fail(2, format!("{message}\n{RUN_USAGE}")),
    };
    // `go run` takes the .go files (or one package) and passes the rest to the program.
    let (pkg_args, prog_args) = split_run_args(&parsed.args);
    if pkg_args.is_empty() {
        return Outcome::fail(1, "go: no go files listed");
    }
    let mut p = parsed.clone();
    p.args = pkg_args;
    let built = match compile(sys, &p, RUN_USAGE, false) {
        Ok(b) => b,
        Err(o) => return o,
    };
    let env = sys.go_env();
    let (goos, goarch) = (env.lookup("GOOS"), env.lookup("GOARCH"));
    let goexe = env.exe_suffix();
    let dir = std::env::temp_dir().join(format!("crossplay-run-{}", std::process::id()));
    let exe = dir.join("exe").join(format!("{}{goexe}", built.exec_name));
    if let Err(e) = std::fs::create_dir_all(exe.parent().unwrap_or(&dir))
        .and_then(|()| write_executable(&exe.to_string_lossy(), &built.binary).map_err(std::io::Error::other))
    {
        return Outcome::fail(1, format!("go: {e}"));
    }
    let exe_s = exe.to_string_lossy().into_owned();
    let mut cmd: Vec<String> = Vec::new();
    if let Some(x) = parsed.values.get("exec") {
        match target::goenv::split_quoted(x) {
            Ok(words) if !words.is_empty() => cmd.extend(words),
            _ => return Outcome::fail(2, format!("invalid value {x:?} for flag -exec\n{RUN_USAGE}")),
        }
    } else if goos != sys.host.goos || goarch != sys.host.goarch {
        let wrapper = format!("go_{goos}_{goarch}_exec");
        if (sys.look_path)(&wrapper) {
            cmd.push(wrapper);
        } else if goarch == "wasm" {
            // crossplay's bundled runner: node, with a host for the program's imports.
            let script = dir.join(if goos == "js" { "run_js.js" } else { "run_wasip1.js" });
            let text = if goos == "js" { RUNNER_JS } else { RUNNER_WASIP1 };
            if let Err(e) = std::fs::write(&script, text) {
                return Outcome::fail(1, format!("go: {e}"));
            }
            if !(sys.look_path)("node") {
                return Outcome::fail(
                    1,
                    format!("crossplay run: running {goos}/wasm programs needs node on PATH, or -exec"),
                );
            }
            cmd.extend([
                "node".to_owned(),
                "--no-warnings".to_owned(),
                "--stack-size=8192".to_owned(),
                script.to_string_lossy().into_owned(),
            ]);
        }
    }
    cmd.push(exe_s.clone());
    cmd.extend(prog_args);
    let mut trace = built.trace;
    if parsed.bool("x") {
        trace.push_str(&format!("{}\n", cmd.join(" ")));
    }
    let status = std::process::Command::new(&cmd[0]).args(&cmd[1..]).status();
    std::fs::remove_dir_all(&dir).ok();
    match status {
        Ok(s) if s.success() => Outcome { stdout: String::new(), stderr: trace, code: 0 },
        Ok(s) => {
            let why = match s.code() {
                Some(c) => format!("exit status {c}"),
                None => "signal: killed".to_owned(),
            };
            Outcome { stdout: String::new(), stderr: format!("{trace}{why}\n"), code: 1 }
        }
        Err(e) => {
            let text = if e.raw_os_error() == Some(8) {
                "exec format error".to_owned()
            } else {
                e.to_string().split(" (os error").next().unwrap_or_default().to_lowercase()
            };
            Outcome {
                stdout: String::new(),
                stderr: format!("{trace}fork/exec {}: {text}\n", cmd[0]),
                code: 1,
            }
        }
    }
}

/// Go's run arguments: the leading `.go` files, or the first argument as a package.
fn split_run_args(args: &[String]) -> (Vec<String>, Vec<String>) {
    let n = args.iter().take_while(|a| a.ends_with(".go")).count();
    if n > 0 {
        return (args[..n].to_vec(), args[n..].to_vec());
    }
    match args.split_first() {
        Some((first, rest)) => (vec![first.clone()], rest.to_vec()),
        None => (vec![], vec![]),
    }
}

fn abs(sys: &Sys, p: &str) -> String {
    if p.starts_with('/') { p.to_owned() } else { format!("{}/{p}", sys.cwd.trim_end_matches('/')) }
}

fn write_executable(path: &str, bytes: &[u8]) -> Result<(), String> {
    if let Some(parent) = std::path::Path::new(path).parent() {
        std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("open {path}: {e}"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o777)).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Loads the main package, checks the configuration, and compiles. `auto_vcs`:
/// whether `-buildvcs=auto` stamps (for `build`; not for `run`).
fn compile(sys: &Sys, parsed: &Parsed, usage: &str, auto_vcs: bool) -> Result<Built, Outcome> {
    // The per-package flags: `[pattern=]flags`, checked as the flags are parsed.
    let per_package = |name: &str| match parsed.values.get(name) {
        None => Ok(None),
        Some(raw) => driver::PerPackageFlag::parse(raw)
            .map(Some)
            .map_err(|m| Outcome::fail(2, format!("invalid value {raw:?} for flag -{name}: {m}\n{usage}"))),
    };
    let (ldflags_flag, gcflags_flag) = (per_package("ldflags")?, per_package("gcflags")?);
    let env = sys.go_env();
    let tags_flag = parsed.values.get("tags").map(String::as_str);
    let ctx = match Context::for_command(&env, tags_flag) {
        Ok(ctx) => ctx,
        Err(EnvError { message, status }) => return Err(Outcome::fail(status, message)),
    };
    driver::check_target(&ctx).map_err(|(code, m)| Outcome::fail(code, m))?;
    let jobs = match parsed.values.get("p") {
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(p) => match p.parse::<i64>() {
            Ok(n) if n > 0 => n as usize,
            Ok(n) => return Err(Outcome::fail(1, format!("go: -p must be a positive integer: {n}"))),
            Err(_) => return Err(Outcome::fail(2, format!("invalid value {p:?} for flag -p: parse error\n{}", usage))),
        },
    };
    let (pkg, module_dir) = load_main(sys, &ctx, &parsed.args)?;
    let for_main = |f: &Option<driver::PerPackageFlag>| {
        f.as_ref().map_or(String::new(), |f| f.for_main(&pkg.import_path, &pkg.dir, &sys.cwd).to_string())
    };
    // -linkmode=external needs cgo (a load error); a flag the linker rejects fails
    // the link, under the package's name.
    let main_ldflags = for_main(&ldflags_flag);
    if let Some(what) = driver::external_linking_reason(&main_ldflags)
        && !ctx.cgo_enabled
    {
        let m = format!("{what} requires external (cgo) linking, but cgo is not enabled");
        return Err(Outcome::fail(1, m));
    }
    let ld = driver::parse_ldflags(&main_ldflags, &ctx.goos, &env.lookup("CC"))
        .map_err(|(code, m)| Outcome::fail(code, format!("# {}\n{m}", pkg.import_path)))?;
    let mut trace = String::new();
    if parsed.bool("x") {
        trace.push_str(&format!(
            "crossplay compile -p main -goos {} -goarch {} {}\n",
            ctx.goos,
            ctx.goarch,
            pkg.sources.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(" ")
        ));
        trace.push_str(&format!("crossplay link -o {} (in memory)\n", pkg.exec_name));
    }
    if parsed.bool("v") {
        trace.push_str("command-line-arguments\n");
    }
    let mut cfg = driver::Config::new(&ctx.goos, &ctx.goarch);
    cfg.tags = tags_flag
        .map(|t| t.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default();
    cfg.link = ld;
    cfg.main_path = pkg.import_path.clone();
    cfg.local = pkg.deps.clone();
    cfg.jobs = jobs;
    cfg.experiment = ctx.experiment_string();
    let ldflags = parsed.values.get("ldflags").map(String::as_str);
    let mut info = driver::build_info(
        &pkg.import_path,
        pkg.module.as_deref(),
        &ctx,
        &env,
        ldflags,
        parsed.bool("trimpath"),
        &pkg.default_godebug,
    );
    let buildvcs = parsed.values.get("buildvcs").map_or("auto", String::as_str);
    let module_path = pkg.module.as_deref().unwrap_or_default();
    match crate::vcs::stamp(sys, buildvcs, auto_vcs, module_dir.as_deref(), &pkg.dir, module_path) {
        Ok(Some(vcs)) => info = driver::stamp_vcs(&info, &vcs),
        Ok(None) => {}
        Err(m) => return Err(Outcome::fail(1, m)),
    }
    cfg.build_info = Some(info);
    // -gcflags=-S: the main package's assembly, printed as the compiler's output is.
    if gcflags_flag.is_some() {
        match for_main(&gcflags_flag).trim() {
            "-S" => match driver::listing(&cfg, &pkg.sources) {
                Ok(text) => trace.push_str(&format!("# {}\n{text}", pkg.import_path)),
                Err(lines) => return Err(Outcome::fail(1, format!("{trace}{}", lines.join("\n")))),
            },
            "" => {}
            other => return Err(Outcome::fail(2, format!("crossplay does not support -gcflags={other} yet"))),
        }
    }
    match driver::build(&cfg, &pkg.sources) {
        Ok(binary) => Ok(Built { binary, exec_name: pkg.exec_name, trace }),
        Err(lines) => {
            Err(Outcome { stdout: String::new(), stderr: format!("{trace}{}\n", lines.join("\n")), code: 1 })
        }
    }
}

/// The main package named on the command line: `.go` files, or one package pattern
/// in the current module, whose root comes with it.
fn load_main(sys: &Sys, ctx: &Context, args: &[String]) -> Result<(driver::MainPkg, Option<String>), Outcome> {
    let args: Vec<String> = if args.is_empty() { vec![".".into()] } else { args.to_vec() };
    if args.iter().any(|a| a.ends_with(".go")) {
        let mut sources = Vec::new();
        for a in &args {
            if !a.ends_with(".go") {
                return Err(Outcome::fail(1, format!("named files must be .go files: {a}")));
            }
            let Some(text) = (sys.read_bytes)(&abs(sys, a)) else {
                return Err(Outcome::fail(1, format!("stat {a}: no such file or directory")));
            };
            let base = a.rsplit('/').next().unwrap_or(a);
            if buildtags::select(base, &text, ctx).matched {
                let name = if a.starts_with('/') || a.starts_with("./") || a.starts_with("../") {
                    a.clone()
                } else {
                    format!("./{a}")
                };
                sources.push(driver::Source { name, text });
            }
        }
        if sources.is_empty() {
            return Err(Outcome::fail(
                1,
                "package command-line-arguments: build constraints exclude all Go files",
            ));
        }
        let first = args[0].rsplit('/').next().unwrap_or(&args[0]);
        // Files in a module take its go line and godebug lines for their GODEBUG
        // defaults (and meet its errors, as Go loads the module for them too).
        // They may import the module's packages.
        let (module, deps) = match crate::list_cmd::load_module(sys)? {
            Some((tree, cwd, module)) => {
                let goroot = crate::list_cmd::goroot(sys);
                let loader = Loader { tree: &tree, module: &module, ctx, cwd: &cwd, goroot: &goroot };
                let mut imports: Vec<String> = Vec::new();
                for s in &sources {
                    for i in load::header::read(&s.text).0.imports {
                        if !imports.contains(&i.path) {
                            imports.push(i.path);
                        }
                    }
                }
                let deps = driver::local_deps(&loader, "command-line-arguments", &imports);
                (module, deps)
            }
            None => (Default::default(), vec![]),
        };
        let file = driver::clean_path(&abs(sys, &args[0]));
        let dir = file.rsplit_once('/').map_or("/", |(d, _)| if d.is_empty() { "/" } else { d }).to_owned();
        return Ok((driver::MainPkg {
            exec_name: first.trim_end_matches(".go").to_owned(),
            dir,
            default_godebug: driver::default_godebug(
                module.go_version.as_deref(),
                &module.godebug,
                ctx.fips140.is_some(),
                &sources,
            )
                .map_err(|e| Outcome::fail(1, format!("# command-line-arguments\n{e}")))?,
            sources,
            import_path: "command-line-arguments".into(),
            module: (!deps.is_empty()).then(|| module.path.clone()),
            deps,
        }, None));
    }
    if args.len() > 1 {
        return Err(Outcome::fail(1, "crossplay builds one main package at a time"));
    }
    crate::list_cmd::read_module(sys).map_err(|m| Outcome::fail(1, m))?;
    let Some((tree, cwd, module)) = crate::list_cmd::load_module(sys)? else {
        return Err(Outcome::fail(1, "go: go.mod file not found"));
    };
    let goroot = crate::list_cmd::goroot(sys);
    let loader = Loader { tree: &tree, module: &module, ctx, cwd: &cwd, goroot: &goroot };
    let pkg = driver::main_package(&loader, &args[0]).map_err(|m| Outcome::fail(1, m))?;
    Ok((pkg, Some(tree.root.clone())))
}

/// The bundled js/wasm runner: a host for the `gojs` imports crossplay's runtime
/// uses, with Go's calling convention (arguments in the Go stack frame at sp+8).
const RUNNER_JS: &str = r#"'use strict';
const fs = require('fs');
const file = process.argv[2];
let inst;
const view = () => new DataView(inst.exports.mem.buffer);
const i64 = (sp, off) => Number(view().getBigInt64(sp + off, true));
const gojs = {
  'runtime.wasmWrite': (sp) => {
    sp >>>= 0;
    const fd = i64(sp, 8), p = i64(sp, 16), n = view().getInt32(sp + 24, true);
    fs.writeSync(fd, new Uint8Array(inst.exports.mem.buffer, p, n));
  },
  'runtime.wasmExit': (sp) => {
    process.exit(view().getInt32((sp >>> 0) + 8, true));
  },
  // The memory views here are made afresh for every access, so growth needs no work.
  'runtime.resetMemoryDataView': () => {},
  'runtime.nanotime1': (sp) => {
    view().setBigInt64((sp >>> 0) + 8, process.hrtime.bigint(), true);
  },
  'runtime.walltime': (sp) => {
    sp >>>= 0;
    const ms = Date.now();
    view().setBigInt64(sp + 8, BigInt(Math.floor(ms / 1000)), true);
    view().setInt32(sp + 16, (ms % 1000) * 1000000, true);
  },
};
const imports = { gojs: new Proxy(gojs, { get: (t, name) => t[name] || (() => { throw new Error('crossplay runner: unsupported import gojs.' + String(name)); }) }) };
WebAssembly.instantiate(fs.readFileSync(file), imports).then((r) => {
  inst = r.instance;
  // The arguments and environment as wasm_exec.js lays them out from 4096:
  // NUL-terminated strings, then 8-byte pointers to them, each list ending in 0.
  const mem = new Uint8Array(inst.exports.mem.buffer);
  let off = 4096;
  const str = (s) => {
    const b = Buffer.from(s + '\0');
    mem.set(b, off);
    const p = off;
    off += b.length + ((8 - (b.length % 8)) % 8);
    return p;
  };
  const args = process.argv.slice(2);
  const ptrs = args.map(str);
  ptrs.push(0);
  Object.keys(process.env).sort().forEach((k) => ptrs.push(str(k + '=' + process.env[k])));
  ptrs.push(0);
  const argv = off;
  ptrs.forEach((p) => { view().setUint32(off, p, true); view().setUint32(off + 4, 0, true); off += 8; });
  if (off >= 4096 + 8192) throw new Error('total length of command line and environment variables exceeds limit');
  inst.exports.run(args.length, argv);
}).catch((e) => { console.error(e); process.exit(1); });
"#;

/// The bundled wasip1/wasm runner: node's WASI preview 1.
const RUNNER_WASIP1: &str = r#"'use strict';
const { WASI } = require('node:wasi');
const fs = require('fs');
const wasi = new WASI({ version: 'preview1', args: process.argv.slice(2), env: process.env, preopens: { '/': '/' }, returnOnExit: true });
WebAssembly.instantiate(fs.readFileSync(process.argv[2]), wasi.getImportObject()).then((r) => {
  process.exitCode = wasi.start(r.instance);
}).catch((e) => { console.error(e); process.exit(1); });
"#;
