//! `crossplay list`: `go list` for the fields crossplay loads (`-e`, `-json[=fields]`,
//! `-f`, `-tags`), plus two crossplay additions: `-why` (each file in or out, and the
//! reason, term by term) and `-matrix` (the files × all-ports grid, text or JSON).

use std::collections::BTreeMap;

use base::json::Json;
use load::{Loader, Package, PackageError, Tree};
use target::context::Context;
use target::{EnvError, ports};

use crate::flags::{self, Flag, FlagKind, Parsed};
use crate::help::LIST_USAGE;
use crate::template::{Scope, Template, Value};
use crate::{Outcome, Sys};

const LIST_FLAGS: [Flag; 6] = [
    Flag { name: "e", kind: FlagKind::Bool, help: "report erroneous packages instead of failing" },
    Flag { name: "f", kind: FlagKind::Value, help: "format each package with a template" },
    Flag {
        name: "json",
        kind: FlagKind::Bool,
        help: "print packages as JSON (-json=Field,... for some fields)",
    },
    Flag { name: "matrix", kind: FlagKind::Bool, help: "print which files each listed port builds" },
    Flag { name: "tags", kind: FlagKind::Value, help: "a comma-separated list of additional build tags" },
    Flag { name: "why", kind: FlagKind::Bool, help: "explain why each file is in or out" },
];

/// The package fields crossplay reports, in the order of Go's `PackagePublic`.
const FIELDS: [&str; 15] = [
    "Dir",
    "ImportPath",
    "Name",
    "Incomplete",
    "GoFiles",
    "CgoFiles",
    "IgnoredGoFiles",
    "InvalidGoFiles",
    "IgnoredOtherFiles",
    "SFiles",
    "Imports",
    "Error",
    "DepsErrors",
    "TestGoFiles",
    "XTestGoFiles",
];

pub fn run(sys: &Sys, args: &[String]) -> Outcome {
    // -json takes an optional value (-json=GoFiles,Name), which the flag parser's
    // boolean flags do not: take it out first.
    let mut json_fields: Option<Vec<String>> = None;
    let mut rest = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        if arg == "--" || !arg.starts_with('-') {
            rest.extend(args[i..].iter().cloned());
            break;
        }
        let bare = arg.trim_start_matches('-');
        if let Some(value) = bare.strip_prefix("json=") {
            match flags::parse_bool(value) {
                Some(true) => json_fields = Some(Vec::new()),
                Some(false) => json_fields = None,
                None => json_fields = Some(value.split(',').map(str::to_owned).collect()),
            }
            continue;
        }
        rest.push(arg.clone());
    }
    let parsed = match flags::parse(&LIST_FLAGS, &rest, Parsed::default()) {
        Ok(parsed) => parsed,
        Err(message) => return Outcome::fail(2, format!("{message}\n{LIST_USAGE}")),
    };
    if parsed.bool("json") && json_fields.is_none() {
        json_fields = Some(Vec::new());
    }
    if let Some(fields) = &json_fields
        && let Some(bad) = fields.iter().find(|f| !FIELDS.contains(&f.as_str()))
    {
        return Outcome::fail(2, format!("go list -json={bad}: crossplay does not report the field {bad}"));
    }
    let format = parsed.values.get("f");
    if format.is_some() && json_fields.is_some() {
        return Outcome::fail(2, "go list -f cannot be used with -json");
    }
    let template = match format.map(|f| Template::parse(f)).transpose() {
        Ok(t) => t,
        Err(e) => return Outcome::fail(2, e),
    };
    let env = sys.go_env();
    let tags_flag = parsed.values.get("tags").map(String::as_str);
    let ctx = match Context::for_command(&env, tags_flag) {
        Ok(ctx) => ctx,
        Err(EnvError { message, status }) => return Outcome::fail(status, message),
    };
    if let Err(message) = read_module(sys) {
        return Outcome::fail(1, message);
    }
    let (tree, cwd, module) = match load_module(sys) {
        Ok(Some(found)) => found,
        Ok(None) => return Outcome::fail(1, "go: go.mod file not found"),
        Err(outcome) => return outcome,
    };
    let goroot = goroot(sys);
    let loader = Loader { tree: &tree, module: &module, ctx: &ctx, cwd: &cwd, goroot: &goroot };
    let listing = loader.list(&parsed.args);
    let mut stderr: String = listing.warnings.iter().map(|w| format!("{w}\n")).collect();

    if parsed.bool("matrix") {
        let out = matrix(sys, tags_flag, &loader, &parsed.args, json_fields.is_some());
        return Outcome { stdout: out, stderr, code: 0 };
    }
    if !parsed.bool("e") {
        // Listed packages with errors stop the listing; errors of their dependencies
        // are only reported (DepsErrors), as list.go does without -deps.
        let own: Vec<String> =
            listing.packages.iter().filter_map(|p| p.error.as_ref()).map(|e| e.message()).collect();
        if !own.is_empty() {
            stderr.extend(own.iter().map(|e| format!("{e}\n")));
            return Outcome { stdout: String::new(), stderr, code: 1 };
        }
    }
    let mut stdout = String::new();
    for p in &listing.packages {
        if parsed.bool("why") {
            stdout.push_str(&why(p, &ctx));
        } else if let Some(fields) = &json_fields {
            stdout.push_str(&package_json(p, &ctx, fields).to_encoder_output("", "\t"));
        } else if let Some(t) = &template {
            match t.execute(&PackageScope { p, ctx: &ctx }) {
                Ok(text) => {
                    stdout.push_str(&text);
                    stdout.push('\n');
                }
                Err(e) => {
                    stderr.push_str(&format!("template: main:1: executing \"main\": {e}\n"));
                    return Outcome { stdout, stderr, code: 1 };
                }
            }
        } else {
            stdout.push_str(&p.import_path);
            stdout.push('\n');
        }
    }
    Outcome { stdout, stderr, code: 0 }
}

