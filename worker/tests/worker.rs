//! The worker's logic, natively: what the page gets for the example module.

use protocol::{File, Request, Response, Settings};
use worker::Worker;

fn example() -> Vec<File> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/hello");
    let mut files: Vec<File> = std::fs::read_dir(&dir)
        .expect("examples/hello")
        .map(|e| {
            let e = e.expect("entry");
            File {
                name: e.file_name().to_string_lossy().into_owned(),
                text: std::fs::read_to_string(e.path()).expect("read"),
            }
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    files
}

fn settings(goos: &str, goarch: &str) -> Settings {
    Settings { goos: goos.into(), goarch: goarch.into(), ..Settings::default() }
}

fn build(w: &mut Worker, files: &[File], s: Settings) -> protocol::Built {
    match w.handle(Request::Build { id: 7, files: files.to_vec(), settings: s }) {
        Response::Built(b) => *b,
        other => panic!("not a build: {other:?}"),
    }
}

#[test]
fn ready_lists_every_port_and_sub_architecture_variable() {
    let Response::Ready { toolchain, ports, subarch, settings: start, .. } = Worker::new().ready() else {
        panic!("not ready")
    };
    // The page starts on a port it can run.
    assert_eq!((start.goos.as_str(), start.goarch.as_str(), start.buildvcs.as_str()), ("js", "wasm", "auto"));
    assert!(toolchain.contains("go1.27.3"));
    assert_eq!(ports.len(), target::ports::listed(false).count());
    assert!(ports.iter().any(|p| p.goos == "linux" && p.goarch == "amd64" && p.first_class));
    assert!(ports.iter().any(|p| p.goos == "js" && p.goarch == "wasm" && p.buildable && !p.first_class));
    assert!(ports.iter().any(|p| p.goos == "linux" && p.goarch == "amd64" && p.buildable && p.first_class));
    assert!(ports.iter().any(|p| p.goos == "windows" && p.goarch == "amd64" && p.buildable));
    assert!(ports.iter().any(|p| p.goos == "freebsd" && p.goarch == "amd64" && !p.buildable));
    let amd64 = subarch.iter().find(|s| s.name == "GOAMD64").expect("GOAMD64");
    assert_eq!((amd64.goarch.as_str(), amd64.default.as_str()), ("amd64", "v1"));
    assert_eq!(amd64.values, ["v1", "v2", "v3", "v4"]);
}

#[test]
fn check_reports_gos_errors() {
    let mut w = Worker::new();
    let check = |w: &mut Worker, s: Settings| match w.handle(Request::Check { id: 1, settings: s }) {
        Response::Checked { error, .. } => error,
        other => panic!("{other:?}"),
    };
    assert_eq!(check(&mut w, settings("linux", "amd64")), None);
    // As in go1.27.3, a bad GOAMD64 is overwritten by later checks and passes; a
    // bad GOWASM is reported.
    let v9 = Settings { subarch: "v9".into(), ..settings("linux", "amd64") };
    assert_eq!(check(&mut w, v9), None);
    let bad = Settings { subarch: "bad".into(), ..settings("js", "wasm") };
    assert_eq!(check(&mut w, bad).as_deref(), Some("go: invalid GOWASM: no such feature \"bad\""));
    assert_eq!(
        check(&mut w, settings("windows", "mips")).as_deref(),
        Some("go: unsupported GOOS/GOARCH pair windows/mips")
    );
    assert_eq!(
        check(&mut w, settings("ios", "arm64")).as_deref(),
        Some("ios/arm64 requires external (cgo) linking, but cgo is not enabled")
    );
}

#[test]
fn grid_explains_each_file_for_each_port() {
    let mut w = Worker::new();
    let Response::Grid(g) =
        w.handle(Request::Grid { id: 3, files: example(), settings: Settings::default() })
    else {
        panic!("not a grid")
    };
    assert_eq!(g.error, None);
    assert_eq!(g.files, ["gen.go", "hello_linux.go", "hello_unix.go", "hello_windows.go", "main.go"]);
    assert_eq!(g.targets.len(), target::ports::listed(false).count());
    let cell = |file: &str, target: &str| {
        let f = g.files.iter().position(|n| n == file).expect("file");
        let t = g.targets.iter().position(|n| n == target).expect("target");
        &g.cells[f * g.targets.len() + t]
    };
    assert!(cell("main.go", "js/wasm").built);
    assert!(!cell("gen.go", "linux/amd64").built);
    assert!(
        cell("gen.go", "linux/amd64").why.iter().any(|l| l.contains("ignore")),
        "{:?}",
        cell("gen.go", "linux/amd64").why
    );
    assert!(cell("hello_linux.go", "android/arm64").built);
    assert!(!cell("hello_linux.go", "windows/amd64").built);
    assert!(cell("hello_unix.go", "darwin/arm64").built);
    assert!(!cell("hello_unix.go", "android/arm64").built);
    assert!(!cell("hello_unix.go", "linux/amd64").built);
    assert!(!cell("hello_unix.go", "js/wasm").built);
    let why = cell("hello_unix.go", "freebsd/amd64").why.join("\n");
    assert!(why.contains("unix") && why.contains("linux"), "{why}");
}

#[test]
fn builds_hit_the_cache_per_target() {
    let mut w = Worker::new();
    let files = example();
    let a = build(&mut w, &files, settings("js", "wasm"));
    assert_eq!(a.errors, Vec::<String>::new());
    assert_eq!((a.name.as_str(), a.format.as_str(), a.runnable), ("hello", "Wasm", true));
    let bin = a.binary.clone().expect("binary");
    assert_eq!(&bin[..4], b"\0asm");
    assert_eq!(a.sha256, base::sha256::hex(&base::sha256::sha256(&bin)));
    assert!(a.actions.iter().all(|x| !x.hit));
    // One action per package compiled, then the link.
    assert!(a.actions.iter().any(|x| x.text == "compile -p runtime"), "{:?}", a.actions);
    assert!(a.actions.iter().any(|x| x.text == "compile -p example.com/hello"), "{:?}", a.actions);
    assert_eq!(a.actions.last().map(|x| x.text.as_str()), Some("link -o hello"));
    assert!(a.sections.iter().any(|(n, _)| n == "code"));
    let b = build(&mut w, &files, settings("wasip1", "wasm"));
    assert!(b.runnable);
    assert!(b.actions.iter().all(|x| !x.hit));
    assert_ne!(a.sha256, b.sha256);
    // A → B → A: the first target's entries are still there: every action hits.
    let again = build(&mut w, &files, settings("js", "wasm"));
    assert!(again.actions.iter().all(|x| x.hit), "{:?}", again.actions);
    assert_eq!(again.sha256, a.sha256);
    assert_eq!(again.binary, a.binary);
    let targets: Vec<&str> = again.cache.targets.iter().map(|t| t.target.as_str()).collect();
    assert_eq!(targets, ["js/wasm", "wasip1/wasm"]);
    // An edit of main.go: only main's compile and the link run.
    let mut edited = files.clone();
    let main = edited.iter_mut().find(|f| f.name == "main.go").expect("main.go");
    main.text = main.text.replace("Hello from", "Hi from");
    let e = build(&mut w, &edited, settings("js", "wasm"));
    let missed: Vec<&str> = e.actions.iter().filter(|x| !x.hit).map(|x| x.text.as_str()).collect();
    assert_eq!(missed, ["compile -p example.com/hello", "link -o hello"], "{:?}", e.actions);
    // The same configuration gives the same bytes as the CLI's pipeline.
    let tree = load::Tree {
        root: "/x".into(),
        files: files.iter().map(|f| (f.name.clone(), f.text.clone().into_bytes())).collect(),
    };
    let module =
        load::parse_go_mod("go.mod", &files.iter().find(|f| f.name == "go.mod").expect("go.mod").text)
            .expect("go.mod");
    let env = target::GoEnv::new(
        target::EnvLayers::from_process([("GOOS", "js"), ("GOARCH", "wasm")]),
        target::Host::LINUX_AMD64,
        &|_| false,
    );
    let ctx = target::Context::for_command(&env, None).expect("ctx");
    let loader = load::Loader { tree: &tree, module: &module, ctx: &ctx, cwd: "", goroot: "/g" };
    let pkg = driver::main_package(&loader, ".").expect("main package");
    let mut cfg = driver::Config::new(port("js", "wasm"));
    // What the binary records reaches runtime/debug.ReadBuildInfo, as in the CLI.
    cfg.build_info = Some(driver::build_info(
        &pkg.import_path,
        pkg.module.as_deref(),
        &ctx,
        &env,
        Some(""),
        false,
        &pkg.default_godebug,
    ));
    assert_eq!(driver::build(&cfg, &pkg.sources).expect("build"), bin);
    assert_ne!(driver::build(&driver::Config::new(port("js", "wasm")), &pkg.sources).expect("build"), bin);
    // linux/amd64: an ELF executable with its sections.
    let elf = build(&mut w, &files, settings("linux", "amd64"));
    assert_eq!((elf.name.as_str(), elf.format.as_str(), elf.errors.len()), ("hello", "ELF", 0));
    assert!(!elf.runnable);
    let names: Vec<&str> = elf.sections.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            ".note.go.buildid",
            ".note.gnu.build-id",
            ".text",
            ".go.buildinfo",
            ".data",
            ".bss",
            ".symtab",
            ".strtab",
            ".shstrtab"
        ]
    );
    assert_eq!(
        elf.build_info,
        "hello: go1.27.3\n\tpath\texample.com/hello\n\tmod\texample.com/hello\t(devel)\t\n\tbuild\t-buildmode=exe\n\tbuild\t-compiler=gc\n\tbuild\tCGO_ENABLED=0\n\tbuild\tGOARCH=amd64\n\tbuild\tGOOS=linux\n\tbuild\tGOAMD64=v1\n"
    );
    // windows/arm64: a PE image; darwin/arm64: a Mach-O file.
    let pe = build(&mut w, &files, settings("windows", "arm64"));
    assert_eq!((pe.name.as_str(), pe.format.as_str(), pe.errors.len()), ("hello.exe", "PE", 0));
    let names: Vec<&str> = pe.sections.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, [".text", ".data", ".idata", ".reloc"]);
    let macho = build(&mut w, &files, settings("darwin", "arm64"));
    assert_eq!((macho.name.as_str(), macho.format.as_str(), macho.errors.len()), ("hello", "Mach-O", 0));
    let names: Vec<&str> = macho.sections.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["__text", "__go_buildinfo", "__data", "__got", "__bss"]);
    assert!(
        macho.build_info.contains("\tbuild\tGOOS=darwin\n\tbuild\tGOARM64=v8.0\n"),
        "{}",
        macho.build_info
    );
    // Each shows the build ID it carries: Go's four parts, the last the content ID.
    for b in [&elf, &pe, &macho] {
        let parts: Vec<&str> = b.build_id.split('/').collect();
        assert!(
            parts.len() == 4 && parts.iter().all(|p| p.len() == 20) && parts[0] != parts[3],
            "{}",
            b.build_id
        );
    }
    assert_ne!(elf.build_id, pe.build_id);
    // -o names the output; windows adds .exe; a cleared cache misses.
    let named = build(&mut w, &files, Settings { output: "app.wasm".into(), ..settings("js", "wasm") });
    assert_eq!(named.name, "app.wasm");
    // Clearing one target keeps the others'; clearing all empties it.
    let Response::Cache { stats, .. } =
        w.handle(Request::ClearCache { id: 8, target: Some("linux/amd64".into()) })
    else {
        panic!()
    };
    assert!(stats.entries > 0 && stats.targets.iter().all(|t| t.target != "linux/amd64"), "{stats:?}");
    assert!(stats.targets.iter().any(|t| t.target == "js/wasm"), "{stats:?}");
    let Response::Cache { stats, .. } = w.handle(Request::ClearCache { id: 9, target: None }) else {
        panic!()
    };
    assert_eq!((stats.entries, stats.targets.len()), (0, 0));
    assert!(build(&mut w, &files, settings("js", "wasm")).actions.iter().all(|x| !x.hit));
}

