//! Label and branch checks done by Go's parser (cmd/compile/internal/syntax's
//! branches.go): undefined and unused labels, break/continue/fallthrough placement,
//! gotos into blocks or over variable declarations. Errors carry byte offsets; the
//! `at` positions inside messages are rendered by the caller's `pos_string`.

use crate::ast::{Decl, Expr, ExprKind, File, Pos, Stmt, StmtKind};
use crate::parser::SyntaxError;
use crate::token::Token;
use std::collections::HashMap;

struct Label {
    block: usize,
    /// The labeled statement's label name.
    name_pos: Pos,
    used: bool,
}

struct Block {
    parent: Option<usize>,
    start: Pos,
    /// The labeled statement this block belongs to, by label offset.
    lstmt: Option<Pos>,
}

/// What `break` and `continue` refer to in the current context.
#[derive(Clone, Copy)]
struct Targets<'a> {
    breaks: Option<&'a Stmt>,
    continues: bool,
    case_index: Option<usize>,
}

struct Ctx<'f> {
    labels: HashMap<String, Label>,
    blocks: Vec<Block>,
    errors: Vec<SyntaxError>,
    pos_string: &'f dyn Fn(Pos) -> String,
    /// Labeled statement positions by their label offset: the statement kind.
    label_stmt: HashMap<Pos, &'f Stmt>,
}

/// Checks every function body of `file`. `pos_string` renders an offset of this file
/// as Go prints positions inside messages (`./main.go:4:1`).
pub fn check_file(file: &File, pos_string: &dyn Fn(Pos) -> String) -> Vec<SyntaxError> {
    let mut errors = Vec::new();
    let mut bodies: Vec<&Block_> = Vec::new();
    for d in &file.decls {
        if let Decl::Func(f) = d
            && let Some(b) = &f.body
        {
            bodies.push(b);
        }
        collect_func_lits_decl(d, &mut bodies);
    }
    for b in bodies {
        errors.extend(check_body(b, pos_string));
    }
    errors
}

type Block_ = crate::ast::Block;

fn check_body(body: &Block_, pos_string: &dyn Fn(Pos) -> String) -> Vec<SyntaxError> {
    let mut ctx = Ctx {
        labels: HashMap::new(),
        blocks: Vec::new(),
        errors: Vec::new(),
        pos_string,
        label_stmt: HashMap::new(),
    };
    let fwd = ctx.block_branches(
        None,
        Targets { breaks: None, continues: false, case_index: None },
        None,
        body.pos,
        &body.stmts,
    );
    for (name, pos) in fwd {
        if let Some(l) = ctx.labels.get_mut(&name) {
            l.used = true;
            let start = ctx.blocks[l.block].start;
            let s = (ctx.pos_string)(start);
            ctx.errors.push(SyntaxError {
                offset: pos,
                message: format!("goto {name} jumps into block starting at {s}"),
            });
        } else {
            ctx.errors.push(SyntaxError { offset: pos, message: format!("label {name} not defined") });
        }
    }
    let mut unused: Vec<(Pos, String)> =
        ctx.labels.iter().filter(|(_, l)| !l.used).map(|(n, l)| (l.name_pos, n.clone())).collect();
    unused.sort();
    for (pos, name) in unused {
        ctx.errors.push(SyntaxError { offset: pos, message: format!("label {name} defined and not used") });
    }
    ctx.errors
}

impl<'f> Ctx<'f> {
    fn err(&mut self, offset: Pos, message: String) {
        self.errors.push(SyntaxError { offset, message });
    }

