//! Build constraint expressions and the two line syntaxes that spell them, as
//! `go/build/constraint` (`expr.go`) defines them: `//go:build` lines with `!`, `&&`,
//! `||` and parentheses, and legacy `// +build` lines (space = or, comma = and).

use core::fmt;

/// A build constraint expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    Tag(String),
    Not(Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
}

impl Expr {
    /// Evaluates the expression. Like Go's `Eval`, both operands of `&&` and `||` are
    /// always evaluated, so `ok` sees every tag.
    pub fn eval(&self, ok: &mut dyn FnMut(&str) -> bool) -> bool {
        match self {
            Expr::Tag(tag) => ok(tag),
            Expr::Not(x) => !x.eval(ok),
            Expr::And(x, y) => {
                let x = x.eval(ok);
                let y = y.eval(ok);
                x && y
            }
            Expr::Or(x, y) => {
                let x = x.eval(ok);
                let y = y.eval(ok);
                x || y
            }
        }
    }

    /// The tags the expression mentions, in order of appearance, each once.
    pub fn tags(&self) -> Vec<&str> {
        let mut tags = Vec::new();
        self.collect_tags(&mut tags);
        tags
    }

    fn collect_tags<'a>(&'a self, tags: &mut Vec<&'a str>) {
        match self {
            Expr::Tag(tag) => {
                if !tags.contains(&tag.as_str()) {
                    tags.push(tag);
                }
            }
            Expr::Not(x) => x.collect_tags(tags),
            Expr::And(x, y) | Expr::Or(x, y) => {
                x.collect_tags(tags);
                y.collect_tags(tags);
            }
        }
    }
}

/// Go's `String` methods: operands of a different operator are parenthesized.
impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let operand = |f: &mut fmt::Formatter<'_>, x: &Expr, wrap: bool| {
            if wrap { write!(f, "({x})") } else { write!(f, "{x}") }
        };
        match self {
            Expr::Tag(tag) => f.write_str(tag),
            Expr::Not(x) => {
                f.write_str("!")?;
                operand(f, x, matches!(**x, Expr::And(..) | Expr::Or(..)))
            }
            Expr::And(x, y) => {
                operand(f, x, matches!(**x, Expr::Or(..)))?;
                f.write_str(" && ")?;
                operand(f, y, matches!(**y, Expr::Or(..)))
            }
            Expr::Or(x, y) => {
                operand(f, x, matches!(**x, Expr::And(..)))?;
                f.write_str(" || ")?;
                operand(f, y, matches!(**y, Expr::And(..)))
            }
        }
    }
}

/// A `//go:build` syntax error: Go's message and the byte offset in the expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// `splitGoBuild`: the expression text of a `//go:build` line, or `None` if `line` is
/// not one. The line must start with `//go:build` exactly, followed by a space, a tab or
/// its end.
pub fn split_go_build(line: &str) -> Option<&str> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    if line.contains('\n') || !line.starts_with("//go:build") {
        return None;
    }
    let rest = &go_trim_space(line)["//go:build".len()..];
    let trimmed = go_trim_space(rest);
    if rest.len() == trimmed.len() && !rest.is_empty() {
        return None;
    }
    Some(trimmed)
}

/// `splitPlusBuild`: the text of a `// +build` line, or `None`. Spaces may separate
/// `//` and `+build`; `+build` must be followed by white space or the end of the line.
pub fn split_plus_build(line: &str) -> Option<&str> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    if line.contains('\n') {
        return None;
    }
    let rest = go_trim_space(line.strip_prefix("//")?).strip_prefix("+build")?;
    let trimmed = go_trim_space(rest);
    if rest.len() == trimmed.len() && !rest.is_empty() {
        return None;
    }
    Some(trimmed)
}

/// `strings.TrimSpace`: Go's white space is Unicode White_Space, which for the ASCII
/// range is `\t \n \v \f \r` and space; beyond it U+0085, U+00A0 and the Z separators.
pub fn go_trim_space(s: &str) -> &str {
    s.trim_matches(is_go_space)
}

/// `unicode.IsSpace`.
pub fn is_go_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{85}' | '\u{A0}')
        || (!c.is_ascii() && c.is_whitespace())
}

/// The largest number of `not` steps (one per operand) an expression may take: Go's
/// `maxSize`.
const MAX_SIZE: usize = 1000;

