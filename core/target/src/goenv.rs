//! The configuration as the go command sees it (`cmd/go/internal/cfg`): each variable
//! from the process environment, else the user's go/env file, else the default; the
//! CGO_ENABLED default; GOCACHE and GOENV; and the variables `go env` prints.
//!
//! The process environment and the go/env file arrive as values ([`EnvLayers`]), so
//! this module does no IO; the CLI reads them and the browser builds them from the
//! page's settings.

use std::collections::BTreeMap;

use crate::archvar::ArchVar;
use crate::buildcfg::BuildCfg;
use crate::experiment::Experiments;
use crate::fips140::Fips140;
use crate::{GO_VERSION, Host, ports};

/// The two places a setting can come from, highest precedence first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EnvLayers {
    pub process: BTreeMap<String, String>,
    /// The user's go/env file (written by `go env -w`), parsed by [`parse_env_file`].
    pub file: BTreeMap<String, String>,
}

impl EnvLayers {
    /// A process environment with no go/env file.
    pub fn from_process<K: Into<String>, V: Into<String>>(
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> EnvLayers {
        EnvLayers {
            process: vars.into_iter().map(|(k, v)| (k.into(), v.into())).collect(),
            file: BTreeMap::new(),
        }
    }

    /// `os.Getenv`: the process environment only; "" when unset.
    pub fn process_env(&self, key: &str) -> String {
        self.process.get(key).cloned().unwrap_or_default()
    }

    /// `cfg.Getenv`: a non-empty process value, else the go/env file's.
    pub fn getenv(&self, key: &str) -> String {
        match self.process.get(key) {
            Some(v) if !v.is_empty() => v.clone(),
            _ => self.file.get(key).cloned().unwrap_or_default(),
        }
    }

    /// `cfg.EnvOrAndChanged`: the value or the default, and whether it differs from the
    /// default.
    fn env_or_changed(&self, key: &str, default: &str) -> (String, bool) {
        let v = self.getenv(key);
        if v.is_empty() {
            (default.to_owned(), false)
        } else {
            let changed = v != default;
            (v, changed)
        }
    }
}

/// Parses a go/env file as `cmd/go/internal/cfg.readEnvFile` does: `KEY=VALUE` lines
/// whose key starts with an uppercase ASCII letter; everything else is ignored.
pub fn parse_env_file(text: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for line in text.split('\n') {
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if !line.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        map.insert(key.to_owned(), value.to_owned());
    }
    map
}

/// Where the go/env file is (`cfg.EnvFile`): `$GOENV` (`off` disables it), else
/// `go/env` under the user configuration directory. Also reports whether GOENV moved
/// it. An error means there is no file to read.
pub fn env_file_path(layers: &EnvLayers, host: Host) -> (Result<String, String>, bool) {
    match layers.process_env("GOENV").as_str() {
        "off" => (Err("GOENV=off".to_owned()), false),
        "" => (user_dir(layers, host, UserDir::Config).map(|dir| join_clean(&dir, "go/env")), false),
        file => (Ok(file.to_owned()), true),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum UserDir {
    Cache,
    Config,
}

/// `os.UserCacheDir` / `os.UserConfigDir` for the host OS.
fn user_dir(layers: &EnvLayers, host: Host, kind: UserDir) -> Result<String, String> {
    let env = |k: &str| layers.process_env(k);
    match host.goos {
        "windows" => {
            let var = if kind == UserDir::Cache { "LocalAppData" } else { "AppData" };
            let dir = env(var);
            if dir.is_empty() { Err(format!("%{var}% is not defined")) } else { Ok(dir) }
        }
        "darwin" | "ios" => {
            let home = env("HOME");
            if home.is_empty() {
                return Err("$HOME is not defined".to_owned());
            }
            Ok(home + if kind == UserDir::Cache { "/Library/Caches" } else { "/Library/Application Support" })
        }
        "plan9" => {
            let home = env("home");
            if home.is_empty() {
                return Err("$home is not defined".to_owned());
            }
            Ok(home + if kind == UserDir::Cache { "/lib/cache" } else { "/lib" })
        }
        _ => {
            let (xdg, sub) = match kind {
                UserDir::Cache => ("XDG_CACHE_HOME", "/.cache"),
                UserDir::Config => ("XDG_CONFIG_HOME", "/.config"),
            };
            let dir = env(xdg);
            if !dir.is_empty() {
                if !dir.starts_with('/') {
                    return Err(format!("path in ${xdg} is relative"));
                }
                return Ok(dir);
            }
            let home = env("HOME");
            if home.is_empty() {
                return Err(format!("neither ${xdg} nor $HOME are defined"));
            }
            Ok(home + sub)
        }
    }
}

/// `filepath.Join(dir, rel)` for '/'-separated paths: joined, then cleaned.
fn join_clean(dir: &str, rel: &str) -> String {
    clean_path(&format!("{dir}/{rel}"))
}

/// Go's `path.Clean`: the shortest equivalent path, processing `.` and `..` lexically.
pub fn clean_path(path: &str) -> String {
    if path.is_empty() {
        return ".".to_owned();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|&p| p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_owned(),
        (false, false) => joined,
    }
}

/// The C compiler the go command looks for when CC is unset (`cfg.DefaultCC` of the
/// official build).
pub fn default_cc(goos: &str) -> &'static str {
    match goos {
        "darwin" | "ios" | "freebsd" | "openbsd" => "clang",
        _ => "gcc",
    }
}

/// `cmd/internal/quoted.Split`: fields separated by spaces, tabs, CR and LF, where a
/// field may be single- or double-quoted (no escapes inside quotes).
pub fn split_quoted(s: &str) -> Result<Vec<String>, String> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    let mut fields = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(is_space);
        let Some(first) = rest.chars().next() else {
            break;
        };
        if first == '"' || first == '\'' {
            let Some(end) = rest[1..].find(first) else {
                return Err(format!("unterminated {first} string"));
            };
            fields.push(rest[1..1 + end].to_owned());
            rest = &rest[end + 2..];
        } else {
            let end = rest.find(is_space).unwrap_or(rest.len());
            fields.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
    }
    Ok(fields)
}

/// The go command's variables `KnownEnv` lists: `go env NAME` prints their raw setting
/// even when the command does not compute them (`cfg.CanGetenv`).
static KNOWN_ENV: [&str; 61] = [
    "AR",
    "CC",
    "CGO_CFLAGS",
    "CGO_CFLAGS_ALLOW",
    "CGO_CFLAGS_DISALLOW",
    "CGO_CPPFLAGS",
    "CGO_CPPFLAGS_ALLOW",
    "CGO_CPPFLAGS_DISALLOW",
    "CGO_CXXFLAGS",
    "CGO_CXXFLAGS_ALLOW",
    "CGO_CXXFLAGS_DISALLOW",
    "CGO_ENABLED",
    "CGO_FFLAGS",
    "CGO_FFLAGS_ALLOW",
    "CGO_FFLAGS_DISALLOW",
    "CGO_LDFLAGS",
    "CGO_LDFLAGS_ALLOW",
    "CGO_LDFLAGS_DISALLOW",
    "CXX",
    "FC",
    "GCCGO",
    "GO111MODULE",
    "GO386",
    "GOAMD64",
    "GOARCH",
    "GOARM",
    "GOARM64",
    "GOAUTH",
    "GOBIN",
    "GOCACHE",
    "GOCACHEPROG",
    "GOENV",
    "GOEXE",
    "GOEXPERIMENT",
    "GOFIPS140",
    "GOFLAGS",
    "GOGCCFLAGS",
    "GOHOSTARCH",
    "GOHOSTOS",
    "GOINSECURE",
    "GOMIPS",
    "GOMIPS64",
    "GOMODCACHE",
    "GONOPROXY",
    "GONOSUMDB",
    "GOOS",
    "GOPATH",
    "GOPPC64",
    "GOPRIVATE",
    "GOPROXY",
    "GORISCV64",
    "GOROOT",
    "GOSUMDB",
    "GOTMPDIR",
    "GOTOOLCHAIN",
    "GOTOOLDIR",
    "GOVCS",
    "GOWASM",
    "GOWORK",
    "GO_EXTLINK_ENABLED",
    "PKG_CONFIG",
];

/// One line of `go env`: a name, its effective value, and whether that differs from the
/// value an empty environment would give (`-changed`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvVar {
    pub name: &'static str,
    pub value: String,
    pub changed: bool,
}

