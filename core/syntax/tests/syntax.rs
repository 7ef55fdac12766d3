//! The syntax crate's integration tests: every `.go` file of the oracle's GOROOT
//! parses (save the deliberately broken ones, listed by the real `gofmt`), and what
//! the printer prints parses back to the same tree.

// The GOROOT walk reports how many files it parsed; that is its output.
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};

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

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let Ok(ft) = e.file_type() else { continue };
        if ft.is_dir() {
            walk(&path, out);
        } else if ft.is_file() && path.extension().is_some_and(|x| x == "go") {
            out.push(path);
        }
    }
}

/// Files whose verdict differs between go/parser (gofmt) and cmd/compile's parser,
/// which crossplay follows: the compiler's parser rejects a method without a
/// receiver; go/parser rejects three-variable range clauses (the compiler's type
/// checker reports those).
const PARSER_DIFFERENCES: [(&str, bool); 4] = [
    ("go/doc/testdata/issue17788.go", true),
    ("internal/types/testdata/check/decls2/decls2a.go", true),
    ("internal/types/testdata/fixedbugs/issue50372.go", false),
    ("internal/types/testdata/spec/range.go", false),
];

/// The testdata files the real gofmt rejects (relative to GOROOT/src).
fn gofmt_rejects(root: &Path, files: &[String]) -> Vec<String> {
    let src = root.join("src");
    let out = std::process::Command::new(root.join("bin/gofmt"))
        .arg("-l")
        .arg("-e")
        .args(files)
        .current_dir(&src)
        .output()
        .expect("run gofmt");
    let mut rejects: Vec<String> = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| l.split(':').next())
        .map(|p| p.trim_start_matches("./").to_owned())
        .collect();
    rejects.sort();
    rejects.dedup();
    rejects
}

#[test]
fn goroot_parses() {
    let Some(root) = goroot() else { return };
    let src = root.join("src");
    let mut paths = Vec::new();
    walk(&src, &mut paths);
    let mut failures = Vec::new();
    let mut rejected = Vec::new();
    let mut testdata = Vec::new();
    let mut round_trips = 0;
    for path in &paths {
        let rel = path.strip_prefix(&src).expect("under src").display().to_string();
        let is_testdata = rel.split('/').any(|e| e == "testdata");
        if is_testdata {
            testdata.push(rel.clone());
        }
        let bytes = std::fs::read(path).expect("read");
        let (file, errors) = syntax::parse_file(&bytes);
        if let Some(e) = errors.first() {
            rejected.push(rel.clone());
            if !is_testdata {
                let text = String::from_utf8_lossy(&bytes);
                let lc = base::span::LineIndex::new(&text).line_col(e.offset);
                failures.push(format!("{rel}:{lc}: {}", e.message));
            }
            continue;
        }
        // What the printer prints parses to a tree that prints the same.
        let Some(file) = file else {
            failures.push(format!("{rel}: no tree and no error"));
            continue;
        };
        let printed = syntax::printer::file_string(&file);
        let (again, errors) = syntax::parse_file(printed.as_bytes());
        match (again, errors.first()) {
            (Some(again), None) if syntax::printer::file_string(&again) == printed => round_trips += 1,
            (_, Some(e)) => failures
                .push(format!("{rel}: the printed file does not parse: {} at {}", e.message, e.offset)),
            _ => failures.push(format!("{rel}: the printed file prints differently")),
        }
    }
    // Deliberately broken testdata files: the same verdicts as gofmt's, but for the
    // known differences between the two parsers.
    let mut want = gofmt_rejects(&root, &testdata);
    for (file, compiler_rejects) in PARSER_DIFFERENCES {
        want.retain(|f| f != file);
        if compiler_rejects {
            want.push(file.to_owned());
        }
    }
    want.sort();
    for f in &want {
        if !rejected.contains(f) {
            failures.push(format!("{f}: Go rejects it, crossplay parses it"));
        }
    }
    for f in &rejected {
        if !want.contains(f) && !failures.iter().any(|x| x.starts_with(f.as_str())) {
            failures.push(format!("{f}: Go parses it, crossplay rejects it"));
        }
    }
    eprintln!(
        "goroot: parsed {} files ({} deliberately broken ones rejected, as Go does); {round_trips} printed and parsed back",
        paths.len(),
        rejected.len()
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(paths.len() > 5000, "too few files under {}", src.display());
}

/// Programs of the erroneous-program corpus whose first error the go command's
/// package loader reports, before the compiler runs (the `load` crate's header
/// reader has those texts).
const LOAD_STAGE: [&str; 3] = ["syn_import_missing.go", "syn_import_not_string.go", "syn_missing_package.go"];

/// The corpus `testdata/go-errors`: where crossplay's parser reports an error, its
/// first one (errors sorted by position, as Go prints them) is Go's first error,
/// text and position. Programs whose first error comes from the type checker must
/// parse without errors.
#[test]
fn go_errors_corpus() {
    let dir = repo_root().join("testdata/go-errors");
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let mut failures = Vec::new();
    let (mut syntax_level, mut later) = (0, 0);
    for want in expected.lines() {
        let name = want.split(':').next().expect("a file name");
        if LOAD_STAGE.contains(&name) {
            continue;
        }
        let bytes = std::fs::read(dir.join(name)).expect("corpus file");
        let (_, mut errors) = syntax::parse_file(&bytes);
        errors.sort_by_key(|e| e.offset);
        let Some(first) = errors.first() else {
            later += 1;
            if want.contains("syntax error") {
                failures.push(format!("{name}: parses, but Go reports {want}"));
            }
            continue;
        };
        syntax_level += 1;
        let text = String::from_utf8_lossy(&bytes);
        let lc = base::span::LineIndex::new(&text).line_col(first.offset);
        let got = format!("{name}:{lc}: {}", first.message);
        if got != want {
            failures.push(format!("want {want}\n got {got}"));
        }
    }
    eprintln!(
        "go-errors: {syntax_level} first errors from the parser compared; {later} left to the type checker"
    );
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
