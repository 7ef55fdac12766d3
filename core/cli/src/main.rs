//! The `crossplay` binary: gathers arguments, environment and file access, runs the
//! command, prints its output and exits with its status.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use cli::{Sys, run};
use target::{Endian, Host};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args_os().skip(1).map(|a| a.to_string_lossy().into_owned()).collect();
    let env: BTreeMap<String, String> = std::env::vars_os()
        .map(|(k, v)| (k.to_string_lossy().into_owned(), v.to_string_lossy().into_owned()))
        .collect();
    // The working directory as the go command sees it: $PWD when it names the same
    // directory, else the resolved path.
    let cwd = std::env::current_dir().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
    let sys = Sys::native(host(), env, cwd);
    let outcome = run(&sys, &args);
    // A closed stdout or stderr is not worth a panic; the exit status still tells.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(u8::try_from(outcome.code).unwrap_or(1))
}

/// GOHOSTOS/GOHOSTARCH of this build of crossplay.
fn host() -> Host {
    let endian = if cfg!(target_endian = "big") { Endian::Big } else { Endian::Little };
    Host::from_rust(std::env::consts::OS, std::env::consts::ARCH, endian)
}