/// An invalid configuration, reported as Go reports it: the whole line (`go: …`) and
/// the exit status (2 for `internal/buildcfg` errors, 1 for the go command's own).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvError {
    pub message: String,
    pub status: i32,
}

impl EnvError {
    fn new(status: i32, message: impl Into<String>) -> EnvError {
        EnvError { message: message.into(), status }
    }
}

/// The go command's configuration for one environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoEnv {
    pub host: Host,
    layers: EnvLayers,
    /// `cfg.Goos` / `cfg.Goarch`: process env, else go/env file, else the host.
    pub goos: String,
    pub goarch: String,
    /// What `internal/buildcfg` sees: the process environment only.
    pub buildcfg: BuildCfg,
    /// GOEXPERIMENT as the user wrote it (`cfg.RawGOEXPERIMENT`).
    pub raw_goexperiment: String,
    /// `cfg.Experiment` / `cfg.ExperimentErr`, parsed for `cfg.Goos`/`cfg.Goarch`.
    pub experiment: Result<Experiments, String>,
    pub cgo_enabled: bool,
    cgo_changed: bool,
}

impl GoEnv {
    /// Resolves the configuration. `cc_found` answers whether a named C compiler is on
    /// PATH: it decides the CGO_ENABLED default of a host build when CC is unset (the
    /// browser has no C compiler and passes a function that always says no).
    pub fn new(layers: EnvLayers, host: Host, cc_found: &dyn Fn(&str) -> bool) -> GoEnv {
        let buildcfg = BuildCfg::from_env(&|k| layers.process_env(k), host);
        let goos = non_empty_or(layers.getenv("GOOS"), &buildcfg.goos);
        let goarch = non_empty_or(layers.getenv("GOARCH"), &buildcfg.goarch);
        let raw_goexperiment = layers.getenv("GOEXPERIMENT");
        let experiment = Experiments::parse(&goos, &goarch, &raw_goexperiment);

        // cmd/go/internal/cfg.defaultContext: cgo defaults on only for a host build of a
        // port that supports it, and only if the C compiler is there (Go 1.20+).
        let mut default_cgo = false;
        if goos == host.goos && goarch == host.goarch {
            default_cgo = ports::lookup(&goos, &goarch).is_some_and(|p| p.cgo_supported);
            if default_cgo && layers.process_env("CC").is_empty() && !cc_found(default_cc(&goos)) {
                default_cgo = false;
            }
        }
        // Only "0" and "1" count; any other value is ignored.
        let cgo_enabled = match layers.getenv("CGO_ENABLED").as_str() {
            "0" => false,
            "1" => true,
            _ => default_cgo,
        };
        GoEnv {
            host,
            goos,
            goarch,
            buildcfg,
            raw_goexperiment,
            experiment,
            cgo_enabled,
            cgo_changed: cgo_enabled != default_cgo,
            layers,
        }
    }

