//! The header of a Go file as the go command reads it to load a package: the package
//! clause and the import declarations (`go/build`'s `readGoInfo`, which hands that
//! prefix to `go/parser` in ImportsOnly mode). Errors carry go/parser's wording and a
//! 1-based line and column.
//!
//! This is a small scanner for the tokens a header may hold; once the `syntax` crate
//! exists it can take over.

/// An import in a file header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub path: String,
    pub line: usize,
    pub col: usize,
}

/// The package clause and imports of a Go file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoHeader {
    /// The package name; empty if the clause could not be read.
    pub package: String,
    pub imports: Vec<Import>,
    /// How many bytes the go command's import reader consumes: through the first byte
    /// of the first token after the imports (the whole file after a syntax error).
    pub read_len: usize,
}

/// An error reading the header, positioned like go/parser's first error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// A read error that is not a syntax error: a NUL byte inside the header
/// (`unexpected NUL in input`).
pub const ERR_NUL: &str = "unexpected NUL in input";

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Keyword(&'static str),
    /// A string literal: its source text and value (None if malformed).
    Str(String, Option<String>),
    /// Another literal (number, rune): its source text.
    Literal(String),
    /// `;`, explicit (`";"`) or inserted at a newline (`"\n"`) or at EOF.
    Semi(&'static str),
    Op(String),
    Eof,
}

impl Tok {
    /// go/parser's "found …" text.
    fn found(&self) -> String {
        match self {
            Tok::Ident(s) | Tok::Literal(s) | Tok::Str(s, _) => s.clone(),
            Tok::Keyword(k) => format!("'{k}'"),
            // go/scanner gives a semicolon inserted at a newline or at EOF the text "\n".
            Tok::Semi("\n" | "") => "newline".into(),
            Tok::Semi(_) => "';'".into(),
            Tok::Op(op) => format!("'{op}'"),
            Tok::Eof => "'EOF'".into(),
        }
    }
}

const KEYWORDS: [&str; 25] = [
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
    "var",
];

struct Scanner<'a> {
    src: &'a [u8],
    i: usize,
    line: usize,
    line_start: usize,
    /// Whether a newline here ends a statement (Go's automatic semicolon rule).
    semi: bool,
    err: Option<HeaderError>,
    /// Byte offset of the last token returned.
    tok_start: usize,
}

