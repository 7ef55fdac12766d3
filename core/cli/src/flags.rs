//! Command-line flags parsed as Go's `flag` package parses them, so that `crossplay`
//! accepts exactly what `go` accepts: `-name`, `--name`, `-name=value`, `-name value`
//! for non-boolean flags, parsing stops at the first non-flag argument or after `--`.

use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlagKind {
    Bool,
    /// A boolean that may also be `auto` (`-buildvcs`): `-name` alone is true.
    BoolOrAuto,
    Value,
}

/// One flag a command accepts, with its help text.
#[derive(Clone, Copy, Debug)]
pub struct Flag {
    pub name: &'static str,
    pub kind: FlagKind,
    pub help: &'static str,
}

/// The flags that were set, by name, and the remaining arguments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub values: BTreeMap<&'static str, String>,
    pub args: Vec<String>,
}

impl Parsed {
    pub fn bool(&self, name: &str) -> bool {
        self.values.get(name).is_some_and(|v| v == "true")
    }
}

/// `strconv.ParseBool`.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// Parses `args` against `flags`, starting from `initial` values (the ones GOFLAGS set).
/// The error is Go's message for the first bad argument.
pub fn parse(flags: &[Flag], args: &[String], initial: Parsed) -> Result<Parsed, String> {
    let mut parsed = initial;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        if arg.len() < 2 || !arg.starts_with('-') {
            break;
        }
        i += 1;
        let mut name = &arg[1..];
        if let Some(rest) = name.strip_prefix('-') {
            if rest.is_empty() {
                break; // "--" ends the flags.
            }
            name = rest;
        }
        if name.is_empty() || name.starts_with('-') || name.starts_with('=') {
            return Err(format!("bad flag syntax: {arg}"));
        }
        let (name, value) = match name.split_once('=') {
            Some((n, v)) => (n, Some(v)),
            None => (name, None),
        };
        let Some(flag) = flags.iter().find(|f| f.name == name) else {
            return Err(format!("flag provided but not defined: -{name}"));
        };
        let value = match (flag.kind, value) {
            (FlagKind::Bool, None) => "true".to_owned(),
            (FlagKind::Bool, Some(v)) => match parse_bool(v) {
                Some(b) => b.to_string(),
                None => {
                    return Err(format!(
                        "invalid boolean value {} for -{name}: parse error",
                        target::archvar::go_quote(v)
                    ));
                }
            },
            (FlagKind::BoolOrAuto, None) => "true".to_owned(),
            (FlagKind::BoolOrAuto, Some("auto")) => "auto".to_owned(),
            (FlagKind::BoolOrAuto, Some(v)) => match parse_bool(v) {
                Some(b) => b.to_string(),
                None => {
                    return Err(format!(
                        "invalid boolean value {} for -{name}: value is neither 'auto' nor a valid bool",
                        target::archvar::go_quote(v)
                    ));
                }
            },
            (FlagKind::Value, Some(v)) => v.to_owned(),
            (FlagKind::Value, None) => {
                let Some(next) = args.get(i) else {
                    return Err(format!("flag needs an argument: -{name}"));
                };
                i += 1;
                next.clone()
            }
        };
        parsed.values.insert(flag.name, value);
    }
    parsed.args = args[i..].to_vec();
    Ok(parsed)
}

/// The flag list in the format of Go's `flag.PrintDefaults`.
pub fn defaults(flags: &[Flag]) -> String {
    let mut out = String::new();
    for flag in flags {
        if flag.kind == FlagKind::Bool && flag.name.len() == 1 {
            out.push_str(&format!("  -{}\t{}\n", flag.name, flag.help));
        } else {
            let arg = if flag.kind == FlagKind::Value { " string" } else { "" };
            out.push_str(&format!("  -{}{arg}\n    \t{}\n", flag.name, flag.help));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLAGS: [Flag; 2] = [
        Flag { name: "json", kind: FlagKind::Bool, help: "" },
        Flag { name: "o", kind: FlagKind::Value, help: "" },
    ];

    fn run(args: &[&str]) -> Result<Parsed, String> {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        parse(&FLAGS, &args, Parsed::default())
    }

    #[test]
    fn go_flag_syntax() {
        let p = run(&["--json=false", "-o", "out", "-json", "x", "-o"]).unwrap();
        assert!(p.bool("json"));
        assert_eq!(p.values.get("o").map(String::as_str), Some("out"));
        assert_eq!(p.args, ["x", "-o"]);
        assert_eq!(run(&["--", "-json"]).unwrap().args, ["-json"]);
        assert_eq!(run(&["-", "-json"]).unwrap().args, ["-", "-json"]);
        assert_eq!(run(&["-x"]).unwrap_err(), "flag provided but not defined: -x");
        assert_eq!(
            run(&["-json=maybe"]).unwrap_err(),
            "invalid boolean value \"maybe\" for -json: parse error"
        );
        assert_eq!(run(&["-o"]).unwrap_err(), "flag needs an argument: -o");
        assert_eq!(run(&["---o"]).unwrap_err(), "bad flag syntax: ---o");
    }
}