#[test]
fn build_errors_come_with_positions() {
    let mut w = Worker::new();
    let mut files = example();
    let main = files.iter_mut().find(|f| f.name == "main.go").expect("main.go");
    main.text = main.text.replace("fmt.Println(note)", "fmt.Println(nope)");
    let b = build(&mut w, &files, settings("wasip1", "wasm"));
    assert_eq!(b.binary, None);
    // The package's import path heads its errors, as `go build .` prints them.
    assert_eq!(b.errors, ["# example.com/hello", "./main.go:15:14: undefined: nope"]);
    assert_eq!(b.diagnostics.len(), 1);
    let d = &b.diagnostics[0];
    assert_eq!((d.file.as_str(), d.line, d.col, d.message.as_str()), ("main.go", 15, 14, "undefined: nope"));
    // A target crossplay cannot build yet says so; a bad setting gives Go's error.
    let native = build(&mut w, &files, settings("freebsd", "amd64"));
    assert_eq!(native.errors, ["crossplay does not support building for freebsd/amd64 yet"]);
    let bad = build(&mut w, &files, Settings { subarch: "v7".into(), ..settings("linux", "arm64") });
    assert_eq!(
        bad.errors,
        [
            "go: invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may optionally end in \",lse\" and/or \",crypto\""
        ]
    );
    // -buildvcs (a share link may carry any value): Go's error for a bad one, while
    // true and false build, as Go does for a module outside any repository.
    let vcs = build(&mut w, &files, Settings { buildvcs: "maybe".into(), ..settings("js", "wasm") });
    assert_eq!(
        vcs.errors,
        ["invalid boolean value \"maybe\" for -buildvcs: value is neither 'auto' nor a valid bool"]
    );
    for v in ["true", "false"] {
        let b = build(&mut w, &example(), Settings { buildvcs: v.into(), ..settings("js", "wasm") });
        assert_eq!(b.errors, Vec::<String>::new(), "-buildvcs={v}");
    }
    // -ldflags as the linker reads them, with Go's errors; -H windowsgui makes a GUI
    // application, as `go version -m` would say.
    let ld = |flags: &str, goos: &str, goarch: &str| {
        build(&mut Worker::new(), &example(), Settings { ldflags: flags.into(), ..settings(goos, goarch) })
    };
    assert_eq!(
        ld("-linkmode=external", "linux", "amd64").errors,
        ["-linkmode=external requires external (cgo) linking, but cgo is not enabled"]
    );
    assert_eq!(
        ld("-B zz", "js", "wasm").errors,
        ["# example.com/hello", "-B argument must start with 0x: zz"]
    );
    assert_eq!(
        ld("-bogus", "linux", "arm64").errors,
        ["# example.com/hello", "flag provided but not defined: -bogus", "usage: link [options] main.o"]
    );
    let gui = ld("-H windowsgui", "windows", "amd64");
    let pe = gui.binary.as_deref().expect("a PE");
    let at = u32::from_le_bytes(pe[0x3c..0x40].try_into().expect("e_lfanew")) as usize + 24 + 68;
    assert_eq!(u16::from_le_bytes([pe[at], pe[at + 1]]), 2, "IMAGE_SUBSYSTEM_WINDOWS_GUI");
    assert!(gui.build_info.contains("build\t-ldflags=\"-H windowsgui\"\n"), "{}", gui.build_info);
    // go.mod's godebug lines are checked as Go's module loading checks them.
    let mut bad_mod = example();
    let m = bad_mod.iter_mut().find(|f| f.name == "go.mod").expect("go.mod");
    let line = m.text.lines().count() + 1;
    m.text.push_str("godebug nosuch=1\n");
    let b = build(&mut w, &bad_mod, settings("js", "wasm"));
    assert_eq!(
        b.errors,
        ["go: error loading go.mod:".to_owned(), format!("go.mod:{line}: unknown godebug \"nosuch\"")]
    );
    let no_mod: Vec<File> = files.iter().filter(|f| f.name != "go.mod").cloned().collect();
    assert!(build(&mut w, &no_mod, settings("js", "wasm")).errors[0].contains("go.mod file not found"));
}

