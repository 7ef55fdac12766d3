//! `crossplay build` and `crossplay run`: compile the packages named by `.go`
//! files or package patterns in a module (with the module's packages they import)
//! with crossplay's own toolchain (`driver`), write programs as `go build` names
//! them (one by its default name or `-o`, several into an `-o` directory), and for
//! `run` execute the one program
//! with Go's cross-execution rules — `-exec`, a `go_GOOS_GOARCH_exec` wrapper on
//! PATH, crossplay's bundled runner for js/wasm and wasip1/wasm, or directly.

use load::Loader;
use target::context::Context;
use target::{Container, EnvError, Os};

use crate::flags::{self, Flag, FlagKind, Parsed};
use crate::help::{BUILD_USAGE, RUN_USAGE};
use crate::{Outcome, Sys};

const BUILDVCS: Flag = Flag {
    name: "buildvcs",
    kind: FlagKind::BoolOrAuto,
    help: "whether to stamp binaries with version control information (\"true\", \"false\" or \"auto\")",
};

const BUILD_FLAGS: [Flag; 11] = [
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
    Flag { name: "n", kind: FlagKind::Bool, help: "print the steps that would run, but do not run them" },
    Flag {
        name: "o",
        kind: FlagKind::Value,
        help: "write the resulting executable to the named file or directory",
    },
    Flag {
        name: "p",
        kind: FlagKind::Value,
        help: "the number of packages and functions compiled in parallel (default: the number of CPUs)",
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
        help: "the number of packages and functions compiled in parallel (default: the number of CPUs)",
    },
    Flag { name: "tags", kind: FlagKind::Value, help: "a comma-separated list of additional build tags" },
    Flag { name: "trimpath", kind: FlagKind::Bool, help: "remove all file system paths from the executable" },
    Flag { name: "v", kind: FlagKind::Bool, help: "print the names of packages as they are compiled" },
    Flag { name: "x", kind: FlagKind::Bool, help: "print the steps as they are run" },
];

/// What a build produced: the binary of a program (none for a package only
/// compiled).
struct Built {
    binary: Option<Vec<u8>>,
    exec_name: String,
    trace: String,
}

