//! The syntax tree, shaped like cmd/compile/internal/syntax's nodes (nodes.go) so the
//! type checker can mirror types2: every node has Go's position (`pos`, the offset
//! Go reports errors at: the operator of a binary expression, the `(` of a call, …)
//! and its byte extent `[lo, hi)` in the file.

use std::rc::Rc;

use crate::scanner::Directive;
use crate::token::{LitKind, Op, Token};

/// A byte offset in the file.
pub type Pos = u32;

#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub pos: Pos,
    pub package: Name,
    pub decls: Vec<Decl>,
    /// `//go:…` and `//line` comments, in order.
    pub directives: Vec<Directive>,
    pub eof: Pos,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub pos: Pos,
    pub value: String,
}

impl Name {
    pub fn end(&self) -> Pos {
        self.pos + self.value.len() as u32
    }
}

/// Declarations in one parenthesized group share a group number (for `iota` and
/// implicit repetition of constant specs).
pub type Group = Option<u32>;

#[derive(Clone, Debug, PartialEq)]
pub enum Decl {
    Import(ImportDecl),
    Const(ConstDecl),
    Type(TypeDecl),
    Var(VarDecl),
    Func(FuncDecl),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportDecl {
    pub pos: Pos,
    pub group: Group,
    /// A name, `.`, or none.
    pub local: Option<Name>,
    /// None after a syntax error.
    pub path: Option<BasicLit>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ConstDecl {
    pub pos: Pos,
    pub group: Group,
    pub names: Vec<Name>,
    pub ty: Option<Expr>,
    /// None when omitted (the previous spec's values repeat).
    pub values: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeDecl {
    pub pos: Pos,
    pub group: Group,
    pub name: Name,
    pub tparams: Vec<Field>,
    pub alias: bool,
    pub ty: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarDecl {
    pub pos: Pos,
    pub group: Group,
    pub names: Vec<Name>,
    pub ty: Option<Expr>,
    pub values: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    pub pos: Pos,
    pub recv: Option<Field>,
    pub name: Name,
    pub tparams: Vec<Field>,
    pub ty: FuncType,
    pub body: Option<Block>,
}

/// A parameter, result, type parameter, struct field or interface element. Fields
/// declared together (`a, b int`) share one type: the same `Rc`.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub pos: Pos,
    /// None for an anonymous parameter or an embedded field or element.
    pub name: Option<Name>,
    pub ty: Rc<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FuncType {
    pub pos: Pos,
    pub params: Vec<Field>,
    pub results: Vec<Field>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BasicLit {
    pub pos: Pos,
    pub value: String,
    pub kind: LitKind,
    /// The literal is malformed; the scanner reported it.
    pub bad: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChanDir {
    Both,
    Send,
    Recv,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub pos: Pos,
    pub lo: Pos,
    pub hi: Pos,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A placeholder after a syntax error.
    Bad,
    Name(String),
    BasicLit(BasicLit),
    /// `Type{elems}`; `pos` is the `{`.
    CompositeLit {
        ty: Option<Box<Expr>>,
        elems: Vec<Expr>,
        n_keys: usize,
        rbrace: Pos,
    },
    KeyValue {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    FuncLit {
        ty: FuncType,
        body: Block,
    },
    Paren(Box<Expr>),
    Selector {
        x: Box<Expr>,
        sel: Name,
    },
    /// `x[i]` or `x[T1, T2]` (the index is then a `List`).
    Index {
        x: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        x: Box<Expr>,
        index: [Option<Box<Expr>>; 3],
        full: bool,
    },
    Assert {
        x: Box<Expr>,
        ty: Box<Expr>,
    },
    /// `x.(type)`, or `lhs := x.(type)` in a type switch header.
    TypeSwitchGuard {
        lhs: Option<Name>,
        x: Box<Expr>,
    },
    /// A unary operation (`y` is None), `*T`, or a binary operation.
    Operation {
        op: Op,
        x: Box<Expr>,
        y: Option<Box<Expr>>,
    },
    Call {
        fun: Box<Expr>,
        args: Vec<Expr>,
        has_dots: bool,
    },
    /// `x, y, z` where Go's grammar allows a list.
    List(Vec<Expr>),
    /// `[N]T`; `len` is None for `[...]T`.
    ArrayType {
        len: Option<Box<Expr>>,
        elem: Box<Expr>,
    },
    SliceType {
        elem: Box<Expr>,
    },
    /// `...T` in a parameter list.
    DotsType {
        elem: Box<Expr>,
    },
    /// `tags` is parallel to `fields`.
    StructType {
        fields: Vec<Field>,
        tags: Vec<Option<BasicLit>>,
    },
    FuncType(FuncType),
    /// Methods (named, with a `FuncType`) and embedded elements (unnamed).
    InterfaceType {
        methods: Vec<Field>,
    },
    MapType {
        key: Box<Expr>,
        value: Box<Expr>,
    },
    ChanType {
        dir: ChanDir,
        elem: Box<Expr>,
    },
}

impl Expr {
    pub fn name(n: Name) -> Expr {
        let hi = n.end();
        Expr { pos: n.pos, lo: n.pos, hi, kind: ExprKind::Name(n.value) }
    }

    /// The expression inside any parentheses.
    pub fn unparen(&self) -> &Expr {
        let mut x = self;
        while let ExprKind::Paren(inner) = &x.kind {
            x = inner;
        }
        x
    }

    /// The elements of a `List`, or the expression itself.
    pub fn unpack_list(&self) -> Vec<&Expr> {
        match &self.kind {
            ExprKind::List(list) => list.iter().collect(),
            _ => vec![self],
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// The `{`.
    pub pos: Pos,
    pub stmts: Vec<Stmt>,
    pub rbrace: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub pos: Pos,
    pub lo: Pos,
    pub hi: Pos,
    pub kind: StmtKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    Empty,
    Labeled {
        label: Name,
        stmt: Box<Stmt>,
    },
    Block(Block),
    Expr(Expr),
    Send {
        chan: Expr,
        value: Expr,
    },
    Decl(Vec<Decl>),
    /// `lhs op= rhs`, `lhs = rhs` (op None) or `lhs := rhs` (op `Def`); `x++` and
    /// `x--` have op Add or Sub and no rhs.
    Assign {
        op: Option<Op>,
        lhs: Expr,
        rhs: Option<Expr>,
    },
    /// break, continue, goto or fallthrough.
    Branch {
        tok: Token,
        label: Option<Name>,
    },
    /// go or defer.
    Call {
        tok: Token,
        call: Expr,
    },
    Return(Option<Expr>),
    If {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        then: Block,
        els: Option<Box<Stmt>>,
    },
    For {
        init: Option<Box<Stmt>>,
        cond: Option<Expr>,
        post: Option<Box<Stmt>>,
        body: Block,
    },
    /// `for lhs := range x` (def) or `for lhs = range x`; lhs may be absent.
    Range {
        lhs: Option<Expr>,
        def: bool,
        x: Expr,
        body: Block,
        range_pos: Pos,
    },
    Switch {
        init: Option<Box<Stmt>>,
        tag: Option<Expr>,
        body: Vec<CaseClause>,
        rbrace: Pos,
    },
    Select {
        body: Vec<CommClause>,
        rbrace: Pos,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct CaseClause {
    pub pos: Pos,
    /// None for `default`.
    pub cases: Option<Expr>,
    pub body: Vec<Stmt>,
    pub colon: Pos,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CommClause {
    pub pos: Pos,
    /// None for `default`.
    pub comm: Option<Box<Stmt>>,
    pub body: Vec<Stmt>,
    pub colon: Pos,
}
