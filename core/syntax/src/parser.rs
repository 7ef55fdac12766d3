//! The parser: tokens to a `File`, following cmd/compile/internal/syntax/parser.go
//! production by production so that syntax errors carry Go's texts and positions, and
//! recovering (Go's `advance` to a follow set) so one file yields many errors.

use std::rc::Rc;

use crate::ast::{
    BasicLit, Block, CaseClause, ChanDir, CommClause, ConstDecl, Decl, Expr, ExprKind, Field, File, FuncDecl,
    FuncType, Group, ImportDecl, Name, Pos, Stmt, StmtKind, TypeDecl, VarDecl,
};
use crate::printer::{expr_string, stmt_string};
use crate::scanner::Scanner;
use crate::token::{LitKind, Op, Token};

/// A syntax or lexical error at a byte offset, with Go's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub offset: Pos,
    pub message: String,
}

/// Parses one Go source file. The tree is None when the package clause is missing or
/// malformed (Go stops there too); errors are in the order Go reports them.
pub fn parse_file(src: &[u8]) -> (Option<File>, Vec<SyntaxError>) {
    let mut p = Parser {
        s: Scanner::new(src),
        prev_end: 0,
        fnest: 0,
        xnest: 0,
        errors: Vec::new(),
        groups: 0,
        depth: 0,
        too_deep: false,
    };
    p.next();
    let file = p.file();
    (file, p.errors)
}

/// Statement keywords: synchronization points inside functions.
const STOPSET: [Token; 14] = [
    Token::Break,
    Token::Const,
    Token::Continue,
    Token::Defer,
    Token::Fallthrough,
    Token::For,
    Token::Go,
    Token::Goto,
    Token::If,
    Token::Return,
    Token::Select,
    Token::Switch,
    Token::Type,
    Token::Var,
];

/// The result of a simple statement in a header: `range` clauses exist only there.
enum Simple {
    Stmt(Stmt),
    Range { lhs: Option<Expr>, def: bool, x: Expr, pos: Pos },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DeclKind {
    Import,
    Const,
    Type,
    Var,
}

impl DeclKind {
    /// The kind a declaration keyword starts; the caller has checked the token.
    fn of(tok: Token) -> DeclKind {
        match tok {
            Token::Import => DeclKind::Import,
            Token::Const => DeclKind::Const,
            Token::Type => DeclKind::Type,
            _ => DeclKind::Var,
        }
    }
}

struct Parser<'a> {
    s: Scanner<'a>,
    /// End of the last consumed token.
    prev_end: Pos,
    /// Function nesting level (for error recovery).
    fnest: u32,
    /// Expression nesting level: negative in control clause headers, where a `{`
    /// after a type name starts the block, not a composite literal.
    xnest: i32,
    errors: Vec<SyntaxError>,
    groups: u32,
    /// Recursion depth of expressions and statements.
    depth: u32,
    /// The nesting limit was exceeded: the parser reads nothing more.
    too_deep: bool,
}

/// How deeply expressions and statements may nest. Go has no limit; crossplay's
/// parser and checker recurse, so it bounds their stack use (an implementation
/// restriction the spec allows).
pub const MAX_NESTING: u32 = 5000;

