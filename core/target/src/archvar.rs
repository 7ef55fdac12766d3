//! The sub-architecture variables (GO386, GOAMD64, GOARM, GOARM64, GOMIPS, GOMIPS64,
//! GOPPC64, GORISCV64, GOWASM): names, defaults, parsing and Go's exact error texts.
//!
//! Source of truth: `internal/buildcfg/cfg.go` and `zbootstrap.go` in go1.27.3. Each
//! parser returns the value to build with and, for an invalid setting, the message
//! `internal/buildcfg` stores in `buildcfg.Error`; on error the value falls back to the
//! default, as buildcfg does.

use core::fmt;

/// One sub-architecture variable. The order of [`ArchVar::ALL`] is the order in which
/// `internal/buildcfg` initializes (and so validates) them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ArchVar {
    Go386,
    GoAmd64,
    GoArm,
    GoArm64,
    GoMips,
    GoMips64,
    GoPpc64,
    GoRiscv64,
    GoWasm,
}

impl ArchVar {
    pub const ALL: [ArchVar; 9] = [
        ArchVar::Go386,
        ArchVar::GoAmd64,
        ArchVar::GoArm,
        ArchVar::GoArm64,
        ArchVar::GoMips,
        ArchVar::GoMips64,
        ArchVar::GoPpc64,
        ArchVar::GoRiscv64,
        ArchVar::GoWasm,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ArchVar::Go386 => "GO386",
            ArchVar::GoAmd64 => "GOAMD64",
            ArchVar::GoArm => "GOARM",
            ArchVar::GoArm64 => "GOARM64",
            ArchVar::GoMips => "GOMIPS",
            ArchVar::GoMips64 => "GOMIPS64",
            ArchVar::GoPpc64 => "GOPPC64",
            ArchVar::GoRiscv64 => "GORISCV64",
            ArchVar::GoWasm => "GOWASM",
        }
    }

    /// The default baked into the official go1.27.3 build (`zbootstrap.go`); GOWASM's
    /// default is the empty feature list.
    pub fn default_value(self) -> &'static str {
        match self {
            ArchVar::Go386 => "sse2",
            ArchVar::GoAmd64 => "v1",
            ArchVar::GoArm => "7",
            ArchVar::GoArm64 => "v8.0",
            ArchVar::GoMips | ArchVar::GoMips64 => "hardfloat",
            ArchVar::GoPpc64 => "power8",
            ArchVar::GoRiscv64 => "rva20u64",
            ArchVar::GoWasm => "",
        }
    }

    /// The variable that applies to `goarch` (`cmd/go/internal/cfg.GetArchEnv`); s390x
    /// and loong64 have none.
    pub fn for_goarch(goarch: &str) -> Option<ArchVar> {
        Some(match goarch {
            "386" => ArchVar::Go386,
            "amd64" => ArchVar::GoAmd64,
            "arm" => ArchVar::GoArm,
            "arm64" => ArchVar::GoArm64,
            "mips" | "mipsle" => ArchVar::GoMips,
            "mips64" | "mips64le" => ArchVar::GoMips64,
            "ppc64" | "ppc64le" => ArchVar::GoPpc64,
            "riscv64" => ArchVar::GoRiscv64,
            "wasm" => ArchVar::GoWasm,
            _ => return None,
        })
    }

    /// The values a user may choose from, for pickers; suffix forms (`7,softfloat`,
    /// `v8.2,crypto`, `satconv,signext`) are valid too and are checked by the parsers.
    pub fn choices(self) -> &'static [&'static str] {
        match self {
            ArchVar::Go386 => &["sse2", "softfloat"],
            ArchVar::GoAmd64 => &["v1", "v2", "v3", "v4"],
            ArchVar::GoArm => &["5", "6", "7", "5,hardfloat", "6,softfloat", "7,softfloat"],
            ArchVar::GoArm64 => &GOARM64_VERSIONS,
            ArchVar::GoMips | ArchVar::GoMips64 => &["hardfloat", "softfloat"],
            ArchVar::GoPpc64 => &["power8", "power9", "power10"],
            ArchVar::GoRiscv64 => &["rva20u64", "rva22u64", "rva23u64"],
            ArchVar::GoWasm => &["", "satconv", "signext", "satconv,signext"],
        }
    }
}

impl fmt::Display for ArchVar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

static GOARM64_VERSIONS: [&str; 16] = [
    "v8.0", "v8.1", "v8.2", "v8.3", "v8.4", "v8.5", "v8.6", "v8.7", "v8.8", "v8.9", "v9.0", "v9.1", "v9.2",
    "v9.3", "v9.4", "v9.5",
];

/// A parse result in buildcfg's style: the value to use (the default when the setting
/// is invalid) and the error message, if any.
pub type Parsed<T> = (T, Option<String>);

/// GOAMD64: `v1`…`v4`.
pub fn parse_goamd64(v: &str) -> Parsed<u8> {
    match v {
        "v1" => (1, None),
        "v2" => (2, None),
        "v3" => (3, None),
        "v4" => (4, None),
        _ => (1, Some("invalid GOAMD64: must be v1, v2, v3, v4".to_owned())),
    }
}