fn error_json(e: &PackageError) -> Json {
    Json::Object(vec![
        ("ImportStack".into(), Json::Array(e.import_stack.iter().map(|s| Json::str(s.as_str())).collect())),
        ("Pos".into(), Json::str(e.pos.as_str())),
        ("Err".into(), Json::str(e.err.as_str())),
    ])
}

/// A package as `go list -json` prints it: the fields in Go's order, empty ones
/// omitted (`omitempty`). The plain fields come from the template scope, so `-f` and
/// `-json` read one mapping.
fn package_json(p: &Package, ctx: &Context, only: &[String]) -> Json {
    let scope = PackageScope { p, ctx };
    let mut fields = Vec::new();
    for name in FIELDS {
        if !only.is_empty() && !only.iter().any(|f| f == name) {
            continue;
        }
        let value = match name {
            "Error" => p.error.as_ref().map(error_json),
            "DepsErrors" => (!p.deps_errors.is_empty())
                .then(|| Json::Array(p.deps_errors.iter().map(error_json).collect())),
            _ => match scope.field(name) {
                Some(Value::Str(s)) if !s.is_empty() => Some(Json::str(s)),
                Some(Value::Bool(true)) => Some(Json::Bool(true)),
                Some(Value::List(l)) if !l.is_empty() => {
                    Some(Json::Array(l.into_iter().map(Json::str).collect()))
                }
                _ => None,
            },
        };
        if let Some(value) = value {
            fields.push((name.to_owned(), value));
        }
    }
    Json::Object(fields)
}

struct PackageScope<'a> {
    p: &'a Package,
    ctx: &'a Context,
}

