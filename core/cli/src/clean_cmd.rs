//! `crossplay clean -cache`: empties the build cache as `go clean -cache` does,
//! removing its `00`…`ff` subdirectories and `log.txt` but not the directory
//! itself (nor its README). Cleaning packages' outputs, the test, fuzz and
//! module caches are not done yet, and say so.

use target::EnvError;

use crate::{Outcome, Sys};

const USAGE: &str =
    "usage: go clean [clean flags] [build flags] [packages]\nRun 'go help clean' for details.";

pub fn run(sys: &Sys, args: &[String]) -> Outcome {
    let mut cache = false;
    let mut packages = Vec::new();
    for a in args {
        match a.as_str() {
            "-cache" | "--cache" => cache = true,
            "-i" | "-n" | "-r" | "-x" | "-testcache" | "-modcache" | "-fuzzcache" => {
                return Outcome::fail(2, format!("crossplay does not support clean {a} yet"));
            }
            f if f.starts_with('-') => {
                return Outcome::fail(2, format!("flag provided but not defined: {f}\n{USAGE}"));
            }
            p => packages.push(p),
        }
    }
    if !cache {
        return Outcome::fail(2, "crossplay does not support clean without -cache yet");
    }
    if !packages.is_empty() {
        return Outcome::fail(1, "go: clean -cache cannot be used with package arguments");
    }
    let env = sys.go_env();
    let dir = match env.require_cache() {
        Ok(dir) => dir,
        // GOCACHE=off: nothing to clean.
        Err(e) if e.message.contains("GOCACHE=off") => return Outcome::ok(String::new()),
        Err(EnvError { message, .. }) => {
            let message = message.trim_start_matches("build cache is required, but could not be located: ");
            return Outcome::fail(1, format!("go: {message}"));
        }
    };
    let mut stderr = String::new();
    for (name, is_dir) in (sys.list_dir)(&dir).unwrap_or_default() {
        let sub = name.len() == 2 && name.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if (sub && is_dir) || (name == "log.txt" && !is_dir) {
            let path = format!("{dir}/{name}");
            let removed = if is_dir { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
            if let Err(e) = removed
                && stderr.is_empty()
            {
                stderr = format!("go: unlinkat {path}: {e}\n");
            }
        }
    }
    Outcome { stdout: String::new(), code: i32::from(!stderr.is_empty()), stderr }
}
