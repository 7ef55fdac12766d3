//! Where a build constraint counts: `parseFileHeader` and `shouldBuild` of
//! `go/build/build.go`.
//!
//! The header is read line by line, each trimmed of white space. Blank lines, `//`
//! comments and `/* */` comments are accepted; the first other text (normally
//! `package`) ends it. A `//go:build` line counts anywhere in the header outside a
//! block comment, with or without a blank line after it. `// +build` lines count only
//! before the last blank line that precedes the first non-`//` line, so they must be
//! followed by a blank line, and none counts after a block comment.

use crate::expr::{self, Expr, SyntaxError};

/// A constraint line of a file header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the file.
    pub line: usize,
    /// The line, trimmed of white space.
    pub text: String,
}

/// The constraints a file header carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub go_build: Option<Line>,
    /// The `// +build` lines in the part of the header where they count.
    pub plus_build: Vec<Line>,
    pub binary_only: bool,
}

/// Why a header cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// Two `//go:build` lines: Go's `multiple //go:build comments`.
    MultipleGoBuild { line: usize },
    /// A malformed `//go:build` line: Go's `parsing //go:build line: …`.
    GoBuild { line: usize, error: SyntaxError },
}

impl core::fmt::Display for HeaderError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            HeaderError::MultipleGoBuild { .. } => f.write_str("multiple //go:build comments"),
            HeaderError::GoBuild { error, .. } => write!(f, "parsing //go:build line: {error}"),
        }
    }
}

/// The constraint that decides a file, once its header is parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Constraint {
    /// No constraint lines: the header does not exclude the file.
    None,
    /// A `//go:build` line, which alone decides (any `+build` lines are ignored).
    GoBuild { line: Line, expr: Expr },
    /// `// +build` lines, all of which must hold. A line too complex to parse is
    /// skipped, as Go does, and kept here with `expr: None`.
    PlusBuild(Vec<(Line, Option<Expr>)>),
}

/// `isGoBuildComment`: the line (already trimmed) starts with `//go:build` followed by
/// white space or its end.
fn is_go_build_comment(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("//go:build") else { return false };
    rest.is_empty() || expr::go_trim_space(rest).len() < rest.len()
}

/// Splits `content` into lines the way the Go loop does: on `\n`, the last line
/// possibly unterminated. Yields (1-based number, line, offset after the line).
fn lines(content: &[u8]) -> impl Iterator<Item = (usize, &[u8], usize)> {
    let mut offset = 0;
    let mut number = 0;
    core::iter::from_fn(move || {
        if offset >= content.len() {
            return None;
        }
        let rest = &content[offset..];
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], offset + i + 1),
            None => (rest, content.len()),
        };
        offset = next;
        number += 1;
        Some((number, line, next))
    })
}

/// `parseFileHeader`: the constraint lines of a file whose header is `content`.
pub fn parse_header(content: &[u8]) -> Result<Header, HeaderError> {
    let mut header = Header::default();
    let mut end = 0;
    let mut ended = false;
    let mut in_slash_star = false;
    'lines: for (number, raw, next) in lines(content) {
        // Go trims and compares bytes; a lossy view keeps every comparison the same
        // (an invalid byte is no space, no comment marker and no tag character).
        let text = String::from_utf8_lossy(raw);
        let line = expr::go_trim_space(&text);
        if line.is_empty() && !ended {
            end = next;
            continue;
        }
        if !line.starts_with("//") {
            ended = true;
        }
        if !in_slash_star && is_go_build_comment(line) {
            if header.go_build.is_some() {
                return Err(HeaderError::MultipleGoBuild { line: number });
            }
            header.go_build = Some(Line { line: number, text: line.to_owned() });
        }
        if !in_slash_star && line == "//go:binary-only-package" {
            header.binary_only = true;
        }
        let mut rest = line;
        while !rest.is_empty() {
            if in_slash_star {
                match rest.find("*/") {
                    Some(i) => {
                        in_slash_star = false;
                        rest = expr::go_trim_space(&rest[i + 2..]);
                        continue;
                    }
                    None => continue 'lines,
                }
            }
            if rest.starts_with("//") {
                continue 'lines;
            }
            if let Some(after) = rest.strip_prefix("/*") {
                in_slash_star = true;
                rest = expr::go_trim_space(after);
                continue;
            }
            // Non-comment text: the header ends here.
            break 'lines;
        }
    }
    // The +build lines are those of content[..end] (shouldBuild's second loop).
    for (number, raw, _) in lines(&content[..end]) {
        let text = String::from_utf8_lossy(raw);
        let line = expr::go_trim_space(&text);
        if line.starts_with("//") && line.contains("+build") && expr::split_plus_build(line).is_some() {
            header.plus_build.push(Line { line: number, text: line.to_owned() });
        }
    }
    Ok(header)
}