impl Scope for PackageScope<'_> {
    fn field(&self, path: &str) -> Option<Value> {
        let p = self.p;
        let list = |l: &[String]| Some(Value::List(l.to_vec()));
        match path {
            "Dir" => Some(Value::Str(p.dir.clone())),
            "ImportPath" => Some(Value::Str(p.import_path.clone())),
            "Name" => Some(Value::Str(p.name.clone())),
            "Incomplete" => Some(Value::Bool(p.incomplete)),
            "GoFiles" => list(&p.go_files),
            "CgoFiles" => list(&p.cgo_files),
            "IgnoredGoFiles" => list(&p.ignored_go_files),
            "InvalidGoFiles" => list(&p.invalid_go_files),
            "IgnoredOtherFiles" => list(&p.ignored_other_files),
            "SFiles" => list(&p.s_files),
            "Imports" => list(&p.imports),
            "TestGoFiles" => list(&p.test_go_files),
            "TestImports" => list(&p.test_imports),
            "XTestGoFiles" => list(&p.xtest_go_files),
            "XTestImports" => list(&p.xtest_imports),
            "Error" => Some(p.error.as_ref().map_or(Value::Nil, |e| Value::Str(e.message()))),
            "Error.Err" => Some(p.error.as_ref().map_or(Value::Nil, |e| Value::Str(e.err.clone()))),
            "Error.Pos" => Some(p.error.as_ref().map_or(Value::Nil, |e| Value::Str(e.pos.clone()))),
            _ => None,
        }
    }

    fn context(&self, name: &str) -> Option<Value> {
        let c = self.ctx;
        match name {
            "GOOS" => Some(Value::Str(c.goos.clone())),
            "GOARCH" => Some(Value::Str(c.goarch.clone())),
            "Compiler" => Some(Value::Str(c.compiler.into())),
            "CgoEnabled" => Some(Value::Bool(c.cgo_enabled)),
            "BuildTags" => Some(Value::List(c.build_tags.clone())),
            "ToolTags" => Some(Value::List(c.tool_tags.clone())),
            "ReleaseTags" => Some(Value::List(c.release_tags.clone())),
            _ => None,
        }
    }
}

/// `-why`: one block per package, each file with its verdict and the steps behind it.
fn why(p: &Package, ctx: &Context) -> String {
    let mut out = format!("{} ({}/{}", p.import_path, ctx.goos, ctx.goarch);
    out.push_str(&format!(", CGO_ENABLED={}", u8::from(ctx.cgo_enabled)));
    if !ctx.build_tags.is_empty() {
        out.push_str(&format!(", -tags {}", ctx.build_tags.join(",")));
    }
    out.push_str(")\n");
    if let Some(e) = &p.error {
        out.push_str(&format!("  error: {}\n", e.message()));
    }
    for f in &p.files {
        let verdict = match f.class {
            load::FileClass::Go => "in (GoFiles)",
            load::FileClass::Cgo => "in (CgoFiles)",
            load::FileClass::Test => "in (TestGoFiles)",
            load::FileClass::XTest => "in (XTestGoFiles)",
            load::FileClass::Ignored => "out (IgnoredGoFiles)",
            load::FileClass::Invalid => "invalid (InvalidGoFiles)",
            load::FileClass::Other { used: true } => "in (other source)",
            load::FileClass::Other { used: false } => "out (IgnoredOtherFiles)",
            load::FileClass::Skipped => "not considered",
        };
        out.push_str(&format!("  {}: {verdict}\n", f.name));
        for line in buildtags::explain(&f.selection) {
            out.push_str(&format!("    {line}\n"));
        }
        // What the go command decided after the constraints (cgo, package clause).
        if let Some(note) = &f.note {
            out.push_str(&format!("    {note}\n"));
        }
    }
    out
}

/// The configuration of one port under the user's environment: GOOS and GOARCH set,
/// the sub-architecture variables of other architectures dropped.
fn port_context(sys: &Sys, tags: Option<&str>, goos: &str, goarch: &str) -> Result<Context, String> {
    let mut process = sys.env.clone();
    process.insert("GOOS".into(), goos.into());
    process.insert("GOARCH".into(), goarch.into());
    let port_env = sys.go_env_with(process);
    Context::for_command(&port_env, tags).map_err(|e| e.message)
}

/// Per package: its Go files, and per port either which of them are built (with the
/// package's own load error there, if any) or the configuration error.
type Grid = BTreeMap<String, (Vec<String>, Vec<(String, Result<Built, String>)>)>;

struct Built {
    files: Vec<bool>,
    error: Option<String>,
}

