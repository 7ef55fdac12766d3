//! The lexer: Go source bytes to tokens, with automatic semicolons and the error texts
//! and positions of cmd/compile/internal/syntax (scanner.go, source.go), since those
//! are what `go build` prints.

use crate::token::{KEYWORDS, LitKind, Op, Token};

/// A lexical error at a byte offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScanError {
    pub offset: u32,
    pub message: String,
}

/// A `//go:…` or `//line …` comment, kept for the compiler's directives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    pub offset: u32,
    pub text: String,
}

#[derive(Debug)]
pub struct Scanner<'a> {
    src: &'a [u8],
    /// The current character (-1 at EOF) and its offset and width in bytes.
    ch: i32,
    off: usize,
    chw: usize,
    /// Whether a newline or EOF turns into a semicolon after the current token.
    nlsemi: bool,

    // The current token.
    pub tok: Token,
    /// Byte offset of the token's first character.
    pub pos: u32,
    /// Byte offset just past the token.
    pub end: u32,
    /// For names and literals the text; for semicolons "semicolon", "newline" or "EOF".
    pub lit: String,
    pub kind: LitKind,
    /// The literal is malformed (an error was reported).
    pub bad: bool,
    /// For Operator, AssignOp, IncOp and Star tokens.
    pub op: Op,
    pub prec: u8,

    pub errors: Vec<ScanError>,
    pub directives: Vec<Directive>,
}

