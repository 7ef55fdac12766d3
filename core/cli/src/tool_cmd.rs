//! `crossplay tool dist list`.

use crate::Outcome;
use crate::flags::{self, Flag, FlagKind, Parsed};
use crate::help::DIST_LIST_USAGE;

const DIST_LIST_FLAGS: [Flag; 3] = [
    Flag { name: "broken", kind: FlagKind::Bool, help: "include broken ports" },
    Flag { name: "json", kind: FlagKind::Bool, help: "produce JSON output" },
    Flag { name: "v", kind: FlagKind::Bool, help: "verbosity" },
];

pub fn run(args: &[String]) -> Outcome {
    let Some((tool, rest)) = args.split_first() else {
        // `go tool` with no arguments lists the tools.
        return Outcome::ok("dist\n".to_owned());
    };
    if tool != "dist" {
        return Outcome::fail(2, format!("go: no such tool {}", target::archvar::go_quote(tool)));
    }
    match rest.split_first() {
        Some((command, rest)) if command == "list" => dist_list(rest),
        _ => Outcome::fail(2, format!("{DIST_LIST_USAGE}\n\ncrossplay implements only 'dist list'.")),
    }
}

fn dist_list(args: &[String]) -> Outcome {
    let usage = || format!("{DIST_LIST_USAGE}\n{}", flags::defaults(&DIST_LIST_FLAGS)).trim_end().to_owned();
    let parsed = match flags::parse(&DIST_LIST_FLAGS, args, Parsed::default()) {
        Ok(p) if p.args.is_empty() => p,
        Ok(_) => return Outcome::fail(2, usage()),
        Err(e) => return Outcome::fail(2, format!("{e}\n{}", usage())),
    };
    Outcome::ok(target::ports::dist_list(parsed.bool("json"), parsed.bool("broken")))
}
