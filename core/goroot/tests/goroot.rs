//! The standard library's tests: the embedded file list is the directory; every
//! package type-checks clean with crossplay's checker for several targets, its
//! imports resolved inside crossplay's std only; and each package behaves like Go's
//! own under differential programs (`testdata/stdcheck`) run by the real toolchain.

// The checks report what they ran; that is their output.
#![allow(clippy::print_stderr)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repository root")
}

fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.filter_map(Result::ok) {
        let p = e.path();
        if p.is_dir() {
            walk(&p, base, out);
        } else if let Ok(rel) = p.strip_prefix(base) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

#[test]
fn embedded_files_are_the_directory() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut on_disk = Vec::new();
    walk(&src, &src, &mut on_disk);
    on_disk.retain(|p| p != "lib.rs");
    on_disk.sort();
    let mut embedded: Vec<String> = goroot::FILES.iter().map(|&(p, _)| p.to_string()).collect();
    embedded.sort();
    assert_eq!(embedded, on_disk, "update goroot::FILES in core/goroot/src/lib.rs");
    for &(p, contents) in goroot::FILES {
        assert_eq!(std::fs::read(src.join(p)).expect("file"), contents, "{p}");
    }
}

fn context_for(goos: &str, goarch: &str) -> target::Context {
    let vars = [("CGO_ENABLED", "0"), ("GOOS", goos), ("GOARCH", goarch)];
    let env =
        target::GoEnv::new(target::EnvLayers::from_process(vars), target::Host::LINUX_AMD64, &|_| false);
    target::Context::new(&env, vec![])
}

struct Parsed {
    name: String,
    src: &'static [u8],
    ast: syntax::ast::File,
}

/// Type-checks std package `path` after its imports; returns its formatted errors.
fn check(w: &mut typeck::World, path: &str, ctx: &target::Context, done: &mut HashMap<String, Vec<String>>) {
    if path == "unsafe" || w.pkg_by_path.contains_key(path) {
        return;
    }
    assert!(goroot::has_package(path), "crossplay's std has no package {path}");
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for (name, src) in goroot::package(path) {
        if name.ends_with("_test.go") || !buildtags::select(name, src, ctx).matched {
            continue;
        }
        let (ast, errs) = syntax::parse_file(src);
        let shape: String = src.iter().map(|&b| if b == b'\n' { '\n' } else { ' ' }).collect();
        let lines = base::span::LineIndex::new(&shape);
        errors.extend(
            errs.iter().map(|e| format!("{path}/{name}:{}: {}", lines.line_col(e.offset), e.message)),
        );
        if let Some(ast) = ast {
            parsed.push(Parsed { name: format!("{path}/{name}"), src, ast });
        }
    }
    let mut imports = Vec::new();
    for p in &parsed {
        for d in &p.ast.decls {
            if let syntax::ast::Decl::Import(imp) = d {
                if let Some(lit) = &imp.path {
                    imports.push(lit.value.trim_matches('"').to_string());
                }
            }
        }
    }
    for i in imports {
        check(w, &i, ctx, done);
    }
    let files: Vec<typeck::CheckFile<'_>> =
        parsed.iter().map(|p| typeck::CheckFile { name: p.name.clone(), src: p.src, ast: &p.ast }).collect();
    let type_errors = typeck::check_package(w, path, &files).errors;
    errors.extend(typeck::format_errors(w, &type_errors));
    done.insert(path.to_string(), errors);
}

#[test]
fn std_type_checks_clean() {
    let mut bad = Vec::new();
    let targets = [
        ("linux", "amd64", 8),
        ("windows", "arm64", 8),
        ("js", "wasm", 8),
        ("wasip1", "wasm", 8),
        ("linux", "386", 4),
    ];
    for (goos, goarch, word) in targets {
        let ctx = context_for(goos, goarch);
        let mut w = typeck::World::new(word);
        let mut done = HashMap::new();
        for p in goroot::packages() {
            check(&mut w, p, &ctx, &mut done);
        }
        for (p, e) in &done {
            if !e.is_empty() {
                bad.push(format!("{goos}/{goarch} {p}:\n  {}", e.join("\n  ")));
            }
        }
        eprintln!("std: {goos}/{goarch}: {} packages type-checked", done.len());
    }
    bad.sort();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The oracle's `go` command: `$CROSSPLAY_GO`, else `.tools/go/bin/go`.
fn go() -> Option<PathBuf> {
    let go = std::env::var_os("CROSSPLAY_GO")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".tools/go/bin/go"));
    if go.is_file() {
        return Some(go);
    }
    assert!(
        std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"),
        "the Go oracle is missing (scripts/install-oracles.sh installs it)"
    );
    eprintln!("SKIPPED: no Go oracle at {}", go.display());
    None
}

/// Each `testdata/stdcheck/NAME.go` compares crossplay's packages (imported as
/// `crossplaystd/...`) with Go's own over many inputs, built and run by the real
/// toolchain; it prints its count and must report no failure.
#[test]
fn std_matches_go() {
    let Some(go) = go() else { return };
    let tmp = std::env::temp_dir().join(format!("crossplay-stdcheck-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    for &(p, contents) in goroot::FILES {
        let dst = tmp.join("src/crossplaystd").join(p);
        std::fs::create_dir_all(dst.parent().expect("dir")).expect("mkdir");
        // crossplay's packages import each other by std path; under GOPATH they are
        // crossplaystd/<path>.
        let mut text = String::from_utf8(contents.to_vec()).expect("std sources are UTF-8");
        for pkg in goroot::packages() {
            text = text.replace(&format!("\"{pkg}\""), &format!("\"crossplaystd/{pkg}\""));
        }
        std::fs::write(dst, text).expect("write");
    }
    let checks = repo_root().join("testdata/stdcheck");
    let mut names: Vec<String> = std::fs::read_dir(&checks)
        .expect("testdata/stdcheck")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go"))
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for n in &names {
        let dir = tmp.join("src/stdcheck").join(n.trim_end_matches(".go"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::copy(checks.join(n), dir.join("main.go")).expect("copy");
        let out = std::process::Command::new(&go)
            .args(["run", &format!("stdcheck/{}", n.trim_end_matches(".go"))])
            .current_dir(&tmp)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", tmp.join("home"))
            .env("GOCACHE", tmp.join("cache"))
            .env("GOPATH", &tmp)
            .env("GO111MODULE", "off")
            .env("GOTOOLCHAIN", "local")
            .env("GOFLAGS", "")
            .env("CGO_ENABLED", "0")
            .output()
            .expect("go run");
        let text =
            format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        eprint!("{text}");
        if !out.status.success() || !text.contains(" 0 failures") {
            failures.push(format!("{n}:\n{text}"));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(!names.is_empty());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The unicode tables are what `scripts/gen-unicode.sh` derives from the oracle's
/// unicode package today.
#[test]
fn unicode_tables_are_generated() {
    let Some(go) = go() else { return };
    let out = std::process::Command::new("bash")
        .arg(repo_root().join("scripts/gen-unicode.sh"))
        .arg("--check")
        .env("CROSSPLAY_GO", &go)
        .output()
        .expect("gen-unicode.sh runs");
    assert!(
        out.status.success(),
        "core/goroot/src/unicode/tables.go is stale (bash scripts/gen-unicode.sh):\n{}{}",
        String::from_utf8_lossy(&out.stdout).chars().take(2000).collect::<String>(),
        String::from_utf8_lossy(&out.stderr)
    );
}
