//! The toolchain's identity for the cache's salt: the SHA-256 of every source
//! file of crossplay's core crates (the compiler, the linker and the standard
//! library they embed), so a changed toolchain never takes outputs a different
//! one stored — the role the compiler binary's build ID plays for Go's devel
//! toolchains.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    println!("cargo:rerun-if-changed={}", core.display());
    let mut files = Vec::new();
    walk(&core, &mut files);
    files.retain(|p| {
        let s = p.to_string_lossy();
        !s.contains("/tests/") && (s.ends_with(".rs") || s.ends_with(".go") || s.ends_with(".toml"))
    });
    files.sort();
    let mut h = base::sha256::Sha256::new();
    for f in &files {
        let rel = f.strip_prefix(&core).unwrap_or(f);
        h.update(rel.to_string_lossy().as_bytes());
        h.update(&[0]);
        let text = std::fs::read(f).unwrap_or_default();
        h.update(&(text.len() as u64).to_le_bytes());
        h.update(&text);
    }
    let id = base::sha256::hex(&h.finish());
    println!("cargo:rustc-env=CROSSPLAY_TOOLCHAIN_ID={}", &id[..20]);
}