/// Parses the text of a `//go:build` line (after `//go:build`).
///
/// This is Go's recursive-descent parser (`or`, `and`, `not`, `atom`) run with an
/// explicit stack, one frame per open parenthesis, so that the 1000 levels of nesting
/// Go allows cannot overflow a small (wasm) stack. Errors and their offsets are Go's.
pub fn parse_go_build(text: &str) -> Result<Expr, SyntaxError> {
    let mut p = Parser { s: text, i: 0, tok: "", is_tag: false, pos: 0 };
    let mut size = 0;
    let mut frames = vec![Frame { paren: None, negate: false, or: None, and: None }];
    'operand: loop {
        // not(): an optional `!`, then an atom.
        size += 1;
        if size > MAX_SIZE {
            return Err(p.error(p.pos, "build expression too large".into()));
        }
        p.lex()?;
        let mut negate = false;
        if p.tok == "!" {
            p.lex()?;
            if p.tok == "!" {
                return Err(p.error(p.pos, "double negation not allowed".into()));
            }
            negate = true;
        }
        if p.tok == "(" {
            frames.push(Frame { paren: Some(p.pos), negate, or: None, and: None });
            continue 'operand;
        }
        if !p.is_tag {
            if p.tok.is_empty() {
                // Inside parentheses, running out of input is the paren's fault.
                let in_paren = frames.len() > 1;
                let message = if in_paren { "missing close paren" } else { "unexpected end of expression" };
                return Err(p.error(p.pos, message.into()));
            }
            return Err(p.error(p.pos, format!("unexpected token {}", p.tok)));
        }
        let mut operand = Expr::Tag(p.tok.to_owned());
        p.lex()?;
        if negate {
            operand = Expr::Not(Box::new(operand));
        }
        // Fold the operand into the open frames for as long as their groups end here.
        loop {
            let Some(frame) = frames.last_mut() else { unreachable_empty() };
            frame.and = Some(match frame.and.take() {
                None => operand,
                Some(x) => Expr::And(Box::new(x), Box::new(operand)),
            });
            if p.tok == "&&" {
                continue 'operand;
            }
            let and = frame.and.take().unwrap_or_else(|| unreachable_empty());
            frame.or = Some(match frame.or.take() {
                None => and,
                Some(x) => Expr::Or(Box::new(x), Box::new(and)),
            });
            if p.tok == "||" {
                continue 'operand;
            }
            let group = frame.or.take().unwrap_or_else(|| unreachable_empty());
            let Some(paren) = frame.paren else {
                if !p.tok.is_empty() {
                    return Err(p.error(p.pos, format!("unexpected token {}", p.tok)));
                }
                return Ok(group);
            };
            if p.tok != ")" {
                return Err(p.error(paren, "missing close paren".into()));
            }
            p.lex()?;
            operand = if frame.negate { Expr::Not(Box::new(group)) } else { group };
            frames.pop();
        }
    }
}

/// The parser's frames always hold the values the loop just put there.
fn unreachable_empty() -> ! {
    unreachable!("parse_go_build: frame invariant")
}

/// One open group: the whole expression or a parenthesis (at byte `paren`), with the
/// `||` and `&&` operands seen so far.
struct Frame {
    paren: Option<usize>,
    negate: bool,
    or: Option<Expr>,
    and: Option<Expr>,
}

struct Parser<'a> {
    s: &'a str,
    i: usize,
    tok: &'a str,
    is_tag: bool,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, offset: usize, message: String) -> SyntaxError {
        SyntaxError { offset, message }
    }

    fn lex(&mut self) -> Result<(), SyntaxError> {
        let bytes = self.s.as_bytes();
        self.is_tag = false;
        while self.i < bytes.len() && (bytes[self.i] == b' ' || bytes[self.i] == b'\t') {
            self.i += 1;
        }
        if self.i >= bytes.len() {
            self.tok = "";
            self.pos = self.i;
            return Ok(());
        }
        match bytes[self.i] {
            b'(' | b')' | b'!' => {
                self.pos = self.i;
                self.i += 1;
                self.tok = &self.s[self.pos..self.i];
                return Ok(());
            }
            c @ (b'&' | b'|') => {
                if bytes.get(self.i + 1) != Some(&c) {
                    return Err(self.error(self.i, format!("invalid syntax at {}", c as char)));
                }
                self.pos = self.i;
                self.i += 2;
                self.tok = &self.s[self.pos..self.i];
                return Ok(());
            }
            _ => {}
        }
        let rest = &self.s[self.i..];
        let len = rest.find(|c: char| !is_tag_char(c)).unwrap_or(rest.len());
        if len == 0 {
            // `rest` is non-empty here, so it has a first character.
            let c = rest.chars().next().unwrap_or('\u{FFFD}');
            return Err(self.error(self.i, format!("invalid syntax at {c}")));
        }
        self.pos = self.i;
        self.i += len;
        self.tok = &self.s[self.pos..self.i];
        self.is_tag = true;
        Ok(())
    }
}

/// A character a tag may contain: a Unicode letter or digit, `_` or `.`.
pub fn is_tag_char(c: char) -> bool {
    base::unicode::is_letter(c) || base::unicode::is_digit(c) || c == '_' || c == '.'
}

/// `isValidTag`.
pub fn is_valid_tag(word: &str) -> bool {
    !word.is_empty() && word.chars().all(is_tag_char)
}

/// The error for a `// +build` line with more than 100 operators; such a line is
/// skipped by the go command.
pub const ERR_TOO_COMPLEX: &str = "expression too complex for // +build lines";

