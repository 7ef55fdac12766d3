//! The cli crate's integration tests: golden tests of the `crossplay` binary, the code
//! map check, and differential tests against the real go1.27.3 toolchain (the oracle).
//!
//! The oracle is `$CROSSPLAY_GO`, else `.tools/go/bin/go` at the repository root, as
//! installed by `scripts/install-oracles.sh`. Without it the differential tests skip
//! with a message, unless `CROSSPLAY_REQUIRE_ORACLES=1`, which makes them fail. Cases
//! are generated from a seed (`CROSSPLAY_SEED`, default fixed) so a failure reproduces.

// The differential tests report how many cases they compared; that is their output.
#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use cli::{Outcome, Sys};
use target::Host;
use target::context::Context;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

fn crossplay() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crossplay"))
}

/// The go1.27.3 oracle, or `None` (after saying so) when it is absent and not required.
fn oracle() -> Option<PathBuf> {
    let path = std::env::var_os("CROSSPLAY_GO")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".tools/go/bin/go"));
    let version = Command::new(&path).arg("version").env("GOTOOLCHAIN", "local").output();
    match version {
        Ok(out) if String::from_utf8_lossy(&out.stdout).starts_with("go version go1.27.3 ") => Some(path),
        _ => {
            let msg =
                format!("go1.27.3 oracle not found at {} (run scripts/install-oracles.sh)", path.display());
            assert!(std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"), "{msg}");
            eprintln!("SKIPPED: {msg}");
            None
        }
    }
}

/// A scratch directory for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossplay-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn from_env() -> Rng {
        let seed = std::env::var("CROSSPLAY_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(0x00c0_ffee);
        eprintln!("seed {seed} (set CROSSPLAY_SEED to reproduce)");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

/// Writes `text` to `path` under `dir`, making the directories it needs.
fn write_file(dir: &Path, path: &str, text: &str) {
    let p = dir.join(path);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, text).expect("write");
}

fn run(mut cmd: Command) -> Run {
    let out = cmd.output().expect("run command");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// A command with exactly the given environment, in `dir`.
fn command_in(program: &Path, dir: &Path, env: &[(String, String)], args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.env_clear().current_dir(dir).args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd
}

// ---------------------------------------------------------------------------------
// build and run.

/// `crossplay build` names its output as `go build` does and writes a module the
/// runtime host accepts; `crossplay run` runs js/wasm and wasip1/wasm programs
/// through the bundled runner (node), and linux/amd64 programs directly on such a
/// host, passes the program's exit status on as Go does, and honours -exec.
#[test]
fn build_and_run_programs() {
    if Command::new("node").arg("--version").output().is_err() {
        assert!(std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"), "node is missing");
        eprintln!("SKIPPED: node not found");
        return;
    }
    let dir = scratch("build-run");
    std::fs::write(
        dir.join("hello.go"),
        "package main\n\ntype G interface{ Greet() string }\n\ntype en struct{}\n\nfunc (en) Greet() string { return \"hello\" }\n\nfunc main() {\n\tvar g G = en{}\n\tdefer println(\"bye\" + \"\")\n\tprintln(g.Greet())\n}\n",
    )
    .expect("write");
    std::fs::copy(dir.join("hello.go"), dir.join("d.go")).expect("copy");
    let text = std::fs::read_to_string(dir.join("hello.go"))
        .expect("read")
        .replace("\tdefer println(\"bye\" + \"\")\n", "");
    std::fs::write(dir.join("hello.go"), text).expect("write");
    std::fs::write(dir.join("fail.go"), "package main\n\nfunc main() {\n\tpanic(\"boom\")\n}\n")
        .expect("write");
    std::fs::write(
        dir.join("x.go"),
        "package main\n\nvar v = \"dev\"\nvar w string\nvar c = f()\nvar n int\n\nfunc f() string { return \"code\" }\n\nfunc main() {\n\tprintln(v + \"|\" + w + \"|\" + c)\n\t_ = n\n}\n",
    )
    .expect("write");
    let path = std::env::var("PATH").unwrap_or_default();
    for goos in ["wasip1", "js"] {
        let env = [
            ("GOOS".to_owned(), goos.to_owned()),
            ("GOARCH".to_owned(), "wasm".to_owned()),
            ("PATH".to_owned(), path.clone()),
            ("HOME".to_owned(), dir.display().to_string()),
        ];
        let bin = Path::new(env!("CARGO_BIN_EXE_crossplay"));
        let r = run(command_in(bin, &dir, &env, &["run", "d.go"]));
        assert_eq!((r.code, r.stderr.as_str()), (0, "hello\nbye\n"), "{goos}");
        // The playground's example module: runtime.GOOS and GOARCH, and no
        // OS-specific file for the Wasm ports.
        let hello = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/hello");
        let r = run(command_in(bin, &hello, &env, &["run", "."]));
        let want = format!("Hello from {goos}/wasm!\nno OS-specific file was built\n");
        assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, want.as_str(), ""), "{goos}");
        let b = run(command_in(bin, &dir, &env, &["build", "hello.go"]));
        assert_eq!((b.code, b.stderr.as_str()), (0, ""), "{goos}");
        let wasm = std::fs::read(dir.join("hello")).expect("output named after the first file, no .wasm");
        assert_eq!(&wasm[..4], b"\0asm");
        let r = run(command_in(bin, &dir, &env, &["run", "hello.go"]));
        assert_eq!((r.code, r.stdout.as_str(), r.stderr.as_str()), (0, "", "hello\n"), "{goos}");
        let r = run(command_in(bin, &dir, &env, &["run", "fail.go"]));
        assert_eq!((r.code, r.stderr.as_str()), (1, "panic: boom\nexit status 2\n"), "{goos}");
        let r = run(command_in(bin, &dir, &env, &["run", "-exec", "echo X", "hello.go", "arg"]));
        assert_eq!(r.code, 0);
        assert!(r.stdout.starts_with("X ") && r.stdout.ends_with("/hello arg\n"), "{}", r.stdout);
        // -ldflags=-X sets string variables with constant initializers (or none);
        // one initialized by code keeps its value; other types are an error.
        let r = run(command_in(
            bin,
            &dir,
            &env,
            &["run", "-ldflags", "-X main.v=1.2 -X 'main.w=a b' -X=main.c=no", "x.go"],
        ));
        assert_eq!((r.code, r.stderr.as_str()), (0, "1.2|a b|code\n"), "{goos}");
        let r = run(command_in(bin, &dir, &env, &["build", "-ldflags=-X main.n=5", "x.go"]));
        assert_eq!(
            (r.code, r.stderr.as_str()),
            (
                1,
                "# command-line-arguments\nmain.n: cannot set with -X: not a var of type string (type:int)\n"
            )
        );
    }
    // linux/amd64 on a linux/amd64 host: run executes the binary directly, and a
    // failing program's status is reported as go run reports it.
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        let env = [
            ("GOOS".to_owned(), "linux".to_owned()),
            ("GOARCH".to_owned(), "amd64".to_owned()),
            ("PATH".to_owned(), path.clone()),
            ("HOME".to_owned(), dir.display().to_string()),
        ];
        let hello = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/hello");
        let r = run(command_in(bin_path(), &hello, &env, &["run", "."]));
        assert_eq!(
            (r.code, r.stdout.as_str(), r.stderr.as_str()),
            (0, "Hello from linux/amd64!\nhello_linux.go was built\n", "")
        );
        let r = run(command_in(bin_path(), &dir, &env, &["run", "fail.go"]));
        assert_eq!((r.code, r.stderr.as_str()), (1, "panic: boom\nexit status 2\n"));
    }
    std::fs::remove_dir_all(&dir).ok();
}

fn bin_path() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_crossplay"))
}

// ---------------------------------------------------------------------------------
// Golden tests of the binary.

#[test]
fn usage_help_and_version() {
    let none = run(crossplay());
    assert_eq!(none.code, 2);
    assert!(none.stderr.starts_with("crossplay builds Go programs"), "{}", none.stderr);
    for topic in ["build", "env", "run", "tags", "tool", "version"] {
        let help = run({
            let mut c = crossplay();
            c.args(["help", topic]);
            c
        });
        assert_eq!(help.code, 0, "help {topic}");
        assert!(help.stdout.starts_with(&format!("usage: crossplay {topic}")), "{}", help.stdout);
        assert!(none.stderr.contains(&format!("\t{topic} ")), "usage lists {topic}");
    }
    let unknown = run({
        let mut c = crossplay();
        c.arg("frobnicate");
        c
    });
    assert_eq!(
        (unknown.code, unknown.stderr.as_str()),
        (2, "crossplay frobnicate: unknown command\nRun 'crossplay help' for usage.\n")
    );
    let version = run({
        let mut c = crossplay();
        c.arg("version");
        c
    });
    assert_eq!(version.code, 0);
    assert!(
        version.stdout.starts_with("crossplay version v") && version.stdout.contains(" go1.27.3 "),
        "{}",
        version.stdout
    );
}

fn sys_with(env: &[(&str, &str)]) -> Sys {
    Sys {
        host: Host::LINUX_AMD64,
        env: env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
        read_file: Box::new(|_| None),
        read_bytes: Box::new(|_| None),
        list_dir: Box::new(|_| None),
        cwd: "/".into(),
        look_path: Box::new(|name| name == "gcc"),
    }
}

fn cli(env: &[(&str, &str)], args: &[&str]) -> Outcome {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    cli::run(&sys_with(env), &args)
}

#[test]
fn env_outputs() {
    let home = [("HOME", "/home/gopher")];
    let out = cli(&home, &["env"]);
    assert_eq!(
        out.stdout,
        "CGO_ENABLED='1'\nGOAMD64='v1'\nGOARCH='amd64'\nGOCACHE='/home/gopher/.cache/go-build'\n\
         GOENV='/home/gopher/.config/go/env'\nGOEXE=''\nGOEXPERIMENT=''\nGOFIPS140='off'\nGOFLAGS=''\n\
         GOHOSTARCH='amd64'\nGOHOSTOS='linux'\nGOOS='linux'\nGOVERSION='go1.27.3'\n"
    );
    let out = cli(
        &[("HOME", "/h"), ("GOOS", "windows"), ("GOARCH", "arm64"), ("GOFLAGS", "-tags='it''s'")],
        &["env", "-changed"],
    );
    assert_eq!(out.stdout, "GOARCH='arm64'\nGOFLAGS='-tags='\\''it'\\'''\\''s'\\'''\nGOOS='windows'\n");
    // The full listing probes the C compiler, which needs the build cache; -n skips the probe.
    let no_cache = cli(&[("GOCACHE", "off")], &["env"]);
    assert_eq!(
        (no_cache.code, no_cache.stderr.as_str()),
        (1, "build cache is disabled by GOCACHE=off, but required as of Go 1.12\n")
    );
    assert_eq!(cli(&[("GOCACHE", "off")], &["env", "-n"]).code, 0);
    let out =
        cli(&[("GOARCH", "arm"), ("GOARM", "6")], &["env", "-json", "GOARM", "GOARCH", "GOARM", "NOPE"]);
    assert_eq!(out.stdout, "{\n\t\"GOARCH\": \"arm\",\n\t\"GOARM\": \"6\",\n\t\"NOPE\": \"\"\n}\n");
    let out = cli(&[("GOARCH", "mips"), ("GOMIPS", "softfloat")], &["env", "GOMIPS", "GOEXE", "GOARCH"]);
    assert_eq!(out.stdout, "softfloat\n\nmips\n");
}