/// `-matrix`: for every listed port, which files of each package are built.
fn matrix(sys: &Sys, tags: Option<&str>, base: &Loader<'_>, patterns: &[String], json: bool) -> String {
    let ports: Vec<(&str, &str)> = ports::listed(false).map(|p| (p.goos(), p.goarch())).collect();
    // Per package: files in name order; per port: the set of files built.
    let mut packages: Grid = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    // Packages come from the base configuration's listing, so every port has a column.
    let base_listing = base.list(patterns);
    for &(goos, goarch) in &ports {
        let port = format!("{goos}/{goarch}");
        let ctx = port_context(sys, tags, goos, goarch);
        let listing = ctx.as_ref().ok().map(|ctx| Loader { ctx, ..*base }.list(patterns));
        for p in &base_listing.packages {
            if !order.contains(&p.import_path) {
                order.push(p.import_path.clone());
            }
            let files: Vec<String> = p
                .files
                .iter()
                .filter(|f| f.class != load::FileClass::Skipped && f.name.ends_with(".go"))
                .map(|f| f.name.clone())
                .collect();
            let cell = match (&ctx, &listing) {
                (Err(e), _) => Err(e.clone()),
                (Ok(_), Some(l)) => {
                    let built = l.packages.iter().find(|q| q.import_path == p.import_path);
                    Ok(Built {
                        files: files
                            .iter()
                            .map(|name| {
                                built.is_some_and(|q| {
                                    q.go_files.contains(name)
                                        || q.cgo_files.contains(name)
                                        || q.test_go_files.contains(name)
                                        || q.xtest_go_files.contains(name)
                                })
                            })
                            .collect(),
                        error: built.and_then(|q| q.error.as_ref()).map(|e| e.message()),
                    })
                }
                (Ok(_), None) => Err("no listing".into()),
            };
            packages
                .entry(p.import_path.clone())
                .or_insert_with(|| (files, Vec::new()))
                .1
                .push((port.clone(), cell));
        }
    }
    if json {
        let mut out = String::new();
        for path in &order {
            let (files, cells) = &packages[path];
            let targets = cells
                .iter()
                .map(|(port, cell)| {
                    let mut fields = vec![("Target".to_owned(), Json::str(port.as_str()))];
                    match cell {
                        Ok(built) => {
                            fields.push((
                                "Files".to_owned(),
                                Json::Array(
                                    files
                                        .iter()
                                        .zip(&built.files)
                                        .filter(|(_, b)| **b)
                                        .map(|(f, _)| Json::str(f.as_str()))
                                        .collect(),
                                ),
                            ));
                            if let Some(e) = &built.error {
                                fields.push(("Error".to_owned(), Json::str(e.as_str())));
                            }
                        }
                        Err(e) => fields.push(("Error".to_owned(), Json::str(e.as_str()))),
                    }
                    Json::Object(fields)
                })
                .collect();
            let obj = Json::Object(vec![
                ("ImportPath".into(), Json::str(path.as_str())),
                ("Files".into(), Json::Array(files.iter().map(|f| Json::str(f.as_str())).collect())),
                ("Targets".into(), Json::Array(targets)),
            ]);
            out.push_str(&obj.to_encoder_output("", "\t"));
        }
        return out;
    }
    let mut out = String::from(MATRIX_LEGEND);
    for path in &order {
        let (files, cells) = &packages[path];
        out.push_str(&format!("\n{path}\n"));
        let number = |i: usize| format!("[{}]", i + 1);
        let number_width = number(files.len().saturating_sub(1)).len();
        for (i, f) in files.iter().enumerate() {
            out.push_str(&format!("  {:>number_width$} {f}\n", number(i)));
        }
        let width = cells.iter().map(|(p, _)| p.len()).max().unwrap_or(0);
        let column = number_width.max(3);
        let mut header = format!("  {:width$}", "");
        for i in 0..files.len() {
            header.push_str(&format!(" {:>column$}", number(i)));
        }
        out.push_str(header.trim_end());
        out.push('\n');
        for (port, cell) in cells {
            let mut row = format!("  {port:<width$}");
            match cell {
                Ok(built) => {
                    for b in &built.files {
                        row.push_str(&format!(" {:>column$}", if *b { "x" } else { "." }));
                    }
                    if let Some(e) = &built.error {
                        row.push_str(&format!("  error: {e}"));
                    }
                }
                Err(e) => row.push_str(&format!(" error: {e}")),
            }
            out.push_str(row.trim_end());
            out.push('\n');
        }
    }
    out
}

