//! The build context of one configuration: the complete set of build tags it satisfies
//! and why each is (or is not) satisfied.
//!
//! Tag matching follows `go/build.(*Context).matchTag`: a tag is set if it is `cgo` with
//! cgo enabled; GOOS, GOARCH or the compiler name (`gc`); `linux` on android, `darwin` on
//! ios, `solaris` on illumos (one way only); `unix` on a Unix GOOS; or listed in the
//! tool tags (`goexperiment.*`, architecture features), the release tags (`go1.1` …
//! `go1.27`) or the user's `-tags`. `boringcrypto` is read as
//! `goexperiment.boringcrypto`.

use core::fmt;

use crate::archvar::ArchVar;
use crate::experiment::Experiments;
use crate::goenv::{EnvError, GoEnv, split_quoted};
use crate::{GO_RELEASE, ports};

/// The tags of one configuration, as `go list -f '{{context…}}'` reports them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Context {
    pub goos: String,
    pub goarch: String,
    pub compiler: &'static str,
    pub cgo_enabled: bool,
    /// `goexperiment.*` tags, then architecture feature tags.
    pub tool_tags: Vec<String>,
    pub release_tags: Vec<String>,
    /// The user's `-tags`.
    pub build_tags: Vec<String>,
    /// The setting the feature tags come from (`GOAMD64=v3`), for explanations.
    feature_setting: Option<(ArchVar, String)>,
    experiment_setting: String,
    experiments: Experiments,
    /// What the build records as GOFIPS140 (`latest`, a snapshot), None when off.
    pub fips140: Option<&'static str>,
}

impl Context {
    /// The context the go command builds for `env` with the given `-tags` list.
    ///
    /// Experiment tags follow the go command's GOOS/GOARCH (go/env file included), while
    /// feature tags come from `internal/buildcfg`, which reads the process environment
    /// only — the quirk of golang/go#73294 that crossplay reproduces.
    pub fn new(env: &GoEnv, build_tags: Vec<String>) -> Context {
        let mut tool_tags: Vec<String> = match &env.experiment {
            Ok(exps) => exps.enabled().map(|e| format!("goexperiment.{e}")).collect(),
            Err(_) => Vec::new(),
        };
        tool_tags.extend(env.buildcfg.feature_tags());
        let feature_setting = ArchVar::for_goarch(&env.buildcfg.goarch).map(|var| {
            let raw = env.layers().process_env(var.name());
            (var, if raw.is_empty() { var.default_value().to_owned() } else { raw })
        });
        Context {
            goos: env.goos.clone(),
            goarch: env.goarch.clone(),
            compiler: "gc",
            cgo_enabled: env.cgo_enabled,
            tool_tags,
            release_tags: release_tags(),
            build_tags,
            feature_setting,
            experiment_setting: env.raw_goexperiment.clone(),
            experiments: env.experiment.clone().unwrap_or_default(),
            fips140: env.fips140().version(),
        }
    }

    /// The experiments that differ from the target's baseline, as the linker
    /// appends them to the version (`ExperimentFlags.String`).
    pub fn experiment_string(&self) -> String {
        self.experiments.canonical()
    }

    /// `matchTag`: whether the build tag `name` is satisfied.
    pub fn matches(&self, name: &str) -> bool {
        self.explain(name).set
    }

