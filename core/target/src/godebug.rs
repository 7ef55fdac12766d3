//! GODEBUG settings as the go command checks them before a build
//! (`modload.CheckGodebug`, for `godebug` lines in go.mod and `//go:debug`
//! directives alike), over the tables in `godebugs`, and Go toolchain versions as
//! `cmd/go/internal/gover` reads and orders them.

use core::cmp::Ordering;

use crate::archvar::go_quote;
use crate::godebugs::{NAMES, REMOVED};

/// The toolchain crossplay models, as `gover.Local()`.
pub const LOCAL: &str = "1.27.3";

/// Go's error for a `key=value` setting, `verb` naming where it came from
/// (`godebug`, `//go:debug setting`).
pub fn check(verb: &str, key: &str, value: &str) -> Result<(), String> {
    if key.contains([' ', '\t']) {
        return Err("key contains space".into());
    }
    if value.contains([' ', '\t']) {
        return Err("value contains space".into());
    }
    if key.contains(',') {
        return Err("key contains comma".into());
    }
    if value.contains(',') {
        return Err("value contains comma".into());
    }
    if key == "default" {
        let Some(v) = value.strip_prefix("go").filter(|v| is_valid(v)) else {
            return Err("value for default= must be goVERSION".into());
        };
        if compare(v, LOCAL) == Ordering::Greater {
            return Err(format!("default={value} too new (toolchain is go{LOCAL})"));
        }
        return Ok(());
    }
    if NAMES.contains(&key) {
        return Ok(());
    }
    if let Some((_, removed, old)) = REMOVED.iter().find(|(name, ..)| *name == key) {
        if old.contains(&value) {
            return Err(format!(
                "removed GODEBUG {} set to old value {} (https://go.dev/doc/godebug#go-1{removed})",
                go_quote(key),
                go_quote(value)
            ));
        }
        // A removed setting with any other value is accepted (go.dev/issue/76163).
        return Ok(());
    }
    Err(format!("unknown {verb} {}", go_quote(key)))
}

/// A parsed Go version: `1`, `1.21`, `1.21rc1`, `1.21.3`.
#[derive(Debug, PartialEq, Eq)]
struct Version {
    major: u64,
    minor: Option<u64>,
    patch: Option<u64>,
    /// `alpha`, `beta` or `rc` and its number; `("", 0)` for none.
    pre: (&'static str, u64),
}

fn number(s: &str) -> Option<(u64, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let digits = &s[..end];
    if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    Some((digits.parse().ok()?, &s[end..]))
}

fn parse(v: &str) -> Option<Version> {
    let (major, rest) = number(v)?;
    let mut out = Version { major, minor: None, patch: None, pre: ("", 0) };
    if rest.is_empty() {
        return Some(out);
    }
    let (minor, rest) = number(rest.strip_prefix('.')?)?;
    out.minor = Some(minor);
    if rest.is_empty() {
        return Some(out);
    }
    if let Some(p) = rest.strip_prefix('.') {
        let (patch, rest) = number(p)?;
        out.patch = Some(patch);
        return rest.is_empty().then_some(out);
    }
    for kind in ["alpha", "beta", "rc"] {
        if let Some(n) = rest.strip_prefix(kind) {
            let (n, rest) = number(n)?;
            out.pre = (kind, n);
            return rest.is_empty().then_some(out);
        }
    }
    None
}

/// `gover.IsValid`.
pub fn is_valid(v: &str) -> bool {
    parse(v).is_some()
}

/// `gover.Compare`: `1.21` < `1.21rc1` < `1.21.0` < `1.21.1`; an invalid version
/// orders before every valid one.
pub fn compare(a: &str, b: &str) -> Ordering {
    let key = |v: &str| {
        parse(v).map(|v| {
            let stage = match (v.patch, v.pre.0) {
                (Some(_), _) => 4,
                (None, "rc") => 3,
                (None, "beta") => 2,
                (None, "alpha") => 1,
                _ => 0,
            };
            (v.major, v.minor.unwrap_or(0), stage, v.patch.unwrap_or(0), v.pre.1)
        })
    };
    key(a).cmp(&key(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_order_as_gover() {
        let order = [
            "1",
            "1.20",
            "1.21",
            "1.21alpha1",
            "1.21beta2",
            "1.21rc1",
            "1.21rc2",
            "1.21.0",
            "1.21.10",
            "1.27.3",
        ];
        for w in order.windows(2) {
            assert_eq!(compare(w[0], w[1]), Ordering::Less, "{} < {}", w[0], w[1]);
        }
        for bad in ["", "1.", "01.2", "1.2.3.4", "1.21rc", "1.21.0rc1", "go1.21", "1.2x"] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn checks_are_go_s() {
        assert_eq!(check("godebug", "panicnil", "1"), Ok(()));
        assert_eq!(check("godebug", "x509sha1", "0"), Ok(()));
        assert_eq!(
            check("godebug", "asynctimerchan", "2").unwrap_err(),
            "removed GODEBUG \"asynctimerchan\" set to old value \"2\" (https://go.dev/doc/godebug#go-127)"
        );
        assert_eq!(check("godebug", "foo", "1").unwrap_err(), "unknown godebug \"foo\"");
        assert_eq!(
            check("//go:debug setting", "default", "go1.30").unwrap_err(),
            "default=go1.30 too new (toolchain is go1.27.3)"
        );
        assert_eq!(check("godebug", "default", "go1.21"), Ok(()));
        assert_eq!(check("godebug", "default", "1.21").unwrap_err(), "value for default= must be goVERSION");
        assert_eq!(check("godebug", "a b", "1").unwrap_err(), "key contains space");
        assert_eq!(check("godebug", "panicnil", "1,2").unwrap_err(), "value contains comma");
    }
}
