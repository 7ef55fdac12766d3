//! `-ldflags` as Go's linker reads them (`cmd/link/internal/ld/main.go`): the words
//! go after what `cmd/go` passes first (`-buildid=ID`) and before what it passes
//! last (`-extld=CC` unless the user named one, then the main package's archive),
//! and the flag package parses the whole line — so a flag left without its value
//! takes the next word, as it does in Go. Every flag of cmd/link is known: the
//! ones that change what crossplay writes take effect (`-s`, `-X`, `-buildid`,
//! `-B`, `-H windowsgui`, `-macos`, `-macsdk`), the ones that change nothing a
//! pure-Go internal link writes are accepted (`-w`, `-extld`, `-linkmode=internal`,
//! …), and the rest are a positioned "not supported yet"; the errors are Go's, each
//! after its `# package` line, usage errors with the usage line.

use link::buildid::HostBuildId;
use target::Os;

/// What `-ldflags` asks of the linker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkFlags {
    /// `-s`: leave out the symbol table.
    pub strip: bool,
    /// `-X importpath.name=value`, in order.
    pub xdefs: Vec<(String, String)>,
    /// `-buildid=ID`, the last one given.
    pub build_id: Option<String>,
    /// `-B`: the host build ID.
    pub host_build_id: HostBuildId,
    /// `-H windowsgui`: a GUI application, not a console one.
    pub windows_gui: bool,
    /// `-macos` and `-macsdk`: the versions in `LC_BUILD_VERSION` (13.0.0 and
    /// 26.2.0 unless set).
    pub macos: [u8; 3],
    pub macsdk: [u8; 3],
}

impl Default for LinkFlags {
    fn default() -> LinkFlags {
        LinkFlags {
            strip: false,
            xdefs: vec![],
            build_id: None,
            host_build_id: HostBuildId::Derived,
            windows_gui: false,
            macos: [13, 0, 0],
            macsdk: [26, 2, 0],
        }
    }
}

/// How a flag's value is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `strconv.ParseBool`; no separate value word.
    Bool,
    /// A count (`-v`) or the version flag (`-V`): bool-like, no separate word.
    BoolLike,
    /// `strconv.ParseInt(s, 0, 64)`.
    Int,
    /// Anything.
    Str,
}

/// What crossplay does with a flag whose value is not the default.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    /// Handled by `apply`.
    Apply,
    /// Changes nothing an internal link of a pure-Go program writes.
    Ignore,
    /// Not implemented: "crossplay does not support … yet".
    No,
}

/// cmd/link's flags: name, kind, default, and what crossplay does with them.
const FLAGS: &[(&str, Kind, &str, Use)] = &[
    ("B", Kind::Str, "", Use::Apply),
    ("D", Kind::Int, "-1", Use::No),
    ("E", Kind::Str, "", Use::No),
    ("H", Kind::Str, "", Use::Apply),
    ("I", Kind::Str, "", Use::No),
    ("L", Kind::Str, "", Use::Ignore),
    ("R", Kind::Int, "-1", Use::Apply),
    ("T", Kind::Int, "-1", Use::No),
    ("V", Kind::BoolLike, "", Use::No),
    ("X", Kind::Str, "", Use::Apply),
    ("a", Kind::Bool, "false", Use::Ignore),
    ("asan", Kind::Bool, "false", Use::No),
    ("aslr", Kind::Bool, "true", Use::Apply),
    ("benchmark", Kind::Str, "", Use::No),
    ("benchmarkprofile", Kind::Str, "", Use::No),
    ("bindnow", Kind::Bool, "false", Use::Ignore),
    ("buildid", Kind::Str, "", Use::Apply),
    ("buildmode", Kind::Str, "", Use::No),
    ("c", Kind::Bool, "false", Use::No),
    ("capturehostobjs", Kind::Str, "", Use::Ignore),
    ("checklinkname", Kind::Bool, "true", Use::Ignore),
    ("compressdwarf", Kind::Bool, "true", Use::Ignore),
    ("cpuprofile", Kind::Str, "", Use::No),
    ("d", Kind::Bool, "false", Use::Apply),
    ("debugnosplit", Kind::Bool, "false", Use::No),
    ("debugtextsize", Kind::Int, "0", Use::No),
    ("debugtramp", Kind::Int, "0", Use::No),
    ("dumpdep", Kind::Bool, "false", Use::No),
    ("e", Kind::Bool, "false", Use::Ignore),
    ("extar", Kind::Str, "", Use::Ignore),
    ("extld", Kind::Str, "", Use::Ignore),
    ("extldflags", Kind::Str, "", Use::Ignore),
    ("f", Kind::Bool, "false", Use::Ignore),
    ("fipso", Kind::Str, "", Use::No),
    ("funcalign", Kind::Int, "0", Use::Apply),
    ("g", Kind::Bool, "false", Use::Apply),
    ("h", Kind::Bool, "false", Use::Ignore),
    ("importcfg", Kind::Str, "", Use::No),
    ("installsuffix", Kind::Str, "", Use::Ignore),
    ("k", Kind::Str, "", Use::No),
    ("libgcc", Kind::Str, "", Use::Ignore),
    ("linkmode", Kind::Str, "", Use::Apply),
    ("linkshared", Kind::Bool, "false", Use::No),
    ("macos", Kind::Str, "", Use::Apply),
    ("macsdk", Kind::Str, "", Use::Apply),
    ("memprofile", Kind::Str, "", Use::No),
    ("memprofilerate", Kind::Int, "0", Use::No),
    ("msan", Kind::Bool, "false", Use::No),
    ("n", Kind::Bool, "false", Use::Ignore),
    ("o", Kind::Str, "", Use::No),
    ("pluginpath", Kind::Str, "", Use::No),
    ("pruneweakmap", Kind::Bool, "true", Use::Ignore),
    ("r", Kind::Str, "", Use::No),
    ("race", Kind::Bool, "false", Use::No),
    ("randlayout", Kind::Int, "0", Use::No),
    ("s", Kind::Bool, "false", Use::Apply),
    ("strictdups", Kind::Int, "0", Use::No),
    ("tmpdir", Kind::Str, "", Use::Ignore),
    ("v", Kind::BoolLike, "", Use::No),
    ("w", Kind::Bool, "false", Use::Ignore),
];

