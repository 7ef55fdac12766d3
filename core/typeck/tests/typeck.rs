//! The type checker's integration tests: the erroneous-program corpus gets Go's first
//! error (text and position) through parse + branch checks + type check, and real
//! GOROOT packages type-check with no error.

// The corpus walk reports how many programs it compared; that is its output.
#![allow(clippy::print_stderr)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use typeck::{CheckFile, World, check_package, format_errors};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

/// The oracle's GOROOT: `$CROSSPLAY_GO`'s, else `.tools/go`.
fn goroot() -> Option<PathBuf> {
    let go = std::env::var_os("CROSSPLAY_GO")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".tools/go/bin/go"));
    let root = go.parent()?.parent()?.canonicalize().ok()?;
    if root.join("src").is_dir() {
        return Some(root);
    }
    assert!(
        std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"),
        "the Go oracle is missing (scripts/install-oracles.sh installs it)"
    );
    eprintln!("SKIPPED: no Go oracle at {}", go.display());
    None
}

fn linux_amd64() -> target::Context {
    context_for("linux", "amd64")
}

fn context_for(goos: &str, goarch: &str) -> target::Context {
    let vars = [("CGO_ENABLED", "0"), ("GOOS", goos), ("GOARCH", goarch)];
    let env =
        target::GoEnv::new(target::EnvLayers::from_process(vars), target::Host::LINUX_AMD64, &|_| false);
    target::Context::new(&env, vec![])
}

/// The files of directory `dir` (not tests) that `ctx` selects, named `prefix` + name.
fn selected_files(dir: &Path, prefix: &str, ctx: &target::Context) -> Vec<(String, Vec<u8>)> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go") && !n.ends_with("_test.go"))
        .collect();
    names.sort();
    let mut files = Vec::new();
    for n in names {
        let text = std::fs::read(dir.join(&n)).expect("source");
        if buildtags::select(&n, &text, ctx).matched {
            files.push((format!("{prefix}{n}"), text));
        }
    }
    files
}

/// Drops files that import "C": with cgo disabled, go/build leaves them out.
fn without_cgo(parsed: Vec<Parsed>) -> Vec<Parsed> {
    parsed.into_iter().filter(|p| !imports_of(std::slice::from_ref(p)).iter().any(|i| i == "C")).collect()
}

/// The import paths of parsed files, in first-seen order.
fn imports_of(parsed: &[Parsed]) -> Vec<String> {
    let mut imports: Vec<String> = Vec::new();
    for p in parsed {
        for d in &p.ast.decls {
            if let syntax::ast::Decl::Import(imp) = d {
                if let Some(lit) = &imp.path {
                    let s = lit.value.trim_matches('"').to_string();
                    if !imports.contains(&s) {
                        imports.push(s);
                    }
                }
            }
        }
    }
    imports
}

struct Parsed {
    name: String,
    text: Vec<u8>,
    ast: syntax::ast::File,
}

/// Parses `files` (name, text); returns Go's first syntax-phase error if any.
fn parse_all(files: Vec<(String, Vec<u8>)>) -> Result<Vec<Parsed>, String> {
    let mut out = Vec::new();
    let mut first: Option<((usize, u32), String)> = None;
    for (i, (name, text)) in files.into_iter().enumerate() {
        let (ast, mut errors) = syntax::parse_file(&text);
        let shape: String = text.iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }).collect();
        let lines = base::span::LineIndex::new(&shape);
        if let Some(ast) = &ast
            && errors.is_empty()
        {
            let display = if name.contains('/') { name.clone() } else { format!("./{name}") };
            let pos_string = |off: u32| format!("{display}:{}", lines.line_col(off));
            errors.extend(syntax::branches::check_file(ast, &pos_string));
        }
        errors.sort_by_key(|e| e.offset);
        if let Some(e) = errors.first() {
            let key = (i, e.offset);
            if first.as_ref().is_none_or(|(k, _)| key < *k) {
                first = Some((key, format!("{name}:{}: {}", lines.line_col(e.offset), e.message)));
            }
        }
        if let Some(ast) = ast {
            out.push(Parsed { name, text, ast });
        }
    }
    match first {
        Some((_, msg)) => Err(msg),
        None => Ok(out),
    }
}

