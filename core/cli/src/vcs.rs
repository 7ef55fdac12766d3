//! VCS stamping as `go build` does it (`load.setBuildInfo`, reference/go-semantics.md
//! §6.3): under `-buildvcs` (default `auto`: on for `build`, off for `run`), a main
//! package of the main module in the same repository as the working directory
//! records `vcs`, `vcs.revision`, `vcs.time` and `vcs.modified`, and the main
//! module's version becomes the repository's: the highest release tag on the
//! revision, else a pseudo-version from the highest tag before it (`modfetch`'s
//! `codeRepo.convert`), `+dirty` when modified. Git is run for real; the other
//! systems Go knows are found, and reported as not supported.

use std::path::Path;
use std::process::Command;

use crate::Sys;

/// The version-control systems Go recognizes, by the names that mark a root.
const SYSTEMS: [(&str, &[&str]); 5] = [
    ("hg", &[".hg"]),
    ("git", &[".git"]),
    ("svn", &[".svn"]),
    ("bzr", &[".bzr"]),
    ("fossil", &[".fossil", "_FOSSIL_"]),
];

/// The innermost repository root at or above `dir`, and its system
/// (`vcs.FromDir` with nesting allowed).
fn from_dir(dir: &str) -> Option<(String, &'static str)> {
    let mut d = Path::new(dir);
    loop {
        for (name, roots) in SYSTEMS {
            if roots.iter().any(|r| d.join(r).exists()) {
                return Some((d.to_string_lossy().into_owned(), name));
            }
        }
        d = d.parent()?;
    }
}

/// `str.HasFilePathPrefix` for slash-separated absolute paths.
fn has_path_prefix(s: &str, prefix: &str) -> bool {
    s == prefix
        || prefix.is_empty()
        || prefix == "/"
        || s.strip_prefix(prefix).is_some_and(|r| r.starts_with('/'))
}

/// Go's error for a failed stamp.
fn vcs_error(why: impl core::fmt::Display) -> String {
    format!("error obtaining VCS status: {why}\n\tUse -buildvcs=false to disable VCS stamping.")
}

/// What to record of the repository, for `driver::stamp_vcs`; `Ok(None)` when
/// nothing is. `mode` is `-buildvcs` (`auto`, `true`, `false`); `auto_vcs`
/// whether `auto` means on (build, not run); `module_dir` the main module's root
/// (None: files named on the command line, which no module holds); `pkg_dir` the
/// main package's directory; `module_path` the main module's path.
pub fn stamp(
    sys: &Sys,
    mode: &str,
    auto_vcs: bool,
    module_dir: Option<&str>,
    pkg_dir: &str,
    module_path: &str,
) -> Result<Option<driver::Vcs>, String> {
    let want = mode == "true" || (mode == "auto" && auto_vcs);
    let Some(module_dir) = module_dir.filter(|_| want) else { return Ok(None) };
    let Some((repo, system)) = from_dir(&sys.cwd) else { return Ok(None) };
    if !has_path_prefix(module_dir, &repo) && !has_path_prefix(&repo, module_dir) {
        return Ok(None);
    }
    if mode == "auto" && !(sys.look_path)(system) {
        return Ok(None);
    }
    for (what, dir) in [("main package", pkg_dir), ("main module", module_dir)] {
        let other = from_dir(dir).map(|(r, _)| r).unwrap_or_default();
        if other != repo {
            if mode == "auto" {
                return Ok(None);
            }
            return Err(vcs_error(format!(
                "{what} is in repository {other:?} but current directory is in repository {repo:?}"
            )));
        }
    }
    if system != "git" {
        return Err(vcs_error(format!("crossplay reads git repositories only, not {system}")));
    }
    let git = Git { sys, dir: &repo };
    let uncommitted = !git.run(&["status", "--porcelain"])?.is_empty();
    // `git show` fails in a repository without commits; with uncommitted files that
    // only leaves the revision out.
    let (mut revision, mut time) = (String::new(), None);
    match git.run(&["-c", "log.showsignature=false", "show", "-s", "--format=%H:%ct"]) {
        Ok(out) => {
            let bad = || vcs_error(format!("unrecognized VCS tool output {:?}", out.trim()));
            let (rev, t) = out.trim().split_once(':').ok_or_else(bad)?;
            revision = rev.to_string();
            time = Some(t.parse::<i64>().map_err(|_| bad())?);
        }
        Err(e) if !uncommitted => return Err(e),
        Err(_) => {}
    }
    let version = match time {
        Some(t) => module_version(&git, &repo, module_path, &revision, t),
        None => None,
    }
    .map(|v| if uncommitted { format!("{v}+dirty") } else { v });
    Ok(Some(driver::Vcs {
        system: system.to_string(),
        revision: revision.clone(),
        time: time.map(rfc3339).unwrap_or_default(),
        modified: uncommitted,
        version,
    }))
}