pub fn build(sys: &Sys, args: &[String]) -> Outcome {
    let parsed = match flags::parse(&BUILD_FLAGS, args, Parsed::default()) {
        Ok(p) => p,
        Err(message) => return Outcome::fail(2, format!("{message}\n{BUILD_USAGE}")),
    };
    let prep = match prepare(sys, &parsed, BUILD_USAGE) {
        Ok(p) => p,
        Err(o) => return o,
    };
    let warnings = prep.warnings.clone();
    let fail = |m: String| Outcome { stdout: String::new(), stderr: format!("{warnings}{m}\n"), code: 1 };
    let goexe = prep.env.exe_suffix();
    let pkgs = &prep.packages;
    let is_dir = |o: &str| (sys.list_dir)(&abs(sys, o)).is_some();
    // Where each package goes, decided before anything is built (cmd/go's
    // runBuild): with -o a directory, every program into it; with -o a file, the
    // one package; without -o, a single program under its default name; else
    // nothing — the packages are only built. -o /dev/null discards.
    let o_flag = parsed.values.get("o").map(String::as_str).filter(|&o| o != "/dev/null");
    let into_dir = o_flag.is_some_and(|o| o.ends_with('/') || is_dir(o));
    let outputs: Vec<Option<String>> = match o_flag {
        Some(o) if into_dir => {
            if pkgs.iter().all(|p| p.name != "main") {
                return fail("go: no main packages to build".into());
            }
            let dir = o.trim_end_matches('/');
            pkgs.iter().map(|p| (p.name == "main").then(|| format!("{dir}/{}{goexe}", p.exec_name))).collect()
        }
        Some(o) => match &pkgs[..] {
            [] => return fail("no packages to build".into()),
            [p] if p.name != "main" => {
                return fail(format!(
                    "crossplay does not support writing the archive of package {} yet",
                    p.import_path
                ));
            }
            [_] => vec![Some(o.to_owned())],
            _ => return fail(format!("go: cannot write multiple packages to non-directory {o}")),
        },
        // -o /dev/null drops what a lone program would have written.
        None if parsed.values.contains_key("o") => vec![None; pkgs.len()],
        None => match &pkgs[..] {
            [p] if p.name == "main" => {
                let out = format!("{}{goexe}", p.exec_name);
                if is_dir(&out) {
                    return fail(format!("go: build output \"{out}\" already exists and is a directory"));
                }
                vec![Some(out)]
            }
            _ => vec![None; pkgs.len()],
        },
    };
    // Every package is built (with -o a directory, only the programs); one that
    // fails does not stop the others, and a failure is reported once, not again
    // for each package that imports it.
    let (mut stderr, mut code) = (warnings.clone(), 0);
    let mut reported: Vec<String> = Vec::new();
    for (pkg, out) in pkgs.iter().zip(outputs) {
        if into_dir && pkg.name != "main" {
            continue;
        }
        let built = match compile_one(sys, &parsed, &prep, pkg, true) {
            Ok(b) => b,
            Err(o) => {
                let mut text = o.stderr;
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                if !reported.contains(&text) {
                    stderr.push_str(&text);
                    reported.push(text);
                }
                code = if code == 0 { o.code } else { code };
                continue;
            }
        };
        stderr.push_str(&built.trace);
        let (Some(out), Some(binary)) = (out, built.binary) else { continue };
        let path = abs(sys, &out);
        if (sys.list_dir)(&path).is_some() {
            stderr.push_str(&format!("go: build output \"{out}\" already exists and is a directory\n"));
            code = 1;
            continue;
        }
        if parsed.bool("x") {
            stderr.push_str(&format!("write {out} ({} bytes)\n", binary.len()));
        }
        if let Err(e) = write_executable(&path, &binary) {
            stderr.push_str(&format!("go: {e}\n"));
            code = 1;
        }
    }
    Outcome { stdout: String::new(), stderr, code }
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
    let prep = match prepare(sys, &p, RUN_USAGE) {
        Ok(prep) => prep,
        Err(o) => return o,
    };
    // One program: go run's errors for none, several, or a package that is not one.
    let warnings = prep.warnings.clone();
    let fail = |m: String| Outcome { stdout: String::new(), stderr: format!("{warnings}{m}\n"), code: 1 };
    let pkg = match &prep.packages[..] {
        [] => return fail(format!("go: no packages loaded from {}", p.args[0])),
        [pkg] if pkg.name != "main" => {
            return fail(format!("package {} is not a main package", pkg.import_path));
        }
        [pkg] => pkg,
        many => {
            let paths: String = many.iter().map(|m| format!("\n\t{}", m.import_path)).collect();
            return fail(format!("go: pattern {} matches multiple packages:{paths}", p.args[0]));
        }
    };
    let built = match compile_one(sys, &p, &prep, pkg, false) {
        Ok(b) => b,
        Err(o) => return o,
    };
    let Some(binary) = built.binary else {
        return fail(format!("package {} is not a main package", pkg.import_path));
    };
    let (port, goexe) = (prep.port, prep.env.exe_suffix());
    let (goos, goarch) = (port.goos(), port.goarch());
    let dir = std::env::temp_dir().join(format!("crossplay-run-{}", std::process::id()));
    let exe = dir.join("exe").join(format!("{}{goexe}", built.exec_name));
    if let Err(e) = std::fs::create_dir_all(exe.parent().unwrap_or(&dir))
        .and_then(|()| write_executable(&exe.to_string_lossy(), &binary).map_err(std::io::Error::other))
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
        } else if port.container() == Container::Wasm {
            // crossplay's bundled runner: node, with a host for the program's imports
            // (js/wasm's are wasm_exec.js's, wasip1/wasm's WASI preview 1).
            let (name, text) = match port.os {
                Os::Js => ("run_js.js", RUNNER_JS),
                _ => ("run_wasip1.js", RUNNER_WASIP1),
            };
            let script = dir.join(name);
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
                None => signal_status(&s),
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

/// What every package of a build shares: the flags, the configuration, and the
/// packages the command line names.
struct Prepared {
    ldflags: Option<driver::PerPackageFlag>,
    gcflags: Option<driver::PerPackageFlag>,
    env: target::GoEnv,
    ctx: Context,
    port: &'static target::Port,
    jobs: usize,
    packages: Vec<driver::MainPkg>,
    /// The main module's root, for VCS stamping (None for files).
    module_dir: Option<String>,
    /// `matched no packages`, printed before anything is built.
    warnings: String,
    /// GOCACHE.
    cache_dir: String,
}

/// Checks the flags and the configuration, and loads the packages.
fn prepare(sys: &Sys, parsed: &Parsed, usage: &str) -> Result<Prepared, Outcome> {
    // The per-package flags: `[pattern=]flags`, checked as the flags are parsed.
    let per_package = |name: &str| match parsed.values.get(name) {
        None => Ok(None),
        Some(raw) => driver::PerPackageFlag::parse(raw)
            .map(Some)
            .map_err(|m| Outcome::fail(2, format!("invalid value {raw:?} for flag -{name}: {m}\n{usage}"))),
    };
    let (ldflags, gcflags) = (per_package("ldflags")?, per_package("gcflags")?);
    let env = sys.go_env();
    let tags_flag = parsed.values.get("tags").map(String::as_str);
    let ctx = match Context::for_command(&env, tags_flag) {
        Ok(ctx) => ctx,
        Err(EnvError { message, status }) => return Err(Outcome::fail(status, message)),
    };
    let port = driver::check_target(&ctx).map_err(|(code, m)| Outcome::fail(code, m))?;
    let jobs = match parsed.values.get("p") {
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        Some(p) => match p.parse::<i64>() {
            Ok(n) if n > 0 => n as usize,
            Ok(n) => return Err(Outcome::fail(1, format!("go: -p must be a positive integer: {n}"))),
            Err(_) => {
                return Err(Outcome::fail(
                    2,
                    format!("invalid value {p:?} for flag -p: parse error\n{}", usage),
                ));
            }
        },
    };
    let (packages, module_dir, warnings) = load_packages(sys, &ctx, &parsed.args)?;
    let warnings: String = warnings.iter().map(|w| format!("{w}\n")).collect();
    // The build cache, as Go's build opens it once the packages are loaded.
    let cache_dir =
        env.require_cache().map_err(|EnvError { message, status }| Outcome::fail(status, message))?;
    Ok(Prepared { ldflags, gcflags, env, ctx, port, jobs, packages, module_dir, warnings, cache_dir })
}

/// Compiles one package, and links it if it is a program. `auto_vcs`: whether
/// `-buildvcs=auto` stamps (for `build`; not for `run`).
fn compile_one(
    sys: &Sys,
    parsed: &Parsed,
    prep: &Prepared,
    pkg: &driver::MainPkg,
    auto_vcs: bool,
) -> Result<Built, Outcome> {
    let (env, ctx) = (&prep.env, &prep.ctx);
    let for_main = |f: &Option<driver::PerPackageFlag>| {
        f.as_ref().map_or(String::new(), |f| f.for_main(&pkg.import_path, &pkg.dir, &sys.cwd).to_string())
    };
    let program = pkg.name == "main";
    let mut trace = String::new();
    if parsed.bool("v") {
        trace.push_str(&format!("{}\n", pkg.import_path));
    }
    let mut cfg = driver::Config::new(prep.port);
    cfg.tags = ctx.build_tags.clone();
    cfg.main_path = pkg.import_path.clone();
    cfg.local = pkg.deps.clone();
    cfg.jobs = prep.jobs;
    cfg.experiment = ctx.experiment_string();
    cfg.archvar = env.arch_env().map(|(var, value, _)| format!("{}={value}", var.name())).unwrap_or_default();
    cfg.cgo_enabled = ctx.cgo_enabled;
    cfg.trimpath = parsed.bool("trimpath");
    cfg.go_version = pkg.go_version.clone();
    if !program {
        // Only compiled, as a check that it builds: nothing is linked.
        if !for_main(&prep.gcflags).trim().is_empty() {
            let m = format!("crossplay does not support -gcflags for package {} yet", pkg.import_path);
            return Err(Outcome::fail(2, m));
        }
        return match driver::check(&cfg, &pkg.sources) {
            Ok(()) => Ok(Built { binary: None, exec_name: pkg.exec_name.clone(), trace }),
            Err(lines) => Err(Outcome::fail(1, format!("{trace}{}", lines.join("\n")))),
        };
    }
    // -linkmode=external needs cgo (a load error); a flag the linker rejects fails
    // the link, under the package's name.
    let main_ldflags = for_main(&prep.ldflags);
    if let Some(what) = driver::external_linking_reason(&main_ldflags)
        && !ctx.cgo_enabled
    {
        let m = format!("{what} requires external (cgo) linking, but cgo is not enabled");
        return Err(Outcome::fail(1, m));
    }
    cfg.link = driver::parse_ldflags(&main_ldflags, prep.port.os, &env.lookup("CC"))
        .map_err(|(code, m)| Outcome::fail(code, format!("{trace}# {}\n{m}", pkg.import_path)))?;
    let ldflags = parsed.values.get("ldflags").map(String::as_str);
    let mut info = driver::build_info(
        &pkg.import_path,
        pkg.module.as_deref(),
        ctx,
        env,
        ldflags,
        parsed.bool("trimpath"),
        &pkg.default_godebug,
    );
    let buildvcs = parsed.values.get("buildvcs").map_or("auto", String::as_str);
    let module_path = pkg.module.as_deref().unwrap_or_default();
    match crate::vcs::stamp(sys, buildvcs, auto_vcs, prep.module_dir.as_deref(), &pkg.dir, module_path) {
        Ok(Some(vcs)) => info = driver::stamp_vcs(&info, &vcs),
        Ok(None) => {}
        Err(m) => return Err(Outcome::fail(1, m)),
    }
    cfg.build_info = Some(info);
    // -gcflags: -S prints the main package's assembly as the compiler's output is
    // printed; -N turns optimization off; -l inlining.
    let mut listing = false;
    for flag in for_main(&prep.gcflags).split_whitespace() {
        match flag {
            "-S" => listing = true,
            "-N" => cfg.optimize = false,
            "-l" => cfg.inline = false,
            _ => {
                let all = for_main(&prep.gcflags);
                return Err(Outcome::fail(
                    2,
                    format!("crossplay does not support -gcflags={} yet", all.trim()),
                ));
            }
        }
    }
    if listing {
        match driver::listing(&cfg, &pkg.sources) {
            Ok(text) => trace.push_str(&format!("# {}\n{text}", pkg.import_path)),
            Err(lines) => return Err(Outcome::fail(1, format!("{trace}{}", lines.join("\n")))),
        }
    }
    // Each package's compile and the link are actions of the build cache in
    // GOCACHE; -x prints those that run, -n those that would.
    let mut store =
        cache::DirStore { dir: prep.cache_dir.clone(), fs: crate::StdFs, now: crate::unix_nanos() };
    let dry_run = parsed.bool("n");
    let mut caching = driver::Caching {
        store: &mut store,
        output: pkg.exec_name.clone(),
        force: parsed.bool("a"),
        dry_run,
        actions: Vec::new(),
    };
    let result = driver::build_with(&cfg, &pkg.sources, Some(&mut caching));
    if parsed.bool("x") || dry_run {
        for a in caching.actions.iter().filter(|a| !a.hit) {
            trace.push_str(&format!("crossplay {}\n", a.text));
        }
    }
    match result {
        Ok(_) if dry_run => Ok(Built { binary: None, exec_name: pkg.exec_name.clone(), trace }),
        Ok(binary) => Ok(Built { binary: Some(binary), exec_name: pkg.exec_name.clone(), trace }),
        Err(lines) => {
            Err(Outcome { stdout: String::new(), stderr: format!("{trace}{}\n", lines.join("\n")), code: 1 })
        }
    }
}

/// The packages named on the command line: `.go` files (one package), or package
/// patterns in the current module, whose root comes with them; and the warnings
/// for patterns that matched nothing.
type Loaded = (Vec<driver::MainPkg>, Option<String>, Vec<String>);

fn load_packages(sys: &Sys, ctx: &Context, args: &[String]) -> Result<Loaded, Outcome> {
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
                // The go command reads each file's package clause and imports
                // first, with go/parser's wording for what is wrong there.
                if let (_, Some(e)) = load::header::read(&text) {
                    let file = crate::list_cmd::short_path(&sys.cwd, &driver::clean_path(&abs(sys, a)));
                    return Err(Outcome::fail(1, format!("{file}:{}:{}: {}", e.line, e.col, e.message)));
                }
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
        let name = load::header::read(&sources[0].text).0.package;
        return Ok((
            vec![driver::MainPkg {
                name,
                exec_name: first.trim_end_matches(".go").to_owned(),
                dir,
                default_godebug: driver::default_godebug(
                    module.go_version.as_deref(),
                    &module.godebug,
                    ctx.fips140.is_some(),
                    &sources,
                )
                .map_err(|e| Outcome::fail(1, format!("# command-line-arguments\n{e}")))?,
                // Files named on the command line take the newest language
                // version, not the module's (as go run main.go does).
                go_version: None,
                sources,
                import_path: "command-line-arguments".into(),
                module: (!deps.is_empty()).then(|| module.path.clone()),
                deps,
            }],
            None,
            vec![],
        ));
    }
    crate::list_cmd::read_module(sys).map_err(|m| Outcome::fail(1, m))?;
    let Some((tree, cwd, module)) = crate::list_cmd::load_module(sys)? else {
        return Err(Outcome::fail(1, "go: go.mod file not found"));
    };
    let goroot = crate::list_cmd::goroot(sys);
    let loader = Loader { tree: &tree, module: &module, ctx, cwd: &cwd, goroot: &goroot };
    let (pkgs, warnings) = driver::packages(&loader, &args).map_err(|m| Outcome::fail(1, m))?;
    Ok((pkgs, Some(tree.root.clone()), warnings))
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

/// The bundled wasip1/wasm runner: node's WASI preview 1. `proc_exit` ends the
/// process itself (`returnOnExit: false`): node 20's unwinding out of `start`
/// for it can crash at the end of a long run, after the output is complete.
const RUNNER_WASIP1: &str = r#"'use strict';
const { WASI } = require('node:wasi');
const fs = require('fs');
const wasi = new WASI({ version: 'preview1', args: process.argv.slice(2), env: process.env, preopens: { '/': '/' }, returnOnExit: false });
WebAssembly.instantiate(fs.readFileSync(process.argv[2]), wasi.getImportObject()).then((r) => {
  process.exitCode = wasi.start(r.instance);
}).catch((e) => { console.error(e); process.exit(1); });
"#;

/// How Go's os.ProcessState prints a process a signal ended: `signal: NAME`,
/// with the name from Go's table for linux, and ` (core dumped)`.
fn signal_status(s: &std::process::ExitStatus) -> String {
    const NAMES: [&str; 32] = [
        "",
        "hangup",
        "interrupt",
        "quit",
        "illegal instruction",
        "trace/breakpoint trap",
        "aborted",
        "bus error",
        "floating point exception",
        "killed",
        "user defined signal 1",
        "segmentation fault",
        "user defined signal 2",
        "broken pipe",
        "alarm clock",
        "terminated",
        "stack fault",
        "child exited",
        "continued",
        "stopped (signal)",
        "stopped",
        "stopped (tty input)",
        "stopped (tty output)",
        "urgent I/O condition",
        "CPU time limit exceeded",
        "file size limit exceeded",
        "virtual timer expired",
        "profiling timer expired",
        "window changed",
        "I/O possible",
        "power failure",
        "bad system call",
    ];
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(n) = s.signal() {
            let name = match NAMES.get(n as usize) {
                Some(name) if !name.is_empty() => (*name).to_owned(),
                _ => format!("signal {n}"),
            };
            let core = if s.core_dumped() { " (core dumped)" } else { "" };
            return format!("signal: {name}{core}");
        }
    }
    let _ = (s, NAMES);
    "signal: killed".to_owned()
}