impl Parser<'_> {
    // ---------------------------------------------------------------------------
    // Tokens and errors

    fn next(&mut self) {
        self.prev_end = self.s.end;
        if self.too_deep {
            self.s.tok = Token::Eof;
            return;
        }
        self.s.next();
        for e in std::mem::take(&mut self.s.errors) {
            self.errors.push(SyntaxError { offset: e.offset, message: e.message });
        }
    }

    fn tok(&self) -> Token {
        self.s.tok
    }

    fn pos(&self) -> Pos {
        self.s.pos
    }

    fn is_op(&self, op: Op) -> bool {
        self.tok() == Token::Operator && self.s.op == op
    }

    fn got(&mut self, tok: Token) -> bool {
        if self.tok() == tok {
            self.next();
            return true;
        }
        false
    }

    fn want(&mut self, tok: Token) {
        if !self.got(tok) {
            self.syntax_error(&format!("expected {}", tok.describe()));
            self.advance(&[]);
        }
    }

    /// `=`, or `:=` with an error, for better recovery.
    fn got_assign(&mut self) -> bool {
        match self.tok() {
            Token::Define => {
                self.syntax_error("expected =");
                self.next();
                true
            }
            Token::Assign => {
                self.next();
                true
            }
            _ => false,
        }
    }

    fn error_at(&mut self, pos: Pos, msg: impl Into<String>) {
        self.errors.push(SyntaxError { offset: pos, message: msg.into() });
    }

    fn error(&mut self, msg: impl Into<String>) {
        self.error_at(self.pos(), msg);
    }

    /// Go's `syntaxErrorAt`: messages starting with "in ", "at ", "after " or
    /// "expected " are prefixed with the unexpected token.
    fn syntax_error_at(&mut self, pos: Pos, msg: &str) {
        if self.tok() == Token::Eof && !self.errors.is_empty() {
            return; // avoid meaningless follow-up errors
        }
        let msg = if msg.is_empty() {
            String::new()
        } else if msg.starts_with("in ") || msg.starts_with("at ") || msg.starts_with("after ") {
            format!(" {msg}")
        } else if msg.starts_with("expected ") {
            format!(", {msg}")
        } else {
            self.error_at(pos, format!("syntax error: {msg}"));
            return;
        };
        let tok = match self.tok() {
            Token::Name => format!("name {}", self.s.lit),
            Token::Semi => self.s.lit.clone(),
            Token::Literal => format!("literal {}", self.s.lit),
            Token::Operator => self.s.op.as_str().to_owned(),
            Token::AssignOp => format!("{}=", self.s.op),
            Token::IncOp => format!("{0}{0}", self.s.op),
            t => t.describe(),
        };
        self.error_at(pos, format!("syntax error: unexpected {tok}{msg}"));
    }

    fn syntax_error(&mut self, msg: &str) {
        self.syntax_error_at(self.pos(), msg);
    }

    /// Skips to a token of the follow list (or, inside functions, a statement keyword);
    /// with an empty list, skips exactly one token.
    fn advance(&mut self, follow: &[Token]) {
        let stop = |p: &Parser<'_>, tok: Token| {
            tok == Token::Eof || follow.contains(&tok) || (p.fnest > 0 && STOPSET.contains(&tok))
        };
        if follow.is_empty() {
            if self.tok() != Token::Eof {
                self.next();
            }
            return;
        }
        while !stop(self, self.tok()) {
            self.next();
        }
    }

    fn expr_node(&self, lo: Pos, pos: Pos, kind: ExprKind) -> Expr {
        Expr { pos, lo, hi: self.prev_end.max(lo), kind }
    }

    fn stmt_node(&self, lo: Pos, pos: Pos, kind: StmtKind) -> Stmt {
        Stmt { pos, lo, hi: self.prev_end.max(lo), kind }
    }

    fn bad_expr(&self) -> Expr {
        let pos = self.pos();
        Expr { pos, lo: pos, hi: pos, kind: ExprKind::Bad }
    }

    // ---------------------------------------------------------------------------
    // Files and declarations

    fn file(&mut self) -> Option<File> {
        let pos = self.pos();
        if !self.got(Token::Package) {
            self.syntax_error("package statement must be first");
            return None;
        }
        let package = self.name();
        self.want(Token::Semi);
        if !self.errors.is_empty() {
            return None;
        }
        let mut decls = Vec::new();
        let mut prev = Token::Import;
        while self.tok() != Token::Eof {
            if self.tok() == Token::Import && prev != Token::Import {
                self.syntax_error("imports must appear before other declarations");
            }
            prev = self.tok();
            match self.tok() {
                tok @ (Token::Import | Token::Const | Token::Type | Token::Var) => {
                    self.next();
                    self.append_group(&mut decls, DeclKind::of(tok));
                }
                Token::Func => {
                    self.next();
                    let f = self.func_decl();
                    decls.push(Decl::Func(f));
                }
                _ => {
                    let after_empty_func = matches!(decls.last(), Some(Decl::Func(f)) if f.body.is_none());
                    if self.tok() == Token::Lbrace && after_empty_func {
                        self.syntax_error("unexpected semicolon or newline before {");
                    } else {
                        self.syntax_error("non-declaration statement outside function body");
                    }
                    self.advance(&[Token::Import, Token::Const, Token::Type, Token::Var, Token::Func]);
                    continue;
                }
            }
            if self.tok() != Token::Eof && !self.got(Token::Semi) {
                self.syntax_error("after top level declaration");
                self.advance(&[Token::Import, Token::Const, Token::Type, Token::Var, Token::Func]);
            }
        }
        let eof = self.pos();
        let directives = std::mem::take(&mut self.s.directives);
        Some(File { pos, package, decls, directives, eof })
    }

    /// `list = [ f { sep f } [sep] ] close .` — returns the position of the closing
    /// token. `f` returns true to end the list.
    fn list(&mut self, context: &str, sep: Token, close: Token, f: &mut dyn FnMut(&mut Self) -> bool) -> Pos {
        let mut done = false;
        while self.tok() != Token::Eof && self.tok() != close && !done {
            done = f(self);
            if !self.got(sep) && self.tok() != close {
                self.syntax_error(&format!(
                    "in {context}; possibly missing {} or {}",
                    sep.describe(),
                    close.describe()
                ));
                self.advance(&[Token::Rparen, Token::Rbrack, Token::Rbrace]);
                if self.tok() != close {
                    return self.pos();
                }
            }
        }
        let pos = self.pos();
        self.want(close);
        pos
    }

    fn append_group(&mut self, list: &mut Vec<Decl>, kind: DeclKind) {
        if self.tok() == Token::Lparen {
            self.groups += 1;
            let group = Some(self.groups);
            self.next();
            self.list("grouped declaration", Token::Semi, Token::Rparen, &mut |p| {
                let d = p.decl(kind, group);
                list.push(d);
                false
            });
        } else {
            let d = self.decl(kind, None);
            list.push(d);
        }
    }

    fn decl(&mut self, kind: DeclKind, group: Group) -> Decl {
        match kind {
            DeclKind::Import => Decl::Import(self.import_decl(group)),
            DeclKind::Const => Decl::Const(self.const_decl(group)),
            DeclKind::Type => Decl::Type(self.type_decl(group)),
            DeclKind::Var => Decl::Var(self.var_decl(group)),
        }
    }

    fn import_decl(&mut self, group: Group) -> ImportDecl {
        let pos = self.pos();
        let local = match self.tok() {
            Token::Name => Some(self.name()),
            Token::Dot => {
                let n = Name { pos: self.pos(), value: ".".into() };
                self.next();
                Some(n)
            }
            _ => None,
        };
        let mut path = self.oliteral();
        match &mut path {
            None => {
                self.syntax_error("missing import path");
                self.advance(&[Token::Semi, Token::Rparen]);
            }
            Some(lit) if !lit.bad && lit.kind != LitKind::String => {
                let at = lit.pos;
                lit.bad = true;
                self.syntax_error_at(at, "import path must be a string");
            }
            Some(_) => {}
        }
        ImportDecl { pos, group, local, path }
    }

    fn const_decl(&mut self, group: Group) -> ConstDecl {
        let pos = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = None;
        if !matches!(self.tok(), Token::Eof | Token::Semi | Token::Rparen) {
            ty = self.type_or_nil();
            if self.got_assign() {
                values = Some(self.expr_list());
            }
        }
        ConstDecl { pos, group, names, ty, values }
    }

    fn type_decl(&mut self, group: Group) -> TypeDecl {
        let pos = self.pos();
        let name = self.name();
        let mut tparams = Vec::new();
        let mut alias = false;
        let ty;
        if self.tok() == Token::Lbrack {
            // An array or slice type, or a type parameter list.
            let lbrack = self.pos();
            self.next();
            match self.tok() {
                Token::Name => {
                    let mut x = Expr::name(self.name());
                    if self.tok() != Token::Lbrack {
                        self.xnest += 1;
                        let px = self.pexpr(Some(x), false);
                        x = self.binary_expr(Some(px), 0);
                        self.xnest -= 1;
                    }
                    let force = self.tok() == Token::Comma;
                    match extract_name(x, force) {
                        Ok((pname, ptype)) if ptype.is_some() || self.tok() != Token::Rbrack => {
                            tparams = self.param_list(Some(pname), ptype, Token::Rbrack, true, false);
                            alias = self.got_assign();
                            ty = self.type_or_nil();
                        }
                        Ok((pname, _)) => {
                            let x = Expr::name(pname);
                            ty = Some(self.array_type(lbrack, Some(x)));
                        }
                        Err(x) => ty = Some(self.array_type(lbrack, Some(x))),
                    }
                }
                Token::Rbrack => {
                    self.next();
                    ty = Some(self.slice_type(lbrack));
                }
                _ => ty = Some(self.array_type(lbrack, None)),
            }
        } else {
            alias = self.got_assign();
            ty = self.type_or_nil();
        }
        let ty = match ty {
            Some(t) => t,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("in type declaration");
                self.advance(&[Token::Semi, Token::Rparen]);
                bad
            }
        };
        TypeDecl { pos, group, name, tparams, alias, ty }
    }

    fn var_decl(&mut self, group: Group) -> VarDecl {
        let pos = self.pos();
        let first = self.name();
        let names = self.name_list(first);
        let mut ty = None;
        let mut values = None;
        if self.got_assign() {
            values = Some(self.expr_list());
        } else {
            ty = Some(self.type_());
            if self.got_assign() {
                values = Some(self.expr_list());
            }
        }
        VarDecl { pos, group, names, ty, values }
    }

    fn func_decl(&mut self) -> FuncDecl {
        let pos = self.pos();
        let mut recv = None;
        let mut has_recv = false;
        if self.got(Token::Lparen) {
            has_recv = true;
            let mut rcvr = self.param_list(None, None, Token::Rparen, false, false);
            match rcvr.len() {
                0 => self.error("method has no receiver"),
                1 => recv = rcvr.pop(),
                _ => {
                    self.error("method has multiple receivers");
                    recv = Some(rcvr.swap_remove(0));
                }
            }
        }
        let (name, tparams, ty);
        if self.tok() == Token::Name {
            name = self.name();
            (tparams, ty) = self.func_type("");
        } else {
            name = Name { pos: self.pos(), value: "_".into() };
            tparams = Vec::new();
            ty = FuncType { pos: self.pos(), params: Vec::new(), results: Vec::new() };
            self.syntax_error(if has_recv { "expected name" } else { "expected name or (" });
            self.advance(&[Token::Lbrace, Token::Semi]);
        }
        let body = (self.tok() == Token::Lbrace).then(|| self.func_body());
        FuncDecl { pos, recv, name, tparams, ty, body }
    }

    fn func_body(&mut self) -> Block {
        self.fnest += 1;
        let body = self.block_stmt("");
        self.fnest -= 1;
        body
    }

    // ---------------------------------------------------------------------------
    // Expressions

    fn expr(&mut self) -> Expr {
        self.binary_expr(None, 0)
    }

    fn binary_expr(&mut self, x: Option<Expr>, prec: u8) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.unary_expr(),
        };
        // Each operator deepens the (left-leaning) tree by one level.
        let mut levels = 0;
        while matches!(self.tok(), Token::Operator | Token::Star) && self.s.prec > prec {
            if !self.enter() {
                break;
            }
            levels += 1;
            let pos = self.pos();
            let op = self.s.op;
            let tprec = self.s.prec;
            self.next();
            let y = self.binary_expr(None, tprec);
            let lo = x.lo;
            x = self.expr_node(lo, pos, ExprKind::Operation { op, x: Box::new(x), y: Some(Box::new(y)) });
        }
        self.depth -= levels;
        x
    }

    /// Enters one level of nesting; false (after reporting it once) past the limit.
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_NESTING && !self.too_deep {
            self.too_deep = true;
            self.errors.push(SyntaxError {
                offset: self.pos(),
                message: format!(
                    "syntax error: nesting too deep (crossplay accepts at most {MAX_NESTING} levels)"
                ),
            });
            self.s.tok = Token::Eof;
        }
        if self.too_deep {
            return false;
        }
        self.depth += 1;
        true
    }

    fn unary_expr(&mut self) -> Expr {
        if !self.enter() {
            let pos = self.pos();
            return Expr { pos, lo: pos, hi: pos, kind: ExprKind::Bad };
        }
        let x = self.unary_expr_inner();
        self.depth -= 1;
        x
    }

    fn unary_expr_inner(&mut self) -> Expr {
        match self.tok() {
            Token::Operator | Token::Star => match self.s.op {
                Op::Mul | Op::Add | Op::Sub | Op::Not | Op::Xor | Op::Tilde | Op::And => {
                    let pos = self.pos();
                    let op = self.s.op;
                    self.next();
                    let mut x = self.unary_expr();
                    if op == Op::And {
                        // &(T{}) is &T{}: drop the parentheses.
                        x = unparen_owned(x);
                    }
                    return self.expr_node(pos, pos, ExprKind::Operation { op, x: Box::new(x), y: None });
                }
                _ => {}
            },
            Token::Arrow => {
                let pos = self.pos();
                self.next();
                // <-x is a receive, unless x is a channel type: then <-chan T.
                let x = self.unary_expr();
                if let ExprKind::ChanType { .. } = x.kind {
                    return self.recv_chan_type(pos, x);
                }
                return self.expr_node(
                    pos,
                    pos,
                    ExprKind::Operation { op: Op::Recv, x: Box::new(x), y: None },
                );
            }
            _ => {}
        }
        self.pexpr(None, true)
    }

    /// `<-` followed by a channel type: the arrow binds to the leftmost `chan`,
    /// turning `<-chan<- T` chains into receive-only channels as Go does.
    fn recv_chan_type(&mut self, pos: Pos, x: Expr) -> Expr {
        let mut x = x;
        let mut errors = Vec::new();
        reassociate_arrow(&mut x, &mut errors);
        for e in errors {
            self.syntax_error(&e);
        }
        x.lo = pos;
        x.pos = pos;
        x
    }

    fn call_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let tok = self.tok();
        self.next();
        let keep = self.tok() == Token::Lparen;
        let mut x = self.pexpr(None, keep);
        if matches!(x.kind, ExprKind::Paren(_)) {
            self.error_at(x.pos, format!("expression in {tok} must not be parenthesized"));
            x = unparen_owned(x);
        }
        if !matches!(x.kind, ExprKind::Call { .. }) {
            self.error_at(x.pos, format!("expression in {tok} must be function call"));
            let (xpos, lo, hi) = (x.pos, x.lo, x.hi);
            x = Expr {
                pos: xpos,
                lo,
                hi,
                kind: ExprKind::Call { fun: Box::new(x), args: Vec::new(), has_dots: false },
            };
        }
        self.stmt_node(pos, pos, StmtKind::Call { tok, call: x })
    }

    fn operand(&mut self, keep_parens: bool) -> Expr {
        match self.tok() {
            Token::Name => Expr::name(self.name()),
            Token::Literal => {
                let lit = self.oliteral().expect("at a literal");
                let hi = self.prev_end;
                Expr { pos: lit.pos, lo: lit.pos, hi, kind: ExprKind::BasicLit(lit) }
            }
            Token::Lparen => {
                let pos = self.pos();
                self.next();
                self.xnest += 1;
                let x = self.expr();
                self.xnest -= 1;
                self.want(Token::Rparen);
                // A parenthesized type followed by { is kept, to report it.
                if keep_parens || self.tok() == Token::Lbrace {
                    return self.expr_node(pos, pos, ExprKind::Paren(Box::new(x)));
                }
                x
            }
            Token::Func => {
                let pos = self.pos();
                self.next();
                let (_, ty) = self.func_type("function type");
                if self.tok() == Token::Lbrace {
                    self.xnest += 1;
                    let body = self.func_body();
                    self.xnest -= 1;
                    return self.expr_node(pos, pos, ExprKind::FuncLit { ty, body });
                }
                self.expr_node(pos, pos, ExprKind::FuncType(ty))
            }
            Token::Lbrack | Token::Chan | Token::Map | Token::Struct | Token::Interface => self.type_(),
            _ => {
                let x = self.bad_expr();
                self.syntax_error("expected expression");
                self.advance(&[Token::Rparen, Token::Rbrack, Token::Rbrace]);
                x
            }
        }
    }

    fn pexpr(&mut self, x: Option<Expr>, keep_parens: bool) -> Expr {
        let mut x = match x {
            Some(x) => x,
            None => self.operand(keep_parens),
        };
        loop {
            let pos = self.pos();
            let lo = x.lo;
            match self.tok() {
                Token::Dot => {
                    self.next();
                    match self.tok() {
                        Token::Name => {
                            let sel = self.name();
                            x = self.expr_node(lo, pos, ExprKind::Selector { x: Box::new(x), sel });
                        }
                        Token::Lparen => {
                            self.next();
                            if self.got(Token::Type) {
                                self.want(Token::Rparen);
                                x = self.expr_node(
                                    lo,
                                    pos,
                                    ExprKind::TypeSwitchGuard { lhs: None, x: Box::new(x) },
                                );
                            } else {
                                let ty = self.type_();
                                self.want(Token::Rparen);
                                x = self.expr_node(
                                    lo,
                                    pos,
                                    ExprKind::Assert { x: Box::new(x), ty: Box::new(ty) },
                                );
                            }
                        }
                        _ => {
                            self.syntax_error("expected name or (");
                            self.advance(&[Token::Semi, Token::Rparen]);
                        }
                    }
                }
                Token::Lbrack => {
                    self.next();
                    let mut i = None;
                    if self.tok() != Token::Colon {
                        let (index, comma) = if self.tok() == Token::Rbrack {
                            self.syntax_error("expected operand");
                            (self.bad_expr(), false)
                        } else {
                            self.type_list(false)
                        };
                        if comma || self.tok() == Token::Rbrack {
                            self.want(Token::Rbrack);
                            x = self.expr_node(
                                lo,
                                pos,
                                ExprKind::Index { x: Box::new(x), index: Box::new(index) },
                            );
                            continue;
                        }
                        i = Some(Box::new(index));
                    }
                    // x[i:...
                    if !self.got(Token::Colon) {
                        self.syntax_error("expected comma, : or ]");
                        self.advance(&[Token::Comma, Token::Colon, Token::Rbrack]);
                    }
                    self.xnest += 1;
                    let mut index: [Option<Box<Expr>>; 3] = [i, None, None];
                    let mut full = false;
                    if self.tok() != Token::Colon && self.tok() != Token::Rbrack {
                        index[1] = Some(Box::new(self.expr()));
                    }
                    if self.tok() == Token::Colon {
                        full = true;
                        if index[1].is_none() {
                            self.error("middle index required in 3-index slice");
                            index[1] = Some(Box::new(self.bad_expr()));
                        }
                        self.next();
                        if self.tok() != Token::Rbrack {
                            index[2] = Some(Box::new(self.expr()));
                        } else {
                            self.error("final index required in 3-index slice");
                            index[2] = Some(Box::new(self.bad_expr()));
                        }
                    }
                    self.xnest -= 1;
                    self.want(Token::Rbrack);
                    x = self.expr_node(lo, pos, ExprKind::Slice { x: Box::new(x), index, full });
                }
                Token::Lparen => {
                    self.next();
                    let (args, has_dots) = self.arg_list();
                    x = self.expr_node(lo, pos, ExprKind::Call { fun: Box::new(x), args, has_dots });
                }
                Token::Lbrace => {
                    let t = x.unparen();
                    let complit_ok = match &t.kind {
                        ExprKind::Name(_) | ExprKind::Selector { .. } => self.xnest >= 0,
                        ExprKind::Index { .. } => self.xnest >= 0 && !is_value(t),
                        ExprKind::ArrayType { .. }
                        | ExprKind::SliceType { .. }
                        | ExprKind::StructType { .. }
                        | ExprKind::MapType { .. } => true,
                        _ => false,
                    };
                    if !complit_ok {
                        break;
                    }
                    if !std::ptr::eq(t, &x) {
                        self.syntax_error("cannot parenthesize type in composite literal");
                    }
                    x = self.complit_expr(Some(x));
                }
                _ => break,
            }
        }
        x
    }

    fn bare_complit_expr(&mut self) -> Expr {
        if self.tok() == Token::Lbrace {
            return self.complit_expr(None);
        }
        self.expr()
    }

    fn complit_expr(&mut self, ty: Option<Expr>) -> Expr {
        let pos = self.pos();
        let lo = ty.as_ref().map_or(pos, |t| t.lo);
        self.xnest += 1;
        self.want(Token::Lbrace);
        let mut elems = Vec::new();
        let mut n_keys = 0;
        let rbrace = self.list("composite literal", Token::Comma, Token::Rbrace, &mut |p| {
            let mut e = p.bare_complit_expr();
            if p.tok() == Token::Colon {
                let kpos = p.pos();
                p.next();
                let value = p.bare_complit_expr();
                let klo = e.lo;
                e = p.expr_node(klo, kpos, ExprKind::KeyValue { key: Box::new(e), value: Box::new(value) });
                n_keys += 1;
            }
            elems.push(e);
            false
        });
        self.xnest -= 1;
        self.expr_node(lo, pos, ExprKind::CompositeLit { ty: ty.map(Box::new), elems, n_keys, rbrace })
    }

    // ---------------------------------------------------------------------------
    // Types

    fn type_(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("expected type");
                self.advance(&[
                    Token::Comma,
                    Token::Colon,
                    Token::Semi,
                    Token::Rparen,
                    Token::Rbrack,
                    Token::Rbrace,
                ]);
                bad
            }
        }
    }

    fn indirect(&self, pos: Pos, ty: Expr) -> Expr {
        self.expr_node(pos, pos, ExprKind::Operation { op: Op::Mul, x: Box::new(ty), y: None })
    }

    fn type_or_nil(&mut self) -> Option<Expr> {
        let pos = self.pos();
        match self.tok() {
            Token::Star => {
                self.next();
                let t = self.type_();
                Some(self.indirect(pos, t))
            }
            Token::Arrow => {
                self.next();
                self.want(Token::Chan);
                let elem = self.chan_elem();
                Some(self.expr_node(
                    pos,
                    pos,
                    ExprKind::ChanType { dir: ChanDir::Recv, elem: Box::new(elem) },
                ))
            }
            Token::Func => {
                self.next();
                let (_, t) = self.func_type("function type");
                Some(self.expr_node(pos, pos, ExprKind::FuncType(t)))
            }
            Token::Lbrack => {
                self.next();
                if self.got(Token::Rbrack) {
                    return Some(self.slice_type(pos));
                }
                Some(self.array_type(pos, None))
            }
            Token::Chan => {
                self.next();
                let dir = if self.got(Token::Arrow) { ChanDir::Send } else { ChanDir::Both };
                let elem = self.chan_elem();
                Some(self.expr_node(pos, pos, ExprKind::ChanType { dir, elem: Box::new(elem) }))
            }
            Token::Map => {
                self.next();
                self.want(Token::Lbrack);
                let key = self.type_();
                self.want(Token::Rbrack);
                let value = self.type_();
                Some(self.expr_node(
                    pos,
                    pos,
                    ExprKind::MapType { key: Box::new(key), value: Box::new(value) },
                ))
            }
            Token::Struct => Some(self.struct_type()),
            Token::Interface => Some(self.interface_type()),
            Token::Name => Some(self.qualified_name(None)),
            Token::Lparen => {
                self.next();
                let t = self.type_();
                self.want(Token::Rparen);
                Some(t)
            }
            _ => None,
        }
    }

    fn type_instance(&mut self, ty: Expr) -> Expr {
        let pos = self.pos();
        let lo = ty.lo;
        self.want(Token::Lbrack);
        let index = if self.tok() == Token::Rbrack {
            self.syntax_error("expected type argument list");
            self.bad_expr()
        } else {
            self.type_list(true).0
        };
        self.want(Token::Rbrack);
        self.expr_node(lo, pos, ExprKind::Index { x: Box::new(ty), index: Box::new(index) })
    }

    /// `[TypeParams] (Params) [Result]`; `context` names what may not have type
    /// parameters ("function type", "interface method"), empty for declarations.
    fn func_type(&mut self, context: &str) -> (Vec<Field>, FuncType) {
        let pos = self.pos();
        let mut tparams = Vec::new();
        if self.got(Token::Lbrack) {
            if !context.is_empty() {
                self.syntax_error_at(pos, &format!("{context} must have no type parameters"));
            }
            if self.tok() == Token::Rbrack {
                self.syntax_error("empty type parameter list");
                self.next();
            } else {
                tparams = self.param_list(None, None, Token::Rbrack, true, false);
            }
        }
        self.want(Token::Lparen);
        let params = self.param_list(None, None, Token::Rparen, false, true);
        let results = self.func_result();
        (tparams, FuncType { pos, params, results })
    }

    fn array_type(&mut self, pos: Pos, len: Option<Expr>) -> Expr {
        let len = match len {
            Some(l) => Some(l),
            None if self.got(Token::DotDotDot) => None,
            None => {
                self.xnest += 1;
                let l = self.expr();
                self.xnest -= 1;
                Some(l)
            }
        };
        if self.tok() == Token::Comma {
            // Trailing commas are accepted in type parameter lists but not in array
            // type declarations.
            self.syntax_error("unexpected comma; expected ]");
            self.next();
        }
        self.want(Token::Rbrack);
        let elem = self.type_();
        self.expr_node(pos, pos, ExprKind::ArrayType { len: len.map(Box::new), elem: Box::new(elem) })
    }

    fn slice_type(&mut self, pos: Pos) -> Expr {
        let elem = self.type_();
        self.expr_node(pos, pos, ExprKind::SliceType { elem: Box::new(elem) })
    }

    fn chan_elem(&mut self) -> Expr {
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("missing channel element type");
                bad
            }
        }
    }

    fn struct_type(&mut self) -> Expr {
        let pos = self.pos();
        self.want(Token::Struct);
        self.want(Token::Lbrace);
        let mut fields = Vec::new();
        let mut tags = Vec::new();
        self.list("struct type", Token::Semi, Token::Rbrace, &mut |p| {
            p.field_decl(&mut fields, &mut tags);
            false
        });
        self.expr_node(pos, pos, ExprKind::StructType { fields, tags })
    }

    fn interface_type(&mut self) -> Expr {
        let pos = self.pos();
        self.want(Token::Interface);
        self.want(Token::Lbrace);
        let mut methods = Vec::new();
        self.list("interface type", Token::Semi, Token::Rbrace, &mut |p| {
            let f = if p.tok() == Token::Name { Some(p.method_decl()) } else { None };
            let f = match f {
                Some(f) if f.name.is_some() => f,
                other => p.embedded_elem(other.map(|f| f.ty)),
            };
            methods.push(f);
            false
        });
        self.expr_node(pos, pos, ExprKind::InterfaceType { methods })
    }

    fn func_result(&mut self) -> Vec<Field> {
        if self.got(Token::Lparen) {
            return self.param_list(None, None, Token::Rparen, false, false);
        }
        let pos = self.pos();
        match self.type_or_nil() {
            Some(t) => vec![Field { pos, name: None, ty: Rc::new(t) }],
            None => Vec::new(),
        }
    }

    fn field_decl(&mut self, fields: &mut Vec<Field>, tags: &mut Vec<Option<BasicLit>>) {
        let pos = self.pos();
        let mut add = |pos: Pos, name: Option<Name>, ty: Rc<Expr>, tag: Option<BasicLit>| {
            fields.push(Field { pos, name, ty });
            tags.push(tag);
        };
        match self.tok() {
            Token::Name => {
                let name = self.name();
                if matches!(self.tok(), Token::Dot | Token::Literal | Token::Semi | Token::Rbrace) {
                    // An embedded type.
                    let ty = self.qualified_name(Some(name));
                    let tag = self.oliteral();
                    add(pos, None, Rc::new(ty), tag);
                    return;
                }
                let names = self.name_list(name);
                let ty = if names.len() == 1 && self.tok() == Token::Lbrack {
                    let t = self.array_or_targs();
                    if let ExprKind::Index { index, .. } = t.kind {
                        // An embedded generic type: name[T].
                        let name = names.into_iter().next().expect("one name");
                        let x = Expr::name(name);
                        let hi = self.prev_end;
                        let ty = Expr {
                            pos: t.pos,
                            lo: x.lo,
                            hi,
                            kind: ExprKind::Index { x: Box::new(x), index },
                        };
                        let tag = self.oliteral();
                        add(pos, None, Rc::new(ty), tag);
                        return;
                    }
                    t
                } else {
                    self.type_()
                };
                let tag = self.oliteral();
                let ty = Rc::new(ty);
                for name in names {
                    add(name.pos, Some(name), ty.clone(), tag.clone());
                }
            }
            Token::Star => {
                self.next();
                let ty = if self.tok() == Token::Lparen {
                    self.syntax_error("cannot parenthesize embedded type");
                    self.next();
                    let t = self.qualified_name(None);
                    self.got(Token::Rparen);
                    t
                } else {
                    self.qualified_name(None)
                };
                let tag = self.oliteral();
                let ty = self.indirect(pos, ty);
                add(pos, None, Rc::new(ty), tag);
            }
            Token::Lparen => {
                self.syntax_error("cannot parenthesize embedded type");
                self.next();
                let ty = if self.tok() == Token::Star {
                    let spos = self.pos();
                    self.next();
                    let t = self.qualified_name(None);
                    self.indirect(spos, t)
                } else {
                    self.qualified_name(None)
                };
                self.got(Token::Rparen);
                let tag = self.oliteral();
                add(pos, None, Rc::new(ty), tag);
            }
            _ => {
                self.syntax_error("expected field name or embedded type");
                self.advance(&[Token::Semi, Token::Rbrace]);
            }
        }
    }

    /// After a name in a field or parameter: `[]T`, `[N]T`, or type arguments
    /// (an `Index` with no operand yet; the caller fills it in).
    fn array_or_targs(&mut self) -> Expr {
        let pos = self.pos();
        self.want(Token::Lbrack);
        if self.got(Token::Rbrack) {
            return self.slice_type(pos);
        }
        let (n, comma) = self.type_list(false);
        self.want(Token::Rbrack);
        if !comma && let Some(elem) = self.type_or_nil() {
            return self.expr_node(
                pos,
                pos,
                ExprKind::ArrayType { len: Some(Box::new(n)), elem: Box::new(elem) },
            );
        }
        let placeholder = Expr { pos, lo: pos, hi: pos, kind: ExprKind::Bad };
        self.expr_node(pos, pos, ExprKind::Index { x: Box::new(placeholder), index: Box::new(n) })
    }

    fn oliteral(&mut self) -> Option<BasicLit> {
        if self.tok() != Token::Literal {
            return None;
        }
        let b = BasicLit { pos: self.pos(), value: self.s.lit.clone(), kind: self.s.kind, bad: self.s.bad };
        self.next();
        Some(b)
    }

    fn method_decl(&mut self) -> Field {
        let pos = self.pos();
        let name = self.name();
        const CONTEXT: &str = "interface method";
        let func = |p: &mut Self, pos: Pos, name: Name| {
            let (_, ft) = p.func_type(CONTEXT);
            let fpos = ft.pos;
            let ty = p.expr_node(fpos, fpos, ExprKind::FuncType(ft));
            Field { pos, name: Some(name), ty: Rc::new(ty) }
        };
        match self.tok() {
            Token::Lparen => func(self, pos, name),
            Token::Lbrack => {
                // A generic method (invalid), or an embedded instantiated type.
                let lbrack = self.pos();
                self.next();
                if self.tok() == Token::Rbrack {
                    let rpos = self.pos();
                    self.next();
                    if self.tok() == Token::Lparen {
                        self.error_at(rpos, "empty type parameter list");
                        return func(self, pos, name);
                    }
                    self.error_at(rpos, "empty type argument list");
                    return Field { pos, name: None, ty: Rc::new(Expr::name(name)) };
                }
                let list = self.param_list(None, None, Token::Rbrack, false, false);
                if list.is_empty() {
                    if self.tok() == Token::Lparen {
                        return func(self, pos, name);
                    }
                    return Field { pos, name: None, ty: Rc::new(Expr::name(name)) };
                }
                if list[0].name.is_some() {
                    let f = func(self, pos, name);
                    self.error_at(lbrack, "interface method must have no type parameters");
                    return f;
                }
                let x = Expr::name(name);
                let mut types: Vec<Expr> = list.iter().map(|f| (*f.ty).clone()).collect();
                let index = if types.len() == 1 {
                    types.pop().expect("one type")
                } else {
                    let (lo, hi) = (types[0].lo, types[types.len() - 1].hi);
                    Expr { pos: types[0].pos, lo, hi, kind: ExprKind::List(types) }
                };
                let lo = x.lo;
                let ty =
                    self.expr_node(lo, lbrack, ExprKind::Index { x: Box::new(x), index: Box::new(index) });
                Field { pos, name: None, ty: Rc::new(ty) }
            }
            _ => {
                let ty = self.qualified_name(Some(name));
                Field { pos, name: None, ty: Rc::new(ty) }
            }
        }
    }

    /// `EmbeddedElem = MethodSpec | EmbeddedTerm { "|" EmbeddedTerm }`.
    fn embedded_elem(&mut self, first: Option<Rc<Expr>>) -> Field {
        let (pos, mut ty) = match first {
            Some(t) => (t.lo, Rc::unwrap_or_clone(t)),
            None => (self.pos(), self.embedded_term()),
        };
        while self.is_op(Op::Or) {
            let opos = self.pos();
            self.next();
            let y = self.embedded_term();
            let lo = ty.lo;
            ty = self.expr_node(
                lo,
                opos,
                ExprKind::Operation { op: Op::Or, x: Box::new(ty), y: Some(Box::new(y)) },
            );
        }
        Field { pos, name: None, ty: Rc::new(ty) }
    }

    fn embedded_term(&mut self) -> Expr {
        if self.is_op(Op::Tilde) {
            let pos = self.pos();
            self.next();
            let t = self.type_();
            return self.expr_node(pos, pos, ExprKind::Operation { op: Op::Tilde, x: Box::new(t), y: None });
        }
        match self.type_or_nil() {
            Some(t) => t,
            None => {
                let bad = self.bad_expr();
                self.syntax_error("expected ~ term or type");
                self.advance(&[Token::Operator, Token::Semi, Token::Rparen, Token::Rbrack, Token::Rbrace]);
                bad
            }
        }
    }

    /// One parameter: a name, a type, or both; type parameter lists (`follow` is `]`)
    /// also allow type set terms. A field's type may still be missing (None).
    fn param_decl_or_nil(&mut self, name: Option<Name>, follow: Token) -> Option<PField> {
        let type_sets_ok = follow == Token::Rbrack;
        let mut pos = self.pos();
        if let Some(n) = &name {
            pos = n.pos;
        } else if type_sets_ok && self.is_op(Op::Tilde) {
            return Some(PField::from(self.embedded_elem(None)));
        }
        let mut f = PField { pos, name: None, ty: None };
        if self.tok() == Token::Name || name.is_some() {
            let name = match name {
                Some(n) => n,
                None => self.name(),
            };
            if self.tok() == Token::Lbrack {
                let t = self.array_or_targs();
                if let ExprKind::Index { index, .. } = t.kind {
                    let x = Expr::name(name);
                    let hi = self.prev_end;
                    f.ty = Some(Expr {
                        pos: t.pos,
                        lo: x.lo,
                        hi,
                        kind: ExprKind::Index { x: Box::new(x), index },
                    });
                } else {
                    f.name = Some(name);
                    f.ty = Some(t);
                }
                if type_sets_ok && self.is_op(Op::Or) {
                    let name = f.name.take();
                    f = PField::from(self.embedded_elem(f.ty.map(Rc::new)));
                    f.name = name;
                }
                return Some(f);
            }
            if self.tok() == Token::Dot {
                f.ty = Some(self.qualified_name(Some(name)));
                if type_sets_ok && self.is_op(Op::Or) {
                    f = PField::from(self.embedded_elem(f.ty.map(Rc::new)));
                }
                return Some(f);
            }
            if type_sets_ok && self.is_op(Op::Or) {
                return Some(PField::from(self.embedded_elem(Some(Rc::new(Expr::name(name))))));
            }
            f.name = Some(name);
        }
        if self.tok() == Token::DotDotDot {
            let dpos = self.pos();
            self.next();
            match self.type_or_nil() {
                Some(elem) => {
                    f.ty = Some(self.expr_node(dpos, dpos, ExprKind::DotsType { elem: Box::new(elem) }));
                }
                None => {
                    f.ty = Some(self.bad_expr());
                    self.syntax_error("... is missing type");
                }
            }
            return Some(f);
        }
        if type_sets_ok && self.is_op(Op::Tilde) {
            f.ty = Some(Rc::unwrap_or_clone(self.embedded_elem(None).ty));
            return Some(f);
        }
        f.ty = self.type_or_nil();
        if type_sets_ok && self.is_op(Op::Or) && f.ty.is_some() {
            let name = f.name.take();
            let mut e = PField::from(self.embedded_elem(f.ty.map(Rc::new)));
            e.name = name;
            f = e;
        }
        if f.name.is_some() || f.ty.is_some() {
            return Some(f);
        }
        self.syntax_error(&format!("expected {}", follow.describe()));
        self.advance(&[Token::Comma, follow]);
        None
    }

    /// `[ParameterList [","]] close`. `name` and `typ` are an already parsed first
    /// name and type. Names without types take the type that follows them; a list
    /// without any name-type pair is a list of types.
    fn param_list(
        &mut self,
        name: Option<Name>,
        typ: Option<Expr>,
        close: Token,
        require_names: bool,
        dddok: bool,
    ) -> Vec<Field> {
        let mut name = name;
        let mut typ = typ;
        // p.list consumes the closing token; a single name and type before it is done.
        if self.tok() == close
            && name.is_some()
            && typ.is_some()
            && let (Some(n), Some(t)) = (name.take(), typ.take())
        {
            self.next();
            return vec![Field { pos: n.pos, name: Some(n), ty: Rc::new(t) }];
        }
        let mut list: Vec<PField> = Vec::new();
        let mut named = 0;
        let mut typed = 0;
        let end = self.list("parameter list", Token::Comma, close, &mut |p| {
            let par = match typ.take() {
                Some(t) => {
                    let n = name.take().expect("a first type comes with a first name");
                    Some(PField { pos: n.pos, name: Some(n), ty: Some(t) })
                }
                None => p.param_decl_or_nil(name.take(), close),
            };
            if let Some(par) = par {
                if par.name.is_some() && par.ty.is_some() {
                    named += 1;
                }
                if par.ty.is_some() {
                    typed += 1;
                }
                list.push(par);
            }
            false
        });
        if list.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<Field> = Vec::with_capacity(list.len());
        if named == 0 && !require_names {
            // All types: names are type names.
            for par in list {
                let ty = match (par.ty, par.name) {
                    (Some(t), _) => t,
                    (None, Some(n)) => Expr::name(n),
                    (None, None) => unreachable_bad(par.pos),
                };
                out.push(Field { pos: par.pos, name: None, ty: Rc::new(ty) });
            }
        } else if named != list.len() {
            // Some names without types: distribute types from right to left.
            let mut err_pos: Option<Pos> = None;
            let mut cur: Option<Rc<Expr>> = None;
            let mut rev: Vec<Field> = Vec::with_capacity(list.len());
            for par in list.into_iter().rev() {
                match par.ty {
                    Some(t) => {
                        let t = Rc::new(t);
                        cur = Some(t.clone());
                        let name = match par.name {
                            Some(n) => n,
                            None => {
                                err_pos = Some(t.lo);
                                Name { pos: t.lo, value: "_".into() }
                            }
                        };
                        rev.push(Field { pos: par.pos, name: Some(name), ty: t });
                    }
                    None => {
                        let n = par.name.expect("a field has a name or a type");
                        match &cur {
                            Some(t) => rev.push(Field { pos: par.pos, name: Some(n), ty: t.clone() }),
                            None => {
                                err_pos = Some(n.pos);
                                let bad = Expr { pos: n.pos, lo: n.pos, hi: n.pos, kind: ExprKind::Bad };
                                rev.push(Field { pos: par.pos, name: Some(n), ty: Rc::new(bad) });
                            }
                        }
                    }
                }
            }
            rev.reverse();
            out = rev;
            if let Some(mut at) = err_pos {
                let msg = if named == typed {
                    at = end;
                    if require_names { "missing type constraint" } else { "missing parameter type" }
                        .to_owned()
                } else if require_names {
                    if out.len() == 1 {
                        "missing type parameter name or invalid array length".to_owned()
                    } else {
                        "missing type parameter name".to_owned()
                    }
                } else {
                    "missing parameter name".to_owned()
                };
                self.syntax_error_at(at, &msg);
            }
        } else {
            for par in list {
                let ty = par.ty.unwrap_or_else(|| unreachable_bad(par.pos));
                out.push(Field { pos: par.pos, name: par.name, ty: Rc::new(ty) });
            }
        }
        // `...` only on the final parameter.
        let n = out.len();
        let mut first = true;
        for (i, f) in out.iter_mut().enumerate() {
            if let ExprKind::DotsType { elem } = &f.ty.kind
                && (!dddok || i + 1 < n)
            {
                if first {
                    first = false;
                    let msg =
                        if dddok { "can only use ... with final parameter" } else { "invalid use of ..." };
                    self.errors.push(SyntaxError { offset: f.ty.pos, message: msg.into() });
                }
                f.ty = Rc::new((**elem).clone());
            }
        }
        out
    }

    // ---------------------------------------------------------------------------
    // Statements

    fn simple_stmt(&mut self, lhs: Option<Expr>, keyword: Option<Token>) -> Simple {
        if keyword == Some(Token::For) && self.tok() == Token::Range {
            // for range x
            return self.range_clause(None, false);
        }
        let lhs = match lhs {
            Some(l) => l,
            None => self.expr_list(),
        };
        let lo = lhs.lo;
        let is_list = matches!(lhs.kind, ExprKind::List(_));
        if !is_list && self.tok() != Token::Assign && self.tok() != Token::Define {
            let pos = self.pos();
            match self.tok() {
                Token::AssignOp => {
                    let op = self.s.op;
                    self.next();
                    let rhs = self.expr();
                    return Simple::Stmt(self.stmt_node(
                        lo,
                        pos,
                        StmtKind::Assign { op: Some(op), lhs, rhs: Some(rhs) },
                    ));
                }
                Token::IncOp => {
                    let op = self.s.op;
                    self.next();
                    return Simple::Stmt(self.stmt_node(
                        lo,
                        pos,
                        StmtKind::Assign { op: Some(op), lhs, rhs: None },
                    ));
                }
                Token::Arrow => {
                    self.next();
                    let value = self.expr();
                    return Simple::Stmt(self.stmt_node(lo, pos, StmtKind::Send { chan: lhs, value }));
                }
                _ => {
                    let xpos = lhs.pos;
                    return Simple::Stmt(self.stmt_node(lo, xpos, StmtKind::Expr(lhs)));
                }
            }
        }
        match self.tok() {
            Token::Assign | Token::Define => {
                let pos = self.pos();
                let op = (self.tok() == Token::Define).then_some(Op::Def);
                self.next();
                if keyword == Some(Token::For) && self.tok() == Token::Range {
                    return self.range_clause(Some(lhs), op.is_some());
                }
                let rhs = self.expr_list();
                if keyword == Some(Token::Switch)
                    && op.is_some()
                    && let ExprKind::TypeSwitchGuard { lhs: None, .. } = &rhs.kind
                    && let ExprKind::Name(n) = &lhs.kind
                {
                    let name = Name { pos: lhs.pos, value: n.clone() };
                    let mut guard = rhs;
                    if let ExprKind::TypeSwitchGuard { lhs: l, .. } = &mut guard.kind {
                        *l = Some(name);
                    }
                    guard.lo = lo;
                    let gpos = guard.pos;
                    return Simple::Stmt(self.stmt_node(lo, gpos, StmtKind::Expr(guard)));
                }
                Simple::Stmt(self.stmt_node(lo, pos, StmtKind::Assign { op, lhs, rhs: Some(rhs) }))
            }
            _ => {
                self.syntax_error("expected := or = or comma");
                self.advance(&[Token::Semi, Token::Rbrace]);
                let x = match lhs.kind {
                    ExprKind::List(mut l) => l.swap_remove(0),
                    _ => lhs,
                };
                let xpos = x.pos;
                Simple::Stmt(self.stmt_node(lo, xpos, StmtKind::Expr(x)))
            }
        }
    }

    fn range_clause(&mut self, lhs: Option<Expr>, def: bool) -> Simple {
        let pos = self.pos();
        self.next(); // range
        let x = self.expr();
        Simple::Range { lhs, def, x, pos }
    }

    fn simple(&mut self, lhs: Option<Expr>) -> Stmt {
        match self.simple_stmt(lhs, None) {
            Simple::Stmt(s) => s,
            Simple::Range { .. } => unreachable_range(),
        }
    }

    fn labeled_stmt_or_nil(&mut self, label: Name) -> Option<Stmt> {
        let pos = self.pos();
        let lo = label.pos;
        self.want(Token::Colon);
        if self.tok() == Token::Rbrace {
            // A label at the end of a block: an empty statement follows.
            let e = Stmt { pos: self.pos(), lo: self.pos(), hi: self.pos(), kind: StmtKind::Empty };
            return Some(self.stmt_node(lo, pos, StmtKind::Labeled { label, stmt: Box::new(e) }));
        }
        match self.stmt_or_nil() {
            Some(s) => Some(self.stmt_node(lo, pos, StmtKind::Labeled { label, stmt: Box::new(s) })),
            None => {
                self.syntax_error_at(pos, "missing statement after label");
                None
            }
        }
    }

    fn block_stmt(&mut self, context: &str) -> Block {
        let pos = self.pos();
        if !self.got(Token::Lbrace) {
            self.syntax_error(&format!("expected {{ after {context}"));
            self.advance(&[Token::Name, Token::Rbrace]);
            let rbrace = self.pos();
            if self.got(Token::Rbrace) {
                return Block { pos, stmts: Vec::new(), rbrace };
            }
        }
        let stmts = self.stmt_list();
        let rbrace = self.pos();
        self.want(Token::Rbrace);
        Block { pos, stmts, rbrace }
    }

    fn decl_stmt(&mut self, kind: DeclKind) -> Stmt {
        let pos = self.pos();
        self.next();
        let mut decls = Vec::new();
        self.append_group(&mut decls, kind);
        self.stmt_node(pos, pos, StmtKind::Decl(decls))
    }

    fn for_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let (init, cond, post) = self.header(Token::For);
        let body = self.block_stmt("for clause");
        let kind = match init {
            Some(Simple::Range { lhs, def, x, pos: range_pos, .. }) => {
                StmtKind::Range { lhs, def, x, body, range_pos }
            }
            Some(Simple::Stmt(s)) => {
                StmtKind::For { init: Some(Box::new(s)), cond, post: post.map(Box::new), body }
            }
            None => StmtKind::For { init: None, cond, post: post.map(Box::new), body },
        };
        self.stmt_node(pos, pos, kind)
    }

    /// The header of an if, for or switch statement: `[init ;] cond`, or for loops
    /// `init ; cond ; post` or a range clause.
    fn header(&mut self, keyword: Token) -> (Option<Simple>, Option<Expr>, Option<Stmt>) {
        self.want(keyword);
        if self.tok() == Token::Lbrace {
            if keyword == Token::If {
                self.syntax_error("missing condition in if statement");
                return (None, Some(self.bad_expr()), None);
            }
            return (None, None, None);
        }
        let outer = self.xnest;
        self.xnest = -1;
        let mut init: Option<Simple> = None;
        let mut post = None;
        if self.tok() != Token::Semi {
            // Accept potential varDecl but complain.
            if self.got(Token::Var) {
                self.syntax_error(&format!("var declaration not allowed in {keyword} initializer"));
            }
            let kw = if keyword == Token::If { None } else { Some(keyword) };
            let s = self.simple_stmt(None, kw);
            if matches!(s, Simple::Range { .. }) {
                self.xnest = outer;
                return (Some(s), None, None);
            }
            init = Some(s);
        }
        let mut cond_stmt: Option<Stmt> = None;
        let mut semi: Option<(Pos, String)> = None;
        'done: {
            if self.tok() != Token::Lbrace {
                if self.tok() == Token::Semi {
                    semi = Some((self.pos(), self.s.lit.clone()));
                    self.next();
                } else {
                    // Asking for a '{' rather than a ';' gives a better message.
                    self.want(Token::Lbrace);
                    if self.tok() != Token::Lbrace {
                        self.advance(&[Token::Lbrace, Token::Rbrace]);
                    }
                }
                if keyword == Token::For {
                    if self.tok() != Token::Semi {
                        if self.tok() == Token::Lbrace {
                            self.syntax_error("expected for loop condition");
                            break 'done;
                        }
                        cond_stmt = Some(self.simple(None));
                    }
                    self.want(Token::Semi);
                    if self.tok() != Token::Lbrace {
                        let s = self.simple(None);
                        if let StmtKind::Assign { op: Some(Op::Def), .. } = s.kind {
                            self.syntax_error_at(s.pos, "cannot declare in post statement of for loop");
                        }
                        post = Some(s);
                    }
                } else if self.tok() != Token::Lbrace {
                    let kw = if keyword == Token::Switch { Some(keyword) } else { None };
                    cond_stmt = match self.simple_stmt(None, kw) {
                        Simple::Stmt(s) => Some(s),
                        Simple::Range { .. } => None,
                    };
                }
            } else {
                cond_stmt = match init.take() {
                    Some(Simple::Stmt(s)) => Some(s),
                    _ => None,
                };
            }
        }
        let cond = match cond_stmt {
            None => {
                if keyword == Token::If
                    && let Some((spos, lit)) = semi
                {
                    if lit != "semicolon" {
                        self.syntax_error_at(spos, &format!("unexpected {lit}, expected {{ after if clause"));
                    } else {
                        self.syntax_error_at(spos, "missing condition in if statement");
                    }
                    Some(Expr { pos: spos, lo: spos, hi: spos, kind: ExprKind::Bad })
                } else {
                    None
                }
            }
            Some(Stmt { kind: StmtKind::Expr(x), .. }) => Some(x),
            Some(s) => {
                let text = match &s.kind {
                    StmtKind::Assign { op: None, lhs, rhs: Some(rhs) } => {
                        format!("assignment {} = {}", emphasize(lhs), emphasize(rhs))
                    }
                    _ => stmt_string(&s),
                };
                self.syntax_error_at(s.pos, &format!("cannot use {text} as value"));
                None
            }
        };
        self.xnest = outer;
        (init, cond, post)
    }

    fn if_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let (init, cond, _) = self.header(Token::If);
        let init = init.and_then(|s| match s {
            Simple::Stmt(s) => Some(Box::new(s)),
            Simple::Range { .. } => None,
        });
        let then = self.block_stmt("if clause");
        let mut els = None;
        if self.got(Token::Else) {
            match self.tok() {
                Token::If => els = Some(Box::new(self.if_stmt())),
                Token::Lbrace => {
                    let b = self.block_stmt("");
                    let (bpos, lo) = (b.pos, b.pos);
                    els = Some(Box::new(self.stmt_node(lo, bpos, StmtKind::Block(b))));
                }
                _ => {
                    self.syntax_error("else must be followed by if or statement block");
                    self.advance(&[Token::Name, Token::Rbrace]);
                }
            }
        }
        self.stmt_node(pos, pos, StmtKind::If { init, cond, then, els })
    }

    fn switch_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        let (init, tag, _) = self.header(Token::Switch);
        let init = init.and_then(|s| match s {
            Simple::Stmt(s) => Some(Box::new(s)),
            Simple::Range { .. } => None,
        });
        if !self.got(Token::Lbrace) {
            self.syntax_error("missing { after switch clause");
            self.advance(&[Token::Case, Token::Default, Token::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Token::Eof && self.tok() != Token::Rbrace {
            body.push(self.case_clause());
        }
        let rbrace = self.pos();
        self.want(Token::Rbrace);
        self.stmt_node(pos, pos, StmtKind::Switch { init, tag, body, rbrace })
    }

    fn select_stmt(&mut self) -> Stmt {
        let pos = self.pos();
        self.want(Token::Select);
        if !self.got(Token::Lbrace) {
            self.syntax_error("missing { after select clause");
            self.advance(&[Token::Case, Token::Default, Token::Rbrace]);
        }
        let mut body = Vec::new();
        while self.tok() != Token::Eof && self.tok() != Token::Rbrace {
            body.push(self.comm_clause());
        }
        let rbrace = self.pos();
        self.want(Token::Rbrace);
        self.stmt_node(pos, pos, StmtKind::Select { body, rbrace })
    }

    fn case_clause(&mut self) -> CaseClause {
        let pos = self.pos();
        let mut cases = None;
        match self.tok() {
            Token::Case => {
                self.next();
                cases = Some(self.expr_list());
            }
            Token::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Token::Colon, Token::Case, Token::Default, Token::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Token::Colon);
        let body = self.stmt_list();
        CaseClause { pos, cases, body, colon }
    }

    fn comm_clause(&mut self) -> CommClause {
        let pos = self.pos();
        let mut comm = None;
        match self.tok() {
            Token::Case => {
                self.next();
                comm = Some(Box::new(self.simple(None)));
            }
            Token::Default => self.next(),
            _ => {
                self.syntax_error("expected case or default or }");
                self.advance(&[Token::Colon, Token::Case, Token::Default, Token::Rbrace]);
            }
        }
        let colon = self.pos();
        self.want(Token::Colon);
        let body = self.stmt_list();
        CommClause { pos, comm, body, colon }
    }

    fn stmt_or_nil(&mut self) -> Option<Stmt> {
        if !self.enter() {
            return None;
        }
        let s = self.stmt_or_nil_inner();
        self.depth -= 1;
        s
    }

    fn stmt_or_nil_inner(&mut self) -> Option<Stmt> {
        // Most statements (assignments) start with an identifier.
        if self.tok() == Token::Name {
            let lhs = self.expr_list();
            if let ExprKind::Name(n) = &lhs.kind
                && self.tok() == Token::Colon
            {
                let label = Name { pos: lhs.pos, value: n.clone() };
                return self.labeled_stmt_or_nil(label);
            }
            return Some(self.simple(Some(lhs)));
        }
        if let tok @ (Token::Var | Token::Const | Token::Type) = self.tok() {
            return Some(self.decl_stmt(DeclKind::of(tok)));
        }
        let pos = self.pos();
        match self.tok() {
            Token::Lbrace => {
                let b = self.block_stmt("");
                Some(self.stmt_node(pos, pos, StmtKind::Block(b)))
            }
            Token::Operator | Token::Star => match self.s.op {
                Op::Add | Op::Sub | Op::Mul | Op::And | Op::Xor | Op::Not => Some(self.simple(None)),
                _ => None,
            },
            Token::Literal
            | Token::Func
            | Token::Lparen
            | Token::Lbrack
            | Token::Struct
            | Token::Map
            | Token::Chan
            | Token::Interface
            | Token::Arrow => Some(self.simple(None)),
            Token::For => Some(self.for_stmt()),
            Token::Switch => Some(self.switch_stmt()),
            Token::Select => Some(self.select_stmt()),
            Token::If => Some(self.if_stmt()),
            Token::Fallthrough => {
                self.next();
                Some(self.stmt_node(pos, pos, StmtKind::Branch { tok: Token::Fallthrough, label: None }))
            }
            Token::Break | Token::Continue => {
                let tok = self.tok();
                self.next();
                let label = (self.tok() == Token::Name).then(|| self.name());
                Some(self.stmt_node(pos, pos, StmtKind::Branch { tok, label }))
            }
            Token::Go | Token::Defer => Some(self.call_stmt()),
            Token::Goto => {
                self.next();
                let label = Some(self.name());
                Some(self.stmt_node(pos, pos, StmtKind::Branch { tok: Token::Goto, label }))
            }
            Token::Return => {
                self.next();
                let results =
                    (self.tok() != Token::Semi && self.tok() != Token::Rbrace).then(|| self.expr_list());
                Some(self.stmt_node(pos, pos, StmtKind::Return(results)))
            }
            Token::Semi => Some(Stmt { pos, lo: pos, hi: pos, kind: StmtKind::Empty }),
            _ => None,
        }
    }

    fn stmt_list(&mut self) -> Vec<Stmt> {
        let mut list = Vec::new();
        while !matches!(self.tok(), Token::Eof | Token::Rbrace | Token::Case | Token::Default) {
            let Some(s) = self.stmt_or_nil() else { break };
            list.push(s);
            // ";" is optional before "}"
            if !self.got(Token::Semi) && self.tok() != Token::Rbrace {
                self.syntax_error("at end of statement");
                self.advance(&[Token::Semi, Token::Rbrace, Token::Case, Token::Default]);
                self.got(Token::Semi); // avoid spurious empty statement
            }
        }
        list
    }

    fn arg_list(&mut self) -> (Vec<Expr>, bool) {
        self.xnest += 1;
        let mut list = Vec::new();
        let mut has_dots = false;
        self.list("argument list", Token::Comma, Token::Rparen, &mut |p| {
            list.push(p.expr());
            has_dots = p.got(Token::DotDotDot);
            has_dots
        });
        self.xnest -= 1;
        (list, has_dots)
    }

    // ---------------------------------------------------------------------------
    // Common productions

    fn name(&mut self) -> Name {
        if self.tok() == Token::Name {
            let n = Name { pos: self.pos(), value: self.s.lit.clone() };
            self.next();
            return n;
        }
        let n = Name { pos: self.pos(), value: "_".into() };
        self.syntax_error("expected name");
        self.advance(&[]);
        n
    }

    fn name_list(&mut self, first: Name) -> Vec<Name> {
        let mut l = vec![first];
        while self.got(Token::Comma) {
            l.push(self.name());
        }
        l
    }

    fn qualified_name(&mut self, name: Option<Name>) -> Expr {
        let mut x = match name {
            Some(n) => Expr::name(n),
            None if self.tok() == Token::Name => Expr::name(self.name()),
            None => {
                let n = Name { pos: self.pos(), value: "_".into() };
                self.syntax_error("expected name");
                self.advance(&[Token::Dot, Token::Semi, Token::Rbrace]);
                Expr::name(n)
            }
        };
        if self.tok() == Token::Dot {
            let pos = self.pos();
            self.next();
            let sel = self.name();
            let lo = x.lo;
            x = self.expr_node(lo, pos, ExprKind::Selector { x: Box::new(x), sel });
        }
        if self.tok() == Token::Lbrack {
            x = self.type_instance(x);
        }
        x
    }

    fn expr_list(&mut self) -> Expr {
        let x = self.expr();
        if self.got(Token::Comma) {
            let mut list = vec![x, self.expr()];
            while self.got(Token::Comma) {
                list.push(self.expr());
            }
            let (pos, lo) = (list[0].pos, list[0].lo);
            return self.expr_node(lo, pos, ExprKind::List(list));
        }
        x
    }

    /// A type argument list or index: `x` or `x, T, …` (`strict`: types only).
    fn type_list(&mut self, strict: bool) -> (Expr, bool) {
        self.xnest += 1;
        let mut x = if strict { self.type_() } else { self.expr() };
        let mut comma = false;
        if self.got(Token::Comma) {
            comma = true;
            if let Some(t) = self.type_or_nil() {
                let mut list = vec![x, t];
                while self.got(Token::Comma) {
                    match self.type_or_nil() {
                        Some(t) => list.push(t),
                        None => break,
                    }
                }
                let (pos, lo) = (list[0].pos, list[0].lo);
                x = self.expr_node(lo, pos, ExprKind::List(list));
            }
        }
        self.xnest -= 1;
        (x, comma)
    }
}

/// A parameter while its list is parsed: the name or the type may be missing.
struct PField {
    pos: Pos,
    name: Option<Name>,
    ty: Option<Expr>,
}

impl From<Field> for PField {
    fn from(f: Field) -> PField {
        PField { pos: f.pos, name: f.name, ty: Some(Rc::unwrap_or_clone(f.ty)) }
    }
}

/// A field with neither a name nor a type cannot be built (`param_decl_or_nil` returns
/// None then); this placeholder keeps the code total.
fn unreachable_bad(pos: Pos) -> Expr {
    Expr { pos, lo: pos, hi: pos, kind: ExprKind::Bad }
}

fn unreachable_range() -> Stmt {
    Stmt { pos: 0, lo: 0, hi: 0, kind: StmtKind::Empty }
}

fn unparen_owned(mut x: Expr) -> Expr {
    while let ExprKind::Paren(inner) = x.kind {
        x = *inner;
    }
    x
}

/// Moves a leading `<-` into a chain of channel types: each `chan<-` in the chain
/// becomes `<-chan` up to the first bidirectional or receive-only channel.
fn reassociate_arrow(t: &mut Expr, errors: &mut Vec<String>) {
    let ExprKind::ChanType { dir, elem } = &mut t.kind else {
        errors.push(format!("unexpected {}, expected chan", expr_string(t)));
        return;
    };
    let old = *dir;
    *dir = ChanDir::Recv;
    match old {
        // <-<-chan E is not permitted.
        ChanDir::Recv => errors.push("unexpected <-, expected chan".into()),
        ChanDir::Send => reassociate_arrow(elem, errors),
        ChanDir::Both => {}
    }
}

/// Go's `emphasize`: binary operations in parentheses.
fn emphasize(x: &Expr) -> String {
    let s = expr_string(x);
    if let ExprKind::Operation { y: Some(_), .. } = x.kind { format!("({s})") } else { s }
}

/// Whether `x` is certainly a value, not a type (for `T{` after an index).
fn is_value(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::BasicLit(_)
        | ExprKind::CompositeLit { .. }
        | ExprKind::FuncLit { .. }
        | ExprKind::Slice { .. }
        | ExprKind::Assert { .. }
        | ExprKind::TypeSwitchGuard { .. }
        | ExprKind::Call { .. } => true,
        ExprKind::Operation { op, y, .. } => *op != Op::Mul || y.is_some(),
        ExprKind::Paren(x) => is_value(x),
        ExprKind::Index { x, index } => is_value(x) || is_value(index),
        _ => false,
    }
}