    /// None: no such label; Some(None): the label does not enclose the branch.
    fn enclosing_target(&mut self, mut b: Option<usize>, name: &str) -> Option<Option<&'f Stmt>> {
        let l = self.labels.get_mut(name)?;
        l.used = true;
        let lpos = l.name_pos;
        while let Some(i) = b {
            if self.blocks[i].lstmt == Some(lpos) {
                return Some(self.label_stmt.get(&lpos).copied());
            }
            b = self.blocks[i].parent;
        }
        Some(None)
    }

    fn goto_target(&mut self, mut b: Option<usize>, name: &str) -> bool {
        let Some(l) = self.labels.get_mut(name) else { return false };
        l.used = true;
        let lb = l.block;
        while let Some(i) = b {
            if i == lb {
                return true;
            }
            b = self.blocks[i].parent;
        }
        false
    }

    /// Returns the forward gotos (label name, label offset) not resolved in the block.
    fn block_branches(
        &mut self,
        parent: Option<usize>,
        ctxt: Targets<'f>,
        lstmt: Option<Pos>,
        start: Pos,
        body: &'f [Stmt],
    ) -> Vec<(String, Pos)> {
        let b = self.blocks.len();
        self.blocks.push(Block { parent, start, lstmt });
        let mut var_decl: Option<(Pos, String)> = None;
        let mut fwd: Vec<(String, Pos)> = Vec::new();
        let mut bad: Vec<Pos> = Vec::new();
        // A fallthrough counts as last even before trailing empty statements.
        let mut n = body.len();
        while n > 0 && matches!(body[n - 1].kind, StmtKind::Empty) {
            n -= 1;
        }
        let body = &body[..n];
        for (index, stmt) in body.iter().enumerate() {
            let mut lstmt: Option<Pos> = None;
            let mut s = stmt;
            loop {
                match &s.kind {
                    StmtKind::Labeled { label, stmt: inner } => {
                        if label.value != "_" {
                            if let Some(alt) = self.labels.get(&label.value) {
                                let at = (self.pos_string)(alt.name_pos);
                                self.err(label.pos, format!("label {} already defined at {at}", label.value));
                            } else {
                                self.labels.insert(
                                    label.value.clone(),
                                    Label { block: b, name_pos: label.pos, used: false },
                                );
                                self.label_stmt.insert(label.pos, inner);
                            }
                            let mut keep = Vec::new();
                            for (name, pos) in fwd.drain(..) {
                                if name == label.value {
                                    if let Some(l) = self.labels.get_mut(&name) {
                                        l.used = true;
                                    }
                                    if let Some((vpos, vname)) = &var_decl
                                        && bad.contains(&pos)
                                    {
                                        let at = (self.pos_string)(*vpos);
                                        self.errors.push(SyntaxError {
                                            offset: pos,
                                            message: format!(
                                                "goto {name} jumps over declaration of {vname} at {at}"
                                            ),
                                        });
                                    }
                                } else {
                                    keep.push((name, pos));
                                }
                            }
                            fwd = keep;
                            lstmt = Some(label.pos);
                        }
                        s = inner;
                        continue;
                    }
                    StmtKind::Decl(decls) => {
                        for d in decls {
                            if let Decl::Var(v) = d {
                                var_decl =
                                    Some((v.pos, v.names.first().map_or(String::new(), |n| n.value.clone())));
                                bad = fwd.iter().map(|(_, p)| *p).collect();
                                break;
                            }
                        }
                    }
                    StmtKind::Assign { op: Some(crate::token::Op::Def), lhs, .. } => {
                        var_decl = Some((s.pos, crate::printer::expr_string(lhs)));
                        bad = fwd.iter().map(|(_, p)| *p).collect();
                    }
                    StmtKind::Branch { tok, label } => match label {
                        None => match tok {
                            Token::Break if ctxt.breaks.is_none() => {
                                self.err(s.pos, "break is not in a loop, switch, or select".into());
                            }
                            Token::Continue if !ctxt.continues => {
                                self.err(s.pos, "continue is not in a loop".into());
                            }
                            Token::Fallthrough => {
                                let mut msg = Some("fallthrough statement out of place");
                                if let Some(Stmt {
                                    kind: StmtKind::Switch { tag, body: clauses, .. }, ..
                                }) = ctxt.breaks
                                {
                                    if matches!(
                                        tag,
                                        Some(Expr { kind: ExprKind::TypeSwitchGuard { .. }, .. })
                                    ) {
                                        msg = Some("cannot fallthrough in type switch");
                                    } else if ctxt.case_index.is_none() || index + 1 < body.len() {
                                    } else if ctxt.case_index.is_some_and(|i| i + 1 == clauses.len()) {
                                        msg = Some("cannot fallthrough final case in switch");
                                    } else {
                                        msg = None;
                                    }
                                }
                                if let Some(m) = msg {
                                    self.err(s.pos, m.into());
                                }
                            }
                            _ => {}
                        },
                        Some(l) => {
                            let name = l.value.clone();
                            match tok {
                                Token::Break => match self.enclosing_target(Some(b), &name) {
                                    Some(t) => {
                                        if !t.is_some_and(|t| {
                                            matches!(
                                                t.kind,
                                                StmtKind::Switch { .. }
                                                    | StmtKind::Select { .. }
                                                    | StmtKind::For { .. }
                                                    | StmtKind::Range { .. }
                                            )
                                        }) {
                                            self.err(l.pos, format!("invalid break label {name}"));
                                        }
                                    }
                                    None => self.err(l.pos, format!("break label not defined: {name}")),
                                },
                                Token::Continue => match self.enclosing_target(Some(b), &name) {
                                    Some(t) => {
                                        if !t.is_some_and(|t| {
                                            matches!(t.kind, StmtKind::For { .. } | StmtKind::Range { .. })
                                        }) {
                                            self.err(l.pos, format!("invalid continue label {name}"));
                                        }
                                    }
                                    None => self.err(l.pos, format!("continue label not defined: {name}")),
                                },
                                Token::Goto if !self.goto_target(Some(b), &name) => {
                                    fwd.push((name, l.pos));
                                }
                                _ => {}
                            }
                        }
                    },
                    StmtKind::Block(blk) => {
                        let inner = Targets { case_index: None, ..ctxt };
                        let f = self.block_branches(Some(b), inner, lstmt, blk.pos, &blk.stmts);
                        fwd.extend(f);
                    }
                    StmtKind::If { then, els, .. } => {
                        let inner = Targets { case_index: None, ..ctxt };
                        let f = self.block_branches(Some(b), inner, lstmt, then.pos, &then.stmts);
                        fwd.extend(f);
                        if let Some(e) = els {
                            let f = self.block_branches(
                                Some(b),
                                inner,
                                lstmt,
                                e.pos,
                                core::slice::from_ref(e.as_ref()),
                            );
                            fwd.extend(f);
                        }
                    }
                    StmtKind::For { body: blk, .. } | StmtKind::Range { body: blk, .. } => {
                        let inner = Targets { breaks: Some(s), continues: true, case_index: None };
                        let f = self.block_branches(Some(b), inner, lstmt, blk.pos, &blk.stmts);
                        fwd.extend(f);
                    }
                    StmtKind::Switch { body: clauses, .. } => {
                        for (i, cc) in clauses.iter().enumerate() {
                            let inner =
                                Targets { breaks: Some(s), continues: ctxt.continues, case_index: Some(i) };
                            let f = self.block_branches(Some(b), inner, lstmt, cc.pos, &cc.body);
                            fwd.extend(f);
                        }
                    }
                    StmtKind::Select { body: clauses, .. } => {
                        for cc in clauses {
                            let inner =
                                Targets { breaks: Some(s), continues: ctxt.continues, case_index: None };
                            let f = self.block_branches(Some(b), inner, lstmt, cc.pos, &cc.body);
                            fwd.extend(f);
                        }
                    }
                    _ => {}
                }
                break;
            }
        }
        fwd
    }
}

