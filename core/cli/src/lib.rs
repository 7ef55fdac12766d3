//! The `crossplay` command: a native twin of the `go` command. This crate is the only
//! one that touches the process: arguments, environment, files and exit status. Every
//! command is a function from [`Sys`] and arguments to an [`Outcome`], so tests run
//! them in-process as well as through the binary.
//!
//! Commands, one module each: `env`, `list` (with crossplay's `-why` and
//! `-matrix`), `tags` (a crossplay addition), `tool dist list`, `build` and `run`
//! (`build_cmd`, with `vcs` for `-buildvcs`; `-p` becomes the link's thread count),
//! `version` and `help`. `flags` parses arguments as Go's `flag` package does, and
//! `template` is the subset of `text/template` that `list -f` needs.

mod build_cmd;
mod clean_cmd;
mod env_cmd;
mod flags;
mod help;
mod list_cmd;
mod tags_cmd;
mod template;
mod tool_cmd;
mod vcs;

use std::collections::BTreeMap;

use target::{EnvLayers, GoEnv, Host};

/// Reads a whole file, `None` if it cannot be read.
pub type ReadFile = Box<dyn Fn(&str) -> Option<String>>;

/// Reads a whole file as bytes, `None` if it cannot be read.
pub type ReadBytes = Box<dyn Fn(&str) -> Option<Vec<u8>>>;

/// Lists a directory: (name, is a directory) per entry, `None` if it cannot be read.
pub type ListDir = Box<dyn Fn(&str) -> Option<Vec<(String, bool)>>>;

/// What a command needs from the machine, gathered by `main` (or a test).
pub struct Sys {
    pub host: Host,
    /// The process environment.
    pub env: BTreeMap<String, String>,
    pub read_file: ReadFile,
    pub read_bytes: ReadBytes,
    pub list_dir: ListDir,
    /// The working directory, absolute.
    pub cwd: String,
    /// Whether an executable of this name is found on PATH (Go's `exec.LookPath`).
    pub look_path: Box<dyn Fn(&str) -> bool>,
}

impl core::fmt::Debug for Sys {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Sys").field("host", &self.host).field("env", &self.env).finish_non_exhaustive()
    }
}

impl Sys {
    /// The go command's view of the configuration: the process environment over the
    /// user's go/env file.
    pub fn go_env(&self) -> GoEnv {
        self.go_env_with(self.env.clone())
    }

    /// The go command's configuration with `process` as the process environment.
    pub fn go_env_with(&self, process: BTreeMap<String, String>) -> GoEnv {
        let mut layers = EnvLayers { process, file: BTreeMap::new() };
        if let (Ok(path), _) = target::goenv::env_file_path(&layers, self.host)
            && let Some(text) = (self.read_file)(&path)
        {
            layers.file = target::goenv::parse_env_file(&text);
        }
        GoEnv::new(layers, self.host, &*self.look_path)
    }
}

/// What a command printed and its exit status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Outcome {
    pub fn ok(stdout: String) -> Outcome {
        Outcome { stdout, stderr: String::new(), code: 0 }
    }

    /// A failure with a message on stderr (a newline is added).
    pub fn fail(code: i32, message: impl core::fmt::Display) -> Outcome {
        Outcome { stdout: String::new(), stderr: format!("{message}\n"), code }
    }
}

/// The file system as the build cache's directory store reads and writes it: a
/// file is written whole under a temporary name and renamed, so a reader never
/// sees half of one.
#[derive(Clone, Copy, Debug)]
pub struct StdFs;

impl cache::Fs for StdFs {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        std::fs::read(path).ok()
    }

    fn write(&self, path: &str, bytes: &[u8]) -> bool {
        let tmp = format!("{path}.tmp{}", std::process::id());
        if std::fs::write(&tmp, bytes).is_err() {
            return false;
        }
        if std::fs::rename(&tmp, path).is_ok() {
            return true;
        }
        let _ = std::fs::remove_file(&tmp);
        false
    }

    fn create_dir_all(&self, path: &str) -> bool {
        std::fs::create_dir_all(path).is_ok()
    }
}

/// The time now, in nanoseconds since the Unix epoch.
pub fn unix_nanos() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX))
}

/// Runs `crossplay ARGS...` (without the program name).
pub fn run(sys: &Sys, args: &[String]) -> Outcome {
    let Some((command, rest)) = args.split_first() else {
        return Outcome { stdout: String::new(), stderr: help::usage(), code: 2 };
    };
    match command.as_str() {
        "build" => build_cmd::build(sys, rest),
        "clean" => clean_cmd::run(sys, rest),
        "env" => env_cmd::run(sys, rest),
        "run" => build_cmd::run(sys, rest),
        "list" => list_cmd::run(sys, rest),
        "tags" => tags_cmd::run(sys, rest),
        "tool" => tool_cmd::run(rest),
        "version" => version(sys, rest),
        "help" | "-h" | "-help" | "--help" => help::run(rest),
        other => {
            Outcome::fail(2, format!("crossplay {other}: unknown command\nRun 'crossplay help' for usage."))
        }
    }
}

fn version(sys: &Sys, args: &[String]) -> Outcome {
    if !args.is_empty() {
        return Outcome::fail(2, "usage: crossplay version");
    }
    Outcome::ok(format!(
        "crossplay version v{} {} {}/{}\n",
        env!("CARGO_PKG_VERSION"),
        target::GO_VERSION,
        sys.host.goos,
        sys.host.goarch
    ))
}

impl Sys {
    /// The machine as it is: the real file system from `cwd`, PATH lookups in `path`.
    pub fn native(host: Host, env: BTreeMap<String, String>, cwd: String) -> Sys {
        let path = env.get("PATH").cloned().unwrap_or_default();
        Sys {
            host,
            env,
            read_file: Box::new(|p| std::fs::read_to_string(p).ok()),
            read_bytes: Box::new(|p| std::fs::read(p).ok()),
            list_dir: Box::new(|p| {
                let entries = std::fs::read_dir(p).ok()?;
                let mut out: Vec<(String, bool)> = entries
                    .filter_map(Result::ok)
                    .filter_map(|e| Some((e.file_name().into_string().ok()?, e.file_type().ok()?.is_dir())))
                    .collect();
                out.sort();
                Some(out)
            }),
            cwd,
            look_path: Box::new(move |name| look_path(&path, name)),
        }
    }
}

/// `exec.LookPath` on Unix: a name with a slash is checked as it is; otherwise each
/// entry of `path` (an empty one meaning ".") is tried for a regular executable file.
pub fn look_path(path: &str, name: &str) -> bool {
    let is_executable = |p: &std::path::Path| {
        std::fs::metadata(p).is_ok_and(|m| {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                m.is_file() && m.permissions().mode() & 0o111 != 0
            }
            #[cfg(not(unix))]
            {
                m.is_file()
            }
        })
    };
    if name.contains('/') {
        return is_executable(std::path::Path::new(name));
    }
    std::env::split_paths(path).any(|dir| {
        let dir = if dir.as_os_str().is_empty() { std::path::PathBuf::from(".") } else { dir };
        is_executable(&dir.join(name))
    })
}