/// The page's files may hold the module's other packages in directories; the main
/// package imports them, their errors come with positions in their files, and a
/// change to one of them recompiles it and what imports it, not the standard
/// library.
#[test]
fn module_packages_build_and_report_errors() {
    let mut w = Worker::new();
    let mut files = example();
    let main = files.iter_mut().find(|f| f.name == "main.go").expect("main.go");
    main.text = main.text.replacen("import (", "import (\n\t\"example.com/hello/greet\"", 1);
    main.text = main.text.replace("fmt.Println(note)", "fmt.Println(note, greet.Word)");
    files.push(File { name: "greet/greet.go".into(), text: "package greet\n\nvar Word = \"hi\"\n".into() });
    let a = build(&mut w, &files, settings("wasip1", "wasm"));
    assert_eq!(a.errors, Vec::<String>::new());
    assert!(a.binary.is_some());
    let greet = files.iter_mut().find(|f| f.name == "greet/greet.go").expect("greet.go");
    greet.text = "package greet\n\nvar Word = \"hello\"\n".into();
    let b = build(&mut w, &files, settings("wasip1", "wasm"));
    let missed: Vec<&str> = b.actions.iter().filter(|x| !x.hit).map(|x| x.text.as_str()).collect();
    assert_eq!(
        missed,
        ["compile -p example.com/hello/greet", "compile -p example.com/hello", "link -o hello"]
    );
    assert_ne!(a.sha256, b.sha256);
    let greet = files.iter_mut().find(|f| f.name == "greet/greet.go").expect("greet.go");
    greet.text = "package greet\n\nvar Word = missing\n".into();
    let c = build(&mut w, &files, settings("wasip1", "wasm"));
    assert_eq!(c.errors, ["# example.com/hello/greet", "greet/greet.go:3:12: undefined: missing"]);
    let d = &c.diagnostics[0];
    assert_eq!((d.file.as_str(), d.line, d.col), ("greet/greet.go", 3, 12));
}