/// The word standing for the main package's archive, which `cmd/go` passes last.
const MAIN_ARCHIVE: &str = "$WORK/b001/_pkg_.a";

/// The line the linker's usage starts with.
const USAGE: &str = "usage: link [options] main.o";

/// Reads `-ldflags` for a build for `goos`, where `cc` is the C compiler `cmd/go`
/// names with `-extld` (`go env CC`; empty for the default). An error is `(exit
/// status, message)`: the link fails (status 1).
pub fn parse_ldflags(value: &str, goos: Os, cc: &str) -> Result<LinkFlags, (i32, String)> {
    let mut words = target::goenv::split_quoted(value).map_err(|e| (1, format!("invalid -ldflags: {e}")))?;
    if !words.iter().any(|w| w == "-extld" || w.starts_with("-extld=")) {
        let cc = match target::goenv::split_quoted(cc) {
            Ok(w) if !w.is_empty() => w.join(" "),
            _ => target::goenv::default_cc(goos.name()).to_string(),
        };
        words.push(format!("-extld={cc}"));
    }
    words.push(MAIN_ARCHIVE.into());
    let usage = |m: String| (1, format!("{m}\n{USAGE}"));

    // The flag package: flags up to the first word that is not one, or `--`.
    let mut set: Vec<(&'static str, String, &str)> = vec![]; // name, value, the word as given
    let mut flags = LinkFlags::default();
    let mut i = 0;
    while i < words.len() {
        let word = words[i].as_str();
        if word.len() < 2 || !word.starts_with('-') {
            break;
        }
        i += 1;
        if word == "--" {
            break;
        }
        let body = word.strip_prefix("--").unwrap_or(&word[1..]);
        if body.is_empty() || body.starts_with(['-', '=']) {
            return Err(usage(format!("bad flag syntax: {word}")));
        }
        let (name, joined) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        let Some(&(name, kind, _, _)) = FLAGS.iter().find(|f| f.0 == name) else {
            if name == "help" {
                return Err((1, format!("crossplay does not support -ldflags={word} yet")));
            }
            return Err(usage(format!("flag provided but not defined: -{name}")));
        };
        let value = match (kind, joined) {
            (Kind::Bool, v) => {
                let v = v.unwrap_or_else(|| "true".into());
                match v.as_str() {
                    "1" | "t" | "T" | "true" | "TRUE" | "True" => "true".to_string(),
                    "0" | "f" | "F" | "false" | "FALSE" | "False" => "false".to_string(),
                    _ => return Err(usage(format!("invalid boolean value {v:?} for -{name}: parse error"))),
                }
            }
            (Kind::BoolLike, v) => v.unwrap_or_else(|| "true".into()),
            (_, Some(v)) => v,
            (_, None) => match words.get(i) {
                Some(v) => {
                    i += 1;
                    v.clone()
                }
                None => return Err(usage(format!("flag needs an argument: -{name}"))),
            },
        };
        match name {
            "X" => {
                // Applied as it is read: the error comes before any later flag's.
                let eq = value.find('=');
                let dot = eq.and_then(|eq| value[..eq].rfind('.'));
                let (Some(eq), Some(_)) = (eq, dot) else {
                    return Err((1, "-X flag requires argument of the form importpath.name=value".into()));
                };
                flags.xdefs.push((value[..eq].to_string(), value[eq + 1..].to_string()));
            }
            "macos" | "macsdk" => {
                let v = mac_version(&value).ok_or_else(|| {
                    usage(format!("invalid value {value:?} for flag -{name}: invalid version {value:?}"))
                })?;
                if name == "macos" {
                    flags.macos = v;
                } else {
                    flags.macsdk = v;
                }
            }
            "linkmode" if !matches!(value.as_str(), "auto" | "internal" | "external") => {
                return Err(usage(format!(
                    "invalid value {value:?} for flag -linkmode: invalid linkmode: {value:?}"
                )));
            }
            _ if kind == Kind::Int && parse_int(&value).is_none() => {
                return Err(usage(format!("invalid value {value:?} for flag -{name}: parse error")));
            }
            _ => {}
        }
        set.push((name, value, word));
    }
    if words.len() - i != 1 {
        return Err((1, USAGE.to_string()));
    }
    let last = |name: &str| set.iter().rev().find(|f| f.0 == name).map(|f| f.1.as_str());

    // What the linker checks once the flags are read, in its order.
    let mut head = goos;
    match last("H").unwrap_or("") {
        "" => {}
        // A windows GUI binary, whatever the target.
        "windowsgui" => {
            flags.windows_gui = true;
            head = Os::Windows;
        }
        // `objabi.HeadType.Set` takes the name of any OS with ports.
        h => match Os::parse(h).map(Os::link_head) {
            None => return Err(usage(format!("invalid headtype: {h:?}"))),
            Some(t) if t == goos.link_head() => {}
            Some(t) => head = t,
        },
    }
    if last("aslr") == Some("false") {
        return Err(usage("-aslr=false is only allowed for -buildmode=c-shared".into()));
    }
    if last("d") == Some("true") && head.uses_libc() {
        return Err((1, format!("dynamic linking required on {}; -d flag cannot be used", goos.name())));
    }
    if let Some(r) = last("R").and_then(parse_int)
        && r != -1
        && (r < 4096 || r & (r - 1) != 0)
    {
        return Err((1, format!("invalid -R value {}", go_hex(r))));
    }
    if let Some(a) = last("funcalign").and_then(parse_int)
        && a != 0
        && (a <= 0 || a & (a - 1) != 0)
    {
        return Err((1, format!("invalid -funcalign value {a}")));
    }
    flags.strip = last("s") == Some("true");
    flags.build_id = last("buildid").map(str::to_string);
    flags.host_build_id = host_build_id(last("B").unwrap_or(""), flags.build_id.as_deref(), head)?;
    // -g skips reading the packages' headers, so the linker never learns which
    // one is main: Go's -g always fails so.
    if last("g") == Some("true") {
        return Err((1, format!("{MAIN_ARCHIVE}: not package main")));
    }

    // What crossplay cannot do yet: a flag left off its default that changes the
    // output (each flag's last value counts).
    for (at, (name, value, word)) in set.iter().enumerate() {
        let name = *name;
        if set[at + 1..].iter().any(|later| later.0 == name) {
            continue;
        }
        let &(_, kind, default, use_) = FLAGS.iter().find(|f| f.0 == name).expect("a known flag");
        let same = match kind {
            Kind::Int => parse_int(value) == parse_int(default),
            _ => value == default,
        };
        let unsupported = match name {
            "H" => head != goos,
            "linkmode" => value == "external",
            "R" | "funcalign" => !same,
            _ => use_ == Use::No && !same,
        };
        if unsupported {
            let shown = if matches!(kind, Kind::Str | Kind::Int) {
                format!("-{name}={value}")
            } else {
                word.to_string()
            };
            return Err((1, format!("crossplay does not support -ldflags={shown} yet")));
        }
    }
    Ok(flags)
}

/// The reason `cmd/go` links externally for these `-ldflags` (its
/// `externalLinkingReason`: the last `-linkmode=external` or `-linkmode external`
/// as written, unless a later one says internal), which without cgo is the error
/// `REASON requires external (cgo) linking, but cgo is not enabled`.
pub fn external_linking_reason(value: &str) -> Option<String> {
    let words = target::goenv::split_quoted(value).ok()?;
    for i in (0..words.len()).rev() {
        let next = words.get(i + 1).map(String::as_str);
        match (words[i].as_str(), next) {
            ("-linkmode=external", _) | ("-linkmode", Some("external")) => return Some(words[i].clone()),
            ("-linkmode=internal", _) | ("-linkmode", Some("internal")) => return None,
            _ => {}
        }
    }
    None
}

/// `-B`: `gobuildid` (the default with a build ID), `none`, or `0x` and hex digits
/// (at most 32 bytes, 16 on darwin), with the linker's errors.
fn host_build_id(b: &str, build_id: Option<&str>, head: Os) -> Result<HostBuildId, (i32, String)> {
    let fail = |m: String| Err((1, m));
    match b {
        "" => Ok(HostBuildId::Derived),
        "none" => Ok(HostBuildId::None),
        "gobuildid" if build_id == Some("") => {
            fail("-B gobuildid requires a Go build ID supplied via -buildid".into())
        }
        "gobuildid" => Ok(HostBuildId::Derived),
        _ => {
            let Some(hex) = b.strip_prefix("0x") else {
                return fail(format!("-B argument must start with 0x: {b}"));
            };
            // cmd/link's `ctxt.IsDarwin()`: the Mach-O UUID holds 16 bytes.
            let max = if head.link_head() == Os::Darwin { 16 } else { 32 };
            if hex.len() / 2 > max {
                return fail(format!("-B option too long (max {max} digits): {b}"));
            }
            // encoding/hex: an invalid digit in the pairs, then an odd one left over.
            let digit = |c: u8| char::from(c).to_digit(16).map(|d| d as u8);
            let bytes = hex.as_bytes();
            let mut out = Vec::with_capacity(bytes.len() / 2);
            for pair in bytes.chunks(2) {
                let Some(hi) = digit(pair[0]) else {
                    return fail(format!(
                        "-B argument contains invalid hex digit {}: {b}",
                        char::from(pair[0])
                    ));
                };
                let Some(&second) = pair.get(1) else {
                    return fail(format!("-B argument must have even number of digits: {b}"));
                };
                let Some(lo) = digit(second) else {
                    return fail(format!(
                        "-B argument contains invalid hex digit {}: {b}",
                        char::from(second)
                    ));
                };
                out.push(hi << 4 | lo);
            }
            Ok(HostBuildId::Given(out))
        }
    }
}

/// `macVersionFlag.Set`: up to three dot-separated numbers 0–255.
fn mac_version(s: &str) -> Option<[u8; 3]> {
    let nums: Vec<&str> = s.split('.').collect();
    if nums.len() > 3 {
        return None;
    }
    let mut v = [0u8; 3];
    for (i, n) in nums.iter().enumerate() {
        // strconv.Atoi: an optional sign, then decimal digits.
        let digits = n.strip_prefix(['+', '-']).unwrap_or(n);
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let x: i64 = n.parse().ok()?;
        v[i] = u8::try_from(x).ok()?;
    }
    Some(v)
}

/// `strconv.ParseInt(s, 0, 64)`: a sign, then a `0x`, `0o`, `0b` or `0` prefix
/// (underscores allowed after one) or decimal.
fn parse_int(s: &str) -> Option<i64> {
    let (neg, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = rest.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d.to_string())
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d.to_string())
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d.to_string())
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower[1..].to_string())
    } else {
        (10, lower.clone())
    };
    let digits = if radix == 10 { digits } else { digits.replace('_', "") };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let v = i128::from_str_radix(&digits, radix).ok()?;
    i64::try_from(if neg { -v } else { v }).ok()
}

