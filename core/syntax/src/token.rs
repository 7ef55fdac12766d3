//! Tokens and operators, named and printed as cmd/compile/internal/syntax names them
//! (tokens.go), because those names appear in Go's syntax error messages.

use core::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Token {
    Eof,
    Name,
    Literal,
    Operator,
    AssignOp,
    IncOp,
    Assign,
    Define,
    Arrow,
    Star,
    Lparen,
    Lbrack,
    Lbrace,
    Rparen,
    Rbrack,
    Rbrace,
    Comma,
    Semi,
    Colon,
    Dot,
    DotDotDot,
    // Keywords, in the order of the spec's keyword list.
    Break,
    Case,
    Chan,
    Const,
    Continue,
    Default,
    Defer,
    Else,
    Fallthrough,
    For,
    Func,
    Go,
    Goto,
    If,
    Import,
    Interface,
    Map,
    Package,
    Range,
    Return,
    Select,
    Struct,
    Switch,
    Type,
    Var,
}

pub const KEYWORDS: [(&str, Token); 25] = [
    ("break", Token::Break),
    ("case", Token::Case),
    ("chan", Token::Chan),
    ("const", Token::Const),
    ("continue", Token::Continue),
    ("default", Token::Default),
    ("defer", Token::Defer),
    ("else", Token::Else),
    ("fallthrough", Token::Fallthrough),
    ("for", Token::For),
    ("func", Token::Func),
    ("go", Token::Go),
    ("goto", Token::Goto),
    ("if", Token::If),
    ("import", Token::Import),
    ("interface", Token::Interface),
    ("map", Token::Map),
    ("package", Token::Package),
    ("range", Token::Range),
    ("return", Token::Return),
    ("select", Token::Select),
    ("struct", Token::Struct),
    ("switch", Token::Switch),
    ("type", Token::Type),
    ("var", Token::Var),
];

impl Token {
    pub fn is_keyword(self) -> bool {
        self >= Token::Break
    }

    /// The name Go's token stringer gives (`name`, `op=`, `:=`, `func`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Token::Eof => "EOF",
            Token::Name => "name",
            Token::Literal => "literal",
            Token::Operator => "op",
            Token::AssignOp => "op=",
            Token::IncOp => "opop",
            Token::Assign => "=",
            Token::Define => ":=",
            Token::Arrow => "<-",
            Token::Star => "*",
            Token::Lparen => "(",
            Token::Lbrack => "[",
            Token::Lbrace => "{",
            Token::Rparen => ")",
            Token::Rbrack => "]",
            Token::Rbrace => "}",
            Token::Comma => ",",
            Token::Semi => ";",
            Token::Colon => ":",
            Token::Dot => ".",
            Token::DotDotDot => "...",
            kw => KEYWORDS.iter().find(|(_, t)| *t == kw).map_or("?", |(s, _)| s),
        }
    }

    /// The English words syntax errors use (`tokstring` in parser.go).
    pub fn describe(self) -> String {
        match self {
            Token::Comma => "comma".into(),
            Token::Semi => "semicolon or newline".into(),
            t if t.is_keyword() => format!("keyword {}", t.as_str()),
            t => t.as_str().into(),
        }
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Unary and binary operators (`Operator` in tokens.go).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Op {
    Def,
    Not,
    Recv,
    Tilde,
    OrOr,
    AndAnd,
    Eql,
    Neq,
    Lss,
    Leq,
    Gtr,
    Geq,
    Add,
    Sub,
    Or,
    Xor,
    Mul,
    Div,
    Rem,
    And,
    AndNot,
    Shl,
    Shr,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Def => ":",
            Op::Not => "!",
            Op::Recv => "<-",
            Op::Tilde => "~",
            Op::OrOr => "||",
            Op::AndAnd => "&&",
            Op::Eql => "==",
            Op::Neq => "!=",
            Op::Lss => "<",
            Op::Leq => "<=",
            Op::Gtr => ">",
            Op::Geq => ">=",
            Op::Add => "+",
            Op::Sub => "-",
            Op::Or => "|",
            Op::Xor => "^",
            Op::Mul => "*",
            Op::Div => "/",
            Op::Rem => "%",
            Op::And => "&",
            Op::AndNot => "&^",
            Op::Shl => "<<",
            Op::Shr => ">>",
        }
    }

    /// Binary precedence: 1 `||`, 2 `&&`, 3 comparisons, 4 additive, 5 multiplicative.
    pub fn precedence(self) -> u8 {
        match self {
            Op::OrOr => 1,
            Op::AndAnd => 2,
            Op::Eql | Op::Neq | Op::Lss | Op::Leq | Op::Gtr | Op::Geq => 3,
            Op::Add | Op::Sub | Op::Or | Op::Xor => 4,
            Op::Mul | Op::Div | Op::Rem | Op::And | Op::AndNot | Op::Shl | Op::Shr => 5,
            Op::Def | Op::Not | Op::Recv | Op::Tilde => 0,
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The kind of a basic literal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LitKind {
    Int,
    Float,
    Imag,
    Rune,
    String,
}
