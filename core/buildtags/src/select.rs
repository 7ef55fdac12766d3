//! Whether a file is built for a configuration, and why: `matchFile`, `goodOSArchFile`
//! and `shouldBuild` of `go/build/build.go`, returning the rule that decided and every
//! tag consulted with its truth value and the reason for it.

use target::context::{Context, TagFact};

use crate::expr::Expr;
use crate::header::{Constraint, HeaderError, Line, parse_header};
use crate::name::{NameConstraint, NameKind, classify, name_constraint};

/// The rule that decided a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// The name starts with `_` or `.`: skipped without a word.
    Hidden,
    /// Not a `.go` file or another source extension a package lists.
    NotSource,
    /// The `_GOOS`/`_GOARCH` suffix of the name does not match. The header is not read.
    FileName(NameConstraint),
    /// The header's constraint decided (after the name, if it has a suffix, matched).
    Header { name: Option<NameConstraint>, constraint: Constraint },
    /// The header is malformed: the file is invalid.
    Invalid { name: Option<NameConstraint>, error: HeaderError },
}

/// The verdict on one file for one configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// The file passes the name and constraint rules.
    pub matched: bool,
    pub rule: Rule,
    /// Every tag consulted, in order, each once, with its value and reason.
    pub facts: Vec<TagFact>,
}

impl Selection {
    /// The fact for `tag`, if it was consulted.
    pub fn fact(&self, tag: &str) -> Option<&TagFact> {
        self.facts.iter().find(|f| f.tag == tag)
    }
}

/// Records tags as `matchTag` consults them.
struct Recorder<'a> {
    ctx: &'a Context,
    facts: Vec<TagFact>,
}

impl Recorder<'_> {
    fn test(&mut self, tag: &str) -> bool {
        if let Some(fact) = self.facts.iter().find(|f| f.tag == tag) {
            return fact.set;
        }
        let fact = self.ctx.explain(tag);
        let set = fact.set;
        self.facts.push(fact);
        set
    }

    fn eval(&mut self, expr: &Expr) -> bool {
        expr.eval(&mut |tag| self.test(tag))
    }
}

/// Decides the file `name` with contents `content` for `ctx`. Only the header of
/// `content` (up to the first non-comment text) is looked at.
pub fn select(name: &str, content: &[u8], ctx: &Context) -> Selection {
    let mut rec = Recorder { ctx, facts: Vec::new() };
    let (matched, rule) = decide(name, content, &mut rec);
    Selection { matched, rule, facts: rec.facts }
}

fn decide(name: &str, content: &[u8], rec: &mut Recorder<'_>) -> (bool, Rule) {
    match classify(name) {
        NameKind::Hidden => return (false, Rule::Hidden),
        NameKind::NotSource => return (false, Rule::NotSource),
        NameKind::Source { .. } => {}
    }
    let name_rule = name_constraint(name);
    if let Some(rule) = &name_rule {
        // Go's `&&` short-circuits here, unlike in expressions: the OS of an
        // `_GOOS_GOARCH` suffix is consulted only when the architecture matched.
        let ok = match rule {
            NameConstraint::OsArch { goos, goarch } => rec.test(goarch) && rec.test(goos),
            NameConstraint::One(tag) => rec.test(tag),
        };
        if !ok {
            return (false, Rule::FileName(rule.clone()));
        }
    }
    // `.syso` files are never read.
    if crate::name::extension(name) == ".syso" {
        return (true, Rule::Header { name: name_rule, constraint: Constraint::None });
    }
    let constraint = match parse_header(content).and_then(|h| h.constraint()) {
        Ok(constraint) => constraint,
        Err(error) => return (false, Rule::Invalid { name: name_rule, error }),
    };
    let matched = match &constraint {
        Constraint::None => true,
        Constraint::GoBuild { expr, .. } => rec.eval(expr),
        Constraint::PlusBuild(lines) => {
            let mut all = true;
            for (_, expr) in lines {
                if let Some(expr) = expr
                    && !rec.eval(expr)
                {
                    all = false;
                }
            }
            all
        }
    };
    (matched, Rule::Header { name: name_rule, constraint })
}

/// A human explanation of a selection, one line per step, for `crossplay list -why`
/// and the playground.
pub fn explain(sel: &Selection) -> Vec<String> {
    let mut out = Vec::new();
    let value = |expr: &Expr| expr.eval(&mut |t| sel.fact(t).is_some_and(|f| f.set));
    // Under each rule line, the facts of the tags it consulted.
    let facts = |out: &mut Vec<String>, tags: &[&str]| {
        for tag in tags {
            if let Some(fact) = sel.fact(tag) {
                out.push(format!("  {fact}"));
            }
        }
    };
    let name = |out: &mut Vec<String>, c: &NameConstraint, verdict: bool| match c {
        NameConstraint::OsArch { goos, goarch } => {
            out.push(format!("file name suffix _{goos}_{goarch} requires {goarch} && {goos}: {verdict}"));
            facts(out, &[goarch, goos]);
        }
        NameConstraint::One(tag) => {
            out.push(format!("file name suffix _{tag} requires {tag}: {verdict}"));
            facts(out, &[tag]);
        }
    };
    let line_text = |l: &Line| format!("line {}: {}", l.line, l.text);
    match &sel.rule {
        Rule::Hidden => out.push("name starts with _ or .: the go command skips it".into()),
        Rule::NotSource => out.push("not a Go or other package source file (extension)".into()),
        Rule::FileName(c) => name(&mut out, c, false),
        Rule::Invalid { name: c, error } => {
            if let Some(c) = c {
                name(&mut out, c, true);
            }
            out.push(format!("invalid: {error}"));
        }
        Rule::Header { name: c, constraint } => {
            if let Some(c) = c {
                name(&mut out, c, true);
            }
            match constraint {
                Constraint::None => out.push("no build constraint".into()),
                Constraint::GoBuild { line, expr } => {
                    out.push(format!("{} => {}", line_text(line), value(expr)));
                    facts(&mut out, &expr.tags());
                }
                Constraint::PlusBuild(lines) => {
                    out.push("no //go:build line; every // +build line must hold".into());
                    for (line, expr) in lines {
                        match expr {
                            Some(expr) => {
                                out.push(format!("{} ({expr}) => {}", line_text(line), value(expr)));
                                facts(&mut out, &expr.tags());
                            }
                            None => out.push(format!(
                                "{}: {}, skipped",
                                line_text(line),
                                crate::expr::ERR_TOO_COMPLEX
                            )),
                        }
                    }
                }
            }
        }
    }
    out
}