/// The linker's `0x%x` of an int64: `0x64`, and `0x-5` (fmt puts the sign first).
fn go_hex(v: i64) -> String {
    if v < 0 { format!("0x-{:x}", v.unsigned_abs()) } else { format!("0x{v:x}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(v: &str) -> String {
        parse_ldflags(v, Os::Linux, "").unwrap_err().1
    }

    #[test]
    fn values_take_effect() {
        let f =
            parse_ldflags("-s -X main.a=b --X=x.y=z -buildid=q -B 0x0102 -w=false", Os::Linux, "").unwrap();
        assert!(f.strip);
        assert_eq!(f.xdefs, vec![("main.a".into(), "b".into()), ("x.y".into(), "z".into())]);
        assert_eq!(f.build_id.as_deref(), Some("q"));
        assert_eq!(f.host_build_id, HostBuildId::Given(vec![1, 2]));
        let g = parse_ldflags("-H windowsgui -macos=14.1 -macsdk 15", Os::Windows, "").unwrap();
        assert!(g.windows_gui);
        assert_eq!((g.macos, g.macsdk), ([14, 1, 0], [15, 0, 0]));
        assert_eq!(parse_ldflags("-B none", Os::Darwin, "").unwrap().host_build_id, HostBuildId::None);
        // Accepted: nothing a pure-Go internal link writes changes.
        for ok in [
            "-extldflags '-static -s'",
            "-linkmode=internal",
            "-checklinkname=0",
            "-a -n -f",
            "-H=linux",
            "-race=0",
        ] {
            assert_eq!(parse_ldflags(ok, Os::Linux, "").map(|_| ()), Ok(()), "{ok}");
        }
    }

    #[test]
    fn a_flag_without_its_value_takes_the_next_word() {
        // The word cmd/go passes after the user's flags: -extld=CC.
        assert_eq!(parse_ldflags("-buildid", Os::Linux, "").unwrap().build_id.as_deref(), Some("-extld=gcc"));
        assert_eq!(
            parse_ldflags("-buildid", Os::Darwin, "cc -m64").unwrap().build_id.as_deref(),
            Some("-extld=cc -m64")
        );
        assert_eq!(err("-extld"), USAGE);
        assert_eq!(err("-s extra"), USAGE);
        assert_eq!(err("-X"), "-X flag requires argument of the form importpath.name=value");
        assert_eq!(err("-X version=1"), "-X flag requires argument of the form importpath.name=value");
    }

    #[test]
    fn errors_are_the_linker_s() {
        for (flags, want) in [
            ("-bogus", "flag provided but not defined: -bogus\nusage: link [options] main.o"),
            ("---s", "bad flag syntax: ---s\nusage: link [options] main.o"),
            ("-s=maybe", "invalid boolean value \"maybe\" for -s: parse error\nusage: link [options] main.o"),
            ("-R=x", "invalid value \"x\" for flag -R: parse error\nusage: link [options] main.o"),
            ("-H=foo", "invalid headtype: \"foo\"\nusage: link [options] main.o"),
            (
                "-linkmode=x",
                "invalid value \"x\" for flag -linkmode: invalid linkmode: \"x\"\nusage: link [options] main.o",
            ),
            (
                "-aslr=false",
                "-aslr=false is only allowed for -buildmode=c-shared\nusage: link [options] main.o",
            ),
            (
                "-macos=1.2.3.4",
                "invalid value \"1.2.3.4\" for flag -macos: invalid version \"1.2.3.4\"\nusage: link [options] main.o",
            ),
            ("-R=100", "invalid -R value 0x64"),
            ("-R=-5", "invalid -R value 0x-5"),
            ("-H=windowsgui", "crossplay does not support -ldflags=-H=windowsgui yet"),
            ("-funcalign=3", "invalid -funcalign value 3"),
            ("-B zz", "-B argument must start with 0x: zz"),
            ("-B 0x1z", "-B argument contains invalid hex digit z: 0x1z"),
            ("-B 0x123", "-B argument must have even number of digits: 0x123"),
            ("-buildid= -B gobuildid", "-B gobuildid requires a Go build ID supplied via -buildid"),
            ("-v", "crossplay does not support -ldflags=-v yet"),
            ("-linkmode external", "crossplay does not support -ldflags=-linkmode=external yet"),
            ("-H darwin", "crossplay does not support -ldflags=-H=darwin yet"),
        ] {
            assert_eq!(err(flags), want, "{flags}");
        }
        let long = format!("-B 0x{}", "ab".repeat(17));
        assert_eq!(
            parse_ldflags(&long, Os::Darwin, "").unwrap_err().1,
            format!("-B option too long (max 16 digits): {}", &long[3..])
        );
        assert_eq!(
            parse_ldflags("-d", Os::Windows, "").unwrap_err().1,
            "dynamic linking required on windows; -d flag cannot be used"
        );
        assert!(parse_ldflags("-d", Os::Linux, "").is_ok());
    }

    #[test]
    fn external_linking_is_the_last_linkmode_as_written() {
        assert_eq!(external_linking_reason("-s -linkmode=external").as_deref(), Some("-linkmode=external"));
        assert_eq!(external_linking_reason("-linkmode external").as_deref(), Some("-linkmode"));
        assert_eq!(external_linking_reason("-linkmode=external -linkmode=internal"), None);
        assert_eq!(external_linking_reason("--linkmode=external"), None);
    }
}
