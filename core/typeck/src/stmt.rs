//! Statements, assignments and declarations inside functions (types2's stmt.go,
//! assignments.go, return checks, the terminating-statement analysis).

use crate::check::Checker;
use crate::constant::Value;
use crate::operand::{Mode, Operand};
use crate::types::*;
use syntax::ast::{self, Block, Decl, Expr, ExprKind, Stmt, StmtKind};
use syntax::printer::expr_string;
use syntax::token::{Op, Token};

impl<'w, 'a> Checker<'w, 'a> {
    pub(crate) fn func_body(&mut self, _name: &str, sig: TypeId, body: &'a Block, scope: ScopeId) {
        let Type::Signature(s) = self.w.ty(sig).clone() else { return };
        let saved = (
            self.scope,
            core::mem::take(&mut self.fctx),
            core::mem::take(&mut self.locals),
            self.iota.take(),
        );
        self.scope = scope;
        self.fctx.sig = Some(sig);
        self.fctx.results = s.results.clone();
        self.stmt_list(&body.stmts);
        if !s.results.is_empty() && !is_terminating_list(&body.stmts, "") {
            self.error_at(body.rbrace, "missing return");
        }
        // declared and not used
        let locals = core::mem::take(&mut self.locals);
        for v in locals {
            let o = self.obj(v);
            if !o.used && o.name != "_" && !o.name.is_empty() {
                let msg = format!("declared and not used: {}", o.name);
                let pos = o.pos;
                self.errors.push(crate::check::TypeError { pos, message: msg, soft: true });
            }
        }
        (self.scope, self.fctx, self.locals, self.iota) = saved;
    }

    /// Records that identifier expression `e` declares `o`.
    fn record_use_def(&mut self, e: &Expr, o: ObjId) {
        let id = self.node(e.lo, e.hi);
        self.info.defs.insert(id, o);
    }

    fn open_scope(&mut self) -> ScopeId {
        let s = self.w.new_scope(Some(self.scope), false);
        let old = self.scope;
        self.scope = s;
        old
    }

    pub(crate) fn stmt_list(&mut self, list: &'a [Stmt]) {
        for s in list {
            self.stmt(s);
        }
    }