    /// Whether `name` is satisfied, and why.
    pub fn explain(&self, name: &str) -> TagFact {
        let fact = |set: bool, reason: Reason| TagFact { tag: name.to_owned(), set, reason };
        let goos = self.goos.as_str();
        // go/build's matchTag: each rule can only set a tag; one that is not set still
        // falls through to the lists below, so `-tags cgo` or `-tags unix` set them.
        if name == "cgo" && self.cgo_enabled {
            return fact(true, Reason::CgoEnabled(true));
        }
        if name == goos {
            return fact(true, Reason::Goos(self.goos.clone()));
        }
        if name == self.goarch {
            return fact(true, Reason::Goarch(self.goarch.clone()));
        }
        if name == self.compiler {
            return fact(true, Reason::Compiler);
        }
        if let Some(implied) = implied_os(goos)
            && name == implied
        {
            return fact(true, Reason::ImpliedOs { goos: self.goos.clone() });
        }
        if name == "unix" && ports::is_unix(goos) {
            return fact(true, Reason::Unix { goos: self.goos.clone(), unix: true });
        }
        let lookup = if name == "boringcrypto" { "goexperiment.boringcrypto" } else { name };
        if self.build_tags.iter().any(|t| t == lookup) {
            return fact(true, Reason::UserTag);
        }
        if self.tool_tags.iter().any(|t| t == lookup) {
            let reason = match lookup.strip_prefix("goexperiment.") {
                Some(exp) => self.experiment_reason(exp),
                None => Reason::Feature(self.feature_setting.clone()),
            };
            return fact(true, reason);
        }
        if self.release_tags.iter().any(|t| t == lookup) {
            return fact(true, Reason::Release);
        }
        fact(false, self.why_not(lookup))
    }

    fn why_not(&self, name: &str) -> Reason {
        if name == "cgo" {
            return Reason::CgoEnabled(false);
        }
        if name == "unix" {
            return Reason::Unix { goos: self.goos.clone(), unix: false };
        }
        if ports::is_known_os(name) {
            return Reason::OtherOs { goos: self.goos.clone() };
        }
        if ports::is_known_arch(name) {
            return Reason::OtherArch { goarch: self.goarch.clone() };
        }
        if let Some(exp) = name.strip_prefix("goexperiment.") {
            return self.experiment_reason(exp);
        }
        if name.starts_with("go1.") {
            return Reason::Release;
        }
        let arch_prefix = name.split('.').next().unwrap_or("");
        if name.contains('.') && ports::is_known_arch(arch_prefix) {
            if arch_prefix == self.goarch {
                return Reason::Feature(self.feature_setting.clone());
            }
            return Reason::OtherArch { goarch: self.goarch.clone() };
        }
        Reason::Unknown
    }

    fn experiment_reason(&self, name: &str) -> Reason {
        let by_default = self.experiments.is_baseline(name) == self.experiments.is_enabled(name);
        let setting = if by_default { String::new() } else { self.experiment_setting.clone() };
        Reason::Experiment { name: name.to_owned(), setting }
    }

    /// Every tag this configuration satisfies, each once, with the reason: GOOS and the
    /// OS it implies, GOARCH, `unix`, `cgo`, the compiler, tool tags, release tags and
    /// user tags.
    pub fn tag_set(&self) -> Vec<TagFact> {
        let mut names: Vec<&str> = vec![self.goos.as_str()];
        names.extend(implied_os(&self.goos));
        names.push(&self.goarch);
        if ports::is_unix(&self.goos) {
            names.push("unix");
        }
        if self.cgo_enabled {
            names.push("cgo");
        }
        names.push(self.compiler);
        names.extend(self.tool_tags.iter().map(String::as_str));
        names.extend(self.release_tags.iter().map(String::as_str));
        names.extend(self.build_tags.iter().map(String::as_str));
        let mut seen = Vec::new();
        let mut facts = Vec::new();
        for name in names {
            if !seen.contains(&name) {
                seen.push(name);
                facts.push(self.explain(name));
            }
        }
        facts
    }
}

/// The OS name a GOOS also satisfies: android is linux, ios is darwin, illumos is
/// solaris, and never the other way round.
pub fn implied_os(goos: &str) -> Option<&'static str> {
    ports::Os::parse(goos).and_then(ports::Os::implies).map(ports::Os::name)
}

/// `go1.1` … `go1.27`: one tag per release up to the toolchain's.
pub fn release_tags() -> Vec<String> {
    (1..=GO_RELEASE).map(|minor| format!("go1.{minor}")).collect()
}