impl Scanner<'_> {
    fn col(&self, at: usize) -> usize {
        // go/token columns count bytes.
        at - self.line_start + 1
    }

    fn error(&mut self, line: usize, col: usize, message: String) {
        if self.err.is_none() {
            self.err = Some(HeaderError { line, col, message });
        }
    }

    /// The next token with its position.
    fn next(&mut self) -> (Tok, usize, usize) {
        loop {
            let Some(&c) = self.src.get(self.i) else {
                self.tok_start = self.i;
                let pos = (self.line, self.col(self.i));
                if self.semi {
                    self.semi = false;
                    return (Tok::Semi(""), pos.0, pos.1);
                }
                return (Tok::Eof, pos.0, pos.1);
            };
            match c {
                b' ' | b'\t' | b'\r' => self.i += 1,
                b'\n' => {
                    let pos = (self.line, self.col(self.i));
                    self.i += 1;
                    self.line += 1;
                    self.line_start = self.i;
                    if self.semi {
                        self.semi = false;
                        return (Tok::Semi("\n"), pos.0, pos.1);
                    }
                }
                b'/' if self.src.get(self.i + 1) == Some(&b'/') => {
                    while self.i < self.src.len() && self.src[self.i] != b'\n' {
                        self.i += 1;
                    }
                }
                b'/' if self.src.get(self.i + 1) == Some(&b'*') => {
                    let (line, col) = (self.line, self.col(self.i));
                    self.i += 2;
                    let mut had_newline = false;
                    loop {
                        match self.src.get(self.i) {
                            None => {
                                self.error(line, col, "comment not terminated".into());
                                break;
                            }
                            Some(b'*') if self.src.get(self.i + 1) == Some(&b'/') => {
                                self.i += 2;
                                break;
                            }
                            Some(b'\n') => {
                                had_newline = true;
                                self.i += 1;
                                self.line += 1;
                                self.line_start = self.i;
                            }
                            Some(_) => self.i += 1,
                        }
                    }
                    if had_newline && self.semi {
                        self.semi = false;
                        return (Tok::Semi("\n"), line, col);
                    }
                }
                _ => return self.token(),
            }
        }
    }

    fn token(&mut self) -> (Tok, usize, usize) {
        let start = self.i;
        self.tok_start = start;
        let (line, col) = (self.line, self.col(start));
        let c = self.src[start];
        let rest = &self.src[start..];
        let text_of = |s: &Scanner<'_>| String::from_utf8_lossy(&s.src[start..s.i]).into_owned();
        if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            let s = core::str::from_utf8(rest)
                .unwrap_or_else(|e| core::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""));
            let len = s
                .char_indices()
                .find(|&(_, ch)| !(ch == '_' || base::unicode::is_letter(ch) || base::unicode::is_digit(ch)))
                .map_or(s.len(), |(i, _)| i);
            if len == 0 {
                // An invalid character: go/scanner reports it and moves on.
                let ch = s.chars().next().unwrap_or('\u{FFFD}');
                self.i += ch.len_utf8().max(1);
                self.error(line, col, format!("invalid character {} in identifier", quote_rune(ch)));
                return (Tok::Op(ch.to_string()), line, col);
            }
            self.i += len;
            let word = &s[..len];
            if let Some(k) = KEYWORDS.iter().find(|k| **k == word) {
                self.semi = matches!(*k, "break" | "continue" | "fallthrough" | "return");
                return (Tok::Keyword(k), line, col);
            }
            self.semi = true;
            return (Tok::Ident(word.to_owned()), line, col);
        }
        if c.is_ascii_digit() || (c == b'.' && rest.get(1).is_some_and(u8::is_ascii_digit)) {
            self.i += 1;
            while self.i < self.src.len()
                && (self.src[self.i].is_ascii_alphanumeric() || matches!(self.src[self.i], b'.' | b'_'))
            {
                self.i += 1;
            }
            self.semi = true;
            return (Tok::Literal(text_of(self)), line, col);
        }
        match c {
            b'"' | b'`' => {
                self.i += 1;
                let mut value = Some(String::new());
                let mut bytes = Vec::new();
                loop {
                    let Some(&b) = self.src.get(self.i) else {
                        self.error(line, col, "string literal not terminated".into());
                        value = None;
                        break;
                    };
                    self.i += 1;
                    if b == c {
                        break;
                    }
                    if b == b'\n' {
                        if c == b'"' {
                            self.i -= 1;
                            self.error(line, col, "string literal not terminated".into());
                            value = None;
                            break;
                        }
                        self.line += 1;
                        self.line_start = self.i;
                    }
                    if b == b'\\' && c == b'"' {
                        let at = self.i - 1;
                        match self.escape() {
                            Some(decoded) => bytes.extend_from_slice(&decoded),
                            None => {
                                let (l, cl) = (self.line, self.col(at));
                                self.error(l, cl, "unknown escape sequence".into());
                                value = None;
                            }
                        }
                        continue;
                    }
                    if b != b'\r' || c == b'"' {
                        bytes.push(b);
                    }
                }
                if let Some(v) = &mut value {
                    *v = String::from_utf8_lossy(&bytes).into_owned();
                }
                self.semi = true;
                (Tok::Str(text_of(self), value), line, col)
            }
            b'\'' => {
                self.i += 1;
                while self.i < self.src.len() && self.src[self.i] != b'\'' && self.src[self.i] != b'\n' {
                    if self.src[self.i] == b'\\' {
                        self.i += 1;
                    }
                    self.i += 1;
                }
                self.i = (self.i + 1).min(self.src.len());
                self.semi = true;
                (Tok::Literal(text_of(self)), line, col)
            }
            b';' => {
                self.i += 1;
                self.semi = false;
                (Tok::Semi(";"), line, col)
            }
            _ => {
                const OPS: [&str; 12] =
                    ["...", "&&", "||", "<-", ":=", "==", "!=", "<=", ">=", "<<", ">>", "++"];
                let op = OPS
                    .iter()
                    .find(|op| rest.starts_with(op.as_bytes()))
                    .map_or_else(|| (c as char).to_string(), |op| (*op).to_owned());
                self.i += op.len();
                self.semi = matches!(op.as_str(), ")" | "]" | "}" | "++");
                (Tok::Op(op), line, col)
            }
        }
    }

    /// Decodes an escape after `\` in an interpreted string literal.
    fn escape(&mut self) -> Option<Vec<u8>> {
        let c = *self.src.get(self.i)?;
        self.i += 1;
        let simple = match c {
            b'a' => Some(7),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(10),
            b'r' => Some(13),
            b't' => Some(9),
            b'v' => Some(11),
            b'\\' => Some(b'\\'),
            b'"' => Some(b'"'),
            _ => None,
        };
        if let Some(b) = simple {
            return Some(vec![b]);
        }
        let (digits, radix) = match c {
            b'0'..=b'7' => (2, 8),
            b'x' => (2, 16),
            b'u' => (4, 16),
            b'U' => (8, 16),
            _ => return None,
        };
        let start = if radix == 8 { self.i - 1 } else { self.i };
        let n = if radix == 8 { 3 } else { digits };
        let text = core::str::from_utf8(self.src.get(start..start + n)?).ok()?;
        let value = u32::from_str_radix(text, radix).ok()?;
        self.i = start + n;
        match c {
            b'u' | b'U' => {
                let ch = char::from_u32(value)?;
                Some(ch.to_string().into_bytes())
            }
            _ => Some(vec![u8::try_from(value).ok()?]),
        }
    }
}