    fn declare_local(&mut self, o: ObjId) {
        let scope = self.scope;
        self.declare(scope, o);
        if matches!(self.obj(o).kind, ObjKind::Var(VarKind::Local)) {
            self.locals.push(o);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Empty | StmtKind::Branch { .. } => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Block(b) => {
                let old = self.open_scope();
                self.stmt_list(&b.stmts);
                self.scope = old;
            }
            StmtKind::Expr(e) => {
                let mut x = Operand::invalid();
                self.raw_expr(&mut x, e, None, false);
                let kind = self.stmt_kind(e);
                let msg = match x.mode {
                    Mode::Invalid => return,
                    Mode::Builtin(_) => "must be called",
                    Mode::TypeExpr => "is not an expression",
                    _ => {
                        if kind {
                            return;
                        }
                        "is not used"
                    }
                };
                let xs = self.op_string(&x);
                self.error_at(x.lo(), format!("{xs} {msg}"));
            }
            StmtKind::Send { chan, value } => {
                let mut ch = Operand::invalid();
                let mut val = Operand::invalid();
                self.expr(&mut ch, chan);
                self.expr(&mut val, value);
                if ch.is_invalid() || val.is_invalid() {
                    return;
                }
                let u = self.core_type(ch.ty);
                let info =
                    u.and_then(|u| if let Type::Chan(d, e) = self.w.ty(u) { Some((*d, *e)) } else { None });
                match info {
                    None => {
                        let cs = self.op_string(&ch);
                        self.error_at(s.lo, format!("invalid operation: cannot send to non-channel {cs}"));
                    }
                    Some((ChanDir::Recv, _)) => {
                        let ts = self.type_string(ch.ty);
                        let cs = self.op_string(&ch);
                        self.error_at(
                            s.lo,
                            format!("invalid operation: cannot send to receive-only channel {ts} {cs}"),
                        );
                    }
                    Some((_, el)) => self.assignment(&mut val, el, "send"),
                }
            }
            StmtKind::Decl(decls) => self.decl_stmt(decls),
            StmtKind::Assign { op, lhs, rhs } => self.assign_stmt(s, *op, lhs, rhs.as_ref()),
            StmtKind::Call { tok, call } => {
                let mut x = Operand::invalid();
                self.raw_expr(&mut x, call, None, false);
                if x.is_invalid() {
                    return;
                }
                let kw = if *tok == Token::Go { "go" } else { "defer" };
                let inner = call.unparen();
                let is_conv = matches!(&inner.kind, ExprKind::Call { .. }) && self.last_call_conversion;
                if is_conv {
                    let xs = self.op_string(&x);
                    self.error_at(x.lo(), format!("{kw} requires function call, not conversion {xs}"));
                } else if !self.stmt_kind(call) {
                    let xs = self.op_string(&x);
                    self.error_at(x.lo(), format!("{kw} discards result of {xs}"));
                }
            }
            StmtKind::Return(results) => self.return_stmt(s, results.as_ref()),
            StmtKind::If { init, cond, then, els } => {
                let old = self.open_scope();
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    let mut x = Operand::invalid();
                    self.expr(&mut x, c);
                    if !x.is_invalid() && !self.is_boolean(x.ty) {
                        self.error_at(c.lo, "non-boolean condition in if statement");
                    }
                }
                let o2 = self.open_scope();
                self.stmt_list(&then.stmts);
                self.scope = o2;
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.scope = old;
            }
            StmtKind::For { init, cond, post, body } => {
                let old = self.open_scope();
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    let mut x = Operand::invalid();
                    self.expr(&mut x, c);
                    if !x.is_invalid() && !self.is_boolean(x.ty) {
                        self.error_at(c.lo, "non-boolean condition in for statement");
                    }
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                let o2 = self.open_scope();
                self.stmt_list(&body.stmts);
                self.scope = o2;
                self.scope = old;
            }
            StmtKind::Range { lhs, def, x, body, .. } => self.range_stmt(lhs.as_ref(), *def, x, body),
            StmtKind::Switch { init, tag, body, .. } => {
                let old = self.open_scope();
                if let Some(i) = init {
                    self.stmt(i);
                }
                match tag {
                    Some(Expr { kind: ExprKind::TypeSwitchGuard { lhs, x }, .. }) => {
                        self.type_switch(lhs.as_ref(), x, body)
                    }
                    _ => self.expr_switch(tag.as_ref(), body),
                }
                self.scope = old;
            }
            StmtKind::Select { body, .. } => {
                for cc in body {
                    let old = self.open_scope();
                    if let Some(c) = &cc.comm {
                        let valid = match &c.kind {
                            StmtKind::Send { .. } => true,
                            StmtKind::Expr(e) => {
                                matches!(e.unparen().kind, ExprKind::Operation { op: Op::Recv, y: None, .. })
                            }
                            StmtKind::Assign { rhs: Some(r), .. } => {
                                matches!(r.unparen().kind, ExprKind::Operation { op: Op::Recv, y: None, .. })
                            }
                            _ => false,
                        };
                        if !valid {
                            self.error_at(c.lo, "select case must be receive, send or assign recv");
                        } else {
                            self.stmt(c);
                        }
                    }
                    self.stmt_list(&cc.body);
                    self.scope = old;
                }
            }
        }
    }

    /// Whether an expression statement is a call or receive (Go's "statement" kind).
    fn stmt_kind(&mut self, e: &'a Expr) -> bool {
        match &e.unparen().kind {
            ExprKind::Call { fun, .. } => {
                if self.last_call_conversion {
                    return false;
                }
                if let Some(b) = self.builtin_of(fun) {
                    return b.arity().2;
                }
                true
            }
            ExprKind::Operation { op: Op::Recv, y: None, .. } => true,
            _ => false,
        }
    }

    fn builtin_of(&mut self, fun: &'a Expr) -> Option<Builtin> {
        match &fun.unparen().kind {
            ExprKind::Name(n) => {
                let (_, o) = self.lookup(n)?;
                if let ObjKind::Builtin(b) = self.obj(o).kind { Some(b) } else { None }
            }
            ExprKind::Selector { x, sel } => {
                let ExprKind::Name(p) = &x.kind else { return None };
                let (_, o) = self.lookup(p)?;
                if let ObjKind::PkgName { pkg, .. } = self.obj(o).kind
                    && pkg == self.w.unsafe_pkg
                {
                    let scope = self.w.pkgs[pkg.0 as usize].scope;
                    let m = self.w.lookup_local(scope, &sel.value)?;
                    if let ObjKind::Builtin(b) = self.obj(m).kind {
                        return Some(b);
                    }
                }
                None
            }
            _ => None,
        }
    }

    fn decl_stmt(&mut self, decls: &'a [Decl]) {
        let mut iota = 0i64;
        let mut last: Option<&'a ast::ConstDecl> = None;
        let mut prev_group: Option<Option<u32>> = None;
        for d in decls {
            match d {
                Decl::Const(cd) => {
                    if prev_group.is_none() || cd.group.is_none() || prev_group != Some(cd.group) {
                        iota = 0;
                        last = None;
                    } else {
                        iota += 1;
                    }
                    prev_group = Some(cd.group);
                    let inherited = cd.ty.is_none() && cd.values.is_none();
                    if !inherited {
                        last = Some(cd);
                    }
                    let (ty, values) = match last {
                        Some(l) => {
                            (l.ty.as_ref(), l.values.as_ref().map(|v| v.unpack_list()).unwrap_or_default())
                        }
                        None => (None, vec![]),
                    };
                    let mut objs = Vec::new();
                    for (i, n) in cd.names.iter().enumerate() {
                        let o = self.w.new_obj(
                            &n.value,
                            ObjKind::Const(Value::Unknown),
                            Some(self.pkg),
                            self.pos(n.pos),
                            TypeId::INVALID,
                        );
                        self.record_def(n, o);
                        self.iota = Some(Value::int(iota));
                        let t = ty.map(|t| self.typ(t));
                        let mut x = Operand::invalid();
                        if let Some(e) = values.get(i) {
                            self.expr(&mut x, e);
                        }
                        self.init_const(o, t, &mut x, values.get(i).is_none());
                        self.iota = None;
                        objs.push(o);
                    }
                    for o in objs {
                        self.declare_local(o);
                    }
                }
                Decl::Var(vd) => {
                    prev_group = None;
                    let t = vd.ty.as_ref().map(|t| self.var_type(t));
                    let objs: Vec<ObjId> = vd
                        .names
                        .iter()
                        .map(|n| {
                            self.w.new_obj(
                                &n.value,
                                ObjKind::Var(VarKind::Local),
                                Some(self.pkg),
                                self.pos(n.pos),
                                t.unwrap_or(TypeId::INVALID),
                            )
                        })
                        .collect();
                    for (n, &o) in vd.names.iter().zip(&objs) {
                        self.record_def(n, o);
                    }
                    if t.is_some() {
                        for &o in &objs {
                            self.var_typed.insert(o);
                        }
                    }
                    let values: Vec<&'a Expr> =
                        vd.values.as_ref().map(|v| v.unpack_list()).unwrap_or_default();
                    if values.len() == objs.len() {
                        for (i, &o) in objs.iter().enumerate() {
                            let mut x = Operand::invalid();
                            match t {
                                Some(t) => self.expr_with_hint(&mut x, values[i], t),
                                None => self.expr(&mut x, values[i]),
                            }
                            self.init_var(o, &mut x, "variable declaration");
                        }
                    } else if values.len() == 1 {
                        self.init_vars(&objs, &values, None);
                    } else {
                        for e in &values {
                            let mut x = Operand::invalid();
                            self.expr(&mut x, e);
                        }
                    }
                    if vd.ty.is_none() || !values.is_empty() {
                        self.arity_local(vd.pos, &vd.names, &values);
                    }
                    for o in objs {
                        self.declare_local(o);
                    }
                }
                Decl::Type(td) => {
                    prev_group = None;
                    let o = self.w.new_obj(
                        &td.name.value,
                        ObjKind::TypeName { alias: td.alias },
                        Some(self.pkg),
                        self.pos(td.name.pos),
                        TypeId::INVALID,
                    );
                    self.record_def(&td.name, o);
                    self.declare_local(o);
                    self.type_decl(o, td);
                }
                _ => {}
            }
        }
    }

    pub(crate) fn init_const(&mut self, o: ObjId, t: Option<TypeId>, x: &mut Operand<'a>, missing: bool) {
        if missing || x.is_invalid() || t == Some(TypeId::INVALID) {
            self.w.obj_mut(o).ty = TypeId::INVALID;
            return;
        }
        let Mode::Constant(_) = x.mode else {
            let xs = self.op_string(x);
            self.error_at(x.lo(), format!("{xs} is not constant"));
            self.w.obj_mut(o).ty = TypeId::INVALID;
            return;
        };
        if let Some(t) = t {
            self.assignment(x, t, "constant declaration");
            if x.is_invalid() {
                self.w.obj_mut(o).ty = TypeId::INVALID;
                return;
            }
        }
        self.w.obj_mut(o).ty = x.ty;
        if let Mode::Constant(v) = &x.mode {
            self.w.obj_mut(o).kind = ObjKind::Const(v.clone());
        }
    }

    /// Initializes variable `o` (whose type may still be unknown) from `x`.
    pub(crate) fn init_var(&mut self, o: ObjId, x: &mut Operand<'a>, context: &str) {
        if x.is_invalid() {
            if self.obj(o).ty == TypeId::INVALID {
                self.w.obj_mut(o).ty = TypeId::INVALID;
            }
            return;
        }
        if self.obj(o).ty == TypeId::INVALID && !self.var_typed.contains(&o) {
            let mut t = x.ty;
            if self.is_untyped(t) {
                if t == TypeId::UNTYPED_NIL {
                    self.error_at(x.lo(), format!("use of untyped nil in {context}"));
                    return;
                }
                t = self.default_type(t);
            }
            self.w.obj_mut(o).ty = t;
        }
        let t = self.obj(o).ty;
        self.assignment(x, t, context);
    }

    /// n:n or n:1 initialization of variables (types2's initVars).
    pub(crate) fn init_vars(&mut self, lhs: &[ObjId], rhs: &[&'a Expr], ret: Option<&'a Stmt>) {
        let context = if ret.is_some() { "return statement" } else { "assignment" };
        let (l, r) = (lhs.len(), rhs.len());
        let is_call = r == 1 && matches!(rhs[0].unparen().kind, ExprKind::Call { .. });
        if l == r && !is_call {
            for (i, &o) in lhs.iter().enumerate() {
                let mut x = Operand::invalid();
                let t = self.obj(o).ty;
                if t != TypeId::INVALID {
                    self.expr_with_hint(&mut x, rhs[i], t)
                } else {
                    self.expr(&mut x, rhs[i])
                };
                self.init_var(o, &mut x, context);
            }
            return;
        }
        if r != 1 {
            let mut ops = Vec::new();
            let mut ok = true;
            for e in rhs {
                let mut x = Operand::invalid();
                self.raw_expr(&mut x, e, None, true);
                if x.is_invalid() {
                    ok = false;
                }
                ops.push(x);
            }
            if ok {
                match ret {
                    Some(s) => self.return_error(s, lhs, &ops),
                    None => self.assign_error(rhs, l, r),
                }
            }
            return;
        }
        let ops = self.multi_expr(rhs[0], l == 2 && ret.is_none());
        if l == ops.len() {
            for (i, &o) in lhs.iter().enumerate() {
                let mut x = ops[i].clone();
                self.init_var(o, &mut x, context);
            }
            return;
        }
        if !ops[0].is_invalid() {
            match ret {
                Some(s) => self.return_error(s, lhs, &ops),
                None => self.assign_error(rhs, l, ops.len()),
            }
        }
    }

    fn assign_error(&mut self, rhs: &[&'a Expr], l: usize, r: usize) {
        let measure = |n: usize, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
        let (vars, vals) = (measure(l, "variable"), measure(r, "value"));
        let rhs0 = rhs[0];
        if rhs.len() == 1
            && let ExprKind::Call { fun, .. } = &rhs0.unparen().kind
        {
            let f = expr_string(fun);
            self.error_at(rhs0.lo, format!("assignment mismatch: {vars} but {f} returns {vals}"));
            return;
        }
        self.error_at(rhs0.lo, format!("assignment mismatch: {vars} but {vals}"));
    }

    fn return_error(&mut self, s: &'a Stmt, lhs: &[ObjId], rhs: &[Operand<'a>]) {
        let (l, r) = (lhs.len(), rhs.len());
        let (at, q) = if r > l {
            (rhs[l].lo(), "too many")
        } else if r > 0 {
            (rhs[r - 1].lo(), "not enough")
        } else {
            (s.pos, "not enough")
        };
        let have: Vec<String> = rhs
            .iter()
            .map(|x| {
                if self.is_untyped(x.ty) && self.is_numeric(x.ty) {
                    "number".to_string()
                } else {
                    self.type_string(x.ty)
                }
            })
            .collect();
        let want: Vec<String> = lhs.iter().map(|&o| self.type_string(self.obj(o).ty)).collect();
        self.error_at(
            at,
            format!("{q} return values\n\thave ({})\n\twant ({})", have.join(", "), want.join(", ")),
        );
    }

    fn return_stmt(&mut self, s: &'a Stmt, results: Option<&'a Expr>) {
        let res = self.fctx.results.clone();
        let list: Vec<&'a Expr> = results.map(|r| r.unpack_list()).unwrap_or_default();
        if list.is_empty() && !res.is_empty() && !self.obj(res[0]).name.is_empty() {
            for &o in &res {
                let name = self.obj(o).name.clone();
                if let Some((_, alt)) = self.lookup(&name)
                    && alt != o
                {
                    self.error_at(s.pos, format!("result parameter {name} not in scope at return"));
                }
            }
            return;
        }
        if !list.is_empty() || !res.is_empty() {
            for &o in &res {
                self.var_typed.insert(o);
            }
            self.init_vars(&res, &list, Some(s));
        }
    }

    /// Checks that x can be assigned to a variable of type `t` (None: blank).
    pub(crate) fn assignment(&mut self, x: &mut Operand<'a>, t: TypeId, context: &str) {
        self.single_value(x);
        match x.mode {
            Mode::Invalid => return,
            Mode::Constant(_) | Mode::Variable | Mode::MapIndex | Mode::Value | Mode::CommaOk | Mode::Nil => {
            }
            _ => {
                let (xs, ts) = (self.op_string(x), self.type_string(t));
                self.error_at(x.lo(), format!("cannot assign {xs} to {ts} in {context}"));
                x.mode = Mode::Invalid;
                return;
            }
        }
        if self.is_untyped(x.ty) {
            let mut target = t;
            if x.is_nil() {
                if t == TypeId::INVALID && self.blank_target {
                    self.error_at(x.lo(), format!("use of untyped nil in {context}"));
                    x.mode = Mode::Invalid;
                    return;
                }
            } else if self.blank_target || self.is_interface(t) {
                target = self.default_type(x.ty);
            }
            match self.implicit_type_and_value(x, target) {
                Ok((nt, v)) => {
                    if let Some(v) = v {
                        x.mode = Mode::Constant(v);
                    }
                    x.ty = nt;
                    self.record_operand(x);
                }
                Err(code) => {
                    let (xs, ts) = (self.op_string(x), self.type_string(target));
                    let suffix = match code {
                        crate::expr::ConvError::Truncated => " (truncated)",
                        crate::expr::ConvError::Overflow => " (overflows)",
                        crate::expr::ConvError::Invalid => "",
                    };
                    self.error_at(x.lo(), format!("cannot use {xs} as {ts} value in {context}{suffix}"));
                    x.mode = Mode::Invalid;
                    return;
                }
            }
        }
        if let Type::Signature(s) = self.w.ty(x.ty)
            && !s.tparams.is_empty()
        {
            let es = x.expr.map(expr_string).unwrap_or_default();
            self.error_at(
                x.lo(),
                format!("cannot use generic function {es} without instantiation in {context}"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        if self.blank_target || t == TypeId::INVALID {
            return;
        }
        let mut cause = String::new();
        if !self.assignable_to(x, t, &mut cause) {
            let (xs, ts) = (self.op_string(x), self.type_string(t));
            if cause.is_empty() {
                self.error_at(x.lo(), format!("cannot use {xs} as {ts} value in {context}"));
            } else {
                self.error_at(x.lo(), format!("cannot use {xs} as {ts} value in {context}: {cause}"));
            }
            x.mode = Mode::Invalid;
        }
    }

    fn assign_stmt(&mut self, s: &'a Stmt, op: Option<Op>, lhs: &'a Expr, rhs: Option<&'a Expr>) {
        match (op, rhs) {
            (Some(op), None) => {
                // x++ / x--
                let mut x = Operand::invalid();
                self.expr(&mut x, lhs);
                if x.is_invalid() {
                    return;
                }
                if !self.is_numeric(x.ty) {
                    let ts = self.type_string(x.ty);
                    let ls = expr_string(lhs);
                    let o = if op == Op::Add { "++" } else { "--" };
                    self.error_at(lhs.lo, format!("invalid operation: {ls}{o} (non-numeric type {ts})"));
                    return;
                }
                self.assign_var(lhs, Some(x));
            }
            (Some(Op::Def), Some(rhs)) => self.short_var_decl(s, lhs, rhs),
            (Some(op), Some(rhs)) => {
                let mut x = Operand::invalid();
                self.binary_assign(&mut x, lhs, rhs, op);
                if x.is_invalid() {
                    return;
                }
                self.assign_var(lhs, Some(x));
            }
            (None, Some(rhs)) => {
                let l = lhs.unpack_list();
                let r = rhs.unpack_list();
                self.assign_vars(&l, &r);
            }
            (None, None) => {}
        }
    }

    fn assign_vars(&mut self, lhs: &[&'a Expr], rhs: &[&'a Expr]) {
        let (l, r) = (lhs.len(), rhs.len());
        let is_call = r == 1 && matches!(rhs[0].unparen().kind, ExprKind::Call { .. });
        if l == r && !is_call {
            for i in 0..l {
                let t = self.lhs_var(lhs[i]);
                let mut x = Operand::invalid();
                if t != TypeId::INVALID {
                    self.expr_with_hint(&mut x, rhs[i], t)
                } else {
                    self.expr(&mut x, rhs[i])
                };
                self.assign_checked(lhs[i], t, x);
            }
            return;
        }
        if r != 1 {
            // The left sides are checked (for their own errors) but an invalid one does
            // not hide the count mismatch.
            for l in lhs {
                self.lhs_var(l);
            }
            let mut ok = true;
            for e in rhs {
                let mut x = Operand::invalid();
                self.raw_expr(&mut x, e, None, true);
                ok &= !x.is_invalid();
            }
            if ok {
                self.assign_error(rhs, l, r);
            }
            return;
        }
        let ops = self.multi_expr(rhs[0], l == 2);
        if ops.len() == l {
            for i in 0..l {
                let t = self.lhs_var(lhs[i]);
                self.assign_checked(lhs[i], t, ops[i].clone());
            }
            return;
        }
        if !ops[0].is_invalid() {
            self.assign_error(rhs, l, ops.len());
        }
        for l in lhs {
            self.lhs_var(l);
        }
    }

    /// Evaluates an assignment's left side; returns its type (INVALID for `_` or errors).
    fn lhs_var(&mut self, lhs: &'a Expr) -> TypeId {
        if let ExprKind::Name(n) = &lhs.kind
            && n == "_"
        {
            return TypeId::INVALID;
        }
        // A local variable assigned to is not "used".
        let mut restore = None;
        if let ExprKind::Name(n) = &lhs.unparen().kind
            && let Some((_, o)) = self.lookup(n)
            && matches!(self.obj(o).kind, ObjKind::Var(_))
            && self.obj(o).pkg == Some(self.pkg)
        {
            restore = Some((o, self.obj(o).used));
        }
        let mut x = Operand::invalid();
        self.expr(&mut x, lhs);
        if let Some((o, used)) = restore {
            self.w.obj_mut(o).used = used;
        }
        if x.is_invalid() {
            return TypeId::INVALID;
        }
        match x.mode {
            Mode::Variable | Mode::MapIndex => x.ty,
            _ => {
                if let ExprKind::Selector { x: base, .. } = &lhs.unparen().kind {
                    let mut b = Operand::invalid();
                    let saved = self.errors.len();
                    self.expr(&mut b, base);
                    self.errors.truncate(saved);
                    if b.mode == Mode::MapIndex {
                        let ls = expr_string(lhs);
                        self.error_at(lhs.lo, format!("cannot assign to struct field {ls} in map"));
                        return TypeId::INVALID;
                    }
                }
                let ls = expr_string(lhs);
                self.error_at(
                    lhs.lo,
                    format!("cannot assign to {ls} (neither addressable nor a map index expression)"),
                );
                TypeId::INVALID
            }
        }
    }

    fn assign_checked(&mut self, lhs: &'a Expr, t: TypeId, mut x: Operand<'a>) {
        if matches!(&lhs.kind, ExprKind::Name(n) if n == "_") {
            self.blank_target = true;
            self.assignment(&mut x, TypeId::INVALID, "assignment");
            self.blank_target = false;
            return;
        }
        if t == TypeId::INVALID {
            return;
        }
        self.assignment(&mut x, t, "assignment");
    }

    fn assign_var(&mut self, lhs: &'a Expr, x: Option<Operand<'a>>) {
        let t = self.lhs_var(lhs);
        if let Some(x) = x {
            self.assign_checked(lhs, t, x);
        }
    }

    fn binary_assign(&mut self, x: &mut Operand<'a>, lhs: &'a Expr, rhs: &'a Expr, op: Op) {
        // Evaluate as the binary expression lhs op rhs, reporting with "op=" text.
        self.binary(x, None, lhs, rhs, op);
    }

    fn short_var_decl(&mut self, s: &'a Stmt, lhs: &'a Expr, rhs: &'a Expr) {
        let names = lhs.unpack_list();
        let mut lhs_vars = Vec::new();
        let mut new_vars = Vec::new();
        let mut has_err = false;
        let mut seen: Vec<String> = Vec::new();
        for l in &names {
            let ExprKind::Name(n) = &l.kind else {
                let ls = expr_string(l);
                self.use_lhs(l);
                self.error_at(l.lo, format!("non-name {ls} on left side of :="));
                has_err = true;
                continue;
            };
            if seen.contains(n) && n != "_" {
                self.error_at(l.lo, format!("{n} repeated on left side of :="));
                has_err = true;
                continue;
            }
            seen.push(n.clone());
            if n != "_"
                && let Some(alt) = self.w.lookup_local(self.scope, n)
            {
                if matches!(self.obj(alt).kind, ObjKind::Var(_)) {
                    self.record_use(l, alt);
                    lhs_vars.push(alt);
                    self.var_typed.insert(alt);
                } else {
                    self.error_at(l.lo, format!("cannot assign to {n}"));
                    has_err = true;
                }
                continue;
            }
            let o = self.w.new_obj(
                n,
                ObjKind::Var(VarKind::Local),
                Some(self.pkg),
                self.pos(l.lo),
                TypeId::INVALID,
            );
            self.record_use_def(l, o);
            lhs_vars.push(o);
            if n != "_" {
                new_vars.push(o);
            }
        }
        let rhs_list = rhs.unpack_list();
        if has_err {
            for r in &rhs_list {
                let mut x = Operand::invalid();
                self.raw_expr(&mut x, r, None, true);
            }
            return;
        }
        self.init_vars(&lhs_vars, &rhs_list, None);
        // Assigning to existing variables does not use them.
        if new_vars.is_empty() {
            self.soft_error_at(s.pos, "no new variables on left side of :=");
        }
        for o in new_vars {
            self.declare_local(o);
        }
    }

    fn use_lhs(&mut self, e: &'a Expr) {
        let mut x = Operand::invalid();
        self.raw_expr(&mut x, e, None, true);
    }

    fn range_stmt(&mut self, lhs: Option<&'a Expr>, def: bool, re: &'a Expr, body: &'a Block) {
        let old = self.open_scope();
        let mut x = Operand::invalid();
        self.expr(&mut x, re);
        let lhs_list: Vec<&'a Expr> = lhs.map(|l| l.unpack_list()).unwrap_or_default();
        // Key and value types.
        let mut kv: [TypeId; 2] = [TypeId::INVALID, TypeId::INVALID];
        let mut max_vars = 2;
        let mut ok = !x.is_invalid();
        if ok {
            let xt = x.ty;
            let u = self.core_type(xt);
            let ty = u.map(|u| self.w.ty(u).clone());
            match ty {
                Some(Type::Basic(..)) if self.is_string(xt) => kv = [TypeId::INT, TypeId::RUNE],
                Some(Type::Basic(..))
                    if self.is_integer(xt)
                        && let Some(cause) = self.version_cause(22) =>
                {
                    let xs = self.op_string(&x);
                    self.error_at(x.lo(), format!("cannot range over {xs}: {cause}"));
                    kv = [TypeId::INVALID, TypeId::INVALID];
                }
                Some(Type::Signature(_)) if let Some(cause) = self.version_cause(23) => {
                    let xs = self.op_string(&x);
                    self.error_at(x.lo(), format!("cannot range over {xs}: {cause}"));
                    kv = [TypeId::INVALID, TypeId::INVALID];
                }
                Some(Type::Basic(..)) if self.is_integer(xt) => {
                    max_vars = 1;
                    let t = if self.is_untyped(xt) {
                        // The untyped constant takes the type of the iteration variable, or int.
                        TypeId::INT
                    } else {
                        xt
                    };
                    kv = [t, TypeId::INVALID];
                }
                Some(Type::Array(_, e)) | Some(Type::Slice(e)) => kv = [TypeId::INT, e],
                Some(Type::Pointer(p)) => {
                    let pu = self.under(p);
                    if let Type::Array(_, e) = self.w.ty(pu).clone() {
                        kv = [TypeId::INT, e];
                    } else {
                        ok = false;
                    }
                }
                Some(Type::Map(k, v)) => kv = [k, v],
                Some(Type::Chan(d, e)) => {
                    max_vars = 1;
                    if d == ChanDir::Send {
                        let xs = self.op_string(&x);
                        self.error_at(
                            x.lo(),
                            format!("cannot range over {xs}: receive from send-only channel"),
                        );
                    }
                    kv = [e, TypeId::INVALID];
                }
                Some(Type::Signature(sig)) if sig.params.len() == 1 && sig.results.is_empty() => {
                    // range-over-func: func(yield func(K, V) bool)
                    let yt = self.obj(sig.params[0]).ty;
                    let yu = self.under(yt);
                    if let Type::Signature(ys) = self.w.ty(yu).clone() {
                        max_vars = ys.params.len();
                        for (i, &p) in ys.params.iter().enumerate().take(2) {
                            kv[i] = self.obj(p).ty;
                        }
                    } else {
                        ok = false;
                    }
                }
                _ => ok = false,
            }
            if !ok {
                let xs = self.op_string(&x);
                self.error_at(x.lo(), format!("cannot range over {xs}"));
            }
        }
        if ok && lhs_list.len() > max_vars {
            let xs = self.op_string(&x);
            let extra = lhs_list[max_vars];
            if max_vars == 1 {
                self.error_at(extra.lo, format!("range over {xs} permits only one iteration variable"));
            } else {
                self.error_at(extra.lo, "range clause permits at most two iteration variables".to_string());
            }
        }
        if def {
            let mut vars = Vec::new();
            for (i, l) in lhs_list.iter().enumerate() {
                let (name, pos) = match &l.kind {
                    ExprKind::Name(n) => (n.clone(), l.lo),
                    _ => {
                        let ls = expr_string(l);
                        self.error_at(l.lo, format!("non-name {ls} on left side of :="));
                        ("_".into(), l.lo)
                    }
                };
                let t = if i < 2 { kv[i] } else { TypeId::INVALID };
                let o = self.w.new_obj(&name, ObjKind::Var(VarKind::Local), Some(self.pkg), self.pos(pos), t);
                if matches!(l.kind, ExprKind::Name(_)) {
                    self.record_use_def(l, o);
                }
                vars.push(o);
            }
            for o in vars {
                self.declare_local(o);
            }
        } else {
            for (i, l) in lhs_list.iter().enumerate() {
                if i >= 2 {
                    break;
                }
                let t = self.lhs_var(l);
                if t != TypeId::INVALID && kv[i] != TypeId::INVALID {
                    // The iteration value, reported at the variable it is assigned to.
                    let mut y = Operand { mode: Mode::Value, expr: Some(l), ty: kv[i] };
                    self.assignment(&mut y, t, "assignment");
                }
            }
        }
        let inner = self.open_scope();
        self.stmt_list(&body.stmts);
        self.scope = inner;
        self.scope = old;
    }

    fn expr_switch(&mut self, tag: Option<&'a Expr>, body: &'a [ast::CaseClause]) {
        let mut x = Operand::invalid();
        match tag {
            Some(t) => {
                self.expr(&mut x, t);
                self.blank_target = true;
                if !x.is_invalid() && self.is_untyped(x.ty) {
                    let d = self.default_type(x.ty);
                    self.convert_untyped(&mut x, d);
                }
                self.blank_target = false;
                if !x.is_invalid() && !self.comparable(x.ty) && !self.has_nil(x.ty) {
                    let xs = self.op_string(&x);
                    self.error_at(x.lo(), format!("cannot switch on {xs}"));
                    x.mode = Mode::Invalid;
                }
            }
            None => {
                x.mode = Mode::Constant(Value::Bool(true));
                x.ty = TypeId::BOOL;
            }
        }
        let mut seen: Vec<(Value, TypeId)> = Vec::new();
        let mut seen_default = false;
        for cc in body {
            match &cc.cases {
                None => {
                    if seen_default {
                        self.error_at(cc.pos, "multiple defaults in switch");
                    }
                    seen_default = true;
                }
                Some(cases) => {
                    for e in cases.unpack_list() {
                        let mut v = Operand::invalid();
                        self.expr(&mut v, e);
                        if x.is_invalid() || v.is_invalid() {
                            continue;
                        }
                        let xt = x.ty;
                        self.convert_untyped(&mut v, xt);
                        if v.is_invalid() {
                            continue;
                        }
                        let mut res = v.clone();
                        let mut xx = x.clone();
                        self.comparison(&mut res, &mut xx, Op::Eql, None, true);
                        if res.is_invalid() {
                            continue;
                        }
                        // Like gc, only integer, float and string values are checked for
                        // duplicates.
                        if let Some(val) = v
                            .val()
                            .cloned()
                            .filter(|v| !matches!(v, Value::Bool(_) | Value::Complex(..) | Value::Unknown))
                        {
                            let vt = v.ty;
                            let dup = seen.iter().any(|(sv, st)| *sv == val && self.identical(*st, vt));
                            if dup {
                                let vs = self.op_string(&v);
                                self.error_at(v.lo(), format!("duplicate case {vs} in expression switch"));
                                continue;
                            }
                            seen.push((val, vt));
                        }
                    }
                }
            }
            let old = self.open_scope();
            self.stmt_list(&cc.body);
            self.scope = old;
        }
    }

    fn type_switch(&mut self, lhs: Option<&'a ast::Name>, xe: &'a Expr, body: &'a [ast::CaseClause]) {
        let mut x = Operand::invalid();
        self.expr(&mut x, xe);
        if x.is_invalid() {
            return;
        }
        if self.is_type_param(x.ty) {
            let xs = self.op_string(&x);
            self.error_at(x.lo(), format!("cannot use type switch on type parameter value {xs}"));
            return;
        }
        if !self.is_interface(x.ty) {
            let xs = self.op_string(&x);
            self.error_at(x.lo(), format!("{xs} is not an interface"));
            return;
        }
        let mut seen: Vec<(Option<TypeId>, u32)> = Vec::new();
        let mut symbols: Vec<ObjId> = Vec::new();
        let mut seen_default = false;
        for cc in body {
            let mut single: Option<TypeId> = None;
            let mut n_types = 0;
            match &cc.cases {
                None => {
                    if seen_default {
                        self.error_at(cc.pos, "multiple defaults in switch");
                    }
                    seen_default = true;
                }
                Some(cases) => {
                    for e in cases.unpack_list() {
                        n_types += 1;
                        // nil case
                        let mut t: Option<TypeId> = None;
                        let is_nil = matches!(&e.unparen().kind, ExprKind::Name(n) if n == "nil")
                            && self
                                .lookup("nil")
                                .is_some_and(|(_, o)| matches!(self.obj(o).kind, ObjKind::Nil));
                        if is_nil && let Some((_, o)) = self.lookup("nil") {
                            self.record_use(e, o);
                        }
                        if !is_nil {
                            let tt = self.var_type(e);
                            if tt == TypeId::INVALID {
                                continue;
                            }
                            t = Some(tt);
                        }
                        let mut dup = false;
                        for &(st, _) in &seen {
                            let same = match (st, t) {
                                (None, None) => true,
                                (Some(a), Some(b)) => self.identical(a, b),
                                _ => false,
                            };
                            if same {
                                let ts = t.map_or("nil".to_string(), |t| self.type_string(t));
                                self.error_at(e.lo, format!("duplicate case {ts} in type switch"));
                                dup = true;
                                break;
                            }
                        }
                        if dup {
                            continue;
                        }
                        seen.push((t, e.lo));
                        if let Some(tt) = t {
                            let xt = x.ty;
                            if !self.is_interface(tt) {
                                let mut cause = String::new();
                                if !self.implements(tt, xt, &mut cause) {
                                    let es = expr_string(e);
                                    self.error_at(e.lo, format!("impossible type switch case: {es}"));
                                }
                            }
                        }
                        single = t;
                    }
                }
            }
            let old = self.open_scope();
            if let Some(n) = lhs {
                let t = if n_types == 1 { single.unwrap_or(x.ty) } else { x.ty };
                let t = if n_types == 1 && single.is_none() { x.ty } else { t };
                let o = self.w.new_obj(
                    &n.value,
                    ObjKind::Var(VarKind::Local),
                    Some(self.pkg),
                    self.pos(n.pos),
                    t,
                );
                let scope = self.scope;
                self.declare(scope, o);
                let id = self.node(cc.pos, cc.colon);
                self.info.implicits.insert(id, o);
                symbols.push(o);
            }
            self.stmt_list(&cc.body);
            self.scope = old;
        }
        if let Some(n) = lhs {
            if n.value == "_" {
                self.soft_error_at(n.pos, "no new variable on left side of :=");
            } else if !symbols.iter().any(|&o| self.obj(o).used) {
                self.soft_error_at(n.pos, format!("{} declared and not used", n.value));
            }
        }
    }
}

/// Whether a statement list ends in a terminating statement (the spec's rules).
pub(crate) fn is_terminating_list(list: &[Stmt], label: &str) -> bool {
    // Trailing empty statements are ignored.
    let mut i = list.len();
    while i > 0 && matches!(list[i - 1].kind, StmtKind::Empty) {
        i -= 1;
    }
    i > 0 && is_terminating(&list[i - 1], label)
}

fn is_terminating(s: &Stmt, label: &str) -> bool {
    match &s.kind {
        StmtKind::Return(_) => true,
        StmtKind::Branch { tok: Token::Goto | Token::Fallthrough, .. } => true,
        StmtKind::Expr(e) => {
            // A call to panic.
            if let ExprKind::Call { fun, .. } = &e.unparen().kind {
                return matches!(&fun.unparen().kind, ExprKind::Name(n) if n == "panic");
            }
            false
        }
        StmtKind::Block(b) => is_terminating_list(&b.stmts, ""),
        StmtKind::Labeled { label: l, stmt } => is_terminating(stmt, &l.value),
        StmtKind::If { then, els, .. } => {
            els.as_ref().is_some_and(|e| is_terminating(e, "")) && is_terminating_list(&then.stmts, "")
        }
        StmtKind::Switch { body, .. } => {
            body.iter().any(|c| c.cases.is_none())
                && body.iter().all(|c| {
                    (is_terminating_list(&c.body, "")
                        || matches!(
                            c.body.last().map(|s| &s.kind),
                            Some(StmtKind::Branch { tok: Token::Fallthrough, .. })
                        ))
                        && !has_break_list(&c.body, label, true)
                })
        }
        StmtKind::Select { body, .. } => {
            body.iter().all(|c| is_terminating_list(&c.body, "") && !has_break_list(&c.body, label, true))
        }
        StmtKind::For { cond, body, .. } => cond.is_none() && !has_break_list(&body.stmts, label, true),
        _ => false,
    }
}

fn has_break_list(list: &[Stmt], label: &str, implicit: bool) -> bool {
    list.iter().any(|s| has_break(s, label, implicit))
}

fn has_break(s: &Stmt, label: &str, implicit: bool) -> bool {
    match &s.kind {
        StmtKind::Branch { tok: Token::Break, label: l } => match l {
            None => implicit,
            Some(l) => l.value == label,
        },
        StmtKind::Labeled { stmt, .. } => has_break(stmt, label, implicit),
        StmtKind::Block(b) => has_break_list(&b.stmts, label, implicit),
        StmtKind::If { then, els, .. } => {
            has_break_list(&then.stmts, label, implicit)
                || els.as_ref().is_some_and(|e| has_break(e, label, implicit))
        }
        StmtKind::Switch { body, .. } => {
            !label.is_empty() && body.iter().any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::Select { body, .. } => {
            !label.is_empty() && body.iter().any(|c| has_break_list(&c.body, label, false))
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            !label.is_empty() && has_break_list(&body.stmts, label, false)
        }
        _ => false,
    }
}