struct Git<'a> {
    sys: &'a Sys,
    dir: &'a str,
}

impl Git<'_> {
    /// Runs git in the repository with the process environment; its output, or
    /// Go's error for a failure.
    fn run(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new("git")
            .args(args)
            .current_dir(self.dir)
            .env_clear()
            .envs(&self.sys.env)
            .env("PWD", self.dir)
            .output();
        match out {
            Ok(o) if o.status.success() => Ok(String::from_utf8_lossy(&o.stdout).into_owned()),
            Ok(o) => Err(vcs_error(match o.status.code() {
                Some(c) => format!("exit status {c}"),
                None => "signal: killed".into(),
            })),
            Err(_) => Err(format!(
                "go: missing Git command. See https://go.dev/s/gogetcmd\n{}",
                vcs_error("exec: \"git\": executable file not found in $PATH")
            )),
        }
    }

    fn lines(&self, args: &[&str]) -> Vec<String> {
        self.run(args).map(|o| o.lines().map(str::to_owned).collect()).unwrap_or_default()
    }
}

/// The main module's version at `revision` (committed at `time`), as `modfetch`
/// derives it from the repository's tags; None where Go leaves `(devel)`: the
/// repository root has no `go.mod`, or the module's path is not under its.
fn module_version(git: &Git<'_>, repo: &str, module_path: &str, revision: &str, time: i64) -> Option<String> {
    let root_mod = std::fs::read_to_string(Path::new(repo).join("go.mod")).ok()?;
    let root_path = load::parse_go_mod("go.mod", &root_mod).ok()?.path;
    let (code_root, _) = split_path_version(&root_path)?;
    let (path_prefix, path_major) = split_path_version(module_path)?;
    let code_dir = if code_root == module_path {
        ""
    } else if path_prefix == code_root {
        ""
    } else {
        path_prefix.strip_prefix(code_root).filter(|r| r.starts_with('/'))?.trim_matches('/')
    };
    let tag_prefix = if code_dir.is_empty() { String::new() } else { format!("{code_dir}/") };
    // A tag's version: its canonical form, and whether the tag is exactly that.
    let tag_version = |tag: &str| -> Option<(String, bool)> {
        let v = tag.strip_prefix(&tag_prefix)?;
        if is_pseudo_version(v) {
            return None;
        }
        let c = semver::canonical(v)?;
        if !v.starts_with(&c) || !match_path_major(&c, path_major) {
            return None;
        }
        Some((c.clone(), c == v))
    };
    // The highest release tag on the revision itself.
    let exact = git
        .lines(&["tag", "--points-at", revision])
        .iter()
        .filter_map(|t| tag_version(t).filter(|(_, canonical)| *canonical).map(|(v, _)| v))
        .max_by(|a, b| semver::compare(a, b));
    if let Some(v) = exact {
        return Some(v);
    }
    // Else a pseudo-version after the highest tag it descends from.
    let base = git
        .lines(&["for-each-ref", "--format=%(refname)", "refs/tags", "--merged", revision])
        .iter()
        .filter_map(|r| tag_version(r.strip_prefix("refs/tags/")?).map(|(v, _)| v))
        .max_by(|a, b| semver::compare(a, b));
    let major = if path_major.is_empty() { "v0" } else { &path_major[1..] };
    let short = &revision[..revision.len().min(12)];
    Some(pseudo_version(major, base.as_deref(), time, short))
}

/// `module.SplitPathVersion`: a path's prefix and its major-version suffix
/// (`/vN`, N ≥ 2), or None for a malformed suffix.
fn split_path_version(path: &str) -> Option<(&str, &str)> {
    let b = path.as_bytes();
    let mut i = b.len();
    let mut dot = false;
    while i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'.') {
        dot |= b[i - 1] == b'.';
        i -= 1;
    }
    if i <= 1 || i == b.len() || b[i - 1] != b'v' || b[i - 2] != b'/' {
        return Some((path, ""));
    }
    let (prefix, major) = path.split_at(i - 2);
    if dot || major.len() <= 2 || major.as_bytes()[2] == b'0' || major == "/v1" {
        return None;
    }
    Some((prefix, major))
}