/// Parses a `-tags` value as the go command does (`tagsFlag.Set`): a comma list with
/// empty items dropped, or, for Go 1.12 compatibility, a space-separated quoted list
/// when the value contains a space or a quote.
pub fn parse_tags_flag(value: &str) -> Result<Vec<String>, String> {
    if value.contains(' ') || value.contains('\'') {
        return split_quoted(value);
    }
    Ok(value.split(',').filter(|t| !t.is_empty()).map(str::to_owned).collect())
}

/// The `-tags` list a command uses: its own `-tags` flag if given, else the last
/// `-tags` in GOFLAGS, else none. The error is the flag package's message.
pub fn effective_build_tags(env: &GoEnv, flag: Option<&str>) -> Result<Vec<String>, String> {
    match flag.map(str::to_owned).or_else(|| env.goflags_tags()) {
        Some(value) => parse_tags_flag(&value)
            .map_err(|e| format!("invalid value {} for flag -tags: {e}", crate::archvar::go_quote(&value))),
        None => Ok(Vec::new()),
    }
}

impl Context {
    /// The context a go command (`build`, `list`, …) works in, after the checks every
    /// such command makes in Go's order: the configuration, the `-tags` flag, then
    /// GOFIPS140, whose snapshot adds a `fips140vX.Y` build tag.
    pub fn for_command(env: &GoEnv, tags_flag: Option<&str>) -> Result<Context, EnvError> {
        env.check()?;
        let mut tags =
            effective_build_tags(env, tags_flag).map_err(|message| EnvError { message, status: 2 })?;
        if let Some(tag) = env.check_fips140(&tags)? {
            tags.push(tag);
        }
        Ok(Context::new(env, tags))
    }

    /// The port of the context's GOOS/GOARCH, if the go command accepts the pair.
    pub fn port(&self) -> Option<&'static ports::Port> {
        ports::lookup(&self.goos, &self.goarch)
    }

    /// The error a default-mode build of a main package meets when the target needs
    /// external linking and cgo is off.
    pub fn check_link(&self) -> Result<(), String> {
        match ports::external_linking_reason(&self.goos, &self.goarch) {
            Some(what) if !self.cgo_enabled => {
                Err(format!("{what} requires external (cgo) linking, but cgo is not enabled"))
            }
            _ => Ok(()),
        }
    }
}

/// Whether one tag is satisfied, and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagFact {
    pub tag: String,
    pub set: bool,
    pub reason: Reason,
}

impl fmt::Display for TagFact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let verb = if self.set { "is set" } else { "is not set" };
        write!(f, "`{}` {verb}: {}", self.tag, self.reason)
    }
}

