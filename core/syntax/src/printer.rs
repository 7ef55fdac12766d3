//! Printing the tree as Go source: `expr_string` is the short form Go's error messages
//! use (syntax.String: function and composite literal bodies become `{…}`), and
//! `file_string` prints a whole file on few lines, for tests that parse what they
//! print and compare.

use crate::ast::{Block, ChanDir, Decl, Expr, ExprKind, Field, File, FuncType, Stmt, StmtKind};
use crate::token::Op;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// Bodies of function and composite literals elided.
    Short,
    /// Everything, statements separated by `; `.
    Full,
}

/// An expression as Go's error messages print it.
pub fn expr_string(x: &Expr) -> String {
    let mut p = Printer { out: String::new(), form: Form::Short };
    p.expr(x);
    p.out
}

/// A simple statement as Go's error messages print it.
pub fn stmt_string(s: &Stmt) -> String {
    let mut p = Printer { out: String::new(), form: Form::Short };
    p.stmt(s);
    p.out
}

/// The whole file, one declaration per line.
pub fn file_string(f: &File) -> String {
    let mut p = Printer { out: String::new(), form: Form::Full };
    p.out.push_str(&format!("package {}\n", f.package.value));
    for d in &f.decls {
        p.decl(d);
        p.out.push('\n');
    }
    p.out
}

struct Printer {
    out: String,
    form: Form,
}

impl Printer {
    fn s(&mut self, s: &str) {
        // Keep operators apart: `- -x`, `a - -b`, `<- <-c`.
        if let (Some(last), Some(first)) = (self.out.chars().last(), s.chars().next())
            && matches!(
                (last, first),
                ('-', '-') | ('+', '+') | ('<', '-') | ('&', '^') | ('&', '&') | ('|', '|')
            )
        {
            self.out.push(' ');
        }
        self.out.push_str(s);
    }

    fn list(&mut self, xs: &[Expr]) {
        for (i, x) in xs.iter().enumerate() {
            if i > 0 {
                self.s(", ");
            }
            self.expr(x);
        }
    }