/// Function literal bodies are checked as functions of their own.
fn collect_func_lits_decl<'a>(d: &'a Decl, out: &mut Vec<&'a Block_>) {
    let mut v = LitCollector { out };
    match d {
        Decl::Const(c) => {
            if let Some(e) = &c.values {
                v.expr(e);
            }
        }
        Decl::Var(c) => {
            if let Some(e) = &c.values {
                v.expr(e);
            }
        }
        Decl::Func(f) => {
            if let Some(b) = &f.body {
                v.stmts(&b.stmts);
            }
        }
        _ => {}
    }
}

struct LitCollector<'a, 'o> {
    out: &'o mut Vec<&'a Block_>,
}

impl<'a> LitCollector<'a, '_> {
    fn stmts(&mut self, list: &'a [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Block(b) => self.stmts(&b.stmts),
            StmtKind::Expr(e) | StmtKind::Call { call: e, .. } => self.expr(e),
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.expr(value);
            }
            StmtKind::Decl(ds) => {
                for d in ds {
                    collect_func_lits_decl(d, self.out);
                }
            }
            StmtKind::Assign { lhs, rhs, .. } => {
                self.expr(lhs);
                if let Some(r) = rhs {
                    self.expr(r);
                }
            }
            StmtKind::Return(Some(e)) => self.expr(e),
            StmtKind::If { init, cond, then, els } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.stmts(&then.stmts);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::For { init, cond, post, body } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.stmts(&body.stmts);
            }
            StmtKind::Range { lhs, x, body, .. } => {
                if let Some(l) = lhs {
                    self.expr(l);
                }
                self.expr(x);
                self.stmts(&body.stmts);
            }
            StmtKind::Switch { init, tag, body, .. } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in body {
                    if let Some(e) = &c.cases {
                        self.expr(e);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::Select { body, .. } => {
                for c in body {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    self.stmts(&c.body);
                }
            }
            _ => {}
        }
    }

    fn expr(&mut self, e: &'a Expr) {
        match &e.kind {
            ExprKind::FuncLit { body, .. } => {
                self.out.push(body);
                self.stmts(&body.stmts);
            }
            ExprKind::CompositeLit { ty, elems, .. } => {
                if let Some(t) = ty {
                    self.expr(t);
                }
                for x in elems {
                    self.expr(x);
                }
            }
            ExprKind::KeyValue { key, value } => {
                self.expr(key);
                self.expr(value);
            }
            ExprKind::Paren(x)
            | ExprKind::Selector { x, .. }
            | ExprKind::Assert { x, .. }
            | ExprKind::TypeSwitchGuard { x, .. } => self.expr(x),
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.expr(index);
            }
            ExprKind::Slice { x, index, .. } => {
                self.expr(x);
                for i in index.iter().flatten() {
                    self.expr(i);
                }
            }
            ExprKind::Operation { x, y, .. } => {
                self.expr(x);
                if let Some(y) = y {
                    self.expr(y);
                }
            }
            ExprKind::Call { fun, args, .. } => {
                self.expr(fun);
                for a in args {
                    self.expr(a);
                }
            }
            ExprKind::List(xs) => {
                for x in xs {
                    self.expr(x);
                }
            }
            _ => {}
        }
    }
}