#[test]
fn the_cache_verifies_restores_and_evicts() {
    use worker::cache::{Cache, StoreOp, Stored};
    let key = |c: char| c.to_string().repeat(64);
    let mut c = Cache::with_cap(10);
    c.put(&key('a'), "js/wasm", vec![1; 4]);
    c.put(&key('b'), "js/wasm", vec![2; 4]);
    let ops = c.take_ops();
    assert_eq!(ops.len(), 2);
    let StoreOp::Put(a) = &ops[0] else { panic!("{ops:?}") };
    assert_eq!(a.sha256, base::sha256::hex(&base::sha256::sha256(&[1; 4])));
    // Using a makes b the least recently used; a third entry evicts b.
    assert_eq!(c.get(&key('a')), Some(vec![1; 4]));
    c.put(&key('c'), "wasip1/wasm", vec![3; 4]);
    assert_eq!(c.get(&key('b')), None);
    assert_eq!(c.stats().entries, 2);
    assert_eq!(c.stats().evicted, 1);
    let per_target: Vec<(String, u32)> =
        c.stats().targets.into_iter().map(|t| (t.target, t.entries)).collect();
    assert_eq!(per_target, [("js/wasm".to_string(), 1), ("wasip1/wasm".to_string(), 1)]);
    assert!(c.take_ops().contains(&StoreOp::Delete { key: key('b') }));

    // What the store held comes back; a tampered entry or key is dropped and deleted.
    let good = Stored {
        key: key('d'),
        sha256: base::sha256::hex(&base::sha256::sha256(b"wasm")),
        target: "js/wasm".into(),
        bytes: b"wasm".to_vec(),
        used: 41,
    };
    let tampered = Stored { bytes: b"wasp".to_vec(), key: key('e'), ..good.clone() };
    let bad_key = Stored { key: "<script>".into(), ..good.clone() };
    let mut r = Cache::default();
    r.restore(vec![good.clone(), tampered, bad_key]);
    assert_eq!((r.stats().entries, r.stats().corrupt), (1, 2));
    assert_eq!(r.take_ops(), [StoreOp::Delete { key: key('e') }, StoreOp::Delete { key: "<script>".into() }]);
    assert_eq!(r.get(&key('d')), Some(b"wasm".to_vec()));
    // The clock goes on from the newest restored use.
    assert_eq!(r.take_ops(), [StoreOp::Touch { key: key('d'), used: 43 }]);
    r.clear();
    assert_eq!(r.take_ops(), [StoreOp::Clear]);
    assert_eq!(r.stats().entries, 0);
}