/// GOARM: the version and whether floating point is done in software.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Goarm {
    pub version: u8,
    pub soft_float: bool,
}

impl fmt::Display for Goarm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let float = if self.soft_float { "softfloat" } else { "hardfloat" };
        write!(f, "{},{float}", self.version)
    }
}

/// GOARM: `5`, `6` or `7`, optionally ending in `,softfloat` or `,hardfloat`. The
/// suffixes are stripped in that order, so `7,hardfloat,softfloat` is accepted as
/// 7 with software floating point. `default` is `7` (android/arm forces `7` too).
pub fn parse_goarm(v: &str, default: &str) -> Parsed<Goarm> {
    let mut rest = v;
    let mut soft_float = false;
    let mut float_specified = false;
    if let Some(r) = rest.strip_suffix(",softfloat") {
        soft_float = true;
        float_specified = true;
        rest = r;
    }
    if let Some(r) = rest.strip_suffix(",hardfloat") {
        float_specified = true;
        rest = r;
    }
    let (version, error) = match rest {
        "5" => (5, None),
        "6" => (6, None),
        "7" => (7, None),
        _ => {
            let fallback = default.bytes().next().map_or(7, |b| b.wrapping_sub(b'0'));
            let msg = "invalid GOARM: must start with 5, 6, or 7, and may optionally end in \
                       either \",hardfloat\" or \",softfloat\"";
            (fallback, Some(msg.to_owned()))
        }
    };
    // Version 5 defaults to software floating point; 6 and 7 to hardware.
    if !float_specified && version == 5 {
        soft_float = true;
    }
    (Goarm { version, soft_float }, error)
}

/// GOARM64: an architecture version with optional extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Goarm64 {
    pub major: u8,
    pub minor: u8,
    /// Large System Extensions; mandatory (and so forced on) from v8.1.
    pub lse: bool,
    /// The ARMv8.0 cryptographic extension (AES, PMULL, SHA1, SHA256).
    pub crypto: bool,
}

impl Goarm64 {
    /// Whether this level includes ISA level `vM.m` (`Goarm64Features.Supports`): v9.x
    /// diverged from v8.(x+5).
    pub fn supports(&self, major: u8, minor: u8) -> bool {
        if major == self.major {
            minor <= self.minor
        } else {
            self.major == 9 && major == 8 && minor <= self.minor + 5
        }
    }
}

impl fmt::Display for Goarm64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}.{}", self.major, self.minor)?;
        if self.lse {
            f.write_str(",lse")?;
        }
        if self.crypto {
            f.write_str(",crypto")?;
        }
        Ok(())
    }
}

/// GOARM64: `v8.0`…`v8.9` or `v9.0`…`v9.5`, followed by any number of `,lse` and
/// `,crypto` suffixes in any order (`ParseGoarm64`).
pub fn parse_goarm64(v: &str) -> Parsed<Goarm64> {
    let mut rest = v;
    let (mut lse, mut crypto) = (false, false);
    loop {
        if let Some(r) = rest.strip_suffix(",lse") {
            lse = true;
            rest = r;
        } else if let Some(r) = rest.strip_suffix(",crypto") {
            crypto = true;
            rest = r;
        } else {
            break;
        }
    }
    let version = match rest.as_bytes() {
        [b'v', b'8', b'.', m @ b'0'..=b'9'] => Some((8, m - b'0')),
        [b'v', b'9', b'.', m @ b'0'..=b'5'] => Some((9, m - b'0')),
        _ => None,
    };
    match version {
        Some((major, minor)) => {
            let lse = lse || (major, minor) != (8, 0);
            (Goarm64 { major, minor, lse, crypto }, None)
        }
        None => {
            let msg = "invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may \
                       optionally end in \",lse\" and/or \",crypto\"";
            // On error the version falls back to the default, but the suffixes parsed
            // so far are kept, as ParseGoarm64 does.
            (Goarm64 { major: 8, minor: 0, lse, crypto }, Some(msg.to_owned()))
        }
    }
}

/// GOMIPS and GOMIPS64: hardware or software floating point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MipsFloat {
    HardFloat,
    SoftFloat,
}

impl MipsFloat {
    pub fn name(self) -> &'static str {
        match self {
            MipsFloat::HardFloat => "hardfloat",
            MipsFloat::SoftFloat => "softfloat",
        }
    }
}

pub fn parse_gomips(var: ArchVar, v: &str) -> Parsed<MipsFloat> {
    match v {
        "hardfloat" => (MipsFloat::HardFloat, None),
        "softfloat" => (MipsFloat::SoftFloat, None),
        _ => (MipsFloat::HardFloat, Some(format!("invalid {var}: must be hardfloat, softfloat"))),
    }
}

/// GOPPC64: `power8`, `power9` or `power10`, as the number.
pub fn parse_goppc64(v: &str) -> Parsed<u8> {
    match v {
        "power8" => (8, None),
        "power9" => (9, None),
        "power10" => (10, None),
        _ => (8, Some("invalid GOPPC64: must be power8, power9, power10".to_owned())),
    }
}