fn quote_rune(c: char) -> String {
    format!("U+{:04X} '{c}'", c as u32)
}

/// Reads the package clause and imports of `src` (a byte-order mark already removed).
/// On a syntax error the header holds what was read before it, as go/parser's partial
/// AST does.
pub fn read(src: &[u8]) -> (GoHeader, Option<HeaderError>) {
    let mut s = Scanner { src, i: 0, line: 1, line_start: 0, semi: false, err: None, tok_start: 0 };
    let mut header = GoHeader::default();
    let result = parse(&mut s, &mut header);
    header.read_len = (s.tok_start + 1).min(src.len());
    // The scanner's own errors come first when they are earlier (go/parser sorts).
    let err = match (s.err.take(), result) {
        (Some(scan), Err(parse)) => {
            Some(if (scan.line, scan.col) <= (parse.line, parse.col) { scan } else { parse })
        }
        (Some(scan), Ok(())) => Some(scan),
        (None, Err(parse)) => Some(parse),
        (None, Ok(())) => None,
    };
    if err.is_some() {
        header.read_len = src.len();
    }
    (header, err)
}

fn expected(what: &str, tok: &Tok, line: usize, col: usize) -> HeaderError {
    HeaderError { line, col, message: format!("expected {what}, found {}", tok.found()) }
}

fn parse(s: &mut Scanner<'_>, header: &mut GoHeader) -> Result<(), HeaderError> {
    let (tok, line, col) = s.next();
    if tok != Tok::Keyword("package") {
        return Err(expected("'package'", &tok, line, col));
    }
    let (tok, line, col) = s.next();
    let Tok::Ident(name) = tok else {
        return Err(expected("'IDENT'", &tok, line, col));
    };
    header.package = name;
    let mut tok = s.next();
    expect_semi(&tok)?;
    if matches!(tok.0, Tok::Semi(_)) {
        tok = s.next();
    }
    while tok.0 == Tok::Keyword("import") {
        tok = s.next();
        if tok.0 == Tok::Op("(".into()) {
            tok = s.next();
            while tok.0 != Tok::Op(")".into()) && tok.0 != Tok::Eof {
                tok = import_spec(s, tok, header)?;
                expect_semi(&tok)?;
                if matches!(tok.0, Tok::Semi(_)) {
                    tok = s.next();
                }
            }
            if tok.0 != Tok::Op(")".into()) {
                return Err(expected("')'", &tok.0, tok.1, tok.2));
            }
            tok = s.next();
        } else {
            tok = import_spec(s, tok, header)?;
        }
        expect_semi(&tok)?;
        if matches!(tok.0, Tok::Semi(_)) {
            tok = s.next();
        }
    }
    Ok(())
}