#[test]
fn share_links_round_trip_and_reject_hostile_input() {
    use worker::share;
    let mut w = Worker::new();
    let files = example();
    let s = Settings {
        tags: "netgo,x".into(),
        ldflags: "-s -X main.v=1".into(),
        trimpath: true,
        ..settings("wasip1", "wasm")
    };
    let Response::Shared { fragment, .. } =
        w.handle(Request::Share { id: 1, files: files.clone(), settings: s.clone() })
    else {
        panic!()
    };
    assert!(fragment.starts_with("x=") && fragment.len() < 2000, "{}", fragment.len());
    let Response::Opened { files: f2, settings: s2, warning, .. } =
        w.handle(Request::Open { id: 2, fragment: format!("#{fragment}") })
    else {
        panic!()
    };
    assert_eq!((f2, s2, warning), (files.clone(), s.clone(), None));
    // The same build from the link.
    let a = build(&mut w, &files, s.clone());
    let b = build(&mut Worker::new(), &share::decode(&fragment).expect("decode").files, s);
    assert_eq!(a.sha256, b.sha256);

    // Hostile fragments: errors, not panics.
    let evil = |files: Vec<File>| share::encode(&files, &settings("js", "wasm"), "t");
    let cases: Vec<(String, &str)> = vec![
        ("x=@@@".into(), "not base64url"),
        ("y=abc".into(), "not a crossplay share link"),
        (format!("x={}", share::base64url(b"not deflate at all")), "not compressed data"),
        (format!("x={}", "A".repeat(share::MAX_FRAGMENT)), "too long"),
        (
            format!(
                "x={}",
                share::base64url(&miniz_oxide::deflate::compress_to_vec(
                    &vec![b'a'; share::MAX_ARCHIVE + 1],
                    9
                ))
            ),
            "expands to more than",
        ),
        (evil(vec![File { name: "../etc/passwd".into(), text: String::new() }]), "invalid file name"),
        (evil(vec![File { name: "a\u{1}.go".into(), text: String::new() }]), "invalid file name"),
        (evil(vec![File { name: "a.go".into(), text: String::new() }; 2]), "duplicate file"),
        (
            format!(
                "x={}",
                share::base64url(&miniz_oxide::deflate::compress_to_vec(
                    b"crossplay share v1\nGOOS=plan10\nGOARCH=wasm\n",
                    9
                ))
            ),
            "unknown target",
        ),
    ];
    for (frag, want) in cases {
        match w.handle(Request::Open { id: 3, fragment: frag.clone() }) {
            Response::Error { message, .. } => assert!(message.contains(want), "{message} / {want}"),
            other => panic!("{want}: {other:?}"),
        }
    }
    // A <script> file name is just a name.
    let Response::Opened { files, .. } = w.handle(Request::Open {
        id: 4,
        fragment: evil(vec![File { name: "<script>alert(1)</script>.go".into(), text: "x".into() }]),
    }) else {
        panic!()
    };
    assert_eq!(files[0].name, "<script>alert(1)</script>.go");
}