    fn expr(&mut self, x: &Expr) {
        match &x.kind {
            ExprKind::Bad => self.s("<bad expr>"),
            ExprKind::Name(n) => self.s(n),
            ExprKind::BasicLit(l) => self.s(&l.value),
            ExprKind::FuncLit { ty, body } => {
                self.func_type(ty, "func");
                self.s(" ");
                self.block(body);
            }
            ExprKind::CompositeLit { ty, elems, .. } => {
                if let Some(t) = ty {
                    self.expr(t);
                }
                self.s("{");
                if self.form == Form::Short {
                    if !elems.is_empty() {
                        self.s("…");
                    }
                } else {
                    self.list(elems);
                }
                self.s("}");
            }
            ExprKind::KeyValue { key, value } => {
                self.expr(key);
                self.s(": ");
                self.expr(value);
            }
            ExprKind::Paren(inner) => {
                self.s("(");
                self.expr(inner);
                self.s(")");
            }
            ExprKind::Selector { x, sel } => {
                self.expr(x);
                self.s(".");
                self.s(&sel.value);
            }
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.s("[");
                self.expr(index);
                self.s("]");
            }
            ExprKind::Slice { x, index, .. } => {
                self.expr(x);
                self.s("[");
                if let Some(i) = &index[0] {
                    self.expr(i);
                }
                self.s(":");
                if let Some(j) = &index[1] {
                    self.expr(j);
                }
                if let Some(k) = &index[2] {
                    self.s(":");
                    self.expr(k);
                }
                self.s("]");
            }
            ExprKind::Assert { x, ty } => {
                self.expr(x);
                self.s(".(");
                self.expr(ty);
                self.s(")");
            }
            ExprKind::TypeSwitchGuard { lhs, x } => {
                if let Some(l) = lhs {
                    self.s(&l.value);
                    self.s(" := ");
                }
                self.expr(x);
                self.s(".(type)");
            }
            ExprKind::Operation { op, x, y: None } => {
                self.s(op.as_str());
                self.expr(x);
            }
            ExprKind::Operation { op, x, y: Some(y) } => {
                self.expr(x);
                self.s(" ");
                self.s(op.as_str());
                self.s(" ");
                self.expr(y);
            }
            ExprKind::Call { fun, args, has_dots } => {
                self.expr(fun);
                self.s("(");
                self.list(args);
                if *has_dots {
                    // `0 ...`, not `0...` (which reads as `0.` `..`).
                    if self.out.ends_with(|c: char| c.is_ascii_digit() || c == '.') {
                        self.out.push(' ');
                    }
                    self.s("...");
                }
                self.s(")");
            }
            ExprKind::List(xs) => self.list(xs),
            ExprKind::ArrayType { len, elem } => {
                self.s("[");
                match len {
                    Some(l) => self.expr(l),
                    None => self.s("..."),
                }
                self.s("]");
                self.expr(elem);
            }
            ExprKind::SliceType { elem } => {
                self.s("[]");
                self.expr(elem);
            }
            ExprKind::DotsType { elem } => {
                self.s("...");
                self.expr(elem);
            }
            ExprKind::StructType { fields, tags } => {
                self.s("struct{");
                let mut i = 0;
                while i < fields.len() {
                    if i > 0 {
                        self.s("; ");
                    }
                    let j = self.field_group(fields, i, ", ");
                    if let Some(Some(tag)) = tags.get(i) {
                        self.s(" ");
                        self.s(&tag.value);
                    }
                    i = j;
                }
                self.s("}");
            }
            ExprKind::FuncType(ft) => self.func_type(ft, "func"),
            ExprKind::InterfaceType { methods } => {
                self.s("interface{");
                for (i, m) in methods.iter().enumerate() {
                    if i > 0 {
                        self.s("; ");
                    }
                    match (&m.name, &m.ty.kind) {
                        (Some(n), ExprKind::FuncType(ft)) => {
                            self.s(&n.value);
                            self.signature(ft);
                        }
                        _ => self.expr(&m.ty),
                    }
                }
                self.s("}");
            }
            ExprKind::MapType { key, value } => {
                self.s("map[");
                self.expr(key);
                self.s("]");
                self.expr(value);
            }
            ExprKind::ChanType { dir, elem } => {
                self.s(match dir {
                    ChanDir::Both => "chan",
                    ChanDir::Send => "chan<-",
                    ChanDir::Recv => "<-chan",
                });
                self.s(" ");
                let paren = *dir == ChanDir::Both
                    && matches!(elem.kind, ExprKind::ChanType { dir: ChanDir::Recv, .. });
                if paren {
                    self.s("(");
                }
                self.expr(elem);
                if paren {
                    self.s(")");
                }
            }
        }
    }

    /// Prints fields from `i` that share a type (`a, b int`); returns the next index.
    fn field_group(&mut self, fields: &[Field], i: usize, sep: &str) -> usize {
        let mut j = i;
        let mut names = Vec::new();
        while j < fields.len() && std::rc::Rc::ptr_eq(&fields[j].ty, &fields[i].ty) {
            if let Some(n) = &fields[j].name {
                names.push(n.value.clone());
            }
            j += 1;
            if fields[i].name.is_none() {
                break;
            }
        }
        if !names.is_empty() {
            self.s(&names.join(sep));
            self.s(" ");
        }
        self.expr(&fields[i].ty);
        j
    }

    fn params(&mut self, fields: &[Field], open: &str, close: &str) {
        self.s(open);
        let mut i = 0;
        while i < fields.len() {
            if i > 0 {
                self.s(", ");
            }
            i = self.field_group(fields, i, ", ");
        }
        self.s(close);
    }

    fn signature(&mut self, ft: &FuncType) {
        self.params(&ft.params, "(", ")");
        match ft.results.as_slice() {
            [] => {}
            [r] if r.name.is_none() => {
                self.s(" ");
                self.expr(&r.ty);
            }
            rs => {
                self.s(" ");
                self.params(rs, "(", ")");
            }
        }
    }

    fn func_type(&mut self, ft: &FuncType, keyword: &str) {
        self.s(keyword);
        self.signature(ft);
    }

    fn block(&mut self, b: &Block) {
        self.s("{");
        if self.form == Form::Short {
            if !b.stmts.is_empty() {
                self.s("…");
            }
        } else {
            // Empty statements carry nothing and would not survive a reparse.
            let stmts = b.stmts.iter().filter(|s| s.kind != StmtKind::Empty);
            for (i, s) in stmts.enumerate() {
                if i > 0 {
                    self.s("; ");
                }
                self.stmt(s);
            }
        }
        self.s("}");
    }

    fn opt_stmt(&mut self, s: &Option<Box<Stmt>>) {
        if let Some(s) = s {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Empty => {}
            StmtKind::Labeled { label, stmt } => {
                self.s(&label.value);
                self.s(": ");
                self.stmt(stmt);
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::Expr(x) => self.expr(x),
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.s(" <- ");
                self.expr(value);
            }
            StmtKind::Decl(decls) => {
                for (i, d) in decls.iter().enumerate() {
                    if i > 0 {
                        self.s("; ");
                    }
                    self.decl(d);
                }
            }
            StmtKind::Assign { op, lhs, rhs } => {
                self.expr(lhs);
                match (op, rhs) {
                    (Some(op), None) => {
                        self.s(op.as_str());
                        self.out.push_str(op.as_str());
                    }
                    (op, Some(rhs)) => {
                        self.s(" ");
                        match op {
                            Some(Op::Def) => self.s(":="),
                            Some(op) => {
                                self.s(op.as_str());
                                self.s("=");
                            }
                            None => self.s("="),
                        }
                        self.s(" ");
                        self.expr(rhs);
                    }
                    (None, None) => {}
                }
            }
            StmtKind::Branch { tok, label } => {
                self.s(tok.as_str());
                if let Some(l) = label {
                    self.s(" ");
                    self.s(&l.value);
                }
            }
            StmtKind::Call { tok, call } => {
                self.s(tok.as_str());
                self.s(" ");
                self.expr(call);
            }
            StmtKind::Return(results) => {
                self.s("return");
                if let Some(r) = results {
                    self.s(" ");
                    self.expr(r);
                }
            }
            StmtKind::If { init, cond, then, els } => {
                self.s("if ");
                if init.is_some() {
                    self.opt_stmt(init);
                    self.s("; ");
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                self.s(" ");
                self.block(then);
                if let Some(e) = els {
                    self.s(" else ");
                    self.stmt(e);
                }
            }
            StmtKind::For { init, cond, post, body } => {
                self.s("for ");
                if init.is_some() || post.is_some() {
                    self.opt_stmt(init);
                    self.s("; ");
                    if let Some(c) = cond {
                        self.expr(c);
                    }
                    self.s("; ");
                    self.opt_stmt(post);
                    self.s(" ");
                } else if let Some(c) = cond {
                    self.expr(c);
                    self.s(" ");
                }
                self.block(body);
            }
            StmtKind::Range { lhs, def, x, body, .. } => {
                self.s("for ");
                if let Some(l) = lhs {
                    self.expr(l);
                    self.s(if *def { " := " } else { " = " });
                }
                self.s("range ");
                self.expr(x);
                self.s(" ");
                self.block(body);
            }
            StmtKind::Switch { init, tag, body, .. } => {
                self.s("switch ");
                if init.is_some() {
                    self.opt_stmt(init);
                    self.s("; ");
                }
                if let Some(t) = tag {
                    self.expr(t);
                    self.s(" ");
                }
                self.s("{");
                for c in body {
                    match &c.cases {
                        Some(x) => {
                            self.s("case ");
                            self.expr(x);
                        }
                        None => self.s("default"),
                    }
                    self.s(": ");
                    self.stmts(&c.body);
                }
                self.s("}");
            }
            StmtKind::Select { body, .. } => {
                self.s("select {");
                for c in body {
                    match &c.comm {
                        Some(s) => {
                            self.s("case ");
                            self.stmt(s);
                        }
                        None => self.s("default"),
                    }
                    self.s(": ");
                    self.stmts(&c.body);
                }
                self.s("}");
            }
        }
    }

    fn stmts(&mut self, list: &[Stmt]) {
        for s in list.iter().filter(|s| s.kind != StmtKind::Empty) {
            self.stmt(s);
            self.s("; ");
        }
    }

    fn names(&mut self, names: &[crate::ast::Name]) {
        let list: Vec<&str> = names.iter().map(|n| n.value.as_str()).collect();
        self.s(&list.join(", "));
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Import(i) => {
                self.s("import ");
                if let Some(l) = &i.local {
                    self.s(&l.value);
                    self.s(" ");
                }
                if let Some(p) = &i.path {
                    self.s(&p.value);
                }
            }
            Decl::Const(c) => {
                self.s("const ");
                self.names(&c.names);
                if let Some(t) = &c.ty {
                    self.s(" ");
                    self.expr(t);
                }
                if let Some(v) = &c.values {
                    self.s(" = ");
                    self.expr(v);
                }
            }
            Decl::Var(v) => {
                self.s("var ");
                self.names(&v.names);
                if let Some(t) = &v.ty {
                    self.s(" ");
                    self.expr(t);
                }
                if let Some(x) = &v.values {
                    self.s(" = ");
                    self.expr(x);
                }
            }
            Decl::Type(t) => {
                self.s("type ");
                self.s(&t.name.value);
                if let [only] = t.tparams.as_slice()
                    && starts_with_star(&only.ty)
                {
                    // [P *T,]: without the comma, P *T reads as an array length.
                    self.params(&t.tparams, "[", ",]");
                } else if !t.tparams.is_empty() {
                    self.params(&t.tparams, "[", "]");
                }
                self.s(if t.alias { " = " } else { " " });
                self.expr(&t.ty);
            }
            Decl::Func(f) => {
                self.s("func ");
                if let Some(r) = &f.recv {
                    self.params(std::slice::from_ref(r), "(", ") ");
                }
                self.s(&f.name.value);
                if !f.tparams.is_empty() {
                    self.params(&f.tparams, "[", "]");
                }
                self.signature(&f.ty);
                if let Some(b) = &f.body {
                    self.s(" ");
                    self.block(b);
                }
            }
        }
    }
}

/// Whether a constraint begins with `*` (`*T`, `*T | U`): `[P *T]` alone would read as
/// an array length `P * T`.
fn starts_with_star(x: &Expr) -> bool {
    match &x.kind {
        ExprKind::Operation { op: Op::Mul, y: None, .. } => true,
        ExprKind::Operation { op: Op::Or, x, y: Some(_) } => starts_with_star(x),
        _ => false,
    }
}
