//! GOFIPS140 as the go command resolves it against `$GOROOT/lib/fips140`
//! (`cmd/go/internal/fips140`): `off`, `latest`, or a frozen module snapshot, which
//! adds the build tag `fips140vX.Y`. The snapshots of go1.27.3's tree are data here.

/// Aliases that redirect to a snapshot (`lib/fips140/*.txt` in go1.27.3).
static REDIRECTS: [(&str, &str); 3] =
    [("certified", "v1.0.0-c2097c7c"), ("inprocess", "v1.26.0"), ("v1.0.0", "v1.0.0-c2097c7c")];

/// The snapshot zips go1.27.3 ships (`lib/fips140/*.zip`).
static SNAPSHOTS: [&str; 2] = ["v1.0.0-c2097c7c", "v1.26.0"];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fips140 {
    Off,
    Latest,
    Snapshot(&'static str),
}

impl Fips140 {
    /// Resolves a GOFIPS140 setting; the error is the go command's message (exit 1).
    pub fn resolve(v: &str) -> Result<Fips140, String> {
        match v {
            "off" | "" => return Ok(Fips140::Off),
            "latest" => return Ok(Fips140::Latest),
            _ => {}
        }
        if v.contains('/') || v.contains('\\') || v.contains("..") {
            return Err(format!("go: malformed GOFIPS140 version {}", crate::archvar::go_quote(v)));
        }
        let target = REDIRECTS.iter().find(|(alias, _)| *alias == v).map_or(v, |(_, to)| to);
        match SNAPSHOTS.iter().find(|s| **s == target) {
            Some(snapshot) => Ok(Fips140::Snapshot(snapshot)),
            None => Err(format!("go: unknown GOFIPS140 version {}", crate::archvar::go_quote(v))),
        }
    }

    pub fn enabled(self) -> bool {
        self != Fips140::Off
    }

    /// What the build info records as GOFIPS140 (`fips140.Version`): `latest` or
    /// the snapshot's version; None when off.
    pub fn version(self) -> Option<&'static str> {
        match self {
            Fips140::Off => None,
            Fips140::Latest => Some("latest"),
            Fips140::Snapshot(v) => Some(v),
        }
    }

    /// `fips140` + the snapshot's `vMAJOR.MINOR`, added to the build tags.
    pub fn build_tag(self) -> Option<String> {
        let Fips140::Snapshot(version) = self else { return None };
        let mut parts = version.split(['.', '-']);
        let (major, minor) = (parts.next()?, parts.next()?);
        Some(format!("fips140{major}.{minor}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution() {
        assert_eq!(Fips140::resolve("inprocess").unwrap().build_tag().as_deref(), Some("fips140v1.26"));
        assert_eq!(Fips140::resolve("v1.0.0").unwrap().build_tag().as_deref(), Some("fips140v1.0"));
        assert_eq!(Fips140::resolve("latest").unwrap().build_tag(), None);
        assert_eq!(
            Fips140::resolve("v1.26.0-rc2").unwrap_err(),
            "go: unknown GOFIPS140 version \"v1.26.0-rc2\""
        );
        assert_eq!(Fips140::resolve("../x").unwrap_err(), "go: malformed GOFIPS140 version \"../x\"");
    }
}