const MATRIX_LEGEND: &str = "\
x: the file is compiled for the target (GoFiles, CgoFiles, TestGoFiles, XTestGoFiles).
Each target is the current environment with GOOS and GOARCH replaced; CGO_ENABLED
follows it, or defaults to 0 when the target is not the host.
";

/// `base.ShortPath`: `path` relative to the working directory when that is
/// shorter (`go.mod`, `../go.mod`), else as it is. Both are clean absolute paths.
pub(crate) fn short_path(cwd: &str, path: &str) -> String {
    let from: Vec<&str> = cwd.split('/').filter(|p| !p.is_empty()).collect();
    let to: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut rel: Vec<&str> = vec![".."; from.len() - common];
    rel.extend(&to[common..]);
    let rel = if rel.is_empty() { ".".to_owned() } else { rel.join("/") };
    if rel.len() < path.len() { rel } else { path.to_owned() }
}

/// The module enclosing the working directory, its files and go.mod, as module
/// loading reads them: go.mod's syntax errors (`go: errors parsing go.mod:`) and
/// then what loading checks (`godebug` lines), with go.mod named as Go names it.
/// `Ok(None)` when there is no go.mod.
pub(crate) fn load_module(sys: &Sys) -> Result<Option<(Tree, String, load::Module)>, Outcome> {
    let Ok((tree, cwd)) = read_module(sys) else { return Ok(None) };
    let Some(text) = tree.files.get("go.mod").map(|b| String::from_utf8_lossy(b).into_owned()) else {
        return Ok(None);
    };
    let file = short_path(sys.cwd.trim_end_matches('/'), &format!("{}/go.mod", tree.root));
    let module = load::parse_go_mod(&file, &text)
        .map_err(|e| Outcome::fail(1, format!("go: errors parsing {file}:\n{e}")))?;
    load::check_go_mod(&file, &module).map_err(|e| Outcome::fail(1, e))?;
    Ok(Some((tree, cwd, module)))
}

/// Finds the module enclosing the working directory and reads its files.
pub(crate) fn read_module(sys: &Sys) -> Result<(Tree, String), String> {
    let mut root = sys.cwd.trim_end_matches('/').to_owned();
    let mut rel: Vec<String> = Vec::new();
    loop {
        if (sys.read_bytes)(&format!("{root}/go.mod")).is_some() {
            break;
        }
        match root.rfind('/') {
            Some(i) if i > 0 || root.len() > 1 => {
                rel.insert(0, root[i + 1..].to_owned());
                root.truncate(i);
                if root.is_empty() {
                    return Err("go: go.mod file not found in current directory or any parent directory; see 'go help modules'".into());
                }
            }
            _ => {
                return Err("go: go.mod file not found in current directory or any parent directory; see 'go help modules'".into());
            }
        }
    }
    let mut files = BTreeMap::new();
    let mut dirs = vec![String::new()];
    while let Some(dir) = dirs.pop() {
        let abs = if dir.is_empty() { root.clone() } else { format!("{root}/{dir}") };
        let Some(entries) = (sys.list_dir)(&abs) else { continue };
        for (name, is_dir) in entries {
            let path = if dir.is_empty() { name.clone() } else { format!("{dir}/{name}") };
            if is_dir {
                dirs.push(path);
            } else if let Some(data) = (sys.read_bytes)(&format!("{root}/{path}")) {
                files.insert(path, data);
            }
        }
    }
    Ok((Tree { root, files }, rel.join("/")))
}

/// GOROOT as crossplay reports it: `$GOROOT` if set, else where the shipped library
/// would be.
pub(crate) fn goroot(sys: &Sys) -> String {
    sys.env.get("GOROOT").cloned().unwrap_or_else(|| "/crossplay/goroot".into())
}