#[test]
fn env_errors() {
    let out = cli(&[("GOARM64", "v7")], &["env"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "go: invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may optionally end in \",lse\" and/or \",crypto\"\n"
    );
    assert_eq!(
        cli(&[], &["env", "GOOS=x"]).stderr,
        "go: invalid variable name \"GOOS=x\" (use -w to set variable)\n"
    );
    assert_eq!(cli(&[], &["env", "-json", "-w"]).stderr, "go: cannot use -json with -w\n");
    let w = cli(&[], &["env", "-w", "GOOS=linux"]);
    assert_eq!(w.code, 1);
    assert!(w.stderr.contains("not supported"), "{}", w.stderr);
    let bad_flag = cli(&[], &["env", "-bogus"]);
    assert_eq!(bad_flag.code, 2);
    assert!(bad_flag.stderr.starts_with("flag provided but not defined: -bogus\nusage: crossplay env"));
    let goflags = cli(&[("GOFLAGS", "--json=maybe")], &["env", "GOOS"]);
    assert!(
        goflags
            .stderr
            .starts_with("go: invalid boolean value \"maybe\" for flag -json (from $GOFLAGS): parse error\n")
    );
}

#[test]
fn tags_command() {
    let out = cli(&[("GOOS", "android"), ("GOARCH", "arm"), ("GOARM", "6")], &["tags", "-tags", "a,b"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        &lines[..7],
        [
            "`android` is set: GOOS=android",
            "`linux` is set: GOOS=android, and android implies linux",
            "`arm` is set: GOARCH=arm",
            "`unix` is set: GOOS=android is a Unix system",
            "`gc` is set: the compiler is gc",
            "`goexperiment.dwarf5` is set: experiment dwarf5 is at its default for this target",
            "`goexperiment.jsonv2` is set: experiment jsonv2 is at its default for this target",
        ]
    );
    assert!(lines.contains(&"`arm.6` is set: GOARM=6") && !out.stdout.contains("arm.7"));
    assert!(lines.ends_with(&["`a` is set: listed in -tags", "`b` is set: listed in -tags"]));
    let why = cli(&[], &["tags", "windows", "cgo", "amd64.v2"]);
    assert_eq!(
        why.stdout,
        "`windows` is not set: GOOS=linux\n`cgo` is set: CGO_ENABLED=1\n`amd64.v2` is not set: GOAMD64=v1\n"
    );
    let json = cli(&[("GOOS", "js"), ("GOARCH", "wasm")], &["tags", "-json", "wasm.satconv"]);
    assert!(
        json.stdout.contains("\"CgoEnabled\": false,") && json.stdout.contains("\"Reason\": \"GOWASM=\""),
        "{}",
        json.stdout
    );
    // "no" is a negation prefix, so Go reports the rest of the word.
    assert_eq!(cli(&[("GOEXPERIMENT", "nope")], &["tags"]).stderr, "go: unknown GOEXPERIMENT pe\n");
}

#[test]
fn dist_list_errors() {
    let out = cli(&[], &["tool", "dist", "list", "-x"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("flag provided but not defined: -x\nusage: crossplay tool dist list"));
    assert_eq!(cli(&[], &["tool", "dist", "list", "extra"]).code, 2);
    assert_eq!(cli(&[], &["tool", "nosuch"]).stderr, "go: no such tool \"nosuch\"\n");
}

// ---------------------------------------------------------------------------------
// The code map.

/// ARCHITECTURE.md has a `### \`name\`` heading for exactly the crates under core/.
#[test]
fn architecture_names_every_crate() {
    let root = repo_root();
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let documented: Vec<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("### `").and_then(|r| r.strip_suffix('`')))
        .map(str::to_owned)
        .collect();
    let mut crates: Vec<String> = std::fs::read_dir(root.join("core"))
        .expect("core/")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("Cargo.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    crates.sort();
    let mut sorted = documented.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), documented.len(), "a crate is documented twice");
    assert_eq!(sorted, crates, "ARCHITECTURE.md's crate headings and core/ disagree");
}

/// Outside `target`, the ISA crates and the runtime's build-constrained Go files, no
/// code names a GOOS or GOARCH in a string literal (issue 23): what differs per port
/// is a fact of target's typed table, read, not a string compared. Test code
/// (`#[cfg(test)]` items and the modules they declare, `tests/` directories) may
/// name ports.
#[test]
fn only_target_and_the_isa_crates_name_ports() {
    let root = repo_root();
    let names: Vec<&str> =
        target::ports::KNOWN_OS.iter().chain(&target::ports::KNOWN_ARCH).copied().collect();
    let allowed = |crate_name: &str| crate_name == "target" || crate_name.starts_with("isa-");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root.join("core"))
        .expect("core/")
        .filter_map(Result::ok)
        .filter(|e| !allowed(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    dirs.extend(["worker", "web", "repro"].map(|d| root.join(d)));
    let mut files = Vec::new();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("a source directory").filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() && !matches!(entry.file_name().to_str(), Some("tests" | "target")) {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                files.push(path);
            }
        }
    }
    let scanned: Vec<(PathBuf, Code)> = files
        .into_iter()
        .map(|path| {
            let code = code_literals(&std::fs::read_to_string(&path).expect("source"));
            (path, code)
        })
        .collect();
    // The files of modules declared under #[cfg(test)] (`mod emit_tests;`).
    let mut test_files = Vec::new();
    for (path, code) in &scanned {
        let dir = path.parent().expect("a directory");
        let own = match path.file_stem().and_then(|s| s.to_str()) {
            Some("lib" | "main" | "mod") | None => dir.to_path_buf(),
            Some(stem) => dir.join(stem),
        };
        for m in &code.test_mods {
            test_files.extend([own.join(format!("{m}.rs")), own.join(m).join("mod.rs")]);
        }
    }
    let mut found = Vec::new();
    for (path, code) in &scanned {
        if test_files.contains(path) {
            continue;
        }
        for (line, lit) in &code.literals {
            if names.contains(&lit.as_str()) {
                let shown = path.strip_prefix(&root).unwrap_or(path).display();
                found.push(format!("{shown}:{line}: {lit:?}"));
            }
        }
    }
    found.sort();
    assert!(
        found.is_empty(),
        "GOOS/GOARCH names in string literals outside target and the ISA crates; read target's \
         port table instead:\n{}",
        found.join("\n")
    );
}

/// What `code_literals` finds in a Rust file.
struct Code {
    /// The string literals outside `#[cfg(test)]` items, each with its line.
    literals: Vec<(usize, String)>,
    /// The out-of-line modules declared under `#[cfg(test)]`.
    test_mods: Vec<String>,
}