/// Whether `x` can only be a type element (a type literal, or `~` somewhere).
fn is_type_elem(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::ArrayType { .. }
        | ExprKind::StructType { .. }
        | ExprKind::FuncType(_)
        | ExprKind::InterfaceType { .. }
        | ExprKind::SliceType { .. }
        | ExprKind::MapType { .. }
        | ExprKind::ChanType { .. } => true,
        ExprKind::Operation { op, x, y } => {
            is_type_elem(x) || y.as_deref().is_some_and(is_type_elem) || *op == Op::Tilde
        }
        ExprKind::Paren(x) => is_type_elem(x),
        _ => false,
    }
}

/// Go's `extractName`: splits `x` into a type parameter name and its constraint when
/// it can be read as `name constraint` (`P *C`, `P ~int | string`, `P (C)`). Ok with a
/// None type for a plain name; Err(x) when it is no such split.
fn extract_name(x: Expr, force: bool) -> Result<(Name, Option<Expr>), Expr> {
    match x.kind {
        ExprKind::Name(value) => Ok((Name { pos: x.pos, value }, None)),
        ExprKind::Operation { op: Op::Mul, x: lhs, y: Some(rhs) }
            if matches!(lhs.kind, ExprKind::Name(_)) && (force || is_type_elem(&rhs)) =>
        {
            let ExprKind::Name(value) = lhs.kind else { unreachable_name() };
            let name = Name { pos: lhs.pos, value };
            // P *C: the operation becomes the unary *C.
            let (lo, hi) = (x.pos, rhs.hi);
            let ty = Expr { pos: x.pos, lo, hi, kind: ExprKind::Operation { op: Op::Mul, x: rhs, y: None } };
            Ok((name, Some(ty)))
        }
        ExprKind::Operation { op: Op::Or, x: lhs, y: Some(rhs) } => {
            let force_inner = force || is_type_elem(&rhs);
            match extract_name(*lhs, force_inner) {
                Ok((name, Some(l))) => {
                    let (lo, hi) = (l.lo, rhs.hi);
                    let ty = Expr {
                        pos: x.pos,
                        lo,
                        hi,
                        kind: ExprKind::Operation { op: Op::Or, x: Box::new(l), y: Some(rhs) },
                    };
                    Ok((name, Some(ty)))
                }
                Ok((name, None)) => {
                    let l = Expr::name(name);
                    Err(Expr {
                        pos: x.pos,
                        lo: x.lo,
                        hi: x.hi,
                        kind: ExprKind::Operation { op: Op::Or, x: Box::new(l), y: Some(rhs) },
                    })
                }
                Err(l) => Err(Expr {
                    pos: x.pos,
                    lo: x.lo,
                    hi: x.hi,
                    kind: ExprKind::Operation { op: Op::Or, x: Box::new(l), y: Some(rhs) },
                }),
            }
        }
        ExprKind::Call { fun, mut args, has_dots }
            if matches!(fun.kind, ExprKind::Name(_))
                && args.len() == 1
                && !has_dots
                && (force || is_type_elem(&args[0])) =>
        {
            let ExprKind::Name(value) = fun.kind else { unreachable_name() };
            let name = Name { pos: fun.pos, value };
            Ok((name, Some(unparen_owned(args.pop().expect("one argument")))))
        }
        kind => Err(Expr { kind, ..x }),
    }
}