/// `module.MatchPathMajor` for canonical versions: v0 or v1 without a suffix,
/// else the suffix's major.
fn match_path_major(v: &str, path_major: &str) -> bool {
    let m = semver::major(v);
    if path_major.is_empty() { m == "v0" || m == "v1" } else { m == path_major[1..] }
}

/// `module.IsPseudoVersion`: `vX.0.0-yyyymmddhhmmss-abcdef`, `vX.Y.(Z+1)-0.…` or
/// `vX.Y.Z-pre.0.…`.
fn is_pseudo_version(v: &str) -> bool {
    if v.matches('-').count() < 2 || semver::canonical(v).is_none() {
        return false;
    }
    let v = v.split('+').next().unwrap_or(v);
    let Some((head, rev)) = v.rsplit_once('-') else { return false };
    if rev.is_empty() || !rev.bytes().all(|c| c.is_ascii_alphanumeric()) || head.len() < 14 {
        return false;
    }
    let (head, stamp) = head.split_at(head.len() - 14);
    stamp.bytes().all(|c| c.is_ascii_digit())
        && (head.ends_with(".0.0-") && head.matches('.').count() == 2
            || head.ends_with("-0.")
            || head.ends_with(".0."))
}

/// `module.PseudoVersion`.
fn pseudo_version(major: &str, older: Option<&str>, time: i64, rev: &str) -> String {
    let segment = format!("{}-{rev}", timestamp(time));
    match older {
        None => format!("{major}.0.0-{segment}"),
        Some(o) if o.contains('-') => format!("{o}.0.{segment}"),
        Some(o) => {
            let (v, patch) = o.rsplit_once('.').unwrap_or((o, "0"));
            let next = patch.parse::<u64>().map_or_else(|_| patch.to_string(), |p| (p + 1).to_string());
            format!("{v}.{next}-0.{segment}")
        }
    }
}

/// The civil date and time of a Unix time, in UTC.
fn civil(t: i64) -> (i64, i64, i64, i64, i64, i64) {
    let (days, secs) = (t.div_euclid(86400), t.rem_euclid(86400));
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d, secs / 3600, secs / 60 % 60, secs % 60)
}

/// `time.RFC3339Nano` in UTC, for whole seconds.
fn rfc3339(t: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(t);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// A pseudo-version's time stamp, `20060102150405` in UTC.
fn timestamp(t: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(t);
    format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}")
}

/// Semantic versions as `golang.org/x/mod/semver` reads them: `v` and a major,
/// optionally a minor and patch (`v1`, `v1.2` are shorthands), a prerelease and
/// build metadata only after all three.
pub mod semver {
    use core::cmp::Ordering;