/// The string literals of Rust source outside `#[cfg(test)]` items, and the test
/// modules it declares. A small lexer: comments, char literals and lifetimes,
/// escapes, raw strings.
fn code_literals(src: &str) -> Code {
    let b = src.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let (mut literals, mut test_mods) = (Vec::new(), Vec::new());
    let (mut i, mut line, mut depth) = (0, 1, 0usize);
    // A #[cfg(test)] item being skipped: the depth it began at, where its text
    // starts, and whether its body's brace has opened.
    let mut skip: Option<(usize, usize, bool)> = None;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line += 1;
        }
        if b[i..].starts_with(b"//") {
            i += b[i..].iter().position(|&x| x == b'\n').unwrap_or(b.len() - i);
            continue;
        }
        if b[i..].starts_with(b"/*") {
            let mut nest = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    nest += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    nest -= 1;
                    i += 2;
                    if nest == 0 {
                        break;
                    }
                } else {
                    line += usize::from(b[i] == b'\n');
                    i += 1;
                }
            }
            continue;
        }
        // A raw string: r"…", r#"…"#, br"…" (not a raw identifier such as r#type).
        if c == b'r' && (i == 0 || !ident(b[i - 1]) || (b[i - 1] == b'b' && (i < 2 || !ident(b[i - 2])))) {
            let hashes = b[i + 1..].iter().take_while(|&&x| x == b'#').count();
            if b.get(i + 1 + hashes) == Some(&b'"') {
                let start = i + 2 + hashes;
                let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
                let len = b[start..]
                    .windows(close.len())
                    .position(|w| w == close.as_slice())
                    .unwrap_or(b.len() - start);
                if skip.is_none() {
                    literals.push((line, src[start..start + len].to_owned()));
                }
                line += b[start..start + len].iter().filter(|&&x| x == b'\n').count();
                i = start + len + close.len();
                continue;
            }
        }
        if c == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(b.len());
            if skip.is_none() {
                literals.push((line, src[start..end].to_owned()));
            }
            line += b[start..end].iter().filter(|&&x| x == b'\n').count();
            i = end + 1;
            continue;
        }
        if c == b'\'' {
            // '\n', '\'' and 'x' are chars; 'a in `&'a str` is a lifetime.
            if b.get(i + 1) == Some(&b'\\') {
                i += 3 + b[i + 3..].iter().position(|&x| x == b'\'').unwrap_or(0) + 1;
                continue;
            }
            let width = src[i + 1..].chars().next().map_or(1, char::len_utf8);
            i += if b.get(i + 1 + width) == Some(&b'\'') { width + 2 } else { 1 };
            continue;
        }
        if skip.is_none() && b[i..].starts_with(b"#[cfg(test)]") {
            i += "#[cfg(test)]".len();
            skip = Some((depth, i, false));
            continue;
        }
        match c {
            b'{' => {
                if let Some((at, _, opened)) = &mut skip
                    && *at == depth
                {
                    *opened = true;
                }
                depth += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if let Some((at, _, true)) = skip
                    && at == depth
                {
                    skip = None;
                }
            }
            b';' => {
                if let Some((at, start, false)) = skip
                    && at == depth
                {
                    let item = src[start..i].trim();
                    if let Some(name) = item.strip_prefix("mod ").or_else(|| item.strip_prefix("pub mod ")) {
                        test_mods.push(name.trim().to_owned());
                    }
                    skip = None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    Code { literals, test_mods }
}

// ---------------------------------------------------------------------------------
// Differential tests against go1.27.3.

#[test]
fn dist_list_matches_go() {
    let Some(go) = oracle() else { return };
    let dir = scratch("dist");
    let env =
        [("HOME".to_owned(), dir.display().to_string()), ("GOTOOLCHAIN".to_owned(), "local".to_owned())];
    let forms: [&[&str]; 5] =
        [&[], &["-json"], &["-broken"], &["-json", "-broken"], &["-broken=true", "--json"]];
    for form in forms {
        let mut args = vec!["tool", "dist", "list"];
        args.extend_from_slice(form);
        let want = run(command_in(&go, &dir, &env, &args));
        let got = run(command_in(Path::new(env!("CARGO_BIN_EXE_crossplay")), &dir, &env, &args));
        assert_eq!(want.code, 0, "go {args:?}: {}", want.stderr);
        assert_eq!(got.code, 0, "crossplay {args:?}: {}", got.stderr);
        assert!(
            want.stdout == got.stdout,
            "{args:?} differs:\n--- go\n{}\n--- crossplay\n{}",
            want.stdout,
            got.stdout
        );
    }
    eprintln!("dist list: {} forms compared, byte-identical", forms.len());
}

/// The variables compared; `crossplay env` prints these (and the GOARCH's sub-arch one).
const ENV_VARS: [&str; 21] = [
    "GOOS",
    "GOARCH",
    "GOHOSTOS",
    "GOHOSTARCH",
    "CGO_ENABLED",
    "GO386",
    "GOAMD64",
    "GOARM",
    "GOARM64",
    "GOMIPS",
    "GOMIPS64",
    "GOPPC64",
    "GORISCV64",
    "GOWASM",
    "GOVERSION",
    "GOCACHE",
    "GOEXPERIMENT",
    "GOFLAGS",
    "GOENV",
    "GOEXE",
    "GOFIPS140",
];

const SUB_ARCH_VALUES: [(&str, &[&str]); 9] = [
    ("GO386", &["sse2", "softfloat", "387", "sse3"]),
    ("GOAMD64", &["v1", "v2", "v3", "v4", "v5", "v0", "1"]),
    (
        "GOARM",
        &[
            "5",
            "6",
            "7",
            "7,softfloat",
            "6,hardfloat",
            "5,hardfloat",
            "7,hardfloat,softfloat",
            "7,softfloat,hardfloat",
            "8",
            "5,soft",
        ],
    ),
    (
        "GOARM64",
        &[
            "v8.0",
            "v8.1",
            "v8.5",
            "v8.9",
            "v9.0",
            "v9.3",
            "v9.5",
            "v8.0,lse",
            "v8.2,crypto",
            "v9.1,crypto,lse",
            "v9.6",
            "v8",
            "v7.0",
            "v8.0,lse,",
            "v8.10",
        ],
    ),
    ("GOMIPS", &["hardfloat", "softfloat", "soft"]),
    ("GOMIPS64", &["hardfloat", "softfloat", "hard"]),
    ("GOPPC64", &["power8", "power9", "power10", "power7", "power11"]),
    ("GORISCV64", &["rva20u64", "rva22u64", "rva23u64", "rva24u64"]),
    ("GOWASM", &["satconv", "signext", "satconv,signext", "satconv,,signext", "foo", "signext,bar"]),
];

const GOFLAGS_VALUES: [&str; 12] = [
    "-tags=a,b",
    "-tags=x -x",
    "'-tags=a b'",
    "-tags=",
    "--tags=netgo",
    "-json",
    "-changed",
    "-json=maybe",
    "-json=false -n",
    "-foo",
    "'unterminated",
    "-tags=a -tags=b,c",
];

/// One generated environment: variables, and optionally a go/env file's text.
fn gen_environment(rng: &mut Rng, home: &Path, case_dir: &Path) -> Vec<(String, String)> {
    let mut env: BTreeMap<String, String> = BTreeMap::new();
    let mut set = |k: &str, v: &str| {
        env.insert(k.to_owned(), v.to_owned());
    };
    set("GOTOOLCHAIN", "local");
    if !rng.chance(5) {
        set("HOME", &home.display().to_string());
    }
    set("PATH", if rng.chance(10) { "/nonexistent" } else { "/usr/local/bin:/usr/bin:/bin" });
    let port = rng.pick(&target::ports::PORTS);
    match rng.below(20) {
        0 => set("GOOS", port.goos()),
        1 => set("GOARCH", port.goarch()),
        2 => {}
        3 => set("GOOS", rng.pick(&["foo", "nacl", "hurd"])),
        _ => {
            set("GOOS", port.goos());
            set("GOARCH", port.goarch());
        }
    }
    // The variable that applies gets a setting more often than the others.
    let own = target::ArchVar::for_goarch(port.goarch()).map(|v| v.name());
    for (name, values) in SUB_ARCH_VALUES {
        if rng.chance(if Some(name) == own { 60 } else { 8 }) {
            set(name, rng.pick(values));
        }
    }
    if rng.chance(40) {
        set("CGO_ENABLED", rng.pick(&["0", "1", "true", "", "2"]));
    }
    if rng.chance(30) {
        set("GOFLAGS", rng.pick(&GOFLAGS_VALUES));
    }
    if rng.chance(25) {
        let names = [
            "arenas",
            "noarenas",
            "nodwarf5",
            "regabi",
            "noregabi",
            "none",
            "fieldtrack",
            "nojsonv2",
            "simd",
            "boringcrypto",
        ];
        let mut items: Vec<&str> = (0..1 + rng.below(3)).map(|_| rng.pick(&names)).collect();
        if rng.chance(20) {
            items.push(rng.pick(&["foo", "Arenas", "nonone", "nofoo"]));
        }
        set("GOEXPERIMENT", &items.join(","));
    }
    if rng.chance(5) {
        set("GOFIPS140", rng.pick(&["latest", "v1.0.0", "v1.26.0-rc2", "bad"]));
    }
    if rng.chance(10) {
        set("GOCACHE", rng.pick(&["/tmp/somewhere/cache", "relative/cache", "off"]));
    }
    if rng.chance(5) {
        set("XDG_CACHE_HOME", rng.pick(&["/xdg//cache/", "xdg-relative"]));
    }
    if rng.chance(8) {
        set("CC", rng.pick(&["gcc", "/nonexistent/cc"]));
    }
    match rng.below(7) {
        0 => set("GOENV", "off"),
        1 => {
            // A go/env file: settings there apply unless the process environment has them.
            let file = case_dir.join("go.env");
            let lines = [
                "GOOS=windows",
                "GOARCH=arm64",
                "GOARCH=arm",
                "GOAMD64=v3",
                "GOARM=6",
                "GOARM64=v8.3",
                "CGO_ENABLED=1",
                "GOEXPERIMENT=arenas",
                "GOFLAGS=-tags=fromfile",
                "# comment",
                "lower=1",
            ];
            let text: Vec<&str> = (0..1 + rng.below(4)).map(|_| rng.pick(&lines)).collect();
            std::fs::write(&file, text.join("\n") + "\n").expect("write go/env file");
            set("GOENV", &file.display().to_string());
        }
        _ => {}
    }
    env.into_iter().collect()
}

/// Fails with the first mismatches; with `CROSSPLAY_FAILURES=FILE`, every mismatch is
/// also written there for study.
fn assert_no_failures(failures: &[String]) {
    if let Ok(path) = std::env::var("CROSSPLAY_FAILURES") {
        let _ = std::fs::write(path, failures.join("\n=====\n"));
    }
    let first = &failures[..failures.len().min(5)];
    assert!(failures.is_empty(), "{} mismatches; the first ones:\n{}", failures.len(), first.join("\n"));
}

fn compare(what: &str, env: &[(String, String)], want: &Run, got: &Run) -> Result<(), String> {
    // A usage error ends with the command's own usage line, which names the program.
    let first_line = |s: &str| s.lines().next().unwrap_or("").to_owned();
    // With -x (from GOFLAGS) go first prints its work directory; crossplay has none.
    let want_stderr: String =
        want.stderr.lines().filter(|l| !l.starts_with("WORK=")).map(|l| format!("{l}\n")).collect();
    let usage_error = want_stderr.contains("\nusage: go ");
    let stderr_same = if usage_error {
        first_line(&want_stderr) == first_line(&got.stderr)
    } else {
        want_stderr == got.stderr
    };
    if want.code == got.code && want.stdout == got.stdout && stderr_same {
        return Ok(());
    }
    Err(format!(
        "{what} differs under {env:?}\n--- go (exit {})\n{}{}\n--- crossplay (exit {})\n{}{}",
        want.code, want.stdout, want.stderr, got.code, got.stdout, got.stderr
    ))
}

#[test]
fn env_matches_go() {
    let Some(go) = oracle() else { return };
    let me = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let dir = scratch("env");
    let home = dir.join("home");
    std::fs::create_dir_all(&home).expect("home");
    let mut rng = Rng::from_env();
    let (mut cases, mut invocations, mut errors) = (0, 0, 0);
    let mut failures = Vec::new();
    for i in 0..600 {
        let case_dir = dir.join(format!("case{i}"));
        std::fs::create_dir_all(&case_dir).expect("case dir");
        let env = gen_environment(&mut rng, &home, &case_dir);
        let mut names: Vec<&str> = ENV_VARS.iter().copied().filter(|_| rng.chance(70)).collect();
        if rng.chance(20) {
            names.push(rng.pick(&["FOO", "GOPATHX", "GOOS"]));
        }
        let mut forms: Vec<Vec<&str>> = vec![[&["env", "-json"][..], &names].concat()];
        if rng.chance(40) {
            forms.push([&["env"][..], &names].concat());
        }
        if rng.chance(25) {
            forms.push([&["env", "-changed", "-json"][..], &names].concat());
        }
        if rng.chance(10) {
            forms.push(vec!["env", "GOOS=linux"]);
        }
        cases += 1;
        for args in &forms {
            let want = run(command_in(&go, &case_dir, &env, args));
            let got = run(command_in(me, &case_dir, &env, args));
            invocations += 1;
            errors += usize::from(want.code != 0);
            if let Err(e) = compare(&args.join(" "), &env, &want, &got) {
                failures.push(e);
            }
        }
        // The full listing: go prints more variables than crossplay; compare crossplay's.
        // With -x in GOFLAGS go traces its C compiler probes on stderr; crossplay has none.
        if rng.chance(20) {
            // -json=false: GOFLAGS may ask for JSON, and this form compares shell lines.
            let want = run(command_in(&go, &case_dir, &env, &["env", "-json=false"]));
            let got = run(command_in(me, &case_dir, &env, &["env", "-json=false"]));
            let ours: Vec<&str> = got.stdout.lines().collect();
            let names: Vec<&str> = ours.iter().filter_map(|l| l.split_once('=').map(|(n, _)| n)).collect();
            let theirs: Vec<&str> = want
                .stdout
                .lines()
                .filter(|l| l.split_once('=').is_some_and(|(n, _)| names.contains(&n)))
                .collect();
            invocations += 1;
            if want.code != 0 {
                if let Err(e) = compare("env", &env, &want, &got) {
                    failures.push(e);
                }
            } else if got.code != 0 || ours != theirs {
                failures.push(format!(
                    "env differs under {env:?}\n--- go\n{}\n--- crossplay\n{}{}",
                    theirs.join("\n"),
                    got.stdout,
                    got.stderr
                ));
            }
        }
    }
    eprintln!(
        "env: {cases} environments, {invocations} invocations compared ({errors} of them errors), {} mismatches",
        failures.len()
    );
    assert_no_failures(&failures);
}

#[test]
fn tags_match_go_list_context() {
    let Some(go) = oracle() else { return };
    let dir = scratch("tags");
    let home = dir.join("home");
    let module = dir.join("m");
    std::fs::create_dir_all(&home).expect("home");
    std::fs::create_dir_all(&module).expect("module");
    std::fs::write(module.join("go.mod"), "module example.com/m\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(module.join("main.go"), "package main\n\nfunc main() {}\n").expect("main.go");
    let mut rng = Rng::from_env();
    let format = "{{context.ToolTags}} {{context.ReleaseTags}} {{context.BuildTags}} {{context.CgoEnabled}}";
    let (mut compared, mut errors) = (0, 0);
    let mut failures = Vec::new();
    for i in 0..400 {
        let case_dir = dir.join(format!("case{i}"));
        std::fs::create_dir_all(&case_dir).expect("case dir");
        let mut env = gen_environment(&mut rng, &home, &case_dir);
        // go list rejects what go env forgives: keep GOFLAGS to forms list accepts.
        env.retain(|(k, v)| k != "GOFLAGS" || v.contains("tags"));
        let tags_flag =
            rng.chance(50).then(|| rng.pick(&["a,b", "x", "", "'p q'", "a,,b", "netgo,osusergo"]));
        let mut args = vec!["list"];
        if let Some(tags) = tags_flag {
            args.push("-tags");
            args.push(tags);
        }
        args.extend(["-f", format]);
        let want = run(command_in(&go, &module, &env, &args));

        let sys = Sys::native(Host::LINUX_AMD64, env.iter().cloned().collect(), "/".into());
        let go_env = sys.go_env();
        let got = match Context::for_command(&go_env, tags_flag) {
            Err(e) => Run { stdout: String::new(), stderr: format!("{}\n", e.message), code: e.status },
            Ok(ctx) => match ctx.check_link() {
                Err(e) => Run { stdout: String::new(), stderr: format!("{e}\n"), code: 1 },
                Ok(()) => {
                    let list = |v: &[String]| format!("[{}]", v.join(" "));
                    let stdout = format!(
                        "{} {} {} {}\n",
                        list(&ctx.tool_tags),
                        list(&ctx.release_tags),
                        list(&ctx.build_tags),
                        ctx.cgo_enabled
                    );
                    Run { stdout, stderr: String::new(), code: 0 }
                }
            },
        };
        compared += 1;
        errors += usize::from(want.code != 0);
        if let Err(e) = compare(&args.join(" "), &env, &want, &got) {
            failures.push(e);
        }
    }
    eprintln!(
        "tags: {compared} configurations compared with go list ({errors} of them errors), {} mismatches",
        failures.len()
    );
    assert_no_failures(&failures);
}

// ---------------------------------------------------------------------------------
// crossplay list: file selection against `go list`.

/// Tags the generated constraints draw on: ports and non-port names, aliases, `unix`,
/// `cgo`, compilers, release tags, feature tags, experiments, user tags.
const TAG_VOCABULARY: [&str; 40] = [
    "linux",
    "windows",
    "darwin",
    "android",
    "ios",
    "illumos",
    "solaris",
    "js",
    "wasip1",
    "plan9",
    "freebsd",
    "amd64",
    "arm64",
    "386",
    "arm",
    "wasm",
    "riscv64",
    "ppc64le",
    "mips",
    "s390x",
    "unix",
    "cgo",
    "gc",
    "gccgo",
    "go1.1",
    "go1.21",
    "go1.27",
    "go1.28",
    "amd64.v2",
    "amd64.v3",
    "arm.6",
    "arm64.v8.1",
    "386.sse2",
    "wasm.satconv",
    "goexperiment.arenas",
    "goexperiment.greenteagc",
    "boringcrypto",
    "foo",
    "bar",
    "ignore",
];

const MALFORMED_GO_BUILD: [&str; 10] = [
    "//go:build linux &&",
    "//go:build (linux",
    "//go:build !!linux",
    "//go:build linux & darwin",
    "//go:build linux darwin",
    "//go:build",
    "//go:build linux // comment",
    "//go:build a-b",
    "//go:buildlinux",
    "// go:build linux",
];

fn gen_expr(rng: &mut Rng, depth: usize) -> String {
    match if depth == 0 { 0 } else { rng.below(5) } {
        0 | 1 => rng.pick(&TAG_VOCABULARY).to_owned(),
        2 => format!("!{}", rng.pick(&TAG_VOCABULARY)),
        3 => format!("({} && {})", gen_expr(rng, depth - 1), gen_expr(rng, depth - 1)),
        _ => format!("{} || {}", gen_expr(rng, depth - 1), gen_expr(rng, depth - 1)),
    }
}

fn gen_plus_build(rng: &mut Rng) -> String {
    let options: Vec<String> = (0..=rng.below(3))
        .map(|_| {
            (0..=rng.below(2))
                .map(|_| {
                    let neg = if rng.chance(25) { "!" } else { "" };
                    let term = if rng.chance(5) { "foo-bar" } else { rng.pick(&TAG_VOCABULARY) };
                    format!("{neg}{term}")
                })
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    format!("// +build {}", options.join(" "))
}

/// A file name: a stem, then random `_GOOS`/`_GOARCH`/other suffixes, maybe `_test`,
/// rarely hidden, mostly `.go`.
fn gen_file_name(rng: &mut Rng, i: usize) -> String {
    const SUFFIXES: [&str; 16] = [
        "linux", "windows", "darwin", "android", "ios", "nacl", "hurd", "zos", "amd64", "arm64", "arm64be",
        "sparc", "wasm", "unix", "Linux", "foo",
    ];
    let stem = rng.pick(&["f", "main", "x_y", "linux", "amd64", "zz"]);
    let mut name = format!("{stem}{i}");
    if rng.chance(20) {
        // A stem that is itself a name, with nothing after it, is no constraint.
        name = rng.pick(&["linux", "windows", "amd64", "wasm"]).to_owned();
        name.push_str(&"x".repeat(i % 3));
    }
    for _ in 0..rng.below(3) {
        name.push('_');
        name.push_str(rng.pick(&SUFFIXES));
    }
    if rng.chance(20) {
        name.push_str("_test");
    }
    if rng.chance(4) {
        name.insert(0, rng.pick(&['_', '.']));
    }
    let ext = match rng.below(40) {
        0 => ".s",
        1 => ".c",
        2 => ".txt",
        3 => ".pb.go",
        _ => ".go",
    };
    name + ext
}

fn gen_file(rng: &mut Rng, name: &str, pkg: &str) -> String {
    let mut text = String::new();
    if rng.chance(15) {
        text.push_str("// Copyright notice.\n\n");
    }
    if rng.chance(10) {
        text.push_str("/* a block\n   comment */\n");
    }
    let mut lines = Vec::new();
    if rng.chance(55) {
        lines.push(if rng.chance(10) {
            rng.pick(&MALFORMED_GO_BUILD).to_owned()
        } else {
            format!("//go:build {}", gen_expr(rng, 3))
        });
    }
    for _ in 0..rng.below(3) {
        if rng.chance(35) {
            lines.push(gen_plus_build(rng));
        }
    }
    if rng.chance(3) {
        lines.push(format!("//go:build {}", rng.pick(&TAG_VOCABULARY)));
    }
    for line in lines {
        let indent = if rng.chance(10) { "  " } else { "" };
        text.push_str(&format!("{indent}{line}\n"));
        if rng.chance(30) {
            text.push('\n');
        }
    }
    if rng.chance(70) {
        text.push('\n');
    }
    if rng.chance(10) {
        text.push_str("// Package doc.\n");
    }
    if !name.ends_with(".go") {
        text.push_str("TEXT ·f(SB),0,$0\n");
        return text;
    }
    let pkg = if rng.chance(2) {
        "documentation".to_owned()
    } else if rng.chance(2) {
        "other".to_owned()
    } else if name.ends_with("_test.go") && rng.chance(40) {
        format!("{pkg}_test")
    } else {
        pkg.to_owned()
    };
    text.push_str(&format!("package {pkg}\n"));
    if rng.chance(10) {
        text.push_str("//go:build linux\n");
    }
    if rng.chance(12) {
        text.push_str("\n// #include <stdio.h>\nimport \"C\"\n");
    }
    match rng.below(4) {
        0 => text.push_str("\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n"),
        1 => text.push_str(
            "\nimport (\n\t\"strings\"\n\tstr \"strconv\"\n)\n\nvar _ = strings.Cut\nvar _ = str.Itoa\n",
        ),
        _ => {}
    }
    text.push_str("\nfunc f() {}\n");
    text
}

/// Writes a generated module of `n_dirs` packages; returns the number of files.
fn gen_module(rng: &mut Rng, root: &Path, n_dirs: usize) -> usize {
    std::fs::write(root.join("go.mod"), "module example.com/gen\n\ngo 1.27\n").expect("write go.mod");
    let mut n_files = 0;
    for d in 0..n_dirs {
        let dir = root.join(format!("p{d}"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        let pkg = format!("p{d}");
        for i in 0..4 + rng.below(8) {
            let name = gen_file_name(rng, i);
            let text = gen_file(rng, &name, &pkg);
            std::fs::write(dir.join(&name), text).expect("write file");
            n_files += 1;
        }
    }
    n_files
}

/// One random configuration for `list`: a listed port, sub-architecture level,
/// CGO_ENABLED, GOEXPERIMENT, and `-tags`.
fn gen_list_config(rng: &mut Rng, home: &Path) -> (Vec<(String, String)>, Vec<String>) {
    let ports: Vec<&target::ports::Port> = target::ports::listed(false).collect();
    let port = ports[rng.below(ports.len())];
    let mut env = vec![
        ("GOTOOLCHAIN".to_owned(), "local".to_owned()),
        ("GODEBUG".to_owned(), "goindex=0".to_owned()),
        ("HOME".to_owned(), home.display().to_string()),
        ("PATH".to_owned(), std::env::var("PATH").unwrap_or_default()),
        ("GOFLAGS".to_owned(), String::new()),
        ("GOOS".to_owned(), port.goos().to_owned()),
        ("GOARCH".to_owned(), port.goarch().to_owned()),
    ];
    let levels: &[(&str, &str, &[&str])] = &[
        ("amd64", "GOAMD64", &["v1", "v2", "v3", "v4"]),
        ("arm", "GOARM", &["5", "6", "7"]),
        ("arm64", "GOARM64", &["v8.0", "v8.1", "v8.5", "v9.0"]),
        ("386", "GO386", &["sse2", "softfloat"]),
        ("riscv64", "GORISCV64", &["rva20u64", "rva22u64", "rva23u64"]),
        ("ppc64le", "GOPPC64", &["power8", "power9", "power10"]),
    ];
    for (arch, var, values) in levels {
        if *arch == port.goarch() && rng.chance(60) {
            env.push(((*var).to_owned(), rng.pick(values).to_owned()));
        }
    }
    if rng.chance(60) {
        env.push(("CGO_ENABLED".to_owned(), rng.pick(&["0", "1"]).to_owned()));
    }
    if rng.chance(15) {
        env.push(("GOEXPERIMENT".to_owned(), rng.pick(&["arenas", "nogreenteagc"]).to_owned()));
    }
    let mut args = Vec::new();
    if rng.chance(40) {
        args.push(format!(
            "-tags={}",
            rng.pick(&["foo", "bar", "foo,bar", "linux", "gccgo", "gccgo,foo", "cgo", "unix,bar"])
        ));
    }
    (env, args)
}

/// The file-selection differential (issue 3): a generated module listed under random
/// configurations by `go list` and by crossplay, compared byte for byte. The std
/// packages the module imports are crossplay's own (see the `goroot` crate), so `-tags`
/// avoids `ignore`, which pulls Go's own generator programs into Go's std packages.
#[test]
fn list_matches_go() {
    let Some(go) = oracle() else { return };
    let mut rng = Rng::from_env();
    let root = scratch("list");
    let home = root.join("home");
    let module = root.join("mod");
    std::fs::create_dir_all(&module).expect("mkdir");
    let n_files = gen_module(&mut rng, &module, 30);
    let module_dir = module.canonicalize().expect("module dir").display().to_string();
    let fields = "-json=Dir,ImportPath,Name,Incomplete,GoFiles,CgoFiles,IgnoredGoFiles,InvalidGoFiles,\
                  IgnoredOtherFiles,SFiles,Imports,Error,TestGoFiles,XTestGoFiles";
    let mut failures = Vec::new();
    let mut cases = 0;
    let n_configs = (20_000 / n_files + 1).max(100);
    for _ in 0..n_configs {
        let (env, mut args) = gen_list_config(&mut rng, &home);
        args.insert(0, "list".into());
        args.insert(1, "-e".into());
        args.insert(2, fields.into());
        // A local wildcard and an import-path wildcard match directories by different
        // rules (ARCHITECTURE.md, `load`).
        args.push(if rng.chance(25) { "example.com/gen/..." } else { "./..." }.into());
        let mut cmd = Command::new(&go);
        cmd.env_clear().envs(env.iter().cloned()).args(&args).current_dir(&module_dir);
        let want = run(cmd);
        let sys = Sys::native(Host::LINUX_AMD64, env.iter().cloned().collect(), module_dir.clone());
        let got = cli::run(&sys, &args[..]);
        let got = Run { stdout: got.stdout, stderr: got.stderr, code: got.code };
        cases += n_files;
        if let Err(e) = compare(&args.join(" "), &env, &want, &got) {
            failures.push(e);
        }
    }
    eprintln!("list: {cases} (file, configuration) cases in {n_configs} go list calls over {n_files} files");
    assert_no_failures(&failures);
    assert!(cases >= 20_000, "too few cases: {cases}");
}

/// The expected outputs of `list -why` and `list -matrix` on the example module.
fn golden_list_dir() -> PathBuf {
    repo_root().join("core/cli/tests/golden/list")
}

/// The example module, `examples/demo`: `_linux.go`, `_windows_arm64.go`,
/// `//go:build unix && !cgo`, `//go:build ignore`, a file importing "C", a `// +build`
/// line, a test file and a second package.
fn demo_module() -> PathBuf {
    repo_root().join("examples/demo")
}

/// Runs crossplay in-process in the example module, on a linux/amd64 host with a C
/// compiler, so the default CGO_ENABLED is 1 on the host target and 0 elsewhere.
fn list_sample(env: &[(&str, &str)], args: &[&str]) -> Outcome {
    let module = demo_module();
    let env = env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    let mut sys = Sys::native(Host::LINUX_AMD64, env, module.display().to_string());
    sys.look_path = Box::new(|name| name == "gcc");
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    cli::run(&sys, &args)
}

/// `list -why` and `list -matrix` against the expected outputs in `tests/golden/list`
/// (`UPDATE_GOLDEN=1` rewrites them; review the diff).
#[test]
fn list_why_and_matrix_golden() {
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a [&'a str]);
    let cases: &[Case] = &[
        ("why-linux-amd64.txt", &[("GOOS", "linux"), ("GOARCH", "amd64")], &["list", "-why", "./..."]),
        ("why-windows-arm64.txt", &[("GOOS", "windows"), ("GOARCH", "arm64")], &["list", "-why", "./..."]),
        (
            "why-linux-386-tags.txt",
            &[("GOOS", "linux"), ("GOARCH", "386"), ("GO386", "softfloat")],
            &["list", "-why", "-tags=ignore,cgo", "."],
        ),
        ("matrix.txt", &[], &["list", "-matrix", "./..."]),
        ("matrix.json", &[], &["list", "-matrix", "-json", "./..."]),
    ];
    let update = std::env::var("UPDATE_GOLDEN").as_deref() == Ok("1");
    let mut failures = Vec::new();
    for (name, env, args) in cases {
        let out = list_sample(env, args);
        assert_eq!((out.code, out.stderr.as_str()), (0, ""), "{name}: {args:?}");
        let path = golden_list_dir().join(name);
        if update {
            std::fs::write(&path, &out.stdout).expect("write golden file");
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != out.stdout {
            failures.push(format!(
                "{name} differs from `crossplay {}` (UPDATE_GOLDEN=1 rewrites it):\n--- want\n{want}--- got\n{}",
                args.join(" "),
                out.stdout
            ));
        }
    }
    assert_no_failures(&failures);
}

/// The matrix agrees with `go list` run once per port: the files it marks are the
/// package's GoFiles, CgoFiles, TestGoFiles and XTestGoFiles there.
#[test]
fn list_matrix_matches_go() {
    let Some(go) = oracle() else { return };
    let out = list_sample(&[], &["list", "-matrix", "-json", "./..."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Per (target, package): the files the matrix marks, in name order.
    let mut got: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let mut package = String::new();
    let mut target = String::new();
    let mut in_files = false;
    for line in out.stdout.lines() {
        let line = line.trim();
        if let Some(v) = line.strip_prefix("\"ImportPath\": ") {
            package = v.trim_end_matches(',').trim_matches('"').to_owned();
            target.clear();
        } else if let Some(v) = line.strip_prefix("\"Target\": ") {
            target = v.trim_end_matches(',').trim_matches('"').to_owned();
            got.insert((target.clone(), package.clone()), Vec::new());
        } else if line.starts_with("\"Files\": [") {
            in_files = !target.is_empty() && !line.ends_with("[]");
        } else if line.starts_with(']') {
            in_files = false;
        } else if in_files {
            let file = line.trim_end_matches(',').trim_matches('"').to_owned();
            got.get_mut(&(target.clone(), package.clone())).expect("target").push(file);
        }
    }
    let module = demo_module();
    let home = scratch("matrix").join("home");
    let mut failures = Vec::new();
    let ports: Vec<&target::ports::Port> = target::ports::listed(false).collect();
    let mut compared = 0;
    for port in &ports {
        let host = port.goos() == "linux" && port.goarch() == "amd64";
        let env = [
            ("GOTOOLCHAIN", "local"),
            ("GODEBUG", "goindex=0"),
            ("GOFLAGS", ""),
            ("HOME", &home.display().to_string()),
            ("GOOS", port.goos()),
            ("GOARCH", port.goarch()),
            ("CGO_ENABLED", if host { "1" } else { "0" }),
        ];
        let env: Vec<(String, String)> =
            env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        let format = "{{.ImportPath}}:{{join .GoFiles \" \"}} {{join .CgoFiles \" \"}} \
                      {{join .TestGoFiles \" \"}} {{join .XTestGoFiles \" \"}}";
        let want = run(command_in(&go, &module, &env, &["list", "-e", "-f", format, "./..."]));
        assert_eq!(want.code, 0, "go list: {}", want.stderr);
        let target = format!("{}/{}", port.goos(), port.goarch());
        for line in want.stdout.lines() {
            let (path, files) = line.split_once(':').expect("format");
            let mut files: Vec<String> = files.split_whitespace().map(str::to_owned).collect();
            files.sort();
            compared += 1;
            let mine = got.get(&(target.clone(), path.to_owned()));
            if mine != Some(&files) {
                failures.push(format!("{target} {path}: go builds {files:?}, the matrix says {mine:?}"));
            }
        }
    }
    eprintln!("matrix: {} targets checked against go list", ports.len());
    assert_no_failures(&failures);
    assert_eq!(compared, 2 * ports.len(), "both packages on every target");
}

/// The environment the build-info tests run both toolchains in: the target, cgo,
/// the caller's PATH, a scratch HOME, no GOFLAGS and no toolchain switch.
fn build_env(goos: &str, goarch: &str, cgo: &str, home: &Path) -> Vec<(String, String)> {
    let path = std::env::var("PATH").unwrap_or_default();
    [
        ("GOOS", goos),
        ("GOARCH", goarch),
        ("CGO_ENABLED", cgo),
        ("PATH", path.as_str()),
        ("HOME", home.to_str().unwrap_or("/tmp")),
        ("GOTOOLCHAIN", "local"),
        ("GOFLAGS", ""),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect()
}

/// A native build records what `go build` records: `go version -m` prints the same
/// for crossplay's binary as for Go's own, for a module package and for files,
/// with cgo on and off, -tags, -ldflags and -trimpath, in ELF (linux), PE
/// (windows) and Mach-O (darwin) executables.
#[test]
fn build_info_matches_go() {
    let Some(go) = oracle() else { return };
    let dir = scratch("buildinfo");
    for f in ["go.mod", "main.go", "hello_linux.go", "hello_unix.go", "hello_windows.go", "gen.go"] {
        std::fs::copy(repo_root().join("examples/hello").join(f), dir.join(f)).expect("copy the example");
    }
    let cases: [(&str, &str, &[&str]); 11] = [
        ("linux/amd64", "0", &["."]),
        // Per-package link flags: recorded as given, applied where the pattern matches.
        ("linux/amd64", "0", &["-ldflags=all=-s -X main.note=q", "."]),
        ("linux/arm64", "0", &["-ldflags=example.com/other=-X main.note=z", "main.go"]),
        ("linux/amd64", "1", &["-tags", "netgo,x", "-ldflags", "-s -X main.note=a", "."]),
        ("linux/amd64", "1", &["-trimpath", "-ldflags=-s", "main.go"]),
        ("linux/amd64", "0", &["-ldflags=-w", "-tags=a", "-trimpath", "."]),
        ("linux/arm64", "0", &["-ldflags=-X main.note=b", "."]),
        ("windows/amd64", "0", &["."]),
        ("windows/arm64", "0", &["-trimpath", "-tags=x", "main.go"]),
        ("darwin/amd64", "0", &["main.go"]),
        ("darwin/arm64", "0", &["-ldflags=-s", "."]),
    ];
    for (target, cgo, args) in cases {
        let (goos, goarch) = target.split_once('/').expect("goos/goarch");
        let env = build_env(goos, goarch, cgo, &dir);
        let mut describe = Vec::new();
        for (who, program) in
            [("crossplay", Path::new(env!("CARGO_BIN_EXE_crossplay"))), ("go", go.as_path())]
        {
            let mut a = vec!["build", "-o", who];
            a.extend_from_slice(args);
            let b = run(command_in(program, &dir, &env, &a));
            assert_eq!((b.code, b.stderr.as_str()), (0, ""), "{who} build {args:?}");
            let v = run(command_in(&go, &dir, &env, &["version", "-m", who]));
            assert_eq!(v.code, 0, "{}", v.stderr);
            describe.push(v.stdout.replacen(&format!("{who}: "), "BIN: ", 1));
        }
        assert_eq!(describe[0], describe[1], "go version -m, {target} {args:?} with CGO_ENABLED={cgo}");
    }
    // An older go line records the GODEBUG defaults of that release, with the main
    // package's //go:debug directives over them, for a package and for its files.
    let old = scratch("buildinfo-old");
    std::fs::write(old.join("go.mod"), "module example.com/old\n\ngo 1.21\n").expect("go.mod");
    // A bad directive is Go's error; good ones override the defaults.
    let bad = "// Old defaults.\n\n//go:debug panicnil=0\n//go:debug nosuchsetting=1\npackage main\n\nfunc main() {}\n";
    let good = "// Old defaults.\n\n//go:debug panicnil=0\n//go:debug x509sha256skid=1\npackage main\n\nfunc main() {}\n";
    for (text, args) in [(bad, &["."][..]), (bad, &["main.go"]), (good, &["."]), (good, &["main.go"])] {
        std::fs::write(old.join("main.go"), text).expect("main.go");
        let env = build_env("linux", "amd64", "0", &old);
        let mut describe = Vec::new();
        for (who, program) in
            [("crossplay", Path::new(env!("CARGO_BIN_EXE_crossplay"))), ("go", go.as_path())]
        {
            let mut a = vec!["build", "-o", who];
            a.extend_from_slice(args);
            let b = run(command_in(program, &old, &env, &a));
            describe.push((b.code, b.stderr));
            let v = run(command_in(&go, &old, &env, &["version", "-m", who]));
            describe.push((v.code, v.stdout.replacen(&format!("{who}: "), "BIN: ", 1)));
        }
        let want =
            if text == good { "DefaultGODEBUG=containermaxprocs=0," } else { "unknown //go:debug setting" };
        assert!(describe[2].1.contains(want) || describe[3].1.contains(want), "{describe:?}");
        assert_eq!(describe[0..2], describe[2..4], "go.mod at go 1.21, {args:?}");
    }
    // GOEXPERIMENT: the experiments off the baseline reach the version line and
    // runtime.Version (`go1.27.3-X:…`), as the setting does.
    let exp = scratch("buildinfo-exp");
    std::fs::write(exp.join("go.mod"), "module example.com/exp\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(
        exp.join("main.go"),
        "package main\n\nimport \"runtime\"\n\nfunc main() { println(runtime.Version()) }\n",
    )
    .expect("main.go");
    for (target, experiment) in
        [("linux/amd64", "nogreenteagc"), ("darwin/arm64", "nogreenteagc"), ("linux/amd64", "")]
    {
        let (goos, goarch) = target.split_once('/').expect("goos/goarch");
        let mut env = build_env(goos, goarch, "0", &exp);
        env.push(("GOEXPERIMENT".into(), experiment.into()));
        let mut describe = Vec::new();
        for (who, program) in
            [("crossplay", Path::new(env!("CARGO_BIN_EXE_crossplay"))), ("go", go.as_path())]
        {
            let b = run(command_in(program, &exp, &env, &["build", "-o", who, "."]));
            assert_eq!((b.code, b.stderr.as_str()), (0, ""), "{who} build GOEXPERIMENT={experiment}");
            let v = run(command_in(&go, &exp, &env, &["version", "-m", who]));
            let ran = if goos == "linux" {
                run(command_in(&exp.join(who), &exp, &[], &[])).stderr
            } else {
                String::new()
            };
            describe.push(v.stdout.replacen(&format!("{who}: "), "BIN: ", 1) + &ran);
        }
        assert!(describe[1].contains(&format!(
            "go1.27.3{}",
            if experiment.is_empty() { String::new() } else { format!("-X:{experiment}") }
        )));
        assert_eq!(describe[0], describe[1], "GOEXPERIMENT={experiment} for {target}");
    }
}

/// The GODEBUG defaults and their errors as `go build` has them: go.mod `godebug`
/// lines (single and in a block, under the main package's `//go:debug`
/// directives, `default=goX`, removed settings with new and old values), GOFIPS140
/// (`fips140=on` and the `GOFIPS140` setting, a snapshot's tag), directives
/// outside a module, and the errors — go.mod syntax (every bad line, go.mod named
/// as Go names it from a subdirectory), unknown and removed settings, malformed and
/// repeated directives — print the same from both toolchains, and `go version -m`
/// reads the same from both binaries.
#[test]
fn godebug_settings_match_go() {
    let Some(go) = oracle() else { return };
    let root = scratch("godebug");
    let crossplay = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let plain = "package main\n\nfunc main() { println(\"x\") }\n";
    let module = |body: &str| format!("module example.com/gd\n\ngo 1.21\n{body}");
    // (go.mod, or None for files outside a module; main.go; GOFIPS140; cwd below the root)
    let cases: &[(Option<String>, String, &str, &str)] = &[
        (Some(module("\ngodebug panicnil=1\n")), plain.into(), "", ""),
        (
            Some(module("\ngodebug (\n\tpanicnil=1\n\tx509sha1=0 // removed, new value\n)\n")),
            format!("//go:debug panicnil=0\n{plain}"),
            "",
            "",
        ),
        (Some(module("\ngodebug default=go1.25\ngodebug tlssha1=0\n")), plain.into(), "", ""),
        (Some(module("\ngodebug default=go1.21rc1\n")), plain.into(), "", ""),
        (Some(module("")), format!("//go:debug default=go1.26\n{plain}"), "", ""),
        (Some(module("\ngodebug panicnil=1\n")), plain.into(), "latest", ""),
        (Some(module("")), plain.into(), "certified", ""),
        (None, format!("//go:debug panicnil=1\n{plain}"), "latest", ""),
        (Some(module("\ngodebug asynctimerchan=1\n")), plain.into(), "", ""),
        (Some(module("\ngodebug (\n\tpanicnil=1\n\tfoo=2\n)\ngodebug bar=1\n")), plain.into(), "", ""),
        (
            Some(module("\ngodebug panicnil\ngodebug \"a=1\"\ngodebug a=1,b=2\ngodebug a=1 b=2\n")),
            plain.into(),
            "",
            "sub",
        ),
        (Some(module("\ngodebug default=go1.30\ngodebug default=1.2\n")), plain.into(), "", ""),
        (Some(module("")), format!("//go:debug panicnil=1\n//go:debug panicnil=0\n{plain}"), "", ""),
        (
            Some(module("")),
            format!("//go:debugger\n//go:debug\n  //go:debug pan icnil=1\n//go:debug x=1,y\n{plain}"),
            "",
            "",
        ),
        (
            Some(module("")),
            format!("//go:debug nosuch=1\n//go:debug tls10server=1\n//go:debug default=go1.99\n{plain}"),
            "",
            "",
        ),
    ];
    let mut seen = Vec::new();
    for (i, (go_mod, main, fips, sub)) in cases.iter().enumerate() {
        let dir = root.join(format!("case{i}"));
        let cwd = dir.join(sub);
        std::fs::create_dir_all(&cwd).expect("mkdir");
        if let Some(m) = go_mod {
            std::fs::write(dir.join("go.mod"), m).expect("go.mod");
        }
        std::fs::write(cwd.join("main.go"), main).expect("main.go");
        let mut env = build_env("linux", "amd64", "0", &root);
        env.push(("GOFIPS140".into(), (*fips).into()));
        let patterns: &[&str] = if go_mod.is_some() { &[".", "main.go"] } else { &["main.go"] };
        for pattern in patterns {
            let mut got = Vec::new();
            for (who, program) in [("crossplay", crossplay), ("go", go.as_path())] {
                let out = root.join(format!("bin-{who}"));
                let _ = std::fs::remove_file(&out);
                let b = run(command_in(
                    program,
                    &cwd,
                    &env,
                    &["build", "-o", out.to_str().expect("path"), pattern],
                ));
                let v = if b.code == 0 {
                    run(command_in(&go, &cwd, &env, &["version", "-m", out.to_str().expect("path")]))
                        .stdout
                        .replacen(out.to_str().expect("path"), "BIN", 1)
                } else {
                    String::new()
                };
                got.push(format!("{} {}{v}", b.code, b.stderr));
            }
            assert_eq!(got[0], got[1], "case {i} ({go_mod:?}, {main:?}, GOFIPS140={fips}), build {pattern}");
            seen.push(got.swap_remove(1));
        }
    }
    // The cases reach both the recorded settings and each kind of error.
    for want in [
        "fips140=on,panicnil=1",
        "GOFIPS140=v1.0.0-c2097c7c",
        "error loading go.mod",
        "errors parsing ../go.mod",
        "repeated //go:debug",
    ] {
        assert!(seen.iter().any(|o| o.contains(want)), "no case gives {want:?}");
    }
}

/// `runtime/debug.ReadBuildInfo` in crossplay's std returns what Go's does: a
/// linux/amd64 program printing its build info (String, the fields, the settings)
/// and `ParseBuildInfo`'s answers to good and bad input prints the same, built by
/// crossplay and by Go with the same flags.
#[test]
fn read_build_info_matches_go() {
    let Some(go) = oracle() else { return };
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return;
    }
    let dir = scratch("readbuildinfo");
    std::fs::write(dir.join("go.mod"), "module example.com/bi\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(
        dir.join("main.go"),
        r#"package main

import (
	"fmt"
	"runtime/debug"
)

func main() {
	bi, ok := debug.ReadBuildInfo()
	fmt.Println(ok)
	fmt.Print(bi)
	fmt.Printf("%q %q %q %d\n", bi.Path, bi.Main.Path, bi.Main.Version, len(bi.Deps))
	for _, s := range bi.Settings {
		fmt.Printf("%s=%q\n", s.Key, s.Value)
	}
	for _, text := range []string{
		"build\t=x\n",
		"build\tk\n",
		"mod\tonly\n",
		"=>\tr\tv\ts\n",
		"build\tk=a b\n",
		"path\tp\nmod\tm\tv1\th1:x\n=>\tr\tv2\th1:y\ndep\td\tv3\nbuild\t\"a b\"=\"c\\td\"\nbuild\tk=v\n",
	} {
		b, err := debug.ParseBuildInfo(text)
		fmt.Printf("%q %v\n", b, err)
	}
}
"#,
    )
    .expect("main.go");
    for args in [&["."][..], &["-trimpath", "-ldflags=-X main.v=1", "-tags=t", "."]] {
        let env = build_env("linux", "amd64", "0", &dir);
        let mut outputs = Vec::new();
        for (who, program) in
            [("crossplay", Path::new(env!("CARGO_BIN_EXE_crossplay"))), ("go", go.as_path())]
        {
            let mut a = vec!["build", "-o", who];
            a.extend_from_slice(args);
            let b = run(command_in(program, &dir, &env, &a));
            assert_eq!((b.code, b.stderr.as_str()), (0, ""), "{who} build {args:?}");
            let r = run(command_in(&dir.join(who), &dir, &[], &[]));
            assert_eq!(r.code, 0, "{who}: {}", r.stderr);
            outputs.push(r.stdout);
        }
        assert!(outputs[0].starts_with("true\ngo\tgo1.27.3\npath\texample.com/bi\n"), "{}", outputs[0]);
        assert_eq!(outputs[0], outputs[1], "ReadBuildInfo with {args:?}");
    }
}

/// Build IDs as Go writes them: every target's binary carries one in Go's four
/// parts, which the oracle's `go tool buildid` reads, and whose content ID is the
/// one `go tool buildid -w` computes (rewriting a copy leaves it byte for byte,
/// Mach-O signature included); `-ldflags=-buildid=ID` writes ID as it is and
/// `-buildid=` none, as Go's own build reads back; and the host build IDs derived
/// from an ID (ELF `NT_GNU_BUILD_ID`, Mach-O `LC_UUID`) are Go's.
#[test]
fn build_ids_read_like_go() {
    let Some(go) = oracle() else { return };
    let dir = scratch("buildid");
    std::fs::write(dir.join("go.mod"), "module example.com/bid\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(
        dir.join("main.go"),
        "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n",
    )
    .expect("main.go");
    let crossplay = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let buildid = |file: &str| {
        let r =
            run(command_in(&go, &dir, &build_env("linux", "amd64", "0", &dir), &["tool", "buildid", file]));
        assert_eq!(r.code, 0, "go tool buildid {file}: {}", r.stderr);
        r.stdout
    };
    let targets = [
        "linux/amd64",
        "linux/arm64",
        "windows/amd64",
        "windows/arm64",
        "darwin/amd64",
        "darwin/arm64",
        "js/wasm",
        "wasip1/wasm",
    ];
    for target in targets {
        let (goos, goarch) = target.split_once('/').expect("goos/goarch");
        let env = build_env(goos, goarch, "0", &dir);
        let b = run(command_in(crossplay, &dir, &env, &["build", "-o", "bin", "."]));
        assert_eq!((b.code, b.stderr.as_str()), (0, ""), "crossplay build for {target}");
        let id = buildid("bin");
        let parts: Vec<&str> = id.trim_end().split('/').collect();
        assert!(
            parts.len() == 4 && parts.iter().all(|p| p.len() == 20),
            "{target}: build ID {id:?} is not Go's actionID/actionID/contentID/contentID"
        );
        let original = std::fs::read(dir.join("bin")).expect("read");
        // What the playground shows as the build ID is what the oracle reads.
        assert_eq!(
            driver::read_build_id(&original).as_deref(),
            Some(id.trim_end()),
            "{target}: read_build_id"
        );
        std::fs::write(dir.join("copy"), &original).expect("copy");
        let w = run(command_in(&go, &dir, &env, &["tool", "buildid", "-w", "copy"]));
        assert_eq!(w.code, 0, "go tool buildid -w: {}", w.stderr);
        assert!(
            std::fs::read(dir.join("copy")).expect("read") == original,
            "{target}: go tool buildid -w changed the file"
        );
        for (flag, want) in
            [("-ldflags=-buildid=", "\n"), ("-ldflags=-buildid 'my \"id\"/2'", "my \"id\"/2\n")]
        {
            for (who, program) in [("crossplay", crossplay), ("go", go.as_path())] {
                let b = run(command_in(program, &dir, &env, &["build", flag, "-o", who, "."]));
                assert_eq!((b.code, b.stderr.as_str()), (0, ""), "{who} build {flag} for {target}");
                assert_eq!(buildid(who), want, "{who} build {flag} for {target}");
                let bytes = std::fs::read(dir.join(who)).expect("read");
                let read = driver::read_build_id(&bytes).unwrap_or_default();
                assert_eq!(read + "\n", want, "read_build_id of {who}'s build with {flag} for {target}");
            }
            // The host build ID Go derives from the ID, or its absence.
            let tool = |program: &str, args: &[&str], file: &str| {
                let mut cmd = Command::new(program);
                cmd.args(args).arg(dir.join(file));
                run(cmd).stdout
            };
            let host_id = |file: &str| match goos {
                "linux" => tool("llvm-readelf", &["-n"], file),
                "darwin" => tool("llvm-objdump", &["--macho", "--private-headers"], file)
                    .lines()
                    .filter(|l| l.trim_start().starts_with("uuid"))
                    .collect(),
                _ => String::new(),
            };
            if goos == "linux" || (goos == "darwin" && !flag.ends_with('=')) {
                assert_eq!(host_id("crossplay"), host_id("go"), "host build ID, {flag} for {target}");
            }
        }
    }
}

/// VCS stamping as `go build` does it, in real git repositories: `go version -m`
/// prints the same for crossplay's binary as for Go's — the `vcs.*` settings and
/// the main module's version from the tags (exact release tags, pseudo-versions
/// after release and prerelease tags, tags of other majors and malformed tags
/// ignored, a module in a subdirectory with its tag prefix, a `/v2` module, one
/// the repository root's go.mod does not name, `+dirty`) — for `-buildvcs` auto,
/// true and false; `run` stamps only when asked; and the errors (a repository
/// without commits, a bad `-buildvcs`, git missing) are Go's.
#[test]
fn vcs_stamping_matches_go() {
    let Some(go) = oracle() else { return };
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return;
    }
    let root = scratch("vcs");
    let crossplay = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let program = "package main\n\nimport (\n\t\"fmt\"\n\t\"runtime/debug\"\n\t\"strings\"\n)\n\nfunc main() {\n\tbi, _ := debug.ReadBuildInfo()\n\tfmt.Println(bi.Main.Version)\n\tfor _, s := range bi.Settings {\n\t\tif strings.HasPrefix(s.Key, \"vcs\") {\n\t\t\tfmt.Println(s.Key, s.Value)\n\t\t}\n\t}\n}\n";
    let mut step = 0;
    let mut git = |dir: &Path, args: &[&str]| {
        // Each commit a second apart, at a fixed time, so runs repeat.
        step += 1;
        let date = format!("2026-01-02T03:04:{:02}Z", step % 60);
        let r = run(command_in(
            Path::new("git"),
            dir,
            &[
                ("PATH".into(), std::env::var("PATH").unwrap_or_default()),
                ("HOME".into(), root.to_string_lossy().into_owned()),
                ("GIT_AUTHOR_DATE".into(), date.clone()),
                ("GIT_COMMITTER_DATE".into(), date),
            ],
            &[
                &["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"][..],
                args,
            ]
            .concat(),
        ));
        assert_eq!(r.code, 0, "git {args:?}: {}", r.stderr);
    };
    // Both toolchains build in `dir` (the binaries go outside the repository);
    // what `go version -m` prints of each, or the failed build's status and error.
    let compare = |dir: &Path, args: &[&str], path: Option<&str>, what: &str| {
        let mut env = build_env("linux", "amd64", "0", &root);
        if let Some(p) = path {
            env.retain(|(k, _)| k != "PATH");
            env.push(("PATH".into(), p.into()));
        }
        let mut got = Vec::new();
        for (who, program) in [("crossplay", crossplay), ("go", go.as_path())] {
            let out = root.join(format!("bin-{who}"));
            let _ = std::fs::remove_file(&out);
            let mut a = vec![args[0], "-o", out.to_str().expect("path")];
            a.extend_from_slice(&args[1..]);
            if args[0] == "run" {
                a.retain(|x| *x != "-o" && !x.contains("bin-"));
            }
            let b = run(command_in(program, dir, &env, &a));
            if b.code != 0 || args[0] == "run" {
                // The usage lines name each tool's own command; the rest is Go's.
                let stderr: String = b
                    .stderr
                    .lines()
                    .filter(|l| !l.starts_with("usage: ") && !l.starts_with("Run '"))
                    .map(|l| format!("{l}\n"))
                    .collect();
                got.push(format!("{} {}{}", b.code, b.stdout, stderr));
                continue;
            }
            let v = run(command_in(&go, dir, &env, &["version", "-m", out.to_str().expect("path")]));
            let r = run(command_in(&out, dir, &[], &[]));
            got.push(v.stdout.replacen(out.to_str().expect("path"), "BIN", 1) + &r.stdout);
        }
        assert_eq!(got[0], got[1], "{what}: {args:?}");
        got.swap_remove(1)
    };

    // A module at the root of a repository.
    let repo = root.join("repo");
    std::fs::create_dir_all(&repo).expect("mkdir");
    std::fs::write(repo.join("go.mod"), "module example.com/r\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(repo.join("main.go"), program).expect("main.go");
    git(&repo, &["init", "-q"]);
    // No commits yet, only untracked files: stamped without a revision.
    compare(&repo, &["build", "."], None, "a repository without commits");
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "-qm", "one"]);
    let clean = compare(&repo, &["build", "."], None, "no tags");
    assert!(clean.contains("v0.0.0-2026") && clean.contains("vcs.modified=false"), "{clean}");
    compare(&repo, &["build", "-buildvcs=false", "."], None, "-buildvcs=false");
    compare(&repo, &["build", "main.go"], None, "files");
    compare(&repo, &["run", "."], None, "run");
    compare(&repo, &["run", "-buildvcs", "."], None, "run -buildvcs");
    std::fs::write(repo.join("notes.txt"), "x").expect("write");
    let dirty = compare(&repo, &["build", "."], None, "untracked file");
    assert!(dirty.contains("+dirty") && dirty.contains("vcs.modified=true"), "{dirty}");
    std::fs::remove_file(repo.join("notes.txt")).expect("rm");
    git(&repo, &["tag", "v1.2.3"]);
    git(&repo, &["tag", "v1.4"]);
    git(&repo, &["tag", "v2.0.0"]);
    compare(&repo, &["build", "."], None, "a release tag");
    for tags in [&["v1.3.0-pre.1"][..], &["v1.3.0-rc.2", "junk"], &["v1.3.5+meta"], &[]] {
        std::fs::write(repo.join("main.go"), format!("{program}// {tags:?}\n")).expect("write");
        git(&repo, &["commit", "-qam", "next"]);
        for t in tags {
            git(&repo, &["tag", t]);
        }
        compare(&repo, &["build", "."], None, &format!("tags {tags:?}"));
    }
    git(&repo, &["tag", "-a", "v1.5.0", "-m", "annotated"]);
    compare(&repo, &["build", "."], None, "an annotated tag");
    // Errors: a bad -buildvcs; git missing (auto leaves VCS out, true fails).
    compare(&repo, &["build", "-buildvcs=maybe", "."], None, "-buildvcs=maybe");
    compare(&repo, &["build", "."], Some("/nonexistent"), "no git, auto");
    compare(&repo, &["build", "-buildvcs=true", "."], Some("/nonexistent"), "no git, true");

    // Modules in subdirectories: one the root go.mod names (tags prefixed with its
    // directory), a /v2 module at the root, and one with no go.mod at the root.
    let mono = root.join("mono");
    std::fs::create_dir_all(mono.join("sub/cmd/tool")).expect("mkdir");
    std::fs::write(mono.join("go.mod"), "module example.com/m/v2\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(mono.join("main.go"), program).expect("main.go");
    std::fs::write(mono.join("sub/go.mod"), "module example.com/m/sub\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(mono.join("sub/cmd/tool/main.go"), program).expect("main.go");
    git(&mono, &["init", "-q"]);
    git(&mono, &["add", "."]);
    git(&mono, &["commit", "-qm", "one"]);
    git(&mono, &["tag", "v1.9.0"]);
    git(&mono, &["tag", "v2.1.0"]);
    git(&mono, &["tag", "sub/v0.3.0"]);
    compare(&mono, &["build", "."], None, "a /v2 module");
    compare(&mono.join("sub"), &["build", "./cmd/tool"], None, "a module in a subdirectory");
    compare(&mono.join("sub/cmd/tool"), &["build", "."], None, "below a module in a subdirectory");
    std::fs::write(mono.join("README"), "x").expect("write");
    git(&mono, &["add", "."]);
    git(&mono, &["commit", "-qm", "two"]);
    compare(&mono, &["build", "."], None, "a /v2 module after a tag");
    compare(&mono.join("sub"), &["build", "./cmd/tool"], None, "a module in a subdirectory after a tag");
    std::fs::remove_file(mono.join("go.mod")).expect("rm");
    std::fs::remove_file(mono.join("main.go")).expect("rm");
    git(&mono, &["commit", "-qam", "three"]);
    compare(&mono.join("sub"), &["build", "./cmd/tool"], None, "no go.mod at the repository root");

    // A repository whose status is clean but has no commits: Go's error.
    let empty = root.join("empty");
    std::fs::create_dir_all(&empty).expect("mkdir");
    std::fs::write(empty.join("go.mod"), "module example.com/e\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(empty.join("main.go"), program).expect("main.go");
    git(&empty, &["init", "-q"]);
    std::fs::write(empty.join(".git/info/exclude"), "*\n").expect("exclude");
    let e = compare(&empty, &["build", "."], None, "no commits, nothing to commit");
    assert!(e.contains("error obtaining VCS status"), "{e}");
    compare(&empty, &["build", "-buildvcs=false", "."], None, "no commits, -buildvcs=false");
}

/// `-ldflags` is a per-package flag as in Go: `pattern=flags` applies where the
/// pattern (`all`, an import path pattern, a directory pattern) matches the main
/// package, and a malformed value is Go's error, before anything is built. The
/// linker reads the flags as cmd/link does — every flag it defines, a flag
/// without its value taking the next word of the linker's command line, its
/// checks in its order — with its errors. The programs built by crossplay and by
/// Go print the same.
#[test]
fn ldflags_read_like_go() {
    let Some(go) = oracle() else { return };
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        return;
    }
    let dir = scratch("ldpattern");
    std::fs::write(dir.join("go.mod"), "module example.com/ld\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(dir.join("main.go"), "package main\n\nvar v = \"unset\"\n\nfunc main() { println(v) }\n")
        .expect("main.go");
    let env = build_env("linux", "amd64", "0", &dir);
    let crossplay = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    for flag in [
        "-ldflags=all=-X main.v=all",
        "-ldflags=example.com/...=-X main.v=wild",
        "-ldflags=example.com/other=-X main.v=other",
        "-ldflags=./...=-X main.v=dir",
        "-ldflags=std=-X main.v=std",
        "-ldflags= -X=main.v=spaced ",
        "-ldflags=x",
        "-ldflags==-s",
        "-ldflags='a=-s",
        "-ldflags=-X",
        "-ldflags=-X 'main.v=a",
        "-ldflags=-s=maybe",
        "-ldflags=-s=false -X main.v=kept",
        // cmd/link's flag set: Go's errors, in the linker's order, and flags that
        // change nothing accepted.
        "-ldflags=-bogus",
        "-ldflags=---s",
        "-ldflags=-s extra",
        "-ldflags=-- -s",
        "-ldflags=-X version=1",
        "-ldflags=-X main.v=x -buildid",
        "-ldflags=-extld",
        "-ldflags=-B=zz",
        "-ldflags=-B=0x1z",
        "-ldflags=-B=0x123",
        "-ldflags=-B=0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20",
        "-ldflags=-buildid= -B gobuildid",
        "-ldflags=-H=foo",
        "-ldflags=-H=android -X main.v=h",
        "-ldflags=-aslr=false",
        "-ldflags=-linkmode=bogus",
        "-ldflags=-linkmode=external",
        "-ldflags=-linkmode external",
        "-ldflags=-linkmode=external -linkmode=internal -X main.v=internal",
        "-ldflags=-R=100",
        "-ldflags=-R=-5",
        "-ldflags=-R=0x1000x",
        "-ldflags=-funcalign=3",
        "-ldflags=-macos=1.2.3.4",
        "-ldflags=-d -a -n -f -e -checklinkname=0 -extld=clang -extldflags '-static -s' -libgcc=none",
        "-ldflags=-g",
    ] {
        let mut got = Vec::new();
        for (who, program) in [("crossplay", crossplay), ("go", go.as_path())] {
            let b = run(command_in(program, &dir, &env, &["build", flag, "-o", who, "."]));
            // The first line of an error (usage lines name the tool) without the linker's path.
            let first = b.stderr.lines().find(|l| !l.starts_with('#')).unwrap_or("").to_string();
            let first = first.rsplit_once("link: ").map_or(first.clone(), |(_, m)| m.to_string());
            let out = if b.code == 0 {
                run(command_in(&dir.join(who), &dir, &[], &[])).stderr
            } else {
                String::new()
            };
            got.push((b.code, first, out));
        }
        assert_eq!(got[0], got[1], "crossplay and go build {flag}");
    }
}

/// The linker flags that change the container do what Go's do: `-B` (none, a
/// given ID, one too short for a Mach-O UUID), `-H windowsgui`, `-macos` and
/// `-macsdk` give the same notes, program headers, `LC_UUID`, `LC_BUILD_VERSION`
/// and PE subsystem as Go's build, `go version -m` prints the same, and `go tool
/// buildid -w` (which recomputes the content ID with the host build ID read as
/// zeros) leaves crossplay's file as it is.
#[test]
fn container_ldflags_match_go() {
    let Some(go) = oracle() else { return };
    let dir = scratch("container-ldflags");
    std::fs::write(dir.join("go.mod"), "module example.com/ld\n\ngo 1.27\n").expect("go.mod");
    std::fs::write(dir.join("main.go"), "package main\n\nfunc main() { println(\"hi\") }\n")
        .expect("main.go");
    let crossplay = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let tool = |program: &str, args: &[&str], file: &Path| {
        let mut cmd = Command::new(program);
        cmd.args(args).arg(file);
        let r = run(cmd);
        assert_eq!(r.code, 0, "{program} {args:?}: {}", r.stderr);
        r.stdout
    };
    // What each container says of the flags: the notes and the headers that map
    // them; the UUID (when -B decides it) and the versions; the subsystem.
    let headers = |goos: &str, file: &Path, uuid_given: bool| -> String {
        match goos {
            "linux" => {
                let notes: String = tool("llvm-readelf", &["-n"], file)
                    .lines()
                    .filter(|l| l.contains("Owner") || l.contains("Build ID") || l.contains("NT_GNU"))
                    .map(|l| format!("{}\n", l.trim()))
                    .collect();
                let maps: String = tool("llvm-readelf", &["-lS", "-W"], file)
                    .lines()
                    .filter(|l| l.contains("NOTE") || l.contains(".note"))
                    .map(|l| format!("{}\n", l.split_whitespace().take(3).collect::<Vec<_>>().join(" ")))
                    .collect();
                notes + &maps
            }
            "darwin" => tool("llvm-objdump", &["--macho", "--private-headers"], file)
                .lines()
                .filter(|l| {
                    let l = l.trim_start();
                    l.starts_with("cmd LC_UUID")
                        || l.starts_with("minos")
                        || l.starts_with("sdk")
                        || (uuid_given && l.starts_with("uuid"))
                })
                .map(|l| format!("{}\n", l.trim()))
                .collect(),
            _ => tool("llvm-readobj", &["--file-headers"], file)
                .lines()
                .filter(|l| l.trim_start().starts_with("Subsystem:"))
                .map(|l| format!("{}\n", l.trim()))
                .collect(),
        }
    };
    let cases: [(&str, &str, bool); 11] = [
        ("linux/amd64", "-B none", false),
        ("linux/amd64", "-B 0xdeadbeef01", false),
        ("linux/arm64", "-buildid= -B 0xdeadbeef", false),
        ("linux/amd64", "-buildid=abc -B none", false),
        ("linux/amd64", "-B gobuildid -buildid=given", false),
        ("darwin/arm64", "-B none", false),
        ("darwin/amd64", "-B 0x00112233445566778899aabbccddeeff", true),
        ("darwin/arm64", "-B 0x0011", false),
        ("darwin/arm64", "-macos=14.2 -macsdk=15.0.1", false),
        ("windows/amd64", "-H windowsgui", false),
        ("windows/arm64", "-H=windowsgui -B none", false),
    ];
    for (target, flags, uuid_given) in cases {
        let (goos, goarch) = target.split_once('/').expect("goos/goarch");
        let env = build_env(goos, goarch, "0", &dir);
        let mut seen = Vec::new();
        for (who, program) in [("crossplay", crossplay), ("go", go.as_path())] {
            let flag = format!("-ldflags={flags}");
            let b = run(command_in(program, &dir, &env, &["build", &flag, "-o", who, "."]));
            assert_eq!((b.code, b.stderr.as_str()), (0, ""), "{who} build {flag} for {target}");
            let v = run(command_in(&go, &dir, &env, &["version", "-m", who]));
            assert_eq!(v.code, 0, "go version -m: {}", v.stderr);
            seen.push(
                headers(goos, &dir.join(who), uuid_given)
                    + &v.stdout.replacen(&format!("{who}: "), "BIN: ", 1),
            );
        }
        assert_eq!(seen[0], seen[1], "crossplay and go build -ldflags='{flags}' for {target}");
        if flags.contains("-buildid=") {
            continue; // an ID of the user's has no content ID to recompute
        }
        let original = std::fs::read(dir.join("crossplay")).expect("read");
        std::fs::write(dir.join("copy"), &original).expect("copy");
        let w = run(command_in(&go, &dir, &env, &["tool", "buildid", "-w", "copy"]));
        assert_eq!(w.code, 0, "go tool buildid -w: {}", w.stderr);
        assert!(
            std::fs::read(dir.join("copy")).expect("read") == original,
            "{target} {flags}: go tool buildid -w changed the file"
        );
    }
}

/// A program may import its module's own packages (tier 1): crossplay's binary
/// prints what Go's prints and records the same build info, from the module root,
/// a subdirectory and as files; errors in them, and the import rules the go
/// command enforces before building — a missing package, a directory without Go
/// files, build constraints excluding every file, an import cycle, `internal`
/// packages outside their tree (the module's and the standard library's), a
/// program imported as a package — are Go's, with Go's positions and paths.
#[test]
fn module_packages_build_like_go() {
    let Some(go) = oracle() else { return };
    let dir = scratch("modpkgs");
    let crossplay = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let write = |path: &str, text: &str| write_file(&dir, path, text);
    write("go.mod", "module example.com/mp\n\ngo 1.27\n");
    write(
        "shapes/shapes.go",
        "package shapes\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/mp/shapes/internal/unit\"\n)\n\ntype Square struct{ Side int }\n\nfunc (s Square) Area() int { return s.Side * s.Side * unit.Scale }\n\nfunc (s Square) String() string { return fmt.Sprintf(\"square(%d)\", s.Side) }\n\nvar Made int\n\nfunc init() { Made = 1 }\n",
    );
    write("shapes/internal/unit/unit.go", "package unit\n\nconst Scale = 1\n");
    write(
        "tally/tally.go",
        "package tally\n\nimport \"example.com/mp/shapes\"\n\ntype Areaer interface{ Area() int }\n\nfunc Sum(xs ...Areaer) (n int) {\n\tfor _, x := range xs {\n\t\tn += x.Area()\n\t}\n\treturn n + shapes.Made\n}\n",
    );
    write(
        "cmd/app/main.go",
        "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/mp/shapes\"\n\t\"example.com/mp/tally\"\n)\n\nvar note = \"plain\"\n\nfunc main() {\n\ts := shapes.Square{Side: 3}\n\tfmt.Println(s, tally.Sum(s, shapes.Square{Side: 2}), note)\n}\n",
    );
    let env = build_env("linux", "amd64", "0", &dir);
    let in_dir =
        |sub: &str, program: &Path, args: &[&str]| run(command_in(program, &dir.join(sub), &env, args));
    // Programs: they run alike, and `go version -m` reads the same.
    let native = cfg!(all(target_os = "linux", target_arch = "x86_64"));
    for (sub, args) in [
        ("", &["-ldflags=-X main.note=set", "./cmd/app"][..]),
        ("cmd/app", &["."][..]),
        ("cmd/app", &["main.go"][..]),
        ("shapes", &["../cmd/app"][..]),
    ] {
        let mut seen = Vec::new();
        for (who, program) in [("crossplay", crossplay), ("go", go.as_path())] {
            let out = dir.join(format!("bin-{who}"));
            let mut a = vec!["build", "-o", out.to_str().expect("utf-8")];
            a.extend_from_slice(args);
            let b = in_dir(sub, program, &a);
            assert_eq!((b.code, b.stderr.as_str()), (0, ""), "{who} build {args:?} in {sub:?}");
            let v = run(command_in(&go, &dir, &env, &["version", "-m", out.to_str().expect("utf-8")]));
            let ran = if native { run(command_in(&out, &dir, &[], &[])).stdout } else { String::new() };
            seen.push(v.stdout.replace(out.to_str().expect("utf-8"), "BIN") + &ran);
        }
        assert_eq!(seen[0], seen[1], "build {args:?} in {sub:?}");
        if native {
            assert!(seen[0].contains("square(3) 14 "), "{}", seen[0]);
        }
    }
    // Errors, each from the module root and from the program's directory.
    let broken: [(&str, &str); 8] = [
        ("shapes/shapes.go", "package shapes\n\nfunc Area() int { return side }\n"),
        (
            "cmd/app/main.go",
            "package main\n\nimport \"example.com/mp/nothere\"\n\nfunc main() { nothere.F() }\n",
        ),
        ("cmd/app/main.go", "package main\n\nimport \"example.com/mp/docs\"\n\nfunc main() { docs.F() }\n"),
        (
            "cmd/app/main.go",
            "package main\n\nimport \"example.com/mp/ignored\"\n\nfunc main() { ignored.F() }\n",
        ),
        (
            "cmd/app/main.go",
            "package main\n\nimport \"example.com/mp/cyc/a\"\n\nfunc main() { println(a.A) }\n",
        ),
        (
            "cmd/app/main.go",
            "package main\n\nimport \"example.com/mp/shapes/internal/unit\"\n\nfunc main() { println(unit.Scale) }\n",
        ),
        (
            "cmd/app/main.go",
            "package main\n\nimport \"internal/bytealg\"\n\nfunc main() { println(bytealg.MaxLen) }\n",
        ),
        (
            "cmd/app/main.go",
            "package main\n\nimport \"example.com/mp/cmd/other\"\n\nfunc main() { other.F() }\n",
        ),
    ];
    write("docs/README", "no Go here\n");
    write("ignored/x.go", "//go:build ignore\n\npackage ignored\n");
    write("cyc/a/a.go", "package a\n\nimport \"example.com/mp/cyc/b\"\n\nvar A = b.B\n");
    write("cyc/b/b.go", "package b\n\nimport \"example.com/mp/cyc/a\"\n\nvar B = a.A\n");
    write("cmd/other/main.go", "package main\n\nfunc F() {}\n\nfunc main() {}\n");
    for (file, text) in broken {
        let saved = std::fs::read(dir.join(file)).expect("read");
        write(file, text);
        for (sub, arg) in [("", "./cmd/app"), ("cmd/app", ".")] {
            let got: Vec<(i32, String)> = [crossplay, go.as_path()]
                .iter()
                .map(|program| {
                    let b = in_dir(sub, program, &["build", "-o", "/dev/null", arg]);
                    (b.code, b.stderr)
                })
                .collect();
            assert_ne!(got[1].0, 0, "go builds {file} = {text:?}");
            assert_eq!(got[0], got[1], "crossplay and go build {arg} in {sub:?} with {file} = {text:?}");
        }
        std::fs::write(dir.join(file), saved).expect("restore");
    }
}

/// `go build` of several packages: without -o each is built and the results
/// dropped; with -o a directory every program is written into it (named as Go
/// names them, `.exe` for windows) and other packages are not built; -o a file
/// takes one package; a package that is not a program is only compiled; every
/// failing package is reported once and the others still build; `go run`'s
/// errors for no package, several, or one that is not a program; and a local
/// pattern's directory that is missing or outside the module. The status, the
/// messages and the files written are Go's.
#[test]
fn several_packages_build_like_go() {
    let Some(go) = oracle() else { return };
    let dir = scratch("severalpkgs");
    let crossplay = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let write = |path: &str, text: &str| write_file(&dir, path, text);
    write("go.mod", "module example.com/sp\n\ngo 1.27\n");
    write(
        "cmd/one/main.go",
        "package main\n\nimport \"example.com/sp/lib\"\n\nfunc main() { println(lib.N) }\n",
    );
    write("cmd/two/main.go", "package main\n\nfunc main() { println(2) }\n");
    write("lib/lib.go", "package lib\n\nvar N = 1\n");
    write("empty/README", "nothing\n");
    // What a build leaves: the status, the messages, the files it wrote.
    let outcome = |program: &Path, goos: &str, args: &[&str]| {
        let _ = std::fs::remove_dir_all(dir.join("out"));
        for f in ["one", "two", "lib", "sp", "one.exe"] {
            let _ = std::fs::remove_file(dir.join(f));
        }
        let b = run(command_in(program, &dir, &build_env(goos, "amd64", "0", &dir), args));
        let mut files: Vec<String> = ["one", "two", "lib", "sp", "one.exe"]
            .iter()
            .filter(|f| dir.join(f).exists())
            .map(|f| f.to_string())
            .collect();
        if let Ok(entries) = std::fs::read_dir(dir.join("out")) {
            files.extend(entries.map(|e| format!("out/{}", e.expect("entry").file_name().to_string_lossy())));
        }
        files.sort();
        (b.code, b.stderr, files)
    };
    let cases: &[(&str, &[&str])] = &[
        ("linux", &["build", "./..."]),
        ("linux", &["build", "-o", "out/", "./..."]),
        ("windows", &["build", "-o", "out/", "./cmd/..."]),
        ("linux", &["build", "-o", "out/", "./lib"]),
        ("linux", &["build", "-o", "out", "./cmd/..."]),
        ("linux", &["build", "-o", "out", "./empty/..."]),
        ("linux", &["build", "-o", "out/", "./empty/..."]),
        ("linux", &["build", "./empty/...", "./lib"]),
        ("linux", &["build", "./lib", "./cmd/one", "./cmd/one"]),
        ("windows", &["build", "./cmd/one"]),
        ("linux", &["build", "-o", "/dev/null", "./..."]),
        ("linux", &["run", "./cmd/..."]),
        ("linux", &["run", "./lib"]),
        ("linux", &["run", "./empty/..."]),
    ];
    let check = |label: &str| {
        for &(goos, args) in cases {
            let want = outcome(&go, goos, args);
            let got = outcome(crossplay, goos, args);
            assert_eq!(got, want, "{label}: GOOS={goos} {args:?}");
        }
    };
    check("sound packages");
    // Local patterns name directories that must exist inside the module.
    let env = build_env("linux", "amd64", "0", &dir);
    for args in [
        &["list", "./nonexist/...", "./lib"][..],
        &["list", "-e", "-json=ImportPath,Error,Incomplete", "./nonexist/...", "../..."],
        &["build", "./lib/nonexist/..."],
        &["build", "../..."],
    ] {
        let [want, got] = [go.as_path(), crossplay].map(|program| {
            let r = run(command_in(program, &dir, &env, args));
            (r.code, r.stdout, r.stderr)
        });
        assert_eq!(got, want, "{args:?}");
    }
    // Broken packages: each failure once, the rest still built.
    write("lib/lib.go", "package lib\n\nvar N = missing\n");
    write("cmd/two/main.go", "package main\n\nfunc main() { println(undefinedName) }\n");
    write("bad/bad.go", "package bad\n\nfunc F() int { return \"s\" }\n");
    for args in
        [&["build", "-p", "1", "./..."][..], &["build", "-p", "1", "-o", "out/", "./cmd/two", "./lib"]]
    {
        assert_eq!(
            outcome(crossplay, "linux", args),
            outcome(&go, "linux", args),
            "broken packages, {args:?}"
        );
    }
}

/// `-trimpath` leaves no host path in the output: the same module built from two
/// directories gives the same bytes for every target crossplay builds, and neither
/// the module's directory nor HOME appears in them (Go's own -trimpath binary is
/// held to the same, so the check is the oracle's property, not a crossplay one).
#[test]
fn trimpath_leaves_no_host_path() {
    let crossplay = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let root = scratch("trimpath");
    let dirs = [root.join("first-checkout-dir"), root.join("second/checkout-elsewhere")];
    for d in &dirs {
        std::fs::create_dir_all(d).expect("mkdir");
        std::fs::write(d.join("go.mod"), "module example.com/tp\n\ngo 1.27\n").expect("go.mod");
        std::fs::write(
            d.join("main.go"),
            "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tdefer func() { fmt.Println(recover()) }()\n\tvar a []int\n\t_ = a[3]\n}\n",
        )
        .expect("main.go");
    }
    let mut tools = vec![("crossplay", crossplay.to_path_buf())];
    if let Some(go) = oracle() {
        tools.push(("go", go));
    }
    let targets = [
        "linux/amd64",
        "linux/arm64",
        "windows/amd64",
        "windows/arm64",
        "darwin/amd64",
        "darwin/arm64",
        "js/wasm",
        "wasip1/wasm",
    ];
    for (who, program) in &tools {
        for target in targets {
            let (goos, goarch) = target.split_once('/').expect("target");
            let mut outputs = Vec::new();
            for d in &dirs {
                let env = build_env(goos, goarch, "0", &root);
                let out = d.join("out.bin");
                let b = run(command_in(
                    program,
                    d,
                    &env,
                    &["build", "-trimpath", "-o", out.to_str().expect("path"), "."],
                ));
                assert_eq!((b.code, b.stderr.as_str()), (0, ""), "{who} {target}");
                let bytes = std::fs::read(&out).expect("output");
                for path in [d.as_path(), root.as_path()] {
                    let needle = path.to_str().expect("path").as_bytes();
                    let leaked = bytes.windows(needle.len()).any(|w| w == needle);
                    assert!(!leaked, "{who} {target}: {} in the -trimpath output", path.display());
                }
                outputs.push(bytes);
            }
            assert!(outputs[0] == outputs[1], "{who} {target}: -trimpath output depends on the directory");
        }
    }
}

/// `build -gcflags=-S` prints the main package's amd64 assembly as the compiler's
/// output is printed (under `# package`), one function at a time.
#[test]
fn build_prints_an_assembly_listing() {
    let dir = scratch("listing");
    std::fs::write(
        dir.join("s.go"),
        "package main\n\nfunc add(a, b int) int { return a + b }\n\nfunc main() {\n\tprintln(add(1, 2))\n}\n",
    )
    .expect("write");
    let path = std::env::var("PATH").unwrap_or_default();
    let env = |goarch: &str| -> Vec<(String, String)> {
        [
            ("GOOS", if goarch == "wasm" { "wasip1" } else { "linux" }),
            ("GOARCH", goarch),
            ("PATH", path.as_str()),
            ("HOME", "/tmp"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
    };
    let bin = Path::new(env!("CARGO_BIN_EXE_crossplay"));
    let r = run(command_in(bin, &dir, &env("amd64"), &["build", "-gcflags=-S", "-o", "/dev/null", "s.go"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.starts_with("# command-line-arguments\n"), "{}", r.stderr);
    let add: Vec<&str> = r
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with("main.add STEXT size="))
        .take_while(|l| !l.starts_with("main.main"))
        .collect();
    assert!(add.len() > 5 && add[1] == "\t0x0000 00000\tpush rbp", "{add:?}");
    assert!(add.iter().any(|l| l.ends_with("\tret")), "{add:?}");
    // The arguments after the closure context (rax) in rbx and rcx, the result in rax.
    assert!(add.iter().any(|l| l.ends_with("\tlea rax, [rbx + 1*rcx]")), "{add:?}");
    // arm64: LLVM's syntax, one 4-byte word per instruction; the arguments after
    // the context (x0) in x1 and x2, the result in x0.
    let r = run(command_in(bin, &dir, &env("arm64"), &["build", "-gcflags=-S", "-o", "/dev/null", "s.go"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let add: Vec<&str> = r
        .stderr
        .lines()
        .skip_while(|l| !l.starts_with("main.add STEXT size="))
        .take_while(|l| !l.starts_with("main.main"))
        .collect();
    assert!(add.len() > 5 && add[1] == "\t0x0000 00000\tstp x29, x30, [sp, #-16]!", "{add:?}");
    assert!(add[2] == "\t0x0004 00004\tmov x29, sp", "{add:?}");
    assert!(
        add.iter().any(|l| l.ends_with("\tadd x0, x1, x2")) && add.iter().any(|l| l.ends_with("\tret")),
        "{add:?}"
    );
    let r = run(command_in(bin, &dir, &env("wasm"), &["build", "-gcflags=-S", "-o", "/dev/null", "s.go"]));
    assert_eq!((r.code, r.stderr.as_str()), (1, "crossplay has no assembly listing for wasip1/wasm yet\n"));
    // -N and -l turn optimization and inlining off; other compiler flags are not
    // supported yet.
    let r =
        run(command_in(bin, &dir, &env("amd64"), &["build", "-gcflags=-N -l", "-o", "/dev/null", "s.go"]));
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    let r = run(command_in(bin, &dir, &env("amd64"), &["build", "-gcflags=-m", "s.go"]));
    assert_eq!((r.code, r.stderr.as_str()), (2, "crossplay does not support -gcflags=-m yet\n"));
}

/// The build cache in GOCACHE, by the seed's rules: each package's compile and
/// the link are actions that run only on a miss (`-x` prints one line for each
/// that runs, none for a hit); targets coexist; what keys each action is what
/// changes it; a damaged entry is rebuilt; `-a`, `-n`, `clean -cache` and
/// GOCACHE=off behave as Go's.
#[test]
fn build_cache_keys_and_reuse() {
    let dir = scratch("build-cache");
    let cache = dir.join("cache");
    write_file(&dir, "go.mod", "module example.com/m\n\ngo 1.27\n");
    write_file(&dir, "lib/lib.go", "package lib\n\nfunc Name() string { return \"lib\" }\n");
    let main_go = "package main\n\nimport (\n\t\"fmt\"\n\n\t\"example.com/m/lib\"\n)\n\nvar v string\n\nfunc main() { fmt.Println(lib.Name(), v) }\n";
    write_file(&dir, "main.go", main_go);
    let home = dir.join("home");
    let build = |env: &[(&str, &str)], args: &[&str]| -> (Vec<String>, i32, String) {
        let mut e = build_env("linux", "amd64", "0", &home);
        e.push(("GOCACHE".into(), cache.to_str().unwrap_or_default().into()));
        for (k, v) in env {
            e.retain(|(n, _)| n != k);
            e.push(((*k).into(), (*v).into()));
        }
        let mut a = vec!["build", "-x"];
        a.extend_from_slice(args);
        let r = run(command_in(&bin_path().to_path_buf(), &dir, &e, &a));
        let actions: Vec<String> = r
            .stderr
            .lines()
            .filter(|l| l.starts_with("crossplay "))
            .map(|l| l["crossplay ".len()..].to_string())
            .collect();
        (actions, r.code, r.stderr)
    };
    let compiles = |actions: &[String]| -> Vec<String> {
        actions.iter().filter_map(|a| a.strip_prefix("compile -p ").map(str::to_string)).collect()
    };
    let read = |name: &str| std::fs::read(dir.join(name)).expect("output");

    // Cold: every package and the link.
    let (a, code, err) = build(&[], &["-o", "a1"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        compiles(&a).iter().any(|p| p == "runtime") && compiles(&a).iter().any(|p| p == "example.com/m/lib"),
        "{a:?}"
    );
    assert_eq!(a.last().map(String::as_str), Some("link -o m"));
    // Another target: its own entries. Back: nothing runs, the same bytes.
    let (a, code, err) = build(&[("GOARCH", "arm64")], &["-o", "b1"]);
    assert_eq!(code, 0, "{err}");
    assert!(compiles(&a).len() > 5, "{a:?}");
    let (a, code, err) = build(&[], &["-o", "a2"]);
    assert_eq!((a.len(), code), (0, 0), "{err}");
    assert_eq!(read("a1"), read("a2"));
    // -ldflags=-X relinks only; the value is in the program.
    let (a, _, err) = build(&[], &["-ldflags=-X main.v=set", "-o", "a3"]);
    assert_eq!(a, ["link -o m"], "{err}");
    // What keys every compile: each recompiles the standard library.
    for (env, args) in [
        (vec![], vec!["-tags", "foo"]),
        (vec![("GOAMD64", "v3")], vec![]),
        (vec![("CGO_ENABLED", "1")], vec![]),
        (vec![], vec!["-trimpath"]),
        (vec![], vec!["-gcflags=-N"]),
    ] {
        let mut args = args.clone();
        args.extend(["-o", "x"]);
        let (a, code, err) = build(&env, &args);
        assert_eq!(code, 0, "{err}");
        assert!(compiles(&a).iter().any(|p| p == "runtime"), "{env:?} {args:?}: {a:?}");
    }
    // An edit of main recompiles main; of lib, lib and what imports it.
    write_file(&dir, "main.go", &main_go.replace("v)", "v, 1)"));
    let (a, _, err) = build(&[], &["-o", "a4"]);
    assert_eq!(a, ["compile -p example.com/m", "link -o m"], "{err}");
    write_file(&dir, "lib/lib.go", "package lib\n\nfunc Name() string { return \"lib2\" }\n");
    let (a, _, err) = build(&[], &["-o", "a5"]);
    assert_eq!(a, ["compile -p example.com/m/lib", "compile -p example.com/m", "link -o m"], "{err}");
    // Every output damaged (a flipped byte, or truncated): detected, rebuilt,
    // the same bytes.
    let outputs = |cache: &Path| -> Vec<PathBuf> {
        let mut out = Vec::new();
        for sub in std::fs::read_dir(cache).expect("cache").flatten() {
            for f in std::fs::read_dir(sub.path()).into_iter().flatten().flatten() {
                if f.file_name().to_string_lossy().ends_with("-d") {
                    out.push(f.path());
                }
            }
        }
        out
    };
    for (k, f) in outputs(&cache).iter().enumerate() {
        let mut b = std::fs::read(f).expect("entry");
        if k % 2 == 0 {
            b.truncate(b.len() / 2);
        } else if let Some(x) = {
            let mid = b.len() / 2;
            b.get_mut(mid)
        } {
            *x ^= 1;
        }
        std::fs::write(f, b).expect("damage");
    }
    let (a, code, err) = build(&[], &["-o", "a6"]);
    assert_eq!(code, 0, "{err}");
    assert!(compiles(&a).iter().any(|p| p == "runtime"), "{a:?}");
    assert_eq!(read("a5"), read("a6"));
    // -a runs everything; -n prints what would run and writes nothing.
    let (a, _, _) = build(&[], &["-a", "-o", "a7"]);
    assert!(compiles(&a).iter().any(|p| p == "runtime"), "{a:?}");
    assert_eq!(read("a5"), read("a7"));
    write_file(&dir, "main.go", main_go);
    let (a, code, err) = build(&[], &["-n", "-o", "a8"]);
    assert_eq!(
        (a.clone(), code),
        (vec!["compile -p example.com/m".to_string(), "link -o m".into()], 0),
        "{err}"
    );
    assert!(!dir.join("a8").exists());
    // clean -cache empties it (but keeps the directory and its README).
    let mut e = build_env("linux", "amd64", "0", &home);
    e.push(("GOCACHE".into(), cache.to_str().unwrap_or_default().into()));
    let r = run(command_in(&bin_path().to_path_buf(), &dir, &e, &["clean", "-cache"]));
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert!(outputs(&cache).is_empty() && cache.join("README").exists());
    let (a, _, _) = build(&[], &["-o", "a9"]);
    assert!(compiles(&a).iter().any(|p| p == "runtime"), "{a:?}");

    // GOCACHE=off and a relative GOCACHE: Go's errors.
    let Some(go) = oracle() else { return };
    for value in ["off", "relative"] {
        let mut e = build_env("linux", "amd64", "0", &home);
        e.push(("GOCACHE".into(), value.into()));
        for args in [&["build", "-o", "x", "."][..], &["clean", "-cache"][..]] {
            let want = run(command_in(&go, &dir, &e, args));
            let got = run(command_in(&bin_path().to_path_buf(), &dir, &e, args));
            assert_eq!(
                (got.code, got.stderr.as_str()),
                (want.code, want.stderr.as_str()),
                "GOCACHE={value} {args:?}"
            );
        }
    }
}

/// The erroneous-program corpus through `crossplay build`, the path users take:
/// each program's first error (from the go command's header check, the parser
/// and its branch checks, or the type checker) is `go build`'s, text and
/// position (`testdata/go-errors/expected.txt`, written by the oracle).
#[test]
fn go_errors_corpus_builds_like_go() {
    // Go's utf8 has an unexported acceptRange, crossplay's own std does not
    // (it goes when the standard library is Go's own).
    const STD_DIFFERS: [&str; 1] = ["ty_pkg_unexported.go"];
    let dir = repo_root().join("testdata/go-errors");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let home = scratch("go-errors-home");
    let mut failures = Vec::new();
    let mut compared = 0;
    for want in expected.lines() {
        let name = want.split(':').next().expect("a file name");
        if STD_DIFFERS.contains(&name) {
            continue;
        }
        compared += 1;
        let mut env = build_env("linux", "amd64", "0", &home);
        env.push(("GOCACHE".into(), home.join("cache").to_string_lossy().into_owned()));
        let r = run(command_in(&bin_path().to_path_buf(), &dir, &env, &["build", "-o", "/dev/null", name]));
        let first = r
            .stderr
            .lines()
            .map(|l| l.trim_start_matches("./"))
            .find(|l| l.starts_with(&format!("{name}:")))
            .unwrap_or("(no positioned error)")
            .to_string();
        if first != want || r.code != 1 {
            failures.push(format!("want {want}\n got {first} (exit {})\n{}", r.code, r.stderr));
        }
    }
    assert!(compared >= 280, "{compared}");
    assert!(failures.is_empty(), "{} of {compared} differ:\n{}", failures.len(), failures.join("\n"));
}

/// The main module's go.mod `go` line is the language version of its packages:
/// before go1.22 one loop variable serves every iteration (closures see the
/// last value) and ranging over an integer is an error, worded as cmd/compile
/// words it; files named on the command line take the newest version. Checked
/// against the oracle.
#[test]
fn language_version_follows_go_mod() {
    let Some(go) = oracle() else { return };
    let dir = scratch("lang-version");
    let home = dir.join("home");
    let loops = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar fs []func()\n\tfor i := 0; i < 3; i++ {\n\t\tfs = append(fs, func() { fmt.Print(i, \" \") })\n\t}\n\tfor _, v := range []int{7, 8} {\n\t\tfs = append(fs, func() { fmt.Print(v, \" \") })\n\t}\n\tfor k := range map[string]int{\"k\": 1} {\n\t\tfs = append(fs, func() { fmt.Print(k, \" \") })\n\t}\n\tfor _, f := range fs {\n\t\tf()\n\t}\n\tfmt.Println()\n}\n";
    let mut env = build_env("linux", "amd64", "0", &home);
    env.push(("GOCACHE".into(), dir.join("cache").to_string_lossy().into_owned()));
    for version in ["1.21", "1.22", "1.27"] {
        write_file(&dir, "go.mod", &format!("module example.com/m\n\ngo {version}\n"));
        write_file(&dir, "main.go", loops);
        for args in [&["run", "."][..], &["run", "main.go"][..]] {
            let want = run(command_in(&go, &dir, &env, args));
            let got = run(command_in(&bin_path().to_path_buf(), &dir, &env, args));
            assert_eq!(
                (got.stdout.as_str(), got.code),
                (want.stdout.as_str(), want.code),
                "go {version} {args:?}"
            );
        }
        write_file(&dir, "main.go", "package main\n\nfunc main() {\n\tfor range 3 {\n\t}\n}\n");
        let want = run(command_in(&go, &dir, &env, &["build", "-o", "x", "."]));
        let got = run(command_in(&bin_path().to_path_buf(), &dir, &env, &["build", "-o", "x", "."]));
        assert_eq!(
            (got.stderr.as_str(), got.code),
            (want.stderr.as_str(), want.code),
            "go {version}: range over int"
        );
    }
}

/// A program a signal ends is reported as `go run` reports it (`signal:
/// segmentation fault`, Go's names for linux), checked against the oracle
/// through -exec.
#[test]
fn run_reports_signals_like_go() {
    let Some(go) = oracle() else { return };
    let dir = scratch("run-signals");
    write_file(&dir, "nop.go", "package main\n\nfunc main() {}\n");
    let mut env = build_env("linux", "amd64", "0", &dir.join("home"));
    env.push(("GOCACHE".into(), dir.join("cache").to_string_lossy().into_owned()));
    for sig in ["SEGV", "TERM", "KILL", "ABRT", "INT", "USR1"] {
        let exec = format!("sh -c 'kill -{sig} $$'");
        let args = ["run", "-exec", exec.as_str(), "nop.go"];
        let want = run(command_in(&go, &dir, &env, &args));
        let got = run(command_in(&bin_path().to_path_buf(), &dir, &env, &args));
        assert_eq!((got.stderr.as_str(), got.code), (want.stderr.as_str(), want.code), "{sig}");
    }
}
