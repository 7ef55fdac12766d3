//! The build configuration as Go's `internal/buildcfg` computes it: from the process
//! environment only (never the go/env file), with defaults from the official build, and
//! one `Error` that each invalid setting overwrites in initialization order.
//!
//! That order is the source of two documented quirks that crossplay reproduces
//! (reference/go-semantics.md §2.2):
//! * GOARM64 is parsed after GOAMD64 and GOARM and assigns `Error` even when valid, so
//!   an invalid GOAMD64 or GOARM is silently replaced by its default;
//! * when several settings are invalid, the last one in the order GOAMD64, GOARM,
//!   GOARM64, GOMIPS, GOMIPS64, GOPPC64, GORISCV64, GOWASM, GOFIPS140, GOEXPERIMENT is
//!   reported (`Experiment` depends on nothing declared later, but is declared in a
//!   later file, so Go initializes it after GOFIPS140).

use crate::Host;
use crate::archvar::{self, ArchVar, Goarm, Goarm64, MipsFloat};
use crate::experiment::Experiments;

/// `internal/buildcfg`'s variables for one process environment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuildCfg {
    pub goos: String,
    pub goarch: String,
    /// Raw: only the 386 compiler validates GO386.
    pub go386: String,
    pub goamd64: u8,
    pub goarm: Goarm,
    pub goarm64: Goarm64,
    pub gomips: MipsFloat,
    pub gomips64: MipsFloat,
    pub goppc64: u8,
    pub goriscv64: u8,
    pub gofips140: String,
    /// All flags off when GOEXPERIMENT is invalid, as in Go.
    pub experiment: Experiments,
    /// `buildcfg.Error`: what `buildcfg.Check` reports, without the program prefix.
    pub error: Option<String>,
}

impl BuildCfg {
    /// Reads the settings through `getenv`, which must consult the process environment
    /// only and return "" for unset variables.
    pub fn from_env(getenv: &dyn Fn(&str) -> String, host: Host) -> BuildCfg {
        let env_or = |key: &str, default: &str| {
            let v = getenv(key);
            if v.is_empty() { default.to_owned() } else { v }
        };
        let arch_var = |var: ArchVar| env_or(var.name(), var.default_value());
        let goos = env_or("GOOS", host.goos);
        let goarch = env_or("GOARCH", host.goarch);
        let go386 = arch_var(ArchVar::Go386);
        // GOAMD64 and GOARM assign their errors to `buildcfg.Error`, and GOARM64's plain
        // assignment `g, Error = ParseGoarm64(...)` then clears them: since Go 1.23 an
        // invalid GOAMD64 or GOARM builds at the default level without a word.
        let (goamd64, _cleared) = archvar::parse_goamd64(&arch_var(ArchVar::GoAmd64));
        let arm_default = ArchVar::GoArm.default_value();
        let (goarm, _cleared) = archvar::parse_goarm(&env_or("GOARM", arm_default), arm_default);
        let (goarm64, mut error) = archvar::parse_goarm64(&arch_var(ArchVar::GoArm64));
        let (gomips, e) = archvar::parse_gomips(ArchVar::GoMips, &arch_var(ArchVar::GoMips));
        error = e.or(error);
        let (gomips64, e) = archvar::parse_gomips(ArchVar::GoMips64, &arch_var(ArchVar::GoMips64));
        error = e.or(error);
        let (goppc64, e) = archvar::parse_goppc64(&arch_var(ArchVar::GoPpc64));
        error = e.or(error);
        let (goriscv64, e) = archvar::parse_goriscv64(&arch_var(ArchVar::GoRiscv64));
        error = e.or(error);
        error = archvar::parse_gowasm(&getenv("GOWASM")).or(error);
        let mut gofips140 = env_or("GOFIPS140", "off");
        if let Some(e) = archvar::check_gofips140(&gofips140) {
            error = Some(e);
            gofips140 = "off".to_owned();
        }
        let experiment = match Experiments::parse(&goos, &goarch, &getenv("GOEXPERIMENT")) {
            Ok(exps) => exps,
            Err(e) => {
                error = Some(e);
                Experiments::default()
            }
        };
        BuildCfg {
            goos,
            goarch,
            go386,
            goamd64,
            goarm,
            goarm64,
            gomips,
            gomips64,
            goppc64,
            goriscv64,
            gofips140,
            experiment,
            error,
        }
    }