/// GORISCV64: `rva20u64`, `rva22u64` or `rva23u64`, as the profile year.
pub fn parse_goriscv64(v: &str) -> Parsed<u8> {
    match v {
        "rva20u64" => (20, None),
        "rva22u64" => (22, None),
        "rva23u64" => (23, None),
        _ => (20, Some("invalid GORISCV64: must be rva20u64, rva22u64, rva23u64".to_owned())),
    }
}

/// GOWASM: a comma list of `satconv` and `signext`, both always enabled since Go 1.26
/// and so accepted and ignored. Every unknown feature overwrites the error, so the last
/// one is reported.
pub fn parse_gowasm(v: &str) -> Option<String> {
    let mut error = None;
    for opt in v.split(',') {
        if !matches!(opt, "satconv" | "signext" | "") {
            error = Some(format!("invalid GOWASM: no such feature {}", go_quote(opt)));
        }
    }
    error
}

/// GO386: only `sse2` and `softfloat`. buildcfg does not check it; the 386 compiler does,
/// and its message reaches the user as a failed tool run (exit status 1).
pub fn check_go386(v: &str) -> Result<(), String> {
    match v {
        "sse2" | "softfloat" => Ok(()),
        "387" => Err("unsupported setting GO386=387. Consider using GO386=softfloat instead.".to_owned()),
        _ => Err(format!("unsupported setting GO386={v}")),
    }
}

/// GOFIPS140: `off`, `latest`, `inprocess`, `certified`, or a version `v1.Y.Z`,
/// `v1.Y.Z-rcN`, `v1.Y.Z-` followed by 8 characters.
pub fn check_gofips140(v: &str) -> Option<String> {
    let ok = matches!(v, "off" | "latest" | "inprocess" | "certified") || is_fips_version(v);
    (!ok).then(|| "invalid GOFIPS140: must be off, latest, inprocess, certified, or v1.Y.Z".to_owned())
}

fn is_fips_version(v: &str) -> bool {
    fn cut_num(s: &str) -> Option<&str> {
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0).then(|| &s[digits..])
    }
    let Some(rest) = v.strip_prefix("v1.").and_then(cut_num) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix('.').and_then(cut_num) else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    if let Some(rc) = rest.strip_prefix("-rc") {
        return cut_num(rc) == Some("");
    }
    rest.strip_prefix('-').is_some_and(|suffix| suffix.len() == 8)
}

pub use base::quote::go_quote;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goarm_suffixes_strip_soft_then_hard() {
        assert_eq!(parse_goarm("7,hardfloat,softfloat", "7"), (Goarm { version: 7, soft_float: true }, None));
        assert_eq!(parse_goarm("5", "7").0, Goarm { version: 5, soft_float: true });
        assert_eq!(parse_goarm("5,hardfloat", "7").0, Goarm { version: 5, soft_float: false });
        assert_eq!(parse_goarm("6", "7").0.to_string(), "6,hardfloat");
        let (value, error) = parse_goarm("7,softfloat,hardfloat", "7");
        assert_eq!(value.version, 7);
        assert!(error.is_some());
    }

    #[test]
    fn goarm64_versions_and_extensions() {
        assert_eq!(parse_goarm64("v8.0").0.to_string(), "v8.0");
        assert_eq!(parse_goarm64("v8.1").0.to_string(), "v8.1,lse");
        assert_eq!(parse_goarm64("v9.5,crypto,lse,crypto").0.to_string(), "v9.5,lse,crypto");
        assert!(parse_goarm64("v9.6").1.is_some());
        assert!(parse_goarm64("v8.0,").1.is_some());
        let v93 = parse_goarm64("v9.3").0;
        assert!(v93.supports(8, 8) && !v93.supports(8, 9) && v93.supports(9, 3) && !v93.supports(9, 4));
    }

    #[test]
    fn error_texts_are_gos() {
        assert_eq!(
            parse_gowasm("satconv,foo,,bar").as_deref(),
            Some("invalid GOWASM: no such feature \"bar\"")
        );
        assert_eq!(parse_gowasm(""), None);
        assert_eq!(
            parse_gomips(ArchVar::GoMips64, "x").1.as_deref(),
            Some("invalid GOMIPS64: must be hardfloat, softfloat")
        );
        assert_eq!(
            check_go386("387").unwrap_err(),
            "unsupported setting GO386=387. Consider using GO386=softfloat instead."
        );
    }

    #[test]
    fn fips_versions() {
        for ok in ["off", "latest", "v1.0.0", "v1.26.0-rc1", "v1.2.3-abcdefgh"] {
            assert_eq!(check_gofips140(ok), None, "{ok}");
        }
        for bad in ["v2.0.0", "v1.0", "v1.0.0-rc", "v1.0.0-abc", "V1.0.0", ""] {
            assert!(check_gofips140(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn quoting_follows_strconv_quote() {
        assert_eq!(go_quote("a\"b\u{1}\u{7f}é\u{200b}"), "\"a\\\"b\\x01\\x7fé\\u200b\"");
    }
}
