//! `crossplay env`: go1.27.3's `go env` for the variables crossplay uses
//! (`cmd/go/internal/envcmd`).

use base::json::Json;
use target::EnvError;
use target::GoEnv;
use target::archvar::go_quote;

use crate::flags::{self, Flag, FlagKind, Parsed};
use crate::help::ENV_USAGE;
use crate::{Outcome, Sys};

const ENV_FLAGS: [Flag; 6] = [
    Flag { name: "json", kind: FlagKind::Bool, help: "print the environment in JSON format" },
    Flag { name: "changed", kind: FlagKind::Bool, help: "print only settings that differ from the defaults" },
    Flag { name: "u", kind: FlagKind::Bool, help: "unset go/env settings (not supported by crossplay)" },
    Flag { name: "w", kind: FlagKind::Bool, help: "change go/env settings (not supported by crossplay)" },
    // The go command accepts -n and -x on env and ignores them; so does crossplay.
    Flag { name: "n", kind: FlagKind::Bool, help: "accepted for compatibility; no effect" },
    Flag { name: "x", kind: FlagKind::Bool, help: "accepted for compatibility; no effect" },
];

pub fn run(sys: &Sys, args: &[String]) -> Outcome {
    let env = sys.go_env();
    let usage_fail = |message: String| {
        Outcome::fail(2, format!("{message}\n{ENV_USAGE}\nRun 'crossplay help env' for details."))
    };
    let from_goflags = match goflags_defaults(&env) {
        Ok(parsed) => parsed,
        Err(message) => return usage_fail(message),
    };
    let parsed = match flags::parse(&ENV_FLAGS, args, from_goflags) {
        Ok(parsed) => parsed,
        Err(message) => return usage_fail(message),
    };
    let (json, changed) = (parsed.bool("json"), parsed.bool("changed"));
    // The go command's own failures (`base.Fatalf`) exit with status 1.
    if json && parsed.bool("u") {
        return Outcome::fail(1, "go: cannot use -json with -u");
    }
    if json && parsed.bool("w") {
        return Outcome::fail(1, "go: cannot use -json with -w");
    }
    if parsed.bool("u") && parsed.bool("w") {
        return Outcome::fail(1, "go: cannot use -u with -w");
    }
    if parsed.bool("u") || parsed.bool("w") {
        return Outcome::fail(
            1,
            "crossplay env: -u and -w are not supported: crossplay reads the go/env file but never writes it; use 'go env -w'",
        );
    }
    if let Err(EnvError { message, status }) = env.check() {
        return Outcome::fail(status, message);
    }
    if let Some(arg) = parsed.args.iter().find(|a| a.contains('=')) {
        return Outcome::fail(
            1,
            format!("go: invalid variable name {} (use -w to set variable)", go_quote(arg)),
        );
    }
    // Module loading resolves GOFIPS140; `go env` has no -tags, so purego cannot clash.
    if let Err(EnvError { message, status }) = env.check_fips140(&[]) {
        return Outcome::fail(status, message);
    }
    // The full listing (and the C flag variables) initializes a build: the GOOS/GOARCH
    // pair must be a port, and probing the C compiler's flags, when there is one, uses
    // the build cache (skipped under -n).
    let costly = [
        "CGO_CFLAGS",
        "CGO_CPPFLAGS",
        "CGO_CXXFLAGS",
        "CGO_FFLAGS",
        "CGO_LDFLAGS",
        "PKG_CONFIG",
        "GOGCCFLAGS",
    ];
    let names_costly = parsed.args.iter().any(|a| costly.contains(&a.split('=').next().unwrap_or("")));
    if parsed.args.is_empty() || names_costly {
        if target::ports::lookup(&env.goos, &env.goarch).is_none() {
            return Outcome::fail(2, format!("go: unsupported GOOS/GOARCH pair {}/{}", env.goos, env.goarch));
        }
        if !parsed.bool("n")
            && (sys.look_path)(&c_compiler(&env))
            && let Err(EnvError { message, status }) = env.require_cache()
        {
            return Outcome::fail(status, message);
        }
    }

    let vars = env.vars();
    let names = &parsed.args;
    // (name, value) pairs to print, in the order the go command prints them.
    let mut selected: Vec<(String, String)> = if names.is_empty() {
        vars.iter().filter(|v| !changed || v.changed).map(|v| (v.name.to_owned(), v.value.clone())).collect()
    } else if changed {
        names
            .iter()
            .filter_map(|name| vars.iter().find(|v| v.name == name))
            .filter(|v| v.changed)
            .map(|v| (v.name.to_owned(), v.value.clone()))
            .collect()
    } else if json {
        names.iter().map(|name| (name.clone(), env.lookup(name))).collect()
    } else {
        // Just the values, one per line, in argument order.
        return Outcome::ok(names.iter().map(|name| env.lookup(name) + "\n").collect());
    };

    if json {
        // A Go map: keys sorted, duplicates collapsed.
        selected.sort();
        selected.dedup_by(|a, b| a.0 == b.0);
        let members = selected.into_iter().map(|(k, v)| (k, Json::Str(v))).collect();
        return Outcome::ok(Json::Object(members).to_encoder_output("", "\t"));
    }
    selected.sort_by(|a, b| a.0.cmp(&b.0));
    Outcome::ok(selected.iter().map(|(name, value)| format!("{name}={}\n", shell_quote(value))).collect())
}

/// The env command's flags that GOFLAGS sets (`base.SetFromGOFLAGS`). The go command
/// hides GOFLAGS syntax errors and unknown flags from `go env`, but not a bad value for
/// a flag env has.
fn goflags_defaults(env: &GoEnv) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    for item in env.goflags() {
        let Some(flag) = ENV_FLAGS.iter().find(|f| f.name == item.lookup) else { continue };
        let on = match &item.value {
            None => true,
            Some(v) => flags::parse_bool(v).ok_or_else(|| {
                format!(
                    "go: invalid boolean value {} for flag {} (from $GOFLAGS): parse error",
                    go_quote(v),
                    item.name
                )
            })?,
        };
        parsed.values.insert(flag.name, on.to_string());
    }
    Ok(parsed)
}

/// The C compiler a build would use: `$CC`'s first word, else the target's default.
fn c_compiler(env: &GoEnv) -> String {
    let cc = target::goenv::split_quoted(&env.layers().getenv("CC")).unwrap_or_default();
    cc.into_iter().next().unwrap_or_else(|| target::goenv::default_cc(&env.goos).to_owned())
}

/// Single-quotes a value for a POSIX shell, as `go env` does.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}