/// Type-checks GOROOT package `path` and its imports into `w` (linux/amd64 files).
fn check_goroot_package(
    w: &mut World,
    root: &Path,
    path: &str,
    ctx: &target::Context,
    results: &mut HashMap<String, Vec<String>>,
) {
    if path == "unsafe" || path == "C" || w.pkg_by_path.contains_key(path) {
        return;
    }
    let dir = root.join("src").join(path);
    let files = selected_files(&dir, &format!("{path}/"), ctx);
    let parsed = without_cgo(parse_all(files).unwrap_or_else(|e| panic!("{path}: {e}")));
    let imports = imports_of(&parsed);
    for i in imports {
        check_goroot_package(w, root, &i, ctx, results);
    }
    let files: Vec<CheckFile<'_>> =
        parsed.iter().map(|p| CheckFile { name: p.name.clone(), src: &p.text, ast: &p.ast }).collect();
    let errors = check_package(w, path, &files).errors;
    results.insert(path.to_string(), format_errors(w, &errors));
}

/// Programs of the corpus whose first error the go command's loader reports.
const LOAD_STAGE: [&str; 3] = ["syn_import_missing.go", "syn_import_not_string.go", "syn_missing_package.go"];

/// Each corpus program's first error — parse, branch checks, then type check, as the
/// compiler orders them — is `go build`'s first error, text and position.
#[test]
fn go_errors_corpus() {
    let Some(root) = goroot() else { return };
    let ctx = linux_amd64();
    let dir = repo_root().join("testdata/go-errors");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let mut failures = Vec::new();
    let mut compared = 0;
    for want in expected.lines() {
        let name = want.split(':').next().expect("a file name");
        if LOAD_STAGE.contains(&name) {
            continue;
        }
        compared += 1;
        let text = std::fs::read(dir.join(name)).expect("corpus file");
        let got = match parse_all(vec![(name.to_string(), text)]) {
            Err(first) => first,
            Ok(parsed) => {
                let mut w = World::new(8);
                let mut results = HashMap::new();
                for p in &parsed {
                    for d in &p.ast.decls {
                        if let syntax::ast::Decl::Import(imp) = d
                            && let Some(lit) = &imp.path
                        {
                            check_goroot_package(
                                &mut w,
                                &root,
                                lit.value.trim_matches('"'),
                                &ctx,
                                &mut results,
                            );
                        }
                    }
                }
                let files: Vec<CheckFile<'_>> = parsed
                    .iter()
                    .map(|p| CheckFile { name: format!("./{}", p.name), src: &p.text, ast: &p.ast })
                    .collect();
                let errors = check_package(&mut w, "command-line-arguments", &files).errors;
                let lines = format_errors(&w, &errors);
                match lines.first() {
                    Some(l) => l.trim_start_matches("./").lines().next().unwrap_or_default().to_string(),
                    None => "(no error)".into(),
                }
            }
        };
        if got != want {
            failures.push(format!("want {want}\n got {got}"));
        }
    }
    eprintln!("go-errors: {compared} programs compared, {} differ", failures.len());
    assert!(compared >= 150, "the corpus must have at least 150 programs");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// GOROOT packages and everything they import (runtime, reflect, go/types, …:
/// generics, type sets, unsafe, bodyless functions) type-check with no error.
/// `TYPECK_PKGS=a,b` checks other packages instead.
#[test]
fn goroot_packages_check_clean() {
    let Some(root) = goroot() else { return };
    let ctx = linux_amd64();
    let mut w = World::new(8);
    let mut results = HashMap::new();
    for p in std::env::var("TYPECK_PKGS")
        .map(|v| v.split(',').map(String::from).collect::<Vec<_>>())
        .unwrap_or_else(|_| {
            [
                "strings",
                "fmt",
                "sort",
                "strconv",
                "bytes",
                "errors",
                "slices",
                "maps",
                "time",
                "os",
                "bufio",
                "encoding/binary",
                "encoding/json",
                "go/ast",
                "go/parser",
                "go/types",
                "net/url",
                "path/filepath",
                "regexp",
                "text/template",
                "io/fs",
                "math/big",
                "crypto/sha256",
                "container/heap",
                "container/list",
                "container/ring",
                "flag",
                "log",
                "sync",
                "os/exec",
                "compress/gzip",
                "archive/zip",
                "image/png",
                "html/template",
                "unicode/utf16",
            ]
            .map(String::from)
            .to_vec()
        })
    {
        check_goroot_package(&mut w, &root, &p, &ctx, &mut results);
    }
    let mut bad: Vec<String> = results
        .iter()
        .filter(|(_, e)| !e.is_empty())
        .map(|(p, e)| format!("{p}:\n  {}", e.join("\n  ")))
        .collect();
    bad.sort();
    eprintln!("goroot: {} packages type-checked", results.len());
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The example module (`examples/demo`, with `greet`) type-checks clean for several
/// targets, each selecting different files; its std imports come from GOROOT.
#[test]
fn example_module_checks_clean() {
    let Some(root) = goroot() else { return };
    let demo = repo_root().join("examples/demo");
    let mut bad = Vec::new();
    for (goos, goarch, word) in [
        ("linux", "amd64", 8),
        ("windows", "arm64", 8),
        ("darwin", "arm64", 8),
        ("linux", "386", 4),
        ("js", "wasm", 8),
    ] {
        let ctx = context_for(goos, goarch);
        let mut w = World::new(word);
        let mut results = HashMap::new();
        for (dir, path) in
            [(demo.join("greet"), "example.com/demo/greet"), (demo.clone(), "example.com/demo")]
        {
            let files = selected_files(&dir, "./", &ctx);
            let parsed =
                without_cgo(parse_all(files).unwrap_or_else(|e| panic!("{goos}/{goarch} {path}: {e}")));
            for i in imports_of(&parsed) {
                if !i.starts_with("example.com/") {
                    check_goroot_package(&mut w, &root, &i, &ctx, &mut results);
                }
            }
            let files: Vec<CheckFile<'_>> = parsed
                .iter()
                .map(|p| CheckFile { name: p.name.clone(), src: &p.text, ast: &p.ast })
                .collect();
            let errors = check_package(&mut w, path, &files).errors;
            results.insert(path.to_string(), format_errors(&w, &errors));
        }
        for (p, e) in &results {
            if !e.is_empty() {
                bad.push(format!("{goos}/{goarch} {p}:\n  {}", e.join("\n  ")));
            }
        }
        eprintln!("example: {goos}/{goarch}: {} packages type-checked", results.len());
    }
    bad.sort();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// A package with many errors in two files prints what `go build` prints: the first
/// ten errors found, sorted, multi-line messages included, then `too many errors` at
/// the tenth error's position.
#[test]
fn diagnostics_match_go_build() {
    let Some(root) = goroot() else { return };
    let dir = repo_root().join("testdata/go-errors-multi");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("testdata/go-errors-multi")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    let files: Vec<(String, Vec<u8>)> =
        names.iter().map(|n| (n.clone(), std::fs::read(dir.join(n)).expect("source"))).collect();
    let parsed = parse_all(files).expect("the programs parse");
    let mut w = World::new(8);
    let checked: Vec<CheckFile<'_>> = parsed
        .iter()
        .map(|p| CheckFile { name: format!("./{}", p.name), src: &p.text, ast: &p.ast })
        .collect();
    let errors = check_package(&mut w, "command-line-arguments", &checked).errors;
    let got = format_errors(&w, &errors).join("\n");
    let tmp = std::env::temp_dir().join(format!("crossplay-typeck-{}", std::process::id()));
    std::fs::create_dir_all(tmp.join("home")).expect("temp dir");
    let out = std::process::Command::new(root.join("bin/go"))
        .args(["build", "-o", "/dev/null"])
        .args(&names)
        .current_dir(&dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", tmp.join("home"))
        .env("GOCACHE", tmp.join("cache"))
        .env("GOTOOLCHAIN", "local")
        .env("GO111MODULE", "off")
        .env("GOFLAGS", "")
        .env("CGO_ENABLED", "0")
        .output()
        .expect("go build runs");
    let _ = std::fs::remove_dir_all(&tmp);
    let want: Vec<String> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(String::from)
        .collect();
    assert_eq!(got, want.join("\n"));
}

/// Every program of the program corpus (`testdata/programs`, outputs by the real
/// toolchain) type-checks clean. Its std imports come from the oracle's GOROOT until
/// crossplay ships its own standard library.
#[test]
fn program_corpus_checks_clean() {
    let Some(root) = goroot() else { return };
    let ctx = linux_amd64();
    let dir = repo_root().join("testdata/programs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("testdata/programs")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    let mut w = World::new(8);
    let mut results = HashMap::new();
    let mut bad = Vec::new();
    for n in &names {
        let text = std::fs::read(dir.join(n)).expect("program");
        let parsed = match parse_all(vec![(n.clone(), text)]) {
            Ok(p) => p,
            Err(e) => {
                bad.push(e);
                continue;
            }
        };
        for i in imports_of(&parsed) {
            check_goroot_package(&mut w, &root, &i, &ctx, &mut results);
        }
        let files: Vec<CheckFile<'_>> = parsed
            .iter()
            .map(|p| CheckFile { name: format!("./{}", p.name), src: &p.text, ast: &p.ast })
            .collect();
        let errors = check_package(&mut w, &format!("programs/{n}"), &files).errors;
        bad.extend(format_errors(&w, &errors));
    }
    eprintln!("programs: {} type-checked", names.len());
    assert!(names.len() >= 150, "the program corpus must have at least 150 programs");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Every identifier of every program-corpus program is recorded as declaring or
/// denoting an object, and every value expression has a recorded type: what the IR
/// generator relies on.
#[test]
fn info_covers_every_identifier_and_expression() {
    use syntax::ast::{Expr, ExprKind, Stmt, StmtKind};
    let Some(root) = goroot() else { return };
    let ctx = linux_amd64();
    let dir = repo_root().join("testdata/programs");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("testdata/programs")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    let mut w = World::new(8);
    let mut results = HashMap::new();
    let mut missing = Vec::new();
    let (mut idents, mut exprs) = (0, 0);

    struct Walk<'i> {
        info: &'i typeck::Info,
        file: u32,
        name: String,
        missing: &'i mut Vec<String>,
        idents: &'i mut usize,
        exprs: &'i mut usize,
    }
    impl Walk<'_> {
        fn node(&self, e: &Expr) -> typeck::info::NodeId {
            typeck::info::NodeId { file: self.file, lo: e.lo, hi: e.hi }
        }
        fn expr(&mut self, e: &Expr, is_type: bool) {
            let id = self.node(e);
            match &e.kind {
                ExprKind::Name(n) => {
                    *self.idents += 1;
                    if n != "_" && !self.info.uses.contains_key(&id) && !self.info.defs.contains_key(&id) {
                        self.missing.push(format!("{}: identifier {n} at {} has no object", self.name, e.lo));
                    }
                }
                ExprKind::KeyValue { key, value } => {
                    self.expr(key, false);
                    self.expr(value, false);
                    return;
                }
                ExprKind::List(xs) => {
                    for x in xs {
                        self.expr(x, false);
                    }
                    return;
                }
                _ => {}
            }
            if !is_type && !matches!(e.kind, ExprKind::Name(_) | ExprKind::TypeSwitchGuard { .. }) {
                *self.exprs += 1;
                if !self.info.types.contains_key(&id) {
                    self.missing.push(format!("{}: expression at {}..{} has no type", self.name, e.lo, e.hi));
                }
            }
            match &e.kind {
                ExprKind::CompositeLit { ty, elems, .. } => {
                    if let Some(t) = ty {
                        self.expr(t, true);
                    }
                    for x in elems {
                        if let ExprKind::KeyValue { key, value } = &x.kind {
                            // Struct keys are field names, map and array keys values.
                            if !matches!(key.kind, ExprKind::Name(_)) {
                                self.expr(key, false);
                            }
                            self.expr(value, false);
                        } else {
                            self.expr(x, false);
                        }
                    }
                }
                ExprKind::FuncLit { body, .. } => self.stmts(&body.stmts),
                ExprKind::Paren(x) | ExprKind::Assert { x, .. } => self.expr(x, is_type),
                ExprKind::Selector { x, .. } => {
                    if !matches!(x.kind, ExprKind::Name(_)) {
                        self.expr(x, false);
                    }
                }
                ExprKind::Index { x, index } => {
                    self.expr(x, false);
                    self.expr(index, false);
                }
                ExprKind::Slice { x, index, .. } => {
                    self.expr(x, false);
                    for i in index.iter().flatten() {
                        self.expr(i, false);
                    }
                }
                ExprKind::Operation { x, y, .. } => {
                    self.expr(x, is_type);
                    if let Some(y) = y {
                        self.expr(y, false);
                    }
                }
                ExprKind::Call { fun, args, .. } => {
                    if !matches!(fun.kind, ExprKind::Name(_) | ExprKind::Selector { .. }) {
                        self.expr(fun, false);
                    }
                    for a in args {
                        // new(T) and make(T, …) take types.
                        self.expr(
                            a,
                            matches!(
                                a.kind,
                                ExprKind::ArrayType { .. }
                                    | ExprKind::SliceType { .. }
                                    | ExprKind::MapType { .. }
                                    | ExprKind::ChanType { .. }
                                    | ExprKind::StructType { .. }
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
        fn stmts(&mut self, list: &[Stmt]) {
            for s in list {
                self.stmt(s);
            }
        }
        fn stmt(&mut self, s: &Stmt) {
            match &s.kind {
                StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
                StmtKind::Block(b) => self.stmts(&b.stmts),
                StmtKind::Expr(e) => self.expr(e, false),
                StmtKind::Send { chan, value } => {
                    self.expr(chan, false);
                    self.expr(value, false);
                }
                StmtKind::Assign { lhs, rhs, .. } => {
                    self.expr(lhs, false);
                    if let Some(r) = rhs {
                        self.expr(r, false);
                    }
                }
                StmtKind::Call { call, .. } => self.expr(call, false),
                StmtKind::Return(Some(e)) => self.expr(e, false),
                StmtKind::If { init, cond, then, els } => {
                    if let Some(i) = init {
                        self.stmt(i);
                    }
                    if let Some(c) = cond {
                        self.expr(c, false);
                    }
                    self.stmts(&then.stmts);
                    if let Some(e) = els {
                        self.stmt(e);
                    }
                }
                StmtKind::For { init, cond, post, body } => {
                    if let Some(i) = init {
                        self.stmt(i);
                    }
                    if let Some(c) = cond {
                        self.expr(c, false);
                    }
                    if let Some(p) = post {
                        self.stmt(p);
                    }
                    self.stmts(&body.stmts);
                }
                StmtKind::Range { lhs, x, body, .. } => {
                    if let Some(l) = lhs {
                        self.expr(l, false);
                    }
                    self.expr(x, false);
                    self.stmts(&body.stmts);
                }
                StmtKind::Switch { init, tag, body, .. } => {
                    if let Some(i) = init {
                        self.stmt(i);
                    }
                    let type_switch =
                        matches!(tag, Some(Expr { kind: ExprKind::TypeSwitchGuard { .. }, .. }));
                    if let Some(Expr { kind: ExprKind::TypeSwitchGuard { x, .. }, .. }) = tag {
                        self.expr(x, false);
                    } else if let Some(t) = tag {
                        self.expr(t, false);
                    }
                    for c in body {
                        if let Some(cases) = &c.cases {
                            for e in cases.unpack_list() {
                                self.expr(e, type_switch);
                            }
                        }
                        self.stmts(&c.body);
                    }
                }
                _ => {}
            }
        }
    }

    for n in &names {
        let text = std::fs::read(dir.join(n)).expect("program");
        let parsed = parse_all(vec![(n.clone(), text)]).expect("programs parse");
        for i in imports_of(&parsed) {
            check_goroot_package(&mut w, &root, &i, &ctx, &mut results);
        }
        let files: Vec<CheckFile<'_>> = parsed
            .iter()
            .map(|p| CheckFile { name: format!("./{}", p.name), src: &p.text, ast: &p.ast })
            .collect();
        let checked = check_package(&mut w, &format!("info/{n}"), &files);
        let file = w.files.len() as u32 - 1;
        let mut walk = Walk {
            info: &checked.info,
            file,
            name: n.clone(),
            missing: &mut missing,
            idents: &mut idents,
            exprs: &mut exprs,
        };
        for d in &parsed[0].ast.decls {
            if let syntax::ast::Decl::Func(f) = d {
                if let Some(b) = &f.body {
                    walk.stmts(&b.stmts);
                }
            }
        }
    }
    eprintln!("info: {idents} identifiers and {exprs} expressions checked in {} programs", names.len());
    missing.truncate(30);
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// The recorded facts are the right ones: untyped constants take their context's
/// type, selections carry the embedding path and implicit dereference, uses and defs
/// name the right objects, and each type switch clause has its own variable.
#[test]
fn info_records_final_types_and_selections() {
    let src = "package main

type Inner struct{ A, B int }

func (i *Inner) M() int { return i.B }

type Outer struct {
	X int
	*Inner
}

func main() {
	var f float64 = 2
	o := Outer{Inner: &Inner{}}
	println(f, o.B, o.M())
	var v any = o
	switch t := v.(type) {
	case int:
		println(t + 1)
	case string, bool:
		println(t)
	}
}
";
    let parsed = parse_all(vec![("main.go".into(), src.as_bytes().to_vec())]).expect("parses");
    let mut w = World::new(8);
    let files: Vec<CheckFile<'_>> =
        parsed.iter().map(|p| CheckFile { name: "./main.go".into(), src: &p.text, ast: &p.ast }).collect();
    let checked = check_package(&mut w, "main", &files);
    assert!(checked.errors.is_empty(), "{:?}", format_errors(&w, &checked.errors));
    let info = &checked.info;
    let at = |needle: &str, len: usize| {
        let lo = src.find(needle).expect("needle") as u32;
        typeck::info::NodeId { file: 0, lo, hi: lo + len as u32 }
    };
    let ts = |id| w_type(&w, info.types.get(&id).expect("type recorded").ty);
    fn w_type(w: &World, t: typeck::types::TypeId) -> String {
        match w.ty(t) {
            typeck::types::Type::Basic(_, n) => n.to_string(),
            typeck::types::Type::Named(n) => w.obj(n.obj).name.clone(),
            other => format!("{other:?}"),
        }
    }
    // The literal 2 became a float64 constant.
    let two = at("2\n", 1);
    assert_eq!(ts(two), "float64");
    assert!(info.types[&two].value.is_some());
    // o.B goes through the embedded *Inner: index [1, 1], indirect.
    let ob = at("o.B", 3);
    let sel = &info.selections[&ob];
    assert_eq!(
        (sel.kind, sel.index.clone(), sel.indirect),
        (typeck::info::SelectionKind::FieldVal, vec![1, 1], true)
    );
    assert_eq!(ts(ob), "int");
    // o.M is a method value found through the embedded pointer.
    let om = at("o.M", 3);
    let sel = &info.selections[&om];
    assert_eq!((sel.kind, sel.index.clone()), (typeck::info::SelectionKind::MethodVal, vec![1]));
    assert_eq!(w.obj(sel.obj).name, "M");
    // `f` in println(f, …) denotes the variable declared by `var f`.
    let use_f = at("f, o.B", 1);
    let def_f = at("f float64", 1);
    assert_eq!(info.uses[&use_f], info.defs[&def_f]);
    // Two clauses, two implicit variables: int in the first, any in the second.
    let vars: Vec<String> = info.implicits.values().map(|&o| w_type(&w, w.obj(o).ty)).collect();
    assert_eq!(vars.len(), 2);
    assert_eq!(vars[0], "int");
    assert!(vars[1].contains("Interface"), "{vars:?}");
}

/// Deeply nested input is bounded, not a crash: nesting up to the limit checks
/// (on a thread with the large stack crossplay's compiler runs on), and deeper
/// nesting — parentheses, unary operators, operator chains, blocks — is one clear
/// error.
#[test]
fn deep_nesting_is_bounded() {
    let run = || {
        let limit = syntax::parser::MAX_NESTING as usize;
        let cases: Vec<(String, bool)> = vec![
            (format!("{}x{}", "(".repeat(1000), ")".repeat(1000)), true),
            (format!("{}x", "^".repeat(1000)), true),
            (vec!["x"; 3000].join(" + "), true),
            (format!("{}x{}", "(".repeat(limit + 10), ")".repeat(limit + 10)), false),
            (format!("{}x", "- ".repeat(limit * 3)), false),
            (vec!["x"; limit * 3].join(" | "), false),
        ];
        for (expr, ok) in cases {
            let src = format!("package main\n\nfunc main() {{\n\tx := 1\n\t_ = {expr}\n}}\n");
            let (file, errors) = syntax::parse_file(src.as_bytes());
            if ok {
                assert!(errors.is_empty(), "{:?}", errors.first());
                let file = file.expect("parsed");
                let mut w = World::new(8);
                let files = [CheckFile { name: "./main.go".into(), src: src.as_bytes(), ast: &file }];
                let checked = check_package(&mut w, "main", &files);
                assert!(checked.errors.is_empty(), "{:?}", format_errors(&w, &checked.errors));
            } else {
                assert!(
                    errors.iter().any(|e| e.message.contains("nesting too deep")),
                    "{:?}",
                    errors.first()
                );
            }
        }
        let blocks = format!(
            "package main\n\nfunc main() {{\n{}{}\n}}\n",
            "{".repeat(limit + 5),
            "}".repeat(limit + 5)
        );
        let (_, errors) = syntax::parse_file(blocks.as_bytes());
        assert!(errors.iter().any(|e| e.message.contains("nesting too deep")));
    };
    std::thread::Builder::new().stack_size(512 << 20).spawn(run).expect("thread").join().expect("no panic");
}
