//! Programs built by crossplay for js/wasm and wasip1/wasm run under node — wasip1
//! with `node:wasi`, js with the Go distribution's own `wasm_exec_node.js` — and,
//! on a linux/amd64 host, for linux/amd64 natively, for linux/arm64 under
//! `qemu-aarch64` and for windows/amd64 under Wine (`wine64`), and print exactly
//! what the real toolchain's binary prints (`testdata/programs`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

fn go_root() -> Option<PathBuf> {
    let go = std::env::var_os("CROSSPLAY_GO")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".tools/go/bin/go"));
    let root = go.parent()?.parent()?.to_path_buf();
    if root.join("lib/wasm/wasm_exec_node.js").is_file() {
        return Some(root);
    }
    assert!(std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"), "the Go oracle is missing");
    None
}

/// (exit status, stdout, stderr) of a golden file.
fn golden(text: &str) -> (i32, String, String) {
    let mut code = 0;
    let mut out = String::new();
    let mut err = String::new();
    // Which section: 0 exit, 1 stdout, 2 stderr; and whether it is "-nonl" (the
    // output lacks the final newline the file adds).
    let (mut cur, mut nonl) = (0, [false; 3]);
    for line in text.split_inclusive('\n') {
        match line.trim_end() {
            "-- exit --" => cur = 0,
            "-- stdout --" | "-- stdout-nonl --" => {
                cur = 1;
                nonl[1] = line.contains("-nonl");
            }
            "-- stderr --" | "-- stderr-nonl --" => {
                cur = 2;
                nonl[2] = line.contains("-nonl");
            }
            l if cur == 0 => code = l.parse().unwrap_or(-1),
            _ => (if cur == 1 { &mut out } else { &mut err }).push_str(line),
        }
    }
    for (s, n) in [(&mut out, nonl[1]), (&mut err, nonl[2])] {
        if n {
            s.pop();
        }
    }
    (code, out, err)
}

fn run(goos: &str, wasm: &Path, goroot: &Path) -> (i32, String, String) {
    let out = if goos == "js" {
        Command::new("node").arg(goroot.join("lib/wasm/wasm_exec_node.js")).arg(wasm).env_clear().output()
    } else {
        let script = "const {WASI}=require('node:wasi');const fs=require('fs');\
            const w=new WASI({version:'preview1',args:['prog'],env:{},returnOnExit:false});\
            WebAssembly.instantiate(fs.readFileSync(process.argv[1]),w.getImportObject())\
            .then(r=>{process.exitCode=w.start(r.instance)});";
        Command::new("node").args(["--no-warnings", "-e", script]).arg(wasm).output()
    }
    .expect("node");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether `qemu-aarch64` (Debian `qemu-user`) runs here.
fn have_qemu_aarch64() -> bool {
    let found = Command::new("qemu-aarch64").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(
        found || std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"),
        "qemu-aarch64 is missing (Debian qemu-user)"
    );
    found
}

/// Debian's Wine loader for 64-bit programs (package `wine64`), if it is here.
fn wine64() -> Option<PathBuf> {
    let found = ["/usr/lib/wine/wine64", "/usr/bin/wine64"].iter().map(PathBuf::from).find(|p| p.is_file());
    assert!(
        found.is_some() || std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"),
        "wine64 is missing (Debian wine64)"
    );
    found
}

/// The Wine prefix the tests use (under the build directory), created once before
/// any program runs so that Wine's set-up messages stay out of their output.
fn wine_prefix() -> PathBuf {
    static INIT: std::sync::Once = std::sync::Once::new();
    let prefix = repo_root().join("target/wineprefix");
    INIT.call_once(|| {
        if let Some(wine) = wine64() {
            let out = Command::new(&wine)
                .arg("wineboot")
                .env_clear()
                .env("WINEPREFIX", &prefix)
                .env("WINEDEBUG", "-all")
                .output()
                .expect("wineboot");
            assert!(prefix.join("system.reg").is_file(), "wineboot failed: {out:?}");
            // Let the set-up's background processes finish, then keep one server up
            // for the whole run so that programs do not race its start and stop.
            let server = wine.with_file_name("wineserver");
            let run = |arg: &str| {
                Command::new(&server)
                    .arg(arg)
                    .env_clear()
                    .env("WINEPREFIX", &prefix)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .status()
                    .ok();
            };
            run("-w");
            run("-p60");
        }
    });
    prefix
}

/// The targets the corpus runs on here: both Wasm ports everywhere, linux/amd64
/// natively on a linux/amd64 host, linux/arm64 under `qemu-aarch64` on a linux
/// host that has it, and windows/amd64 under Wine on a linux/amd64 host that has
/// it. CROSSPLAY_TARGETS=goos/goarch,… narrows the list.
fn targets() -> Vec<(&'static str, &'static str)> {
    let mut t = vec![("wasip1", "wasm"), ("js", "wasm")];
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        t.push(("linux", "amd64"));
    }
    if cfg!(target_os = "linux") && have_qemu_aarch64() {
        t.push(("linux", "arm64"));
    }
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) && wine64().is_some() {
        t.push(("windows", "amd64"));
    }
    if let Ok(only) = std::env::var("CROSSPLAY_TARGETS") {
        t.retain(|(os, arch)| only.split(',').any(|w| w == format!("{os}/{arch}")));
    }
    t
}