impl Header {
    /// The deciding constraint: the `//go:build` line if there is one, else the
    /// `+build` lines.
    pub fn constraint(&self) -> Result<Constraint, HeaderError> {
        if let Some(line) = &self.go_build {
            let text = expr::split_go_build(&line.text).unwrap_or("");
            let expr = expr::parse_go_build(text)
                .map_err(|error| HeaderError::GoBuild { line: line.line, error })?;
            return Ok(Constraint::GoBuild { line: line.clone(), expr });
        }
        if self.plus_build.is_empty() {
            return Ok(Constraint::None);
        }
        let lines = self
            .plus_build
            .iter()
            .map(|line| {
                let text = expr::split_plus_build(&line.text).unwrap_or("");
                (line.clone(), expr::parse_plus_build(text).ok())
            })
            .collect();
        Ok(Constraint::PlusBuild(lines))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(src: &str) -> String {
        match parse_header(src.as_bytes()).and_then(|h| h.constraint()) {
            Err(e) => format!("error: {e}"),
            Ok(Constraint::None) => "none".into(),
            Ok(Constraint::GoBuild { line, expr }) => format!("go:build@{} {expr}", line.line),
            Ok(Constraint::PlusBuild(lines)) => lines
                .iter()
                .map(|(l, x)| {
                    format!("+build@{} {}", l.line, x.as_ref().map_or("-".into(), |x| x.to_string()))
                })
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    #[test]
    fn placement() {
        assert_eq!(show("//go:build linux\n\npackage p\n"), "go:build@1 linux");
        assert_eq!(show("//go:build !linux\npackage p\n"), "go:build@1 !linux");
        assert_eq!(
            show("// Copyright\n\n  //go:build a\n/* x */\n//go:build b\npackage p"),
            "error: multiple //go:build comments"
        );
        assert_eq!(show("/*\n//go:build a\n*/\npackage p\n"), "none");
        assert_eq!(show("/* c */ //go:build a\npackage p\n"), "none");
        assert_eq!(show("/* c */\n//go:build a\npackage p\n"), "go:build@2 a");
        assert_eq!(show("package p\n//go:build a\n"), "none");
        assert_eq!(show("//go:build a\n// +build b\n\npackage p\n"), "go:build@1 a");
        assert_eq!(
            show("//go:build a &&\npackage p\n"),
            "error: parsing //go:build line: unexpected end of expression"
        );
    }

    #[test]
    fn plus_build_needs_blank_line() {
        assert_eq!(show("// +build a\n\npackage p\n"), "+build@1 a");
        assert_eq!(show("// +build a\npackage p\n"), "none");
        assert_eq!(show("// +build a\n// +build b,c\n\n// doc\npackage p\n"), "+build@1 a; +build@2 b && c");
        assert_eq!(show("/* x */\n\n// +build a\n\npackage p\n"), "none");
        assert_eq!(show("// +build a\n\n/* x */\n\n// +build b\n\npackage p\n"), "+build@1 a");
        assert_eq!(show("\n\n// +build\n\npackage p"), "+build@3 ignore");
    }
}