/// Why a tag is or is not satisfied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    Goos(String),
    ImpliedOs {
        goos: String,
    },
    OtherOs {
        goos: String,
    },
    Goarch(String),
    OtherArch {
        goarch: String,
    },
    Compiler,
    Unix {
        goos: String,
        unix: bool,
    },
    CgoEnabled(bool),
    /// An architecture feature tag and the setting that decides it.
    Feature(Option<(ArchVar, String)>),
    Experiment {
        name: String,
        setting: String,
    },
    Release,
    UserTag,
    Unknown,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Goos(goos) => write!(f, "GOOS={goos}"),
            Reason::ImpliedOs { goos } => {
                write!(f, "GOOS={goos}, and {goos} implies {}", implied_os(goos).unwrap_or("?"))
            }
            Reason::OtherOs { goos } => match implied_os(goos) {
                Some(implied) => write!(f, "GOOS={goos}, which implies only {implied}"),
                None => write!(f, "GOOS={goos}"),
            },
            Reason::Goarch(goarch) => write!(f, "GOARCH={goarch}"),
            Reason::OtherArch { goarch } => write!(f, "GOARCH={goarch}"),
            Reason::Compiler => f.write_str("the compiler is gc"),
            Reason::Unix { goos, unix: true } => write!(f, "GOOS={goos} is a Unix system"),
            Reason::Unix { goos, unix: false } => write!(f, "GOOS={goos} is not a Unix system"),
            Reason::CgoEnabled(on) => write!(f, "CGO_ENABLED={}", u8::from(*on)),
            Reason::Feature(Some((var, value))) => write!(f, "{var}={value}"),
            Reason::Feature(None) => f.write_str("GOARCH has no feature levels"),
            Reason::Experiment { name, setting } if setting.is_empty() => {
                if crate::experiment::EXPERIMENTS.contains(&name.as_str()) {
                    write!(f, "experiment {name} is at its default for this target")
                } else {
                    write!(f, "go1.27.3 has no experiment {name}")
                }
            }
            Reason::Experiment { name, setting } => {
                write!(f, "GOEXPERIMENT={setting} changes experiment {name}")
            }
            Reason::Release => write!(f, "the toolchain is {}", crate::GO_VERSION),
            Reason::UserTag => f.write_str("listed in -tags"),
            Reason::Unknown => f.write_str("no setting defines it and -tags does not list it"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Host;
    use crate::goenv::EnvLayers;

    fn ctx(vars: &[(&str, &str)], tags: &[&str]) -> Context {
        let env = GoEnv::new(EnvLayers::from_process(vars.iter().copied()), Host::LINUX_AMD64, &|_| true);
        Context::new(&env, tags.iter().map(|t| (*t).to_owned()).collect())
    }

    #[test]
    fn matching() {
        let android = ctx(&[("GOOS", "android"), ("GOARCH", "arm64")], &["foo"]);
        for set in [
            "android",
            "linux",
            "unix",
            "arm64",
            "gc",
            "go1.1",
            "go1.27",
            "foo",
            "arm64.v8.0",
            "goexperiment.dwarf5",
        ] {
            assert!(android.matches(set), "{set}");
        }
        for unset in ["cgo", "darwin", "go1.28", "gccgo", "ignore", "arm64.v8.1", "boringcrypto", "amd64"] {
            assert!(!android.matches(unset), "{unset}");
        }
        assert!(!ctx(&[], &[]).matches("android"));
        assert!(ctx(&[("GOEXPERIMENT", "boringcrypto")], &[]).matches("boringcrypto"));
        assert!(!ctx(&[("GOOS", "js"), ("GOARCH", "wasm")], &[]).matches("unix"));
    }

    #[test]
    fn explanations() {
        let c = ctx(&[("GOAMD64", "v3")], &[]);
        assert_eq!(c.explain("amd64.v2").to_string(), "`amd64.v2` is set: GOAMD64=v3");
        assert_eq!(c.explain("amd64.v4").to_string(), "`amd64.v4` is not set: GOAMD64=v3");
        assert_eq!(
            ctx(&[("GOOS", "ios"), ("GOARCH", "arm64")], &[]).explain("darwin").to_string(),
            "`darwin` is set: GOOS=ios, and ios implies darwin"
        );
        assert_eq!(
            ctx(&[("GOOS", "darwin"), ("GOARCH", "arm64")], &[]).explain("ios").to_string(),
            "`ios` is not set: GOOS=darwin"
        );
        assert_eq!(c.explain("cgo").to_string(), "`cgo` is set: CGO_ENABLED=1");
        assert_eq!(
            c.explain("bogus").to_string(),
            "`bogus` is not set: no setting defines it and -tags does not list it"
        );
    }

    #[test]
    fn tag_set_is_complete() {
        let c = ctx(&[("GOOS", "illumos")], &["x", "x"]);
        let names: Vec<String> =
            c.tag_set().into_iter().inspect(|f| assert!(f.set, "{f}")).map(|f| f.tag).collect();
        assert_eq!(&names[..5], ["illumos", "solaris", "amd64", "unix", "gc"]);
        assert!(
            names.iter().any(|t| t == "amd64.v1")
                && names.iter().any(|t| t == "go1.27")
                && names.ends_with(&["x".to_owned()])
        );
    }

    #[test]
    fn tags_flag() {
        assert_eq!(parse_tags_flag("a,,b").unwrap(), ["a", "b"]);
        assert_eq!(parse_tags_flag("a b 'c d'").unwrap(), ["a", "b", "c d"]);
        assert!(parse_tags_flag("'a").is_err());
    }
}