    struct Parsed<'a> {
        major: &'a str,
        minor: &'a str,
        patch: &'a str,
        prerelease: &'a str,
    }

    fn num(s: &str) -> Option<(&str, &str)> {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 || (n > 1 && s.starts_with('0')) {
            return None;
        }
        Some(s.split_at(n))
    }

    fn idents(s: &str, numeric_rule: bool) -> bool {
        s.split('.').all(|id| {
            !id.is_empty()
                && id.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
                && !(numeric_rule
                    && id.len() > 1
                    && id.starts_with('0')
                    && id.bytes().all(|c| c.is_ascii_digit()))
        })
    }

    fn parse(v: &str) -> Option<Parsed<'_>> {
        let rest = v.strip_prefix('v')?;
        let (major, mut rest) = num(rest)?;
        if rest.is_empty() {
            return Some(Parsed { major, minor: "0", patch: "0", prerelease: "" });
        }
        rest = rest.strip_prefix('.')?;
        let (minor, r) = num(rest)?;
        if r.is_empty() {
            return Some(Parsed { major, minor, patch: "0", prerelease: "" });
        }
        let (patch, r) = num(r.strip_prefix('.')?)?;
        let (pre_part, build) = match r.split_once('+') {
            Some((p, b)) => (p, Some(b)),
            None => (r, None),
        };
        let prerelease = match pre_part {
            "" => "",
            p => {
                let p = p.strip_prefix('-')?;
                if !idents(p, true) {
                    return None;
                }
                p
            }
        };
        if build.is_some_and(|b| !idents(b, false)) {
            return None;
        }
        Some(Parsed { major, minor, patch, prerelease })
    }

    /// `semver.Canonical`: `vMAJOR.MINOR.PATCH[-PRERELEASE]`, build metadata
    /// dropped; None if invalid.
    pub fn canonical(v: &str) -> Option<String> {
        let p = parse(v)?;
        let pre = if p.prerelease.is_empty() { String::new() } else { format!("-{}", p.prerelease) };
        Some(format!("v{}.{}.{}{pre}", p.major, p.minor, p.patch))
    }

    /// `semver.Major`: `vMAJOR`, or "" if invalid.
    pub fn major(v: &str) -> String {
        parse(v).map(|p| format!("v{}", p.major)).unwrap_or_default()
    }

    fn cmp_num(a: &str, b: &str) -> Ordering {
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    }

    fn cmp_pre(a: &str, b: &str) -> Ordering {
        match (a.is_empty(), b.is_empty()) {
            (true, true) => return Ordering::Equal,
            (true, false) => return Ordering::Greater,
            (false, true) => return Ordering::Less,
            _ => {}
        }
        let (mut x, mut y) = (a.split('.'), b.split('.'));
        loop {
            match (x.next(), y.next()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(p), Some(q)) => {
                    let (pn, qn) =
                        (p.bytes().all(|c| c.is_ascii_digit()), q.bytes().all(|c| c.is_ascii_digit()));
                    let o = match (pn, qn) {
                        (true, true) => cmp_num(p, q),
                        (true, false) => Ordering::Less,
                        (false, true) => Ordering::Greater,
                        (false, false) => p.cmp(q),
                    };
                    if o != Ordering::Equal {
                        return o;
                    }
                }
            }
        }
    }

    /// `semver.Compare`: an invalid version is below every valid one.
    pub fn compare(a: &str, b: &str) -> Ordering {
        match (parse(a), parse(b)) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(p), Some(q)) => cmp_num(p.major, q.major)
                .then_with(|| cmp_num(p.minor, q.minor))
                .then_with(|| cmp_num(p.patch, q.patch))
                .then_with(|| cmp_pre(p.prerelease, q.prerelease)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn semver_orders_as_go() {
        let order = [
            "v0.9.0",
            "v1.0.0-alpha",
            "v1.0.0-alpha.1",
            "v1.0.0-alpha.beta",
            "v1.0.0-beta.2",
            "v1.0.0-beta.11",
            "v1.0.0-rc.1",
            "v1.0.0",
            "v1.2.3",
            "v1.10.0",
        ];
        for w in order.windows(2) {
            assert_eq!(semver::compare(w[0], w[1]), core::cmp::Ordering::Less, "{} < {}", w[0], w[1]);
        }
        assert_eq!(semver::canonical("v1.4").as_deref(), Some("v1.4.0"));
        assert_eq!(semver::canonical("v2.0.1+meta").as_deref(), Some("v2.0.1"));
        for bad in ["1.0.0", "v1.02.0", "v1.2-pre", "v1.0.0-01", "v1.0.0+", "junk"] {
            assert_eq!(semver::canonical(bad), None, "{bad}");
        }
    }

    #[test]
    fn pseudo_versions_are_go_s() {
        let t = 1_767_323_045; // 2026-01-02T03:04:05Z
        assert_eq!(rfc3339(t), "2026-01-02T03:04:05Z");
        assert_eq!(pseudo_version("v0", None, t, "259d5d42b3e3"), "v0.0.0-20260102030405-259d5d42b3e3");
        assert_eq!(pseudo_version("v0", Some("v1.2.3"), t, "abc"), "v1.2.4-0.20260102030405-abc");
        assert_eq!(pseudo_version("v0", Some("v1.3.0-rc.2"), t, "abc"), "v1.3.0-rc.2.0.20260102030405-abc");
        assert!(is_pseudo_version("v0.0.0-20260102030405-259d5d42b3e3"));
        assert!(is_pseudo_version("v1.2.4-0.20260102030405-abc"));
        assert!(is_pseudo_version("v1.3.0-rc.2.0.20260102030405-abc"));
        assert!(!is_pseudo_version("v1.3.0-rc.2"));
        assert_eq!(split_path_version("example.com/r/v2"), Some(("example.com/r", "/v2")));
        assert_eq!(split_path_version("example.com/r"), Some(("example.com/r", "")));
        assert_eq!(split_path_version("example.com/r/v1"), None);
    }
}