/// Runs a windows executable under Wine with an environment of Wine's own.
/// Wine 8 now and then faults in a thread of its own as a process exits ("wine:
/// Unhandled page fault … starting debugger"), after the program's output is
/// complete; such a run is repeated once. A fault of the program itself happens
/// again and is reported.
fn run_wine(path: &Path) -> (i32, String, String) {
    let prefix = wine_prefix();
    let wine = wine64().expect("wine64");
    let once = || {
        let out = Command::new(&wine)
            .arg(path)
            .env_clear()
            .env("WINEPREFIX", &prefix)
            .env("WINEDEBUG", "-all")
            .output()
            .expect("wine64");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let first = once();
    if first.2.contains("wine: Unhandled") {
        eprintln!("{}: Wine faulted ({}); running it again", path.display(), first.2.trim());
        return once();
    }
    first
}

/// Runs a native executable with an empty environment, directly or under an
/// emulator.
fn run_native(path: &Path, emulator: Option<&str>) -> (i32, String, String) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let mut cmd = match emulator {
        Some(e) => {
            let mut c = Command::new(e);
            c.arg(path);
            c
        }
        None => Command::new(path),
    };
    let out = cmd.env_clear().output().expect("run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The whole program corpus runs on both Wasm targets, linux/amd64 and linux/arm64
/// (`targets`) exactly as the real Go's binaries did: stdout, stderr and exit status. CROSSPLAY_PROGRAMS=a,b runs
/// only those programs.
#[test]
fn programs_run_like_go() {
    let Some(goroot) = go_root() else { return };
    let dir = std::env::temp_dir().join(format!("crossplay-driver-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let chosen: Vec<String> = match std::env::var("CROSSPLAY_PROGRAMS") {
        Ok(list) if !list.is_empty() && list != "all" => list.split(',').map(str::to_owned).collect(),
        _ => {
            let mut v: Vec<String> = std::fs::read_dir(repo_root().join("testdata/programs"))
                .expect("corpus")
                .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".go").map(str::to_owned))
                .collect();
            v.sort();
            v
        }
    };
    assert!(
        chosen.len() >= 150 || std::env::var("CROSSPLAY_PROGRAMS").is_ok(),
        "the corpus has {} programs",
        chosen.len()
    );
    // Programs build and run on all cores, each failure kept.
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(name) = chosen.get(i) else { break };
                    for f in check_program(name, &dir, &goroot) {
                        failures.lock().expect("lock").push(f);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().expect("lock");
    eprintln!("{} programs, {} failures", chosen.len(), failures.len());
    std::fs::remove_dir_all(&dir).ok();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Builds and runs corpus program `name` for both Wasm targets; the mismatches.
fn check_program(name: &str, dir: &Path, goroot: &Path) -> Vec<String> {
    let mut failures = Vec::new();
    let src = std::fs::read(repo_root().join(format!("testdata/programs/{name}.go"))).expect("program");
    let amd64 = golden(
        &std::fs::read_to_string(repo_root().join(format!("testdata/programs/{name}.golden")))
            .expect("golden"),
    );
    // Go's own arm64 binary writes something else for some programs (fused
    // multiply-adds, the NaN sign): that is the output to match there.
    let arm64 =
        std::fs::read_to_string(repo_root().join(format!("testdata/programs/{name}.linux-arm64.golden")))
            .map_or_else(|_| amd64.clone(), |t| golden(&t));
    for (goos, goarch) in targets() {
        let want = if goarch == "arm64" { &arm64 } else { &amd64 };
        let mut cfg = driver::Config::new(port(goos, goarch));
        cfg.verify_ir = true;
        let bytes = match driver::build(
            &cfg,
            &[driver::Source { name: format!("./{name}.go"), text: src.clone() }],
        ) {
            Ok(b) => b,
            Err(e) => {
                failures.push(format!("{name} {goos}/{goarch}: build failed:\n{}", e.join("\n")));
                continue;
            }
        };
        let exe = if goos == "windows" { ".exe" } else { "" };
        let path = dir.join(format!("{name}-{goos}-{goarch}{exe}"));
        std::fs::write(&path, &bytes).expect("write");
        let got = match goarch {
            "wasm" => run(goos, &path, goroot),
            _ if goos == "windows" => run_wine(&path),
            "arm64" => run_native(&path, Some("qemu-aarch64")),
            _ => run_native(&path, None),
        };
        if got != *want {
            failures.push(format!("{name} {goos}/{goarch}: got {got:?}, want {want:?}"));
        }
    }
    failures
}

#[test]
fn tier2_constructs_are_positioned_diagnostics() {
    let src = b"package main\n\nfunc main() {\n\tgo func() {}()\n}\n".to_vec();
    let cfg = driver::Config::new(port("wasip1", "wasm"));
    let err = driver::build(&cfg, &[driver::Source { name: "./main.go".into(), text: src }]).unwrap_err();
    assert_eq!(
        err,
        ["# command-line-arguments", "./main.go:4:2: crossplay does not support go statements yet"]
    );
}

#[test]
fn generic_functions_are_positioned_diagnostics() {
    let src = b"package main\n\nfunc id[T any](x T) T { return x }\n\nfunc main() {\n\tprintln(id(1))\n}\n"
        .to_vec();
    let cfg = driver::Config::new(port("js", "wasm"));
    let err = driver::build(&cfg, &[driver::Source { name: "./main.go".into(), text: src }]).unwrap_err();
    assert_eq!(err[0], "# command-line-arguments");
    assert_eq!(err[1], "./main.go:3:6: crossplay does not support generic functions yet");
}

/// GOAMD64=v1 output uses no instruction of a later level: the linux/amd64
/// binary of a program exercising rounding, bit counts and conversions,
/// disassembled by `llvm-objdump`, has none of the v2–v4 mnemonics.
#[test]
fn amd64_output_is_v1() {
    let src = b"package main\n\nimport (\n\t\"fmt\"\n\t\"math\"\n\t\"math/bits\"\n)\n\nfunc main() {\n\tx := 2.5\n\tfmt.Println(math.Floor(x), math.Ceil(-x), math.Trunc(x), math.Round(x), math.Sqrt(x))\n\tfmt.Println(bits.OnesCount64(0xff), bits.LeadingZeros32(1), bits.TrailingZeros64(8), uint64(x*1e18), int32(-x))\n}\n";
    let cfg = driver::Config::new(port("linux", "amd64"));
    let bin =
        driver::build(&cfg, &[driver::Source { name: "./v1.go".into(), text: src.to_vec() }]).expect("build");
    let dir = std::env::temp_dir().join(format!("crossplay-v1-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("v1");
    std::fs::write(&path, &bin).expect("write");
    let out = match Command::new("llvm-objdump")
        .args(["-d", "--no-show-raw-insn", "-M", "intel"])
        .arg(&path)
        .output()
    {
        Ok(o) => o,
        Err(_) => {
            assert!(
                std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"),
                "llvm-objdump is missing"
            );
            eprintln!("SKIPPED: llvm-objdump not found (Debian package llvm)");
            return;
        }
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    // x86-64-v2: SSE3, SSSE3, SSE4.1/4.2, POPCNT, CMPXCHG16B; v3: AVX, AVX2, BMI1/2,
    // F16C, FMA, LZCNT, MOVBE; v4: AVX-512 (all VEX/EVEX forms start with `v`).
    let later = [
        "popcnt",
        "lzcnt",
        "tzcnt",
        "roundsd",
        "roundss",
        "cmpxchg16b",
        "movbe",
        "andn",
        "bextr",
        "blsi",
        "blsr",
        "bzhi",
        "pdep",
        "pext",
        "rorx",
        "sarx",
        "shlx",
        "shrx",
        "pshufb",
        "ptest",
        "pmulld",
        "blendv",
        "pinsrq",
        "pextrq",
        "haddpd",
        "lddqu",
        "crc32",
    ];
    let mut n = 0;
    for line in text.lines() {
        // "  401000:      \tmov\trdi, rsp"; labels ("… <_start>:") have nothing after.
        let Some((_, inst)) = line.split_once(':') else { continue };
        let Some(mnemonic) = inst.split_whitespace().next() else { continue };
        n += 1;
        assert!(
            !later.contains(&mnemonic)
                && !(mnemonic.starts_with('v') && mnemonic != "verr" && mnemonic != "verw"),
            "a post-v1 instruction: {line}"
        );
    }
    assert!(n > 10_000, "only {n} instructions disassembled");
    std::fs::remove_dir_all(&dir).ok();
}

/// The native executables crossplay builds (with build info) read cleanly: ELF for
/// linux, PE for windows and Mach-O for darwin, on amd64 and arm64. The `object`
/// crate parses them (architecture, entry in the text, the imports of kernel32
/// and libSystem), `llvm-readobj` prints no warning (for PE also reading the
/// imports and base relocations; for Mach-O `llvm-objdump --macho --all-headers`
/// with the binds and rebases), and `llvm-objdump` decodes every instruction of
/// their text (no `<unknown>`). The Mach-O files also pass
/// `testdata/tools/machocheck.go`, run by the Go oracle: the load commands dyld
/// requires, and every code signature page hash recomputed with Go's SHA-256.
#[test]
fn native_executables_read_cleanly() {
    let src = b"package main\n\nimport (\n\t\"fmt\"\n\t\"math\"\n\t\"time\"\n)\n\nfunc main() {\n\tfmt.Println(\"hi\", math.Sqrt(2)*3+1, len([]int{1, 2}), time.Since(time.Now()) < time.Hour)\n}\n";
    let dir = std::env::temp_dir().join(format!("crossplay-readobj-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let mut machos = Vec::new();
    for (goos, goarch) in [
        ("linux", "amd64"),
        ("linux", "arm64"),
        ("windows", "amd64"),
        ("windows", "arm64"),
        ("darwin", "amd64"),
        ("darwin", "arm64"),
    ] {
        let target = format!("{goos}/{goarch}");
        let mut cfg = driver::Config::new(port(goos, goarch));
        cfg.build_info =
            Some(format!("path\tcommand-line-arguments\nbuild\tGOARCH={goarch}\nbuild\tGOOS={goos}\n"));
        let bin = driver::build(&cfg, &[driver::Source { name: "./p.go".into(), text: src.to_vec() }])
            .expect("build");
        let path = dir.join(format!("{goos}-{goarch}"));
        std::fs::write(&path, &bin).expect("write");
        {
            use object::{Object, ObjectSection};
            let file = object::File::parse(&*bin).expect("the object crate parses it");
            let arch =
                if goarch == "amd64" { object::Architecture::X86_64 } else { object::Architecture::Aarch64 };
            assert_eq!(file.architecture(), arch);
            let text = file.section_by_name(if goos == "darwin" { "__text" } else { ".text" }).expect("text");
            // LC_MAIN's entry is a file offset.
            let start = if goos == "darwin" {
                text.file_range().expect("text in the file").0
            } else {
                text.address()
            };
            assert!(
                start <= file.entry() && file.entry() < start + text.size(),
                "{target}: entry in the text"
            );
            if goos == "darwin" {
                let imports: Vec<String> = file
                    .imports()
                    .expect("imports")
                    .map(|i| {
                        String::from_utf8_lossy(i.expect("import").name().name().unwrap_or_default())
                            .into_owned()
                    })
                    .collect();
                for want in ["_write", "_exit", "_clock_gettime", "_mmap"] {
                    assert!(imports.iter().any(|i| i == want), "{target}: {want} not in {imports:?}");
                }
            }
            if goos == "windows" {
                let imports: Vec<String> = file
                    .imports()
                    .expect("imports")
                    .map(|i| i.expect("import"))
                    .map(|i| {
                        format!(
                            "{}!{}",
                            String::from_utf8_lossy(i.library()),
                            String::from_utf8_lossy(i.name().name().unwrap_or_default())
                        )
                    })
                    .collect();
                for want in [
                    "kernel32.dll!WriteFile",
                    "kernel32.dll!ExitProcess",
                    "kernel32.dll!QueryPerformanceCounter",
                ] {
                    assert!(imports.iter().any(|i| i == want), "{target}: {want} not in {imports:?}");
                }
            }
        }
        let (tool, args): (&str, &[&str]) = match goos {
            "windows" => (
                "llvm-readobj",
                &["--file-headers", "--sections", "--symbols", "--coff-imports", "--coff-basereloc"],
            ),
            "darwin" => ("llvm-objdump", &["--macho", "--all-headers", "--bind", "--rebase"]),
            _ => ("llvm-readobj", &["--file-headers", "--program-headers", "--sections", "--symbols"]),
        };
        if goos == "darwin" {
            machos.push(path.clone());
        }
        let Ok(o) = Command::new(tool).args(args).arg(&path).output() else {
            assert!(
                std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"),
                "llvm-readobj is missing"
            );
            eprintln!("SKIPPED: llvm-readobj not found (Debian package llvm)");
            return;
        };
        let text = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success() && !text.contains("warning"), "{target}: {text}");
        let marks: &[&str] = match (goos, goarch) {
            ("linux", "amd64") => &["EM_X86_64", "Name: .go.buildinfo"],
            ("linux", _) => &["EM_AARCH64", "Name: .go.buildinfo"],
            ("windows", "amd64") => {
                &["IMAGE_FILE_MACHINE_AMD64", "Name: kernel32.dll", "Symbol: WriteFile", "Type: DIR64"]
            }
            ("windows", _) => {
                &["IMAGE_FILE_MACHINE_ARM64", "Name: kernel32.dll", "Symbol: WriteFile", "Type: DIR64"]
            }
            (_, "amd64") => {
                &["X86_64", "LC_MAIN", "__go_buildinfo", "libSystem        _write", "__data             0x"]
            }
            _ => &["ARM64", "LC_MAIN", "__go_buildinfo", "libSystem        _write", "__data             0x"],
        };
        for m in marks {
            assert!(text.contains(m), "{target}: no {m:?} in {text}");
        }
        let o = Command::new("llvm-objdump")
            .args(["-d", "--no-show-raw-insn"])
            .arg(&path)
            .output()
            .expect("llvm-objdump");
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success() && text.contains("<main.main>:"),
            "{target}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        // Every instruction decodes; the build ID at the start of PE and Mach-O text
        // (the `go:buildid` symbol, as in Go's binaries) is data.
        let mut in_build_id = false;
        let bad: Vec<&str> = text
            .lines()
            .filter(|l| {
                if l.ends_with(">:") {
                    in_build_id = l.ends_with("<go:buildid>:");
                }
                !in_build_id && (l.contains("<unknown>") || l.contains("(bad)"))
            })
            .take(5)
            .collect();
        assert!(bad.is_empty(), "{target}: undecodable instructions: {bad:?}");
    }
    if let Some(goroot) = go_root() {
        let o = Command::new(goroot.join("bin/go"))
            .arg("run")
            .arg(repo_root().join("testdata/tools/machocheck.go"))
            .args(&machos)
            .env_remove("GOOS")
            .env_remove("GOARCH")
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "")
            .output()
            .expect("go run machocheck.go");
        let text = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{text}");
        let commands = "ok LC_SEGMENT_64(__PAGEZERO) LC_SEGMENT_64(__TEXT) LC_SEGMENT_64(__DATA) LC_SEGMENT_64(__LINKEDIT) \
            LC_BUILD_VERSION LC_MAIN LC_DYLD_INFO_ONLY LC_SYMTAB LC_DYSYMTAB LC_LOAD_DYLINKER(/usr/lib/dyld) \
            LC_LOAD_DYLIB(/usr/lib/libSystem.B.dylib) LC_UUID LC_CODE_SIGNATURE";
        assert_eq!(text.lines().filter(|l| l.ends_with(commands)).count(), 2, "{text}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// The port `goos/goarch` of target's table.
fn port(goos: &str, goarch: &str) -> &'static target::Port {
    target::port(goos, goarch).expect("a Go port")
}

/// A build through the cache — the standard library's objects and the type
/// world of the packages before main taken from a store the earlier programs
/// filled — gives the bytes a build without a cache gives, for every corpus
/// program; a second build of the same program runs no action.
#[test]
fn cached_builds_equal_uncached_ones() {
    let mut names: Vec<String> = std::fs::read_dir(repo_root().join("testdata/programs"))
        .expect("corpus")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".go").map(str::to_owned))
        .collect();
    names.sort();
    if let Ok(list) = std::env::var("CROSSPLAY_PROGRAMS")
        && !list.is_empty()
        && list != "all"
    {
        names.retain(|n| list.split(',').any(|l| l == n));
    }
    let mut store = cache::MemStore::new();
    let mut failures = Vec::new();
    for name in &names {
        let src = std::fs::read(repo_root().join(format!("testdata/programs/{name}.go"))).expect("program");
        let sources = [driver::Source { name: format!("./{name}.go"), text: src }];
        let cfg = driver::Config::new(port("linux", "amd64"));
        let plain = driver::build(&cfg, &sources);
        for round in 0..2 {
            let mut caching = driver::Caching {
                store: &mut store,
                output: name.clone(),
                force: false,
                dry_run: false,
                actions: vec![],
            };
            let cached = driver::build_with(&cfg, &sources, Some(&mut caching));
            if cached != plain {
                failures.push(format!("{name}: round {round}: the cached build differs"));
            }
            if round == 1 && caching.actions.iter().any(|a| !a.hit) {
                failures.push(format!("{name}: a second build ran {:?}", caching.actions));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