impl<'a> Scanner<'a> {
    pub fn new(src: &'a [u8]) -> Scanner<'a> {
        let mut s = Scanner {
            src,
            ch: 0,
            off: 0,
            chw: 0,
            nlsemi: false,
            tok: Token::Eof,
            pos: 0,
            end: 0,
            lit: String::new(),
            kind: LitKind::Int,
            bad: false,
            op: Op::Add,
            prec: 0,
            errors: Vec::new(),
            directives: Vec::new(),
        };
        s.nextch();
        s
    }

    fn error_at(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push(ScanError { offset: offset as u32, message: message.into() });
    }

    /// An error at the current character.
    fn errorf(&mut self, message: impl Into<String>) {
        self.error_at(self.off, message);
    }

    /// Advances to the next character, reporting NUL bytes, invalid UTF-8 and misplaced
    /// byte order marks as source.go does (the bad byte is skipped).
    fn nextch(&mut self) {
        self.off += self.chw;
        loop {
            let Some(&b) = self.src.get(self.off) else {
                self.ch = -1;
                self.chw = 0;
                return;
            };
            if b < 0x80 {
                if b == 0 {
                    self.errorf("invalid NUL character");
                    self.off += 1;
                    continue;
                }
                self.ch = i32::from(b);
                self.chw = 1;
                return;
            }
            match decode_rune(&self.src[self.off..]) {
                None => {
                    self.errorf("invalid UTF-8 encoding");
                    self.off += 1;
                }
                Some((0xFEFF, w)) => {
                    if self.off > 0 {
                        self.errorf("invalid BOM in the middle of the file");
                    }
                    self.off += w;
                }
                Some((r, w)) => {
                    self.ch = r as i32;
                    self.chw = w;
                    return;
                }
            }
        }
    }

    fn is(&self, c: u8) -> bool {
        self.ch == i32::from(c)
    }

    fn segment(&self) -> String {
        String::from_utf8_lossy(&self.src[self.pos as usize..self.off]).into_owned()
    }

    /// Scans the next token.
    pub fn next(&mut self) {
        let nlsemi = self.nlsemi;
        self.nlsemi = false;
        loop {
            while self.is(b' ') || self.is(b'\t') || (self.is(b'\n') && !nlsemi) || self.is(b'\r') {
                self.nextch();
            }
            self.pos = self.off as u32;
            self.bad = false;
            if self.scan_token(nlsemi) {
                self.end = self.off as u32;
                return;
            }
        }
    }

    /// Scans one token; false after a comment or an invalid character, to go again.
    fn scan_token(&mut self, nlsemi: bool) -> bool {
        let ch = self.ch;
        if is_letter(ch) || (ch >= 0x80 && self.at_ident_char(true)) {
            self.nextch();
            self.ident();
            return true;
        }
        let Ok(c) = u8::try_from(ch) else {
            if ch == -1 {
                if nlsemi {
                    self.lit = "EOF".into();
                    self.tok = Token::Semi;
                } else {
                    self.tok = Token::Eof;
                }
                return true;
            }
            self.errorf(format!("invalid character {}", quote_u(ch as u32)));
            self.nextch();
            return false;
        };
        match c {
            b'\n' => {
                self.nextch();
                self.lit = "newline".into();
                self.tok = Token::Semi;
            }
            b'0'..=b'9' => self.number(false),
            b'"' => self.std_string(),
            b'`' => self.raw_string(),
            b'\'' => self.rune(),
            b'(' => self.simple(Token::Lparen, false),
            b'[' => self.simple(Token::Lbrack, false),
            b'{' => self.simple(Token::Lbrace, false),
            b',' => self.simple(Token::Comma, false),
            b';' => {
                self.nextch();
                self.lit = "semicolon".into();
                self.tok = Token::Semi;
            }
            b')' => self.simple(Token::Rparen, true),
            b']' => self.simple(Token::Rbrack, true),
            b'}' => self.simple(Token::Rbrace, true),
            b':' => {
                self.nextch();
                if self.is(b'=') {
                    self.nextch();
                    self.tok = Token::Define;
                } else {
                    self.tok = Token::Colon;
                }
            }
            b'.' => {
                self.nextch();
                if is_decimal(self.ch) {
                    self.number(true);
                } else if self.is(b'.') && self.src.get(self.off + 1) == Some(&b'.') {
                    self.nextch();
                    self.nextch();
                    self.tok = Token::DotDotDot;
                } else {
                    self.tok = Token::Dot;
                }
            }
            b'+' | b'-' => {
                self.nextch();
                let op = if c == b'+' { Op::Add } else { Op::Sub };
                if self.is(c) {
                    self.nextch();
                    self.nlsemi = true;
                    self.set_op(Token::IncOp, op);
                } else {
                    self.assign_op(op);
                }
            }
            b'*' => {
                self.nextch();
                if self.is(b'=') {
                    self.nextch();
                    self.set_op(Token::AssignOp, Op::Mul);
                } else {
                    self.set_op(Token::Star, Op::Mul);
                }
            }
            b'/' => {
                self.nextch();
                if self.is(b'/') {
                    self.nextch();
                    self.line_comment();
                    return false;
                }
                if self.is(b'*') {
                    self.nextch();
                    self.full_comment();
                    let multi_line = self.src[self.pos as usize..self.off].contains(&b'\n');
                    if multi_line && nlsemi {
                        // A comment spanning lines acts like a newline.
                        self.lit = "newline".into();
                        self.tok = Token::Semi;
                        return true;
                    }
                    return false;
                }
                self.assign_op(Op::Div);
            }
            b'%' => {
                self.nextch();
                self.assign_op(Op::Rem);
            }
            b'&' => {
                self.nextch();
                if self.is(b'&') {
                    self.nextch();
                    self.set_op(Token::Operator, Op::AndAnd);
                } else if self.is(b'^') {
                    self.nextch();
                    self.assign_op(Op::AndNot);
                } else {
                    self.assign_op(Op::And);
                }
            }
            b'|' => {
                self.nextch();
                if self.is(b'|') {
                    self.nextch();
                    self.set_op(Token::Operator, Op::OrOr);
                } else {
                    self.assign_op(Op::Or);
                }
            }
            b'^' => {
                self.nextch();
                self.assign_op(Op::Xor);
            }
            b'<' => {
                self.nextch();
                if self.is(b'=') {
                    self.nextch();
                    self.set_op(Token::Operator, Op::Leq);
                } else if self.is(b'<') {
                    self.nextch();
                    self.assign_op(Op::Shl);
                } else if self.is(b'-') {
                    self.nextch();
                    self.tok = Token::Arrow;
                } else {
                    self.set_op(Token::Operator, Op::Lss);
                }
            }
            b'>' => {
                self.nextch();
                if self.is(b'=') {
                    self.nextch();
                    self.set_op(Token::Operator, Op::Geq);
                } else if self.is(b'>') {
                    self.nextch();
                    self.assign_op(Op::Shr);
                } else {
                    self.set_op(Token::Operator, Op::Gtr);
                }
            }
            b'=' => {
                self.nextch();
                if self.is(b'=') {
                    self.nextch();
                    self.set_op(Token::Operator, Op::Eql);
                } else {
                    self.tok = Token::Assign;
                }
            }
            b'!' => {
                self.nextch();
                if self.is(b'=') {
                    self.nextch();
                    self.set_op(Token::Operator, Op::Neq);
                } else {
                    self.set_op(Token::Operator, Op::Not);
                }
            }
            b'~' => {
                self.nextch();
                self.set_op(Token::Operator, Op::Tilde);
            }
            _ => {
                self.errorf(format!("invalid character {}", quote_u(u32::from(c))));
                self.nextch();
                return false;
            }
        }
        true
    }

    fn simple(&mut self, tok: Token, nlsemi: bool) {
        self.nextch();
        self.nlsemi = nlsemi;
        self.tok = tok;
    }

    fn set_op(&mut self, tok: Token, op: Op) {
        self.tok = tok;
        self.op = op;
        self.prec = op.precedence();
    }

    /// `op` or `op=`.
    fn assign_op(&mut self, op: Op) {
        if self.is(b'=') {
            self.nextch();
            self.set_op(Token::AssignOp, op);
        } else {
            self.set_op(Token::Operator, op);
        }
    }

    fn ident(&mut self) {
        while is_letter(self.ch) || is_decimal(self.ch) {
            self.nextch();
        }
        if self.ch >= 0x80 {
            while self.at_ident_char(false) {
                self.nextch();
            }
        }
        let lit = &self.src[self.pos as usize..self.off];
        if lit.len() >= 2
            && let Some(&(_, tok)) = KEYWORDS.iter().find(|(k, _)| k.as_bytes() == lit)
        {
            self.nlsemi = matches!(tok, Token::Break | Token::Continue | Token::Fallthrough | Token::Return);
            self.tok = tok;
            return;
        }
        self.nlsemi = true;
        self.lit = self.segment();
        self.tok = Token::Name;
    }

    fn at_ident_char(&mut self, first: bool) -> bool {
        let Some(c) = char::from_u32(self.ch.max(0) as u32).filter(|_| self.ch >= 0) else {
            return false;
        };
        if base::unicode::is_letter(c) || c == '_' {
            return true;
        }
        if base::unicode::is_digit(c) {
            if first {
                self.errorf(format!("identifier cannot begin with digit {}", quote_u(c as u32)));
            }
            return true;
        }
        if self.ch >= 0x80 {
            self.errorf(format!("invalid character {} in identifier", quote_u(c as u32)));
            return true;
        }
        false
    }

    fn set_lit(&mut self, kind: LitKind, ok: bool) {
        self.nlsemi = true;
        self.tok = Token::Literal;
        self.lit = self.segment();
        self.bad = !ok;
        self.kind = kind;
    }

    /// `{ digit | '_' }` in `base`; returns bit 0 for a digit seen, bit 1 for a `_`.
    /// For bases up to 10 any decimal digit is accepted and the first one too large is
    /// recorded in `invalid` (relative to the token start).
    fn digits(&mut self, base: u32, invalid: &mut Option<usize>) -> u8 {
        let mut digsep = 0;
        if base <= 10 {
            let max = b'0' as i32 + base as i32;
            while is_decimal(self.ch) || self.is(b'_') {
                if self.is(b'_') {
                    digsep |= 2;
                } else {
                    if self.ch >= max && invalid.is_none() {
                        *invalid = Some(self.off - self.pos as usize);
                    }
                    digsep |= 1;
                }
                self.nextch();
            }
        } else {
            while is_hex(self.ch) || self.is(b'_') {
                digsep |= if self.is(b'_') { 2 } else { 1 };
                self.nextch();
            }
        }
        digsep
    }

    fn number(&mut self, mut seen_point: bool) {
        let mut ok = true;
        let mut kind = LitKind::Int;
        let mut base = 10;
        let mut prefix = 0u8; // 0 decimal, b'0' octal with leading 0, b'x', b'o', b'b'
        let mut digsep = 0;
        let mut invalid = None;
        if !seen_point {
            if self.is(b'0') {
                self.nextch();
                match lower(self.ch) {
                    c if c == i32::from(b'x') => {
                        self.nextch();
                        (base, prefix) = (16, b'x');
                    }
                    c if c == i32::from(b'o') => {
                        self.nextch();
                        (base, prefix) = (8, b'o');
                    }
                    c if c == i32::from(b'b') => {
                        self.nextch();
                        (base, prefix) = (2, b'b');
                    }
                    _ => {
                        (base, prefix) = (8, b'0');
                        digsep = 1;
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.is(b'.') {
                if prefix == b'o' || prefix == b'b' {
                    self.errorf(format!("invalid radix point in {} literal", base_name(base)));
                    ok = false;
                }
                self.nextch();
                seen_point = true;
            }
        }
        if seen_point {
            kind = LitKind::Float;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && ok {
            self.errorf(format!("{} literal has no digits", base_name(base)));
            ok = false;
        }
        let e = lower(self.ch);
        if e == i32::from(b'e') || e == i32::from(b'p') {
            if ok {
                let c = char::from(self.ch as u8);
                if e == i32::from(b'e') && prefix != 0 && prefix != b'0' {
                    self.errorf(format!("{} exponent requires decimal mantissa", quote_char(c)));
                    ok = false;
                } else if e == i32::from(b'p') && prefix != b'x' {
                    self.errorf(format!("{} exponent requires hexadecimal mantissa", quote_char(c)));
                    ok = false;
                }
            }
            self.nextch();
            kind = LitKind::Float;
            if self.is(b'+') || self.is(b'-') {
                self.nextch();
            }
            let mut none = None;
            digsep = self.digits(10, &mut none) | (digsep & 2);
            if digsep & 1 == 0 && ok {
                self.errorf("exponent has no digits");
                ok = false;
            }
        } else if prefix == b'x' && kind == LitKind::Float && ok {
            self.errorf("hexadecimal mantissa requires a 'p' exponent");
            ok = false;
        }
        if self.is(b'i') {
            kind = LitKind::Imag;
            self.nextch();
        }
        self.set_lit(kind, ok);
        if kind == LitKind::Int
            && ok
            && let Some(i) = invalid
        {
            // Offsets index the source bytes (skipped invalid bytes included), not the
            // lossily decoded text.
            let digit = char::from(self.src[self.pos as usize + i]);
            self.error_at(
                self.pos as usize + i,
                format!("invalid digit {} in {} literal", quote_char(digit), base_name(base)),
            );
            ok = false;
        }
        if digsep & 2 != 0
            && ok
            && let Some(i) = invalid_sep(&self.src[self.pos as usize..self.off])
        {
            self.error_at(self.pos as usize + i, "'_' must separate successive digits");
            ok = false;
        }
        self.bad = !ok;
    }

    fn rune(&mut self) {
        let mut ok = true;
        self.nextch();
        let mut n = 0;
        loop {
            if self.is(b'\'') {
                if ok {
                    if n == 0 {
                        self.errorf("empty rune literal or unescaped '");
                        ok = false;
                    } else if n != 1 {
                        self.error_at(self.pos as usize, "more than one character in rune literal");
                        ok = false;
                    }
                }
                self.nextch();
                break;
            }
            if self.is(b'\\') {
                self.nextch();
                if !self.escape(b'\'') {
                    ok = false;
                }
                n += 1;
                continue;
            }
            if self.is(b'\n') {
                if ok {
                    self.errorf("newline in rune literal");
                    ok = false;
                }
                break;
            }
            if self.ch < 0 {
                if ok {
                    self.error_at(self.pos as usize, "rune literal not terminated");
                    ok = false;
                }
                break;
            }
            self.nextch();
            n += 1;
        }
        self.set_lit(LitKind::Rune, ok);
    }

    fn std_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.is(b'"') {
                self.nextch();
                break;
            }
            if self.is(b'\\') {
                self.nextch();
                if !self.escape(b'"') {
                    ok = false;
                }
                continue;
            }
            if self.is(b'\n') {
                self.errorf("newline in string");
                ok = false;
                break;
            }
            if self.ch < 0 {
                self.error_at(self.pos as usize, "string not terminated");
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    fn raw_string(&mut self) {
        let mut ok = true;
        self.nextch();
        loop {
            if self.is(b'`') {
                self.nextch();
                break;
            }
            if self.ch < 0 {
                self.error_at(self.pos as usize, "string not terminated");
                ok = false;
                break;
            }
            self.nextch();
        }
        self.set_lit(LitKind::String, ok);
    }

    fn skip_line(&mut self) {
        while self.ch >= 0 && !self.is(b'\n') {
            self.nextch();
        }
    }

    /// After `//`: keeps `//go:` and `//line ` directives.
    fn line_comment(&mut self) {
        let start = self.pos as usize;
        self.skip_line();
        let text = &self.src[start..self.off];
        if text.starts_with(b"//go:") || text.starts_with(b"//line ") {
            let text = String::from_utf8_lossy(text).into_owned();
            self.directives.push(Directive { offset: start as u32, text });
        }
    }

    fn full_comment(&mut self) {
        while self.ch >= 0 {
            while self.is(b'*') {
                self.nextch();
                if self.is(b'/') {
                    self.nextch();
                    return;
                }
            }
            self.nextch();
        }
        self.error_at(self.pos as usize, "comment not terminated");
    }

    fn escape(&mut self, quote: u8) -> bool {
        let (n, base, max): (u32, u32, u32) = match u8::try_from(self.ch) {
            Ok(c) if c == quote || b"abfnrtv\\".contains(&c) => {
                self.nextch();
                return true;
            }
            Ok(b'0'..=b'7') => (3, 8, 255),
            Ok(b'x') => {
                self.nextch();
                (2, 16, 255)
            }
            Ok(b'u') => {
                self.nextch();
                (4, 16, 0x10FFFF)
            }
            Ok(b'U') => {
                self.nextch();
                (8, 16, 0x10FFFF)
            }
            _ => {
                if self.ch < 0 {
                    return true; // the caller reports the EOF
                }
                self.errorf("unknown escape");
                return false;
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            if self.ch < 0 {
                return true;
            }
            let d = if is_decimal(self.ch) {
                self.ch as u32 - u32::from(b'0')
            } else if is_hex(self.ch) {
                lower(self.ch) as u32 - u32::from(b'a') + 10
            } else {
                base
            };
            if d >= base {
                let c = char::from_u32(self.ch as u32).unwrap_or(char::REPLACEMENT_CHARACTER);
                self.errorf(format!("invalid character {} in {} escape", quote_char(c), base_name(base)));
                return false;
            }
            x = x.wrapping_mul(base).wrapping_add(d);
            self.nextch();
        }
        if x > max && base == 8 {
            self.errorf(format!("octal escape value {x} > 255"));
            return false;
        }
        if x > max || (0xD800..0xE000).contains(&x) {
            self.errorf(format!("escape is invalid Unicode code point {}", quote_u(x)));
            return false;
        }
        true
    }
}

fn lower(ch: i32) -> i32 {
    (i32::from(b'a') - i32::from(b'A')) | ch
}

fn is_letter(ch: i32) -> bool {
    (i32::from(b'a')..=i32::from(b'z')).contains(&lower(ch)) || ch == i32::from(b'_')
}

fn is_decimal(ch: i32) -> bool {
    (i32::from(b'0')..=i32::from(b'9')).contains(&ch)
}

fn is_hex(ch: i32) -> bool {
    is_decimal(ch) || (i32::from(b'a')..=i32::from(b'f')).contains(&lower(ch))
}

fn base_name(base: u32) -> &'static str {
    match base {
        2 => "binary",
        8 => "octal",
        16 => "hexadecimal",
        _ => "decimal",
    }
}

/// The offset of the first misplaced `_` in a number literal (`invalidSep`).
fn invalid_sep(x: &[u8]) -> Option<usize> {
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if x.len() >= 2 && x[0] == b'0' {
        x1 = x[1] | 0x20;
        if x1 == b'x' || x1 == b'o' || x1 == b'b' {
            d = b'0';
            i = 2;
        }
    }
    while i < x.len() {
        let p = d;
        d = x[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    (d == b'_').then(|| x.len() - 1)
}

/// Decodes one UTF-8 sequence; None for an invalid one (Go's RuneError of width 1).
pub fn decode_rune(b: &[u8]) -> Option<(u32, usize)> {
    let n = match b.first()? {
        0x00..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    let s = core::str::from_utf8(b.get(..n)?).ok()?;
    s.chars().next().map(|c| (c as u32, n))
}

/// Go's `%#U`: `U+0040 '@'`, or just `U+0007` for an unprintable character.
pub fn quote_u(c: u32) -> String {
    match char::from_u32(c).filter(|&c| is_print(c)) {
        Some(ch) => format!("U+{c:04X} '{ch}'"),
        None => format!("U+{c:04X}"),
    }
}

/// Go's `%q` of a rune (`strconv.QuoteRune`).
pub fn quote_char(c: char) -> String {
    let body = match c {
        '\x07' => "\\a".to_owned(),
        '\x08' => "\\b".to_owned(),
        '\x0C' => "\\f".to_owned(),
        '\n' => "\\n".to_owned(),
        '\r' => "\\r".to_owned(),
        '\t' => "\\t".to_owned(),
        '\x0B' => "\\v".to_owned(),
        '\\' => "\\\\".to_owned(),
        '\'' => "\\'".to_owned(),
        c if is_print(c) => c.to_string(),
        c if (c as u32) < 0x80 => format!("\\x{:02x}", c as u32),
        c if (c as u32) < 0x10000 => format!("\\u{:04x}", c as u32),
        c => format!("\\U{:08x}", c as u32),
    };
    format!("'{body}'")
}

/// An approximation of `strconv.IsPrint`: letters, marks, numbers, punctuation,
/// symbols and the ASCII space. Control and format characters, separators other than
/// U+0020, and unassigned planes are not printable.
pub fn is_print(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return (0x20..0x7F).contains(&u);
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(u, 0xAD | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB)
        || (0xE000..=0xF8FF).contains(&u)
        || u >= 0xF0000
        || (u & 0xFFFE) == 0xFFFE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens as `tok` or `tok(lit)`, then the errors as `offset: message`.
    fn scan(src: &str) -> String {
        let mut s = Scanner::new(src.as_bytes());
        let mut out = Vec::new();
        loop {
            s.next();
            let t = match s.tok {
                Token::Name | Token::Literal | Token::Semi => format!("{}({})", s.tok, s.lit),
                Token::Operator | Token::AssignOp | Token::IncOp => format!("{}({})", s.tok, s.op),
                t => t.to_string(),
            };
            out.push(t);
            if s.tok == Token::Eof {
                break;
            }
        }
        for e in &s.errors {
            out.push(format!("@{}: {}", e.offset, e.message));
        }
        out.join(" ")
    }

    #[test]
    fn semicolons_are_inserted() {
        assert_eq!(scan("x++\nreturn\n}\n"), "name(x) opop(+) ;(newline) return ;(newline) } ;(newline) EOF");
        assert_eq!(scan("a /* x\n */ b"), "name(a) ;(newline) name(b) ;(EOF) EOF");
        assert_eq!(scan("a /* x */ b"), "name(a) name(b) ;(EOF) EOF");
        assert_eq!(scan("f(x) // c\n"), "name(f) ( name(x) ) ;(newline) EOF");
    }

    #[test]
    fn literals() {
        assert_eq!(
            scan("0x1p-2 0b1_0 0o17 017 1_000 .5 1e9 3i 0x_1 'a' '\\u00e9' \"\\t\" `raw\nx`"),
            "literal(0x1p-2) literal(0b1_0) literal(0o17) literal(017) literal(1_000) literal(.5) \
             literal(1e9) literal(3i) literal(0x_1) literal('a') literal('\\u00e9') literal(\"\\t\") \
             literal(`raw\nx`) ;(EOF) EOF"
        );
    }

    #[test]
    fn errors() {
        let cases = [
            ("0x", "@2: hexadecimal literal has no digits"),
            ("09", "@1: invalid digit '9' in octal literal"),
            ("1__0", "@2: '_' must separate successive digits"),
            ("0b1.0", "@3: invalid radix point in binary literal"),
            ("0x1.0", "@5: hexadecimal mantissa requires a 'p' exponent"),
            ("0b1e3", "@3: 'e' exponent requires decimal mantissa"),
            ("1e+", "@3: exponent has no digits"),
            ("''", "@1: empty rune literal or unescaped '"),
            ("'ab'", "@0: more than one character in rune literal"),
            ("\"a\n", "@2: newline in string"),
            ("\"a", "@0: string not terminated"),
            ("`a", "@0: string not terminated"),
            ("'\\q'", "@2: unknown escape"),
            ("\"\\400\"", "@5: octal escape value 256 > 255"),
            ("\"\\xg0\"", "@3: invalid character 'g' in hexadecimal escape"),
            ("\"\\ud800\"", "@7: escape is invalid Unicode code point U+D800"),
            ("@", "@0: invalid character U+0040 '@'"),
            ("a\u{200b}", "@1: invalid character U+200B in identifier"),
            ("/* x", "@0: comment not terminated"),
            ("a\0b", "@1: invalid NUL character"),
            ("\u{feff}a\u{feff}", "@4: invalid BOM in the middle of the file"),
        ];
        for (src, want) in cases {
            let got = scan(src);
            assert!(got.contains(want), "{src:?}: {got}");
        }
        let mut s = Scanner::new(b"a\xffb");
        s.next();
        assert_eq!(s.errors[0].message, "invalid UTF-8 encoding");
        // Skipped bytes inside a number count in the offsets (found by the fuzzer).
        let mut s = Scanner::new(b"0\xff\xff_1__0");
        s.next();
        let offsets: Vec<u32> = s.errors.iter().map(|e| e.offset).collect();
        assert_eq!(offsets, [1, 2, 3]);
    }
}