/// Parses the text of a `// +build` line: space-separated options are ORed,
/// comma-separated terms ANDed. A malformed term becomes the tag `ignore` (and a
/// negated one `!ignore`), as Go does.
pub fn parse_plus_build(text: &str) -> Result<Expr, &'static str> {
    const MAX_OLD_SIZE: usize = 100;
    let mut size = 0;
    let mut x: Option<Expr> = None;
    for clause in text.split(is_go_space).filter(|c| !c.is_empty()) {
        let mut y: Option<Expr> = None;
        for lit in clause.split(',') {
            let z = if lit.starts_with("!!") || lit == "!" {
                Expr::Tag("ignore".into())
            } else {
                let (neg, word) = match lit.strip_prefix('!') {
                    Some(word) => (true, word),
                    None => (false, lit),
                };
                let tag = Expr::Tag(if is_valid_tag(word) { word.into() } else { "ignore".into() });
                if neg { Expr::Not(Box::new(tag)) } else { tag }
            };
            y = Some(match y {
                None => z,
                Some(y) => {
                    size += 1;
                    if size > MAX_OLD_SIZE {
                        return Err(ERR_TOO_COMPLEX);
                    }
                    Expr::And(Box::new(y), Box::new(z))
                }
            });
        }
        let Some(y) = y else { continue };
        x = Some(match x {
            None => y,
            Some(x) => {
                size += 1;
                if size > MAX_OLD_SIZE {
                    return Err(ERR_TOO_COMPLEX);
                }
                Expr::Or(Box::new(x), Box::new(y))
            }
        });
    }
    Ok(x.unwrap_or_else(|| Expr::Tag("ignore".into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        let got = match parse_go_build(text) {
            Ok(x) => x.to_string(),
            Err(e) => format!("error at {}: {}", e.offset, e.message),
        };
        assert_eq!(got, expect, "//go:build {text}");
    }

    #[test]
    fn go_build_grammar() {
        check("linux", "linux");
        check("linux && amd64 || darwin", "(linux && amd64) || darwin");
        check("linux && (amd64 || arm64)", "linux && (amd64 || arm64)");
        check("!(linux || darwin)", "!(linux || darwin)");
        check("!(!linux)", "!!linux");
        check("a || b && c", "a || (b && c)");
        check("(a || b) && c", "(a || b) && c");
        check("\tamd64.v2 &&\tgo1.21", "amd64.v2 && go1.21");
        check("é_1", "é_1");
    }

    #[test]
    fn go_build_errors() {
        check("linux &&", "error at 8: unexpected end of expression");
        check("(linux", "error at 0: missing close paren");
        check("(linux &&", "error at 9: missing close paren");
        check("!!linux", "error at 1: double negation not allowed");
        check("linux & darwin", "error at 6: invalid syntax at &");
        check("linux darwin", "error at 6: unexpected token darwin");
        check("", "error at 0: unexpected end of expression");
        check("linux // comment", "error at 6: invalid syntax at /");
        check("a-b", "error at 1: invalid syntax at -");
        check(")", "error at 0: unexpected token )");
        check("a ||| b", "error at 4: invalid syntax at |");
        check("Ⅳ", "error at 0: invalid syntax at Ⅳ");
        let deep = |n: usize| "!(".repeat(n) + "x" + &")".repeat(n);
        let x = parse_go_build(&deep(999)).map(|x| x.to_string());
        assert_eq!(x, Ok("!".repeat(999) + "x"));
        check(&deep(1001), "error at 1999: build expression too large");
    }

    #[test]
    fn line_recognition() {
        assert_eq!(split_go_build("//go:build linux"), Some("linux"));
        assert_eq!(split_go_build("//go:build\tlinux \n"), Some("linux"));
        assert_eq!(split_go_build("//go:build"), Some(""));
        assert_eq!(split_go_build("//go:buildlinux"), None);
        assert_eq!(split_go_build("// go:build linux"), None);
        assert_eq!(split_plus_build("// +build linux,386 darwin"), Some("linux,386 darwin"));
        assert_eq!(split_plus_build("//+build"), Some(""));
        assert_eq!(split_plus_build("//   +build\tx"), Some("x"));
        assert_eq!(split_plus_build("// +buildx"), None);
    }

    #[test]
    fn plus_build() {
        let show = |t: &str| parse_plus_build(t).map(|x| x.to_string());
        assert_eq!(show("linux,386 darwin,!cgo"), Ok("(linux && 386) || (darwin && !cgo)".into()));
        assert_eq!(show(""), Ok("ignore".into()));
        assert_eq!(show("!!x ! foo-bar !foo-bar"), Ok("ignore || ignore || ignore || !ignore".into()));
        assert_eq!(show(&["a"; 102].join(" ")), Err(ERR_TOO_COMPLEX));
        assert_eq!(show(&["a"; 101].join(" ")).map(|s| s.len()), Ok(101 * 5 - 4));
    }
}