#[test]
fn txtar_exports_and_imports() {
    let mut w = Worker::new();
    let files = vec![
        File { name: "go.mod".into(), text: "module m\n".into() },
        File { name: "a.go".into(), text: "package main".into() },
    ];
    let Response::Txtar { text, .. } = w.handle(Request::ExportTxtar { id: 1, files: files.clone() }) else {
        panic!()
    };
    assert_eq!(text, "-- go.mod --\nmodule m\n-- a.go --\npackage main\n");
    let Response::Imported { files: back, .. } =
        w.handle(Request::ImportTxtar { id: 2, text: format!("a comment\n{text}") })
    else {
        panic!()
    };
    assert_eq!(back[1].text, "package main\n");
    assert_eq!(back[0], files[0]);
    let Response::Error { message, .. } =
        w.handle(Request::ImportTxtar { id: 3, text: "no files here\n".into() })
    else {
        panic!()
    };
    assert_eq!(message, "the archive has no files");
}

#[test]
fn build_all_gives_a_row_per_port_and_a_zip_with_sums() {
    let mut w = Worker::new();
    let Response::BuiltAll(all) =
        w.handle(Request::BuildAll { id: 5, files: example(), settings: Settings::default() })
    else {
        panic!()
    };
    assert_eq!(all.rows.len(), target::ports::listed(false).count());
    let row = |t: &str| all.rows.iter().find(|r| r.target == t).expect(t);
    assert_eq!((row("js/wasm").status.as_str(), row("js/wasm").name.as_str()), ("ok", "hello"));
    assert_eq!(row("wasip1/wasm").status, "ok");
    assert_eq!(row("linux/amd64").status, "ok");
    assert_eq!(row("linux/arm64").status, "ok");
    for t in ["windows/amd64", "windows/arm64", "darwin/amd64", "darwin/arm64"] {
        assert_eq!(row(t).status, "ok", "{t}");
    }
    assert_eq!(row("windows/amd64").name, "hello.exe");
    assert_eq!(row("freebsd/amd64").status, "crossplay does not support building for freebsd/amd64 yet");
    assert_eq!(row("ios/arm64").status, "ios/arm64 requires external (cgo) linking, but cgo is not enabled");
    // The archive is a valid ZIP (checked by Python's zipfile) with the sums.
    let dir = std::env::temp_dir().join(format!("crossplay-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("all.zip");
    std::fs::write(&path, &all.zip).expect("write");
    let script = "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nfor n in z.namelist(): print(n)\nprint(z.read('SHA256SUMS').decode(), end='')";
    let out =
        std::process::Command::new("python3").arg("-c").arg(script).arg(&path).output().expect("python3");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let files = [
        ("darwin/amd64", "darwin_amd64/hello"),
        ("darwin/arm64", "darwin_arm64/hello"),
        ("js/wasm", "js_wasm/hello"),
        ("linux/amd64", "linux_amd64/hello"),
        ("linux/arm64", "linux_arm64/hello"),
        ("wasip1/wasm", "wasip1_wasm/hello"),
        ("windows/amd64", "windows_amd64/hello.exe"),
        ("windows/arm64", "windows_arm64/hello.exe"),
    ];
    let mut want: String = files.iter().map(|(_, f)| format!("{f}\n")).collect();
    want.push_str("SHA256SUMS\n");
    for (t, f) in files {
        want.push_str(&format!("{}  {f}\n", row(t).sha256));
    }
    assert_eq!(text, want);
    std::fs::remove_dir_all(&dir).ok();
    // Again: every built row comes from the cache.
    let Response::BuiltAll(again) =
        w.handle(Request::BuildAll { id: 6, files: example(), settings: Settings::default() })
    else {
        panic!()
    };
    assert_eq!(row("js/wasm").sha256, again.rows.iter().find(|r| r.target == "js/wasm").expect("js").sha256);
    assert!(again.rows.iter().filter(|r| r.size > 0).all(|r| r.status == "cached"));
    assert_eq!(again.zip, all.zip);
}

/// The port `goos/goarch` of target's table.
fn port(goos: &str, goarch: &str) -> &'static target::Port {
    target::port(goos, goarch).expect("a Go port")
}