    pub fn layers(&self) -> &EnvLayers {
        &self.layers
    }

    /// `buildcfg.Check()` then `cfg.ExperimentErr`, as `go env` and every build do first.
    pub fn check(&self) -> Result<(), EnvError> {
        if let Some(message) = &self.buildcfg.error {
            return Err(EnvError::new(2, format!("go: {message}")));
        }
        match &self.experiment {
            Ok(_) => Ok(()),
            Err(message) => Err(EnvError::new(1, format!("go: {message}"))),
        }
    }

    /// GOFIPS140 resolved (go/env file included); off when it does not resolve,
    /// which `check_fips140` reports.
    pub fn fips140(&self) -> Fips140 {
        Fips140::resolve(&self.layers.env_or_changed("GOFIPS140", "off").0).unwrap_or(Fips140::Off)
    }

    /// `fips140.Init`, run by module loading in every command: resolves GOFIPS140
    /// (go/env file included) and returns the build tag it adds, if any.
    pub fn check_fips140(&self, build_tags: &[String]) -> Result<Option<String>, EnvError> {
        let (setting, _) = self.layers.env_or_changed("GOFIPS140", "off");
        let fips = Fips140::resolve(&setting).map_err(|m| EnvError::new(1, m))?;
        let boring = self.experiment.as_ref().is_ok_and(|e| e.is_enabled("boringcrypto"));
        if boring && fips.enabled() {
            return Err(EnvError::new(1, "go: cannot use GOFIPS140 with GOEXPERIMENT=boringcrypto"));
        }
        if build_tags.iter().any(|t| t == "purego") && fips.enabled() {
            return Err(EnvError::new(1, "go: cannot use GOFIPS140 with the purego build tag"));
        }
        // A snapshot is unpacked into the module cache, which must be locatable.
        if matches!(fips, Fips140::Snapshot(_)) && self.gomodcache().is_empty() {
            return Err(EnvError::new(1, "go: module cache not found: neither GOMODCACHE nor GOPATH is set"));
        }
        Ok(fips.build_tag())
    }

