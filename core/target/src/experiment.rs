//! GOEXPERIMENT: the experiment flags of go1.27.3, their per-target baseline, and the
//! parser with Go's error texts (`internal/buildcfg/exp.go`,
//! `internal/goexperiment/flags.go`).

/// The fields of `goexperiment.Flags`, lowercased, in declaration order. The order is
/// the order of the `goexperiment.*` tool tags.
pub static EXPERIMENTS: [&str; 20] = [
    "fieldtrack",
    "preemptibleloops",
    "staticlockranking",
    "boringcrypto",
    "regabiwrappers",
    "regabiargs",
    "heapminimum512kib",
    "arenas",
    "cgocheck2",
    "loopvar",
    "newinliner",
    "dwarf5",
    "jsonv2",
    "greenteagc",
    "randomizedheapbase64",
    "runtimefreegc",
    "sizespecializedmalloc",
    "simd",
    "runtimesecret",
    "mapsplitgroup",
];

fn index(name: &str) -> Option<usize> {
    EXPERIMENTS.iter().position(|&e| e == name)
}

const REGABI_WRAPPERS: usize = 4;
const REGABI_ARGS: usize = 5;

/// The experiments in effect for one target, and the baseline they are compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Experiments {
    flags: [bool; EXPERIMENTS.len()],
    baseline: [bool; EXPERIMENTS.len()],
}

impl Experiments {
    /// The default experiments of go1.27.3 for `goos/goarch`.
    pub fn baseline(goos: &str, goarch: &str) -> Experiments {
        let mut baseline = [false; EXPERIMENTS.len()];
        let regabi = regabi_supported(goarch);
        let dwarf5 = !matches!(goos, "darwin" | "ios" | "aix");
        for (name, on) in [
            ("regabiwrappers", regabi),
            ("regabiargs", regabi),
            ("dwarf5", dwarf5),
            ("randomizedheapbase64", true),
            ("greenteagc", true),
            ("jsonv2", true),
            ("sizespecializedmalloc", true),
        ] {
            if let Some(i) = index(name) {
                baseline[i] = on;
            }
        }
        Experiments { flags: baseline, baseline }
    }

    /// `ParseGOEXPERIMENT(goos, goarch, goexp)`: a comma list of experiment names, each
    /// optionally prefixed by `no`; `none` clears every flag (baseline included);
    /// `regabi` sets both register-ABI flags, which are then forced on where the
    /// architecture always uses them and off where it cannot.
    pub fn parse(goos: &str, goarch: &str, goexp: &str) -> Result<Experiments, String> {
        let mut exps = Experiments::baseline(goos, goarch);
        for item in goexp.split(',') {
            if item.is_empty() {
                continue;
            }
            if item == "none" {
                exps.flags = [false; EXPERIMENTS.len()];
                continue;
            }
            let (name, on) = match item.strip_prefix("no") {
                Some(name) => (name, false),
                None => (item, true),
            };
            if name == "regabi" {
                exps.flags[REGABI_WRAPPERS] = on;
                exps.flags[REGABI_ARGS] = on;
            } else if let Some(i) = index(name) {
                exps.flags[i] = on;
            } else {
                return Err(format!("unknown GOEXPERIMENT {name}"));
            }
        }
        // The register ABI is always on where supported and always off elsewhere, so the
        // two flags end up equal and Go's "regabiargs requires regabiwrappers" error
        // cannot occur in go1.27.
        let regabi = regabi_supported(goarch);
        exps.flags[REGABI_WRAPPERS] = regabi;
        exps.flags[REGABI_ARGS] = regabi;
        Ok(exps)
    }

    pub fn is_enabled(&self, name: &str) -> bool {
        index(name).is_some_and(|i| self.flags[i])
    }

    /// Whether `name` is on by default for this target.
    pub fn is_baseline(&self, name: &str) -> bool {
        index(name).is_some_and(|i| self.baseline[i])
    }

    /// The enabled experiments, in flag order (`ExperimentFlags.Enabled`).
    pub fn enabled(&self) -> impl Iterator<Item = &'static str> + '_ {
        EXPERIMENTS.iter().zip(self.flags).filter(|(_, on)| *on).map(|(&name, _)| name)
    }

    /// The canonical GOEXPERIMENT value: the flags that differ from the baseline,
    /// `no`-prefixed when off (`ExperimentFlags.String`).
    pub fn canonical(&self) -> String {
        let mut list = Vec::new();
        for (i, name) in EXPERIMENTS.iter().enumerate() {
            if self.flags[i] != self.baseline[i] {
                list.push(if self.flags[i] { (*name).to_owned() } else { format!("no{name}") });
            }
        }
        list.join(",")
    }
}

/// Architectures with the register-based calling convention; on all of them it is
/// always on in go1.27.
fn regabi_supported(goarch: &str) -> bool {
    matches!(goarch, "amd64" | "arm64" | "loong64" | "ppc64le" | "ppc64" | "riscv64" | "s390x")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enabled(goos: &str, goarch: &str, goexp: &str) -> Result<String, String> {
        Experiments::parse(goos, goarch, goexp).map(|e| e.enabled().collect::<Vec<_>>().join(" "))
    }

    #[test]
    fn baselines() {
        assert_eq!(
            enabled("linux", "amd64", "").unwrap(),
            "regabiwrappers regabiargs dwarf5 jsonv2 greenteagc randomizedheapbase64 sizespecializedmalloc"
        );
        assert_eq!(
            enabled("js", "wasm", "").unwrap(),
            "dwarf5 jsonv2 greenteagc randomizedheapbase64 sizespecializedmalloc"
        );
        assert_eq!(
            enabled("darwin", "arm64", "").unwrap(),
            "regabiwrappers regabiargs jsonv2 greenteagc randomizedheapbase64 sizespecializedmalloc"
        );
    }

    #[test]
    fn parsing() {
        assert_eq!(enabled("linux", "386", "none,arenas").unwrap(), "arenas");
        assert_eq!(enabled("linux", "amd64", "none").unwrap(), "regabiwrappers regabiargs");
        assert_eq!(
            enabled("linux", "386", "regabiargs,noregabiwrappers").unwrap(),
            enabled("linux", "386", "").unwrap()
        );
        assert_eq!(enabled("linux", "amd64", ",,").unwrap(), enabled("linux", "amd64", "").unwrap());
        assert_eq!(enabled("linux", "amd64", "nofoo").unwrap_err(), "unknown GOEXPERIMENT foo");
        assert_eq!(enabled("linux", "amd64", "nonone").unwrap_err(), "unknown GOEXPERIMENT none");
        assert_eq!(enabled("linux", "amd64", "Arenas").unwrap_err(), "unknown GOEXPERIMENT Arenas");
        let exps = Experiments::parse("darwin", "arm64", "arenas,nojsonv2,dwarf5").unwrap();
        assert_eq!(exps.canonical(), "arenas,dwarf5,nojsonv2");
    }
}