/// The guards above checked the kind.
fn unreachable_name() -> ! {
    unreachable!("checked to be a name")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::printer::file_string;

    /// Parses `src` and prints the tree back, or the errors as `offset: message`.
    fn check(src: &str, want: &str) {
        let (file, errors) = parse_file(src.as_bytes());
        let got = if errors.is_empty() {
            file_string(&file.expect("a tree without errors"))
        } else {
            errors.iter().map(|e| format!("{}: {}\n", e.offset, e.message)).collect()
        };
        assert_eq!(got, want, "{src}");
    }

    #[test]
    fn type_parameters_or_arrays() {
        // Go's rules for `type T[` : a name then `]` is an array length; a type
        // element or a comma makes it a type parameter list.
        check("package p; type A [N]int", "package p\ntype A [N]int\n");
        check("package p; type G[T any] []T", "package p\ntype G[T any] []T\n");
        check("package p; type P[T *int,] int", "package p\ntype P[T *int,] int\n");
        check("package p; type Q [N * M]int", "package p\ntype Q [N * M]int\n");
        check("package p; type U[T ~int | string] T", "package p\ntype U[T ~int | string] T\n");
        check(
            "package p; type S[T interface{ ~[]E }, E any] T",
            "package p\ntype S[T interface{~[]E}, E any] T\n",
        );
    }

    #[test]
    fn statements_and_expressions() {
        check(
            "package p\nfunc f() { for i := range 10 { x <- i; i++ }; switch x := y.(type) { case int: }; if a := b; a { } else if c { } }\n",
            "package p\nfunc f() {for i := range 10 {x <- i; i++}; switch x := y.(type) {case int: }; if a := b; a {} else if c {}}\n",
        );
        check(
            "package p\nvar _ = []T{{1, 2}, {a: 3}}[1:2:3]\nvar _ = <-chan<- chan int(nil)\n",
            "package p\nvar _ = []T{{1, 2}, {a: 3}}[1:2:3]\nvar _ = <-chan<- chan int(nil)\n",
        );
        check(
            "package p\nfunc (r *R[K, V]) m(a, b int, c ...string) (x int, err error) { return }\n",
            "package p\nfunc (r *R[K, V]) m(a, b int, c ...string) (x int, err error) {return}\n",
        );
    }

    #[test]
    fn positions_follow_go() {
        let (file, errors) = parse_file(b"package p\nvar _ = a + b(c)\n");
        assert!(errors.is_empty());
        let Some(File { decls, .. }) = file else { panic!("no file") };
        let Decl::Var(v) = &decls[0] else { panic!("not a var") };
        let x = v.values.as_ref().expect("a value");
        // A binary operation is at its operator, a call at its `(`; extents cover all.
        assert_eq!((x.pos, x.lo, x.hi), (20, 18, 26));
        let ExprKind::Operation { y: Some(call), .. } = &x.kind else { panic!("not binary") };
        assert_eq!((call.pos, call.lo, call.hi), (23, 22, 26));
    }

    #[test]
    fn recovery_reports_several_errors() {
        // As go build reports it: after `y := 1 +;` the statement list resynchronizes
        // at the `;` without a second report on that line.
        check(
            "package p\nfunc f() { x := ; y := 1 +; }\nfunc g( {}\n",
            "26: syntax error: unexpected semicolon, expected expression\n\
             48: syntax error: unexpected {, expected )\n",
        );
    }
}