    /// The architecture feature tags (`gogoarchTags`): cumulative levels for amd64, arm,
    /// arm64, ppc64 and riscv64, one tag for 386 and mips, and the always-on wasm
    /// features.
    pub fn feature_tags(&self) -> Vec<String> {
        let arch = self.goarch.as_str();
        match arch {
            "386" => vec![format!("386.{}", self.go386)],
            "amd64" => (1..=self.goamd64).map(|i| format!("amd64.v{i}")).collect(),
            "arm" => (5..=self.goarm.version).map(|i| format!("arm.{i}")).collect(),
            "arm64" => {
                let (major, minor) = (self.goarm64.major, self.goarm64.minor);
                let mut tags: Vec<String> = (0..=minor).map(|i| format!("arm64.v{major}.{i}")).collect();
                // v9.x includes v8.(x+5).
                if major == 9 {
                    tags.extend((0..=(minor + 5).min(9)).map(|i| format!("arm64.v8.{i}")));
                }
                tags
            }
            "mips" | "mipsle" => vec![format!("{arch}.{}", self.gomips.name())],
            "mips64" | "mips64le" => vec![format!("{arch}.{}", self.gomips64.name())],
            "ppc64" | "ppc64le" => (8..=self.goppc64).map(|i| format!("{arch}.power{i}")).collect(),
            "riscv64" => [20, 22, 23]
                .into_iter()
                .filter(|&year| year <= self.goriscv64)
                .map(|year| format!("riscv64.rva{year}u64"))
                .collect(),
            "wasm" => vec!["wasm.satconv".to_owned(), "wasm.signext".to_owned()],
            _ => Vec::new(),
        }
    }

    /// The value of GO$GOARCH as the compiler sees it (`buildcfg.GOGOARCH`): the parsed
    /// value, printed canonically, so an invalid GOAMD64 shows as `v1`.
    pub fn gogoarch(&self) -> Option<(ArchVar, String)> {
        let var = ArchVar::for_goarch(&self.goarch)?;
        let value = match var {
            ArchVar::Go386 => self.go386.clone(),
            ArchVar::GoAmd64 => format!("v{}", self.goamd64),
            ArchVar::GoArm => self.goarm.to_string(),
            ArchVar::GoArm64 => self.goarm64.to_string(),
            ArchVar::GoMips => self.gomips.name().to_owned(),
            ArchVar::GoMips64 => self.gomips64.name().to_owned(),
            ArchVar::GoPpc64 => format!("power{}", self.goppc64),
            ArchVar::GoRiscv64 => format!("rva{}u64", self.goriscv64),
            ArchVar::GoWasm => String::new(),
        };
        Some((var, value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(vars: &[(&str, &str)]) -> BuildCfg {
        let map: std::collections::BTreeMap<String, String> =
            vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
        BuildCfg::from_env(&|k| map.get(k).cloned().unwrap_or_default(), Host::LINUX_AMD64)
    }

    #[test]
    fn invalid_goamd64_is_silently_replaced() {
        let c = cfg(&[("GOAMD64", "v5")]);
        assert_eq!(c.error, None);
        assert_eq!(c.feature_tags(), ["amd64.v1"]);
        assert_eq!(
            cfg(&[("GOAMD64", "v5"), ("GOARM64", "x")]).error.unwrap(),
            archvar::parse_goarm64("x").1.unwrap()
        );
    }

    #[test]
    fn last_error_wins() {
        assert_eq!(
            cfg(&[("GOMIPS", "x"), ("GOPPC64", "y")]).error.unwrap(),
            "invalid GOPPC64: must be power8, power9, power10"
        );
        assert_eq!(
            cfg(&[("GOEXPERIMENT", "foo"), ("GOFIPS140", "x")]).error.unwrap(),
            "unknown GOEXPERIMENT foo"
        );
        assert!(
            cfg(&[("GOWASM", "x"), ("GOFIPS140", "bad")]).error.unwrap().starts_with("invalid GOFIPS140")
        );
    }

    #[test]
    fn feature_tags() {
        let tags = |vars: &[(&str, &str)]| cfg(vars).feature_tags().join(" ");
        assert_eq!(
            tags(&[("GOARCH", "arm64"), ("GOARM64", "v9.3")]),
            "arm64.v9.0 arm64.v9.1 arm64.v9.2 arm64.v9.3 arm64.v8.0 arm64.v8.1 arm64.v8.2 arm64.v8.3 arm64.v8.4 arm64.v8.5 arm64.v8.6 arm64.v8.7 arm64.v8.8"
        );
        assert_eq!(tags(&[("GOARCH", "arm"), ("GOARM", "6,softfloat")]), "arm.5 arm.6");
        assert_eq!(
            tags(&[("GOARCH", "riscv64"), ("GORISCV64", "rva22u64")]),
            "riscv64.rva20u64 riscv64.rva22u64"
        );
        assert_eq!(tags(&[("GOARCH", "386"), ("GO386", "387")]), "386.387");
        assert_eq!(tags(&[("GOARCH", "s390x")]), "");
    }
}