    /// GOMODCACHE: the setting, else `pkg/mod` in the first GOPATH entry, where GOPATH
    /// defaults to `go` in the home directory; "" when there is none.
    pub fn gomodcache(&self) -> String {
        let set = self.layers.getenv("GOMODCACHE");
        if !set.is_empty() {
            return set;
        }
        let mut gopath = self.layers.getenv("GOPATH");
        if gopath.is_empty() {
            let home_var = match self.host.goos {
                "windows" => "USERPROFILE",
                "plan9" => "home",
                _ => "HOME",
            };
            let home = self.layers.process_env(home_var);
            if home.is_empty() {
                return String::new();
            }
            gopath = join_clean(&home, "go");
        }
        let separator = if self.host.goos == "windows" { ';' } else { ':' };
        match gopath.split(separator).next() {
            Some(first) if !first.is_empty() => join_clean(first, "pkg/mod"),
            _ => String::new(),
        }
    }

    /// The build cache directory, for commands that need one (`cache.Default`).
    pub fn require_cache(&self) -> Result<String, EnvError> {
        match self.gocache_dir() {
            (_, Some(err)) => {
                Err(EnvError::new(1, format!("build cache is required, but could not be located: {err}")))
            }
            (dir, None) if dir == "off" => {
                Err(EnvError::new(1, "build cache is disabled by GOCACHE=off, but required as of Go 1.12"))
            }
            (dir, None) => Ok(dir),
        }
    }

    /// The GOARCH-specific variable and its setting as the go command records it
    /// (`cfg.GetArchEnv`): the raw value or the default, even if invalid.
    pub fn arch_env(&self) -> Option<(ArchVar, String, bool)> {
        let var = ArchVar::for_goarch(&self.goarch)?;
        let (value, changed) = self.layers.env_or_changed(var.name(), var.default_value());
        Some((var, value, changed))
    }

    /// GOCACHE (`cache.DefaultDir`): `$GOCACHE` if absolute or `off`, else `off`; the
    /// default is `go-build` in the user cache directory, or `off` without one.
    pub fn gocache(&self) -> (String, bool) {
        let (dir, _) = self.gocache_dir();
        let set = self.layers.getenv("GOCACHE");
        let default = match user_dir(&self.layers, self.host, UserDir::Cache) {
            Ok(dir) => join_clean(&dir, "go-build"),
            Err(_) => "off".to_owned(),
        };
        (dir, !set.is_empty() && set != default)
    }

