//! `crossplay tags`: a crossplay addition that prints the build tags a configuration
//! satisfies and why, or explains named tags. `go list -f '{{context.ToolTags}}'`
//! shows part of this; crossplay shows all of it, with reasons.

use base::json::Json;
use target::EnvError;
use target::context::Context;

use crate::flags::{self, Flag, FlagKind, Parsed};
use crate::help::TAGS_USAGE;
use crate::{Outcome, Sys};

const TAGS_FLAGS: [Flag; 2] = [
    Flag { name: "json", kind: FlagKind::Bool, help: "print JSON" },
    Flag { name: "tags", kind: FlagKind::Value, help: "a comma-separated list of additional build tags" },
];

pub fn run(sys: &Sys, args: &[String]) -> Outcome {
    let parsed = match flags::parse(&TAGS_FLAGS, args, Parsed::default()) {
        Ok(parsed) => parsed,
        Err(message) => return Outcome::fail(2, format!("{message}\n{TAGS_USAGE}")),
    };
    let env = sys.go_env();
    let ctx = match Context::for_command(&env, parsed.values.get("tags").map(String::as_str)) {
        Ok(ctx) => ctx,
        Err(EnvError { message, status }) => return Outcome::fail(status, message),
    };
    let facts = if parsed.args.is_empty() {
        ctx.tag_set()
    } else {
        parsed.args.iter().map(|tag| ctx.explain(tag)).collect()
    };
    if !parsed.bool("json") {
        return Outcome::ok(facts.iter().map(|f| format!("{f}\n")).collect());
    }
    let strings = |list: &[String]| Json::Array(list.iter().map(|s| Json::str(s.as_str())).collect());
    let facts = facts
        .iter()
        .map(|f| {
            Json::Object(vec![
                ("Tag".to_owned(), Json::str(f.tag.as_str())),
                ("Set".to_owned(), Json::Bool(f.set)),
                ("Reason".to_owned(), Json::str(f.reason.to_string())),
            ])
        })
        .collect();
    let out = Json::Object(vec![
        ("GOOS".to_owned(), Json::str(ctx.goos.as_str())),
        ("GOARCH".to_owned(), Json::str(ctx.goarch.as_str())),
        ("Compiler".to_owned(), Json::str(ctx.compiler)),
        ("CgoEnabled".to_owned(), Json::Bool(ctx.cgo_enabled)),
        ("ToolTags".to_owned(), strings(&ctx.tool_tags)),
        ("ReleaseTags".to_owned(), strings(&ctx.release_tags)),
        ("BuildTags".to_owned(), strings(&ctx.build_tags)),
        ("Tags".to_owned(), Json::Array(facts)),
    ]);
    Outcome::ok(out.to_encoder_output("", "\t"))
}