fn expect_semi(tok: &(Tok, usize, usize)) -> Result<(), HeaderError> {
    match &tok.0 {
        Tok::Semi(_) | Tok::Eof => Ok(()),
        Tok::Op(op) if op == ")" || op == "}" => Ok(()),
        other => Err(HeaderError {
            line: tok.1,
            col: tok.2,
            message: format!("expected ';', found {}", other.found()),
        }),
    }
}

fn import_spec(
    s: &mut Scanner<'_>,
    mut tok: (Tok, usize, usize),
    header: &mut GoHeader,
) -> Result<(Tok, usize, usize), HeaderError> {
    if matches!(tok.0, Tok::Ident(_)) || tok.0 == Tok::Op(".".into()) {
        tok = s.next();
    }
    let (line, col) = (tok.1, tok.2);
    match tok.0 {
        Tok::Str(_, value) => {
            let path = value.unwrap_or_default();
            if !is_valid_import(&path) {
                return Err(HeaderError { line, col, message: format!("invalid import path: {path}") });
            }
            header.imports.push(Import { path, line, col });
            Ok(s.next())
        }
        Tok::Literal(_) => Err(HeaderError { line, col, message: "import path must be a string".into() }),
        _ => Err(HeaderError { line, col, message: "missing import path".into() }),
    }
}

/// `isValidImport` of go/build: non-empty, graphic, no space and none of
/// ``!"#$%&'()*,:;<=>?[\]^{|}` `` or U+FFFD.
pub fn is_valid_import(path: &str) -> bool {
    const ILLEGAL: &str = "!\"#$%&'()*,:;<=>?[\\]^{|}`\u{FFFD}";
    !path.is_empty() && path.chars().all(|c| !c.is_control() && !c.is_whitespace() && !ILLEGAL.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(src: &str) -> String {
        match read(src.as_bytes()) {
            (h, None) => format!(
                "{} [{}]",
                h.package,
                h.imports
                    .iter()
                    .map(|i| format!("{}@{}:{}", i.path, i.line, i.col))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            (_, Some(e)) => format!("{}:{}: {}", e.line, e.col, e.message),
        }
    }

    #[test]
    fn headers() {
        assert_eq!(show(""), "1:1: expected 'package', found 'EOF'");
        assert_eq!(show("// c\n"), "2:1: expected 'package', found 'EOF'");
        assert_eq!(show("pkg x"), "1:1: expected 'package', found pkg");
        assert_eq!(show("package\n"), "2:1: expected 'IDENT', found 'EOF'");
        assert_eq!(show("package a\nimport"), "2:7: missing import path");
        assert_eq!(show("package a b"), "1:11: expected ';', found b");
        assert_eq!(
            show("package a\nimport \"fmt\"\nimport (\n\tx \"os\"\n\t. \"a/b\"\n)\nfunc main() {}"),
            "a [fmt@2:8 os@4:4 a/b@5:4]"
        );
        assert_eq!(show("package a; import `C`; import \"\\x41\""), "a [C@1:19 A@1:31]");
        assert_eq!(show("package a\nimport 12"), "2:8: import path must be a string");
        assert_eq!(show("package a\nimport ()\nimport x"), "3:9: missing import path");
        assert_eq!(show("package a\nimport \"a b\""), "2:8: invalid import path: a b");
        assert_eq!(show("/* x\n*/ package p"), "p []");
    }
}