    /// `cache.DefaultDir`'s directory and error.
    fn gocache_dir(&self) -> (String, Option<String>) {
        let set = self.layers.getenv("GOCACHE");
        if set.is_empty() {
            return match user_dir(&self.layers, self.host, UserDir::Cache) {
                Ok(dir) => (join_clean(&dir, "go-build"), None),
                Err(e) => ("off".to_owned(), Some(format!("GOCACHE is not defined and {e}"))),
            };
        }
        if set.starts_with('/') || set == "off" {
            (set, None)
        } else {
            ("off".to_owned(), Some("GOCACHE is not an absolute path".to_owned()))
        }
    }

    pub fn exe_suffix(&self) -> &'static str {
        if self.goos == "windows" { ".exe" } else { "" }
    }

    /// The variables crossplay's `env` prints, in the go command's terms, sorted by name.
    pub fn vars(&self) -> Vec<EnvVar> {
        let var = |name: &'static str, value: String, changed: bool| EnvVar { name, value, changed };
        let non_empty = |name: &'static str| {
            let value = self.layers.getenv(name);
            let changed = !value.is_empty();
            EnvVar { name, value, changed }
        };
        let (goenv, goenv_changed) = env_file_path(&self.layers, self.host);
        let (gocache, gocache_changed) = self.gocache();
        let (gofips140, gofips140_changed) = self.layers.env_or_changed("GOFIPS140", "off");
        let mut vars = vec![
            var("CGO_ENABLED", if self.cgo_enabled { "1" } else { "0" }.to_owned(), self.cgo_changed),
            var("GOARCH", self.goarch.clone(), self.goarch != self.host.goarch),
            var("GOCACHE", gocache, gocache_changed),
            var("GOENV", goenv.unwrap_or_default(), goenv_changed),
            var("GOEXE", self.exe_suffix().to_owned(), false),
            non_empty("GOEXPERIMENT"),
            var("GOFIPS140", gofips140, gofips140_changed),
            non_empty("GOFLAGS"),
            var("GOHOSTARCH", self.host.goarch.to_owned(), false),
            var("GOHOSTOS", self.host.goos.to_owned(), false),
            var("GOOS", self.goos.clone(), self.goos != self.host.goos),
            var("GOVERSION", GO_VERSION.to_owned(), false),
        ];
        if let Some((arch_var, value, changed)) = self.arch_env() {
            vars.push(var(arch_var.name(), value, changed));
        }
        vars.sort_by_key(|v| v.name);
        vars
    }

    /// `go env NAME`'s value (`findEnv`): a computed variable, else the raw setting of a
    /// variable the go command knows (so `GOARM` on amd64 is its raw setting, usually
    /// empty), else "".
    pub fn lookup(&self, name: &str) -> String {
        if let Some(v) = self.vars().into_iter().find(|v| v.name == name) {
            return v.value;
        }
        if KNOWN_ENV.contains(&name) || self.layers.file.contains_key(name) {
            return self.layers.getenv(name);
        }
        String::new()
    }

    /// GOFLAGS as the go command applies it to a command's flags
    /// (`base.SetFromGOFLAGS`): unparsable GOFLAGS and items starting with `=` are
    /// skipped; `--name` becomes `-name`; and the flag looked up is the name without
    /// its first character, which is not checked to be a dash.
    pub fn goflags(&self) -> Vec<GoFlag> {
        let Ok(items) = split_quoted(&self.layers.getenv("GOFLAGS")) else { return Vec::new() };
        items
            .into_iter()
            .filter_map(|item| {
                let (name, value) = match item.split_once('=') {
                    Some(("", _)) => return None,
                    Some((name, value)) => (name.to_owned(), Some(value.to_owned())),
                    None => (item, None),
                };
                let name = if name.starts_with("--") { name[1..].to_owned() } else { name };
                let lookup = name.get(1..).unwrap_or("").to_owned();
                Some(GoFlag { name, lookup, value })
            })
            .collect()
    }

    /// The `-tags` value GOFLAGS carries, if any (the last one wins).
    pub fn goflags_tags(&self) -> Option<String> {
        self.goflags().into_iter().rev().find(|f| f.lookup == "tags").map(|f| f.value.unwrap_or_default())
    }
}

/// One item of GOFLAGS, as [`GoEnv::goflags`] reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoFlag {
    /// The name as written, `--` shortened to `-`: what error messages show.
    pub name: String,
    /// The flag it sets.
    pub lookup: String,
    pub value: Option<String>,
}

fn non_empty_or(v: String, default: &str) -> String {
    if v.is_empty() { default.to_owned() } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> GoEnv {
        let mut all = vec![("HOME", "/home/u")];
        all.extend_from_slice(vars);
        GoEnv::new(EnvLayers::from_process(all.iter().copied()), Host::LINUX_AMD64, &|cc| cc == "gcc")
    }

    #[test]
    fn cgo_defaults() {
        assert!(env(&[]).cgo_enabled);
        assert!(!env(&[("GOOS", "windows")]).cgo_enabled);
        assert!(env(&[("GOOS", "windows"), ("CGO_ENABLED", "1")]).cgo_enabled);
        assert!(env(&[("CGO_ENABLED", "true")]).cgo_enabled);
        let no_gcc = GoEnv::new(EnvLayers::from_process([("HOME", "/h")]), Host::LINUX_AMD64, &|_| false);
        assert!(!no_gcc.cgo_enabled);
        let cc = GoEnv::new(EnvLayers::from_process([("CC", "foo")]), Host::LINUX_AMD64, &|_| false);
        assert!(cc.cgo_enabled);
        assert!(!GoEnv::new(EnvLayers::default(), Host::JS_WASM, &|_| true).cgo_enabled);
    }

    #[test]
    fn paths() {
        assert_eq!(env(&[]).gocache().0, "/home/u/.cache/go-build");
        assert_eq!(env(&[("XDG_CACHE_HOME", "/x//y/")]).gocache().0, "/x/y/go-build");
        assert_eq!(env(&[("XDG_CACHE_HOME", "rel")]).gocache().0, "off");
        assert_eq!(env(&[("GOCACHE", "rel")]).gocache(), ("off".to_owned(), true));
        assert_eq!(GoEnv::new(EnvLayers::default(), Host::JS_WASM, &|_| false).gocache().0, "off");
        assert_eq!(env(&[]).lookup("GOENV"), "/home/u/.config/go/env");
        assert_eq!(env(&[("GOENV", "off")]).lookup("GOENV"), "");
        assert_eq!(clean_path("/a/../../b/./c/"), "/b/c");
        assert_eq!(clean_path("a/../.."), "..");
    }

    #[test]
    fn lookups_follow_find_env() {
        let e = env(&[("GOARM", "6"), ("GOPROXY", "direct"), ("FOO", "x")]);
        assert_eq!(e.lookup("GOAMD64"), "v1");
        assert_eq!(e.lookup("GOARM"), "6");
        assert_eq!(e.lookup("GOMIPS"), "");
        assert_eq!(e.lookup("GOPROXY"), "direct");
        assert_eq!(e.lookup("FOO"), "");
    }

    #[test]
    fn env_file_layer() {
        let file = parse_env_file("GOOS=windows\n# comment\nlower=x\nGOAMD64=v3\nNOEQUALS\n");
        assert_eq!(file.len(), 2);
        let layers = EnvLayers { process: BTreeMap::new(), file };
        let e = GoEnv::new(layers, Host::LINUX_AMD64, &|_| true);
        assert_eq!(e.goos, "windows");
        // buildcfg reads the process environment only.
        assert_eq!(e.buildcfg.goos, "linux");
        assert_eq!(e.buildcfg.goamd64, 1);
        assert_eq!(e.arch_env(), Some((ArchVar::GoAmd64, "v3".to_owned(), true)));
    }

    #[test]
    fn goflags() {
        assert_eq!(split_quoted(" -a  'b c' \"d\"").unwrap(), ["-a", "b c", "d"]);
        assert_eq!(split_quoted("'x").unwrap_err(), "unterminated ' string");
        assert_eq!(env(&[("GOFLAGS", "-tags=a,b --tags=c -x")]).goflags_tags().as_deref(), Some("c"));
    }
}
