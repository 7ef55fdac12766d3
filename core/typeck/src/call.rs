//! Calls, built-ins, selectors, method lookup, interface satisfaction and generic
//! inference (types2's call.go, builtins.go, lookup.go, infer.go, instantiate.go).

use crate::check::Checker;
use crate::info::{Selection, SelectionKind};
use crate::operand::{Mode, Operand};
use crate::types::*;
use syntax::ast::{Expr, ExprKind};
use syntax::printer::expr_string;

/// What a selector found.
pub(crate) enum Found {
    /// The field, its type, the field indices from the receiver (through embedded
    /// fields), and whether a pointer was followed on the way.
    Field(ObjId, TypeId, Vec<usize>, bool),
    /// The method, its signature (receiver dropped), whether a pointer was followed,
    /// and the embedded-field indices leading to the type that has it.
    Method(ObjId, TypeId, bool, Vec<usize>),
    NotFound,
    Ambiguous,
}

impl<'w, 'a> Checker<'w, 'a> {
    pub(crate) fn call_expr(&mut self, x: &mut Operand<'a>, call: &'a Expr) {
        let ExprKind::Call { fun, args, has_dots } = &call.kind else { return };
        let saved_fun = self.in_call_fun.replace(fun.unparen());
        self.expr_or_type(x, fun, true);
        self.in_call_fun = saved_fun;
        self.last_call_conversion = x.mode == Mode::TypeExpr;
        match x.mode.clone() {
            Mode::Invalid => {
                self.use_exprs(args);
                x.expr = Some(call);
            }
            Mode::TypeExpr => {
                let t = x.ty;
                x.mode = Mode::Invalid;
                if self.is_generic(t) {
                    let s = self.type_string(t);
                    self.error_at(fun.lo, format!("cannot use generic type {s} without instantiation"));
                    self.use_exprs(args);
                    return;
                }
                match args.len() {
                    0 => {
                        let s = self.type_string(t);
                        self.error_at(
                            call.hi.saturating_sub(1),
                            format!("missing argument in conversion to {s}"),
                        );
                    }
                    1 => {
                        self.expr_with_hint(x, &args[0], t);
                        if !x.is_invalid() {
                            if *has_dots {
                                self.error_at(
                                    args[0].lo,
                                    format!("invalid use of ... in conversion to {}", self.type_string(t)),
                                );
                            } else {
                                self.conversion(x, t, call);
                            }
                        }
                    }
                    _ => {
                        self.use_exprs(args);
                        let s = self.type_string(t);
                        self.error_at(
                            args[args.len() - 1].lo,
                            format!("too many arguments in conversion to {s}"),
                        );
                    }
                }
                self.last_call_conversion = true;
                x.expr = Some(call);
            }
            Mode::Builtin(b) => {
                self.builtin(x, call, b, args, *has_dots);
                self.last_call_conversion = false;
                x.expr = Some(call);
            }
            _ => {
                let Some(sig_t) =
                    self.core_type(x.ty).filter(|&u| matches!(self.w.ty(u), Type::Signature(_)))
                else {
                    let s = self.op_string(x);
                    let ts = self.type_string(x.ty);
                    self.error_at(
                        x.lo(),
                        format!("invalid operation: cannot call {s}: {ts} is not a function"),
                    );
                    self.use_exprs(args);
                    x.mode = Mode::Invalid;
                    x.expr = Some(call);
                    return;
                };
                let Type::Signature(sig) = self.w.ty(sig_t).clone() else { return };
                let fname = fun_name(fun);
                let mut ops: Vec<Operand<'a>> = Vec::new();
                if args.len() == 1 && !*has_dots {
                    ops = self.multi_expr(&args[0], false);
                } else {
                    for a in args {
                        let mut y = Operand::invalid();
                        self.raw_expr(&mut y, a, None, true);
                        self.single_value(&mut y);
                        if matches!(y.mode, Mode::NoValue | Mode::Builtin(_) | Mode::TypeExpr) {
                            let s = self.op_string(&y);
                            let msg = match y.mode {
                                Mode::NoValue => "used as value",
                                Mode::Builtin(_) => "must be called",
                                _ => "is not an expression",
                            };
                            self.error_at(y.lo(), format!("{s} {msg}"));
                            y.mode = Mode::Invalid;
                        }
                        ops.push(y);
                    }
                }
                let mut sig = sig;
                if !sig.tparams.is_empty() {
                    // Generic call: infer the type arguments from the arguments.
                    let given =
                        self.partial_targs.remove(&(fun.unparen() as *const Expr)).unwrap_or_default();
                    let targs = self.infer(call, fun, &fname, &sig.tparams, &given, &sig, &ops, *has_dots);
                    let Some(targs) = targs else {
                        x.mode = Mode::Invalid;
                        x.expr = Some(call);
                        return;
                    };
                    let smap: Vec<(TypeId, TypeId)> =
                        sig.tparams.iter().copied().zip(targs.iter().copied()).collect();
                    let tparams = sig.tparams.clone();
                    let stripped = self.w.new_type(Type::Signature(std::rc::Rc::new(Signature {
                        tparams: vec![],
                        ..(*sig).clone()
                    })));
                    let sig_t = self.subst(stripped, &smap);
                    let Type::Signature(s) = self.w.ty(sig_t).clone() else { return };
                    sig = s;
                    let pos = call.pos;
                    if !self.verify_targs(&tparams, &targs, &vec![pos; targs.len()]) {
                        x.mode = Mode::Invalid;
                        x.expr = Some(call);
                        return;
                    }
                }
                self.arguments(call, &fname, &sig, &ops, *has_dots, args);
                self.last_call_conversion = false;
                x.expr = Some(call);
                match sig.results.len() {
                    0 => {
                        x.mode = Mode::NoValue;
                        x.ty = TypeId::INVALID;
                    }
                    1 => {
                        x.mode = Mode::Value;
                        x.ty = self.obj(sig.results[0]).ty;
                    }
                    _ => {
                        x.mode = Mode::Value;
                        x.ty = self.w.new_type(Type::Tuple(std::rc::Rc::new(sig.results.clone())));
                    }
                }
            }
        }
    }

    pub(crate) fn use_exprs(&mut self, args: &'a [Expr]) {
        for a in args {
            let mut y = Operand::invalid();
            self.raw_expr(&mut y, a, None, true);
        }
    }

    fn arguments(
        &mut self,
        call: &'a Expr,
        fname: &str,
        sig: &Signature,
        ops: &[Operand<'a>],
        has_dots: bool,
        args: &'a [Expr],
    ) {
        let nargs = ops.len();
        let npars = sig.params.len();
        let ptypes: Vec<TypeId> = sig.params.iter().map(|&p| self.obj(p).ty).collect();
        let mut want: Vec<TypeId> = ptypes.clone();
        if has_dots {
            if !sig.variadic {
                self.error_at(call.lo, format!("cannot use ... in call to non-variadic {fname}"));
                return;
            }
            if args.len() == 1 && nargs > 1 {
                self.error_at(
                    args[0].lo,
                    format!("cannot use ... with {nargs}-valued {}", expr_string(&args[0])),
                );
                return;
            }
        } else if sig.variadic {
            if nargs >= npars - 1 {
                let last = *ptypes.last().unwrap_or(&TypeId::INVALID);
                let el = match self.w.ty(last) {
                    Type::Slice(e) => *e,
                    _ => TypeId::INVALID,
                };
                want.truncate(npars - 1);
                while want.len() < nargs {
                    want.push(el);
                }
            } else {
                want.truncate(npars - 1);
            }
        }
        if nargs != want.len() {
            let at_lo = if nargs < want.len() {
                // at the last argument, or the closing paren
                if nargs > 0 { ops[nargs - 1].lo() } else { call.hi.saturating_sub(1) }
            } else {
                ops[want.len()].lo()
            };
            let msg = if nargs < want.len() {
                "not enough arguments in call to "
            } else {
                "too many arguments in call to "
            };
            self.error_at(at_lo, format!("{msg}{fname}"));
            return;
        }
        for (i, x) in ops.iter().enumerate() {
            let mut y = x.clone();
            let ctx = format!("argument to {fname}");
            self.assignment(&mut y, want[i], &ctx);
        }
    }

    /// Infers type arguments for a generic call from typed and untyped arguments.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn infer(
        &mut self,
        call: &'a Expr,
        fun: &'a Expr,
        fname: &str,
        tparams: &[TypeId],
        given: &[TypeId],
        sig: &Signature,
        ops: &[Operand<'a>],
        has_dots: bool,
    ) -> Option<Vec<TypeId>> {
        let mut inferred: Vec<Option<TypeId>> =
            tparams.iter().enumerate().map(|(i, _)| given.get(i).copied()).collect();
        let ptypes: Vec<TypeId> = sig.params.iter().map(|&p| self.obj(p).ty).collect();
        let param_for = |c: &Self, i: usize| -> Option<TypeId> {
            if sig.variadic && has_dots && i + 1 == ptypes.len() {
                return ptypes.last().copied();
            }
            if sig.variadic && i + 1 >= ptypes.len() {
                let last = *ptypes.last()?;
                if let Type::Slice(e) = c.w.ty(last) {
                    return Some(*e);
                }
                return None;
            }
            ptypes.get(i).copied()
        };
        // Typed arguments first.
        for (i, x) in ops.iter().enumerate() {
            if x.is_invalid() || self.is_untyped(x.ty) {
                continue;
            }
            let Some(p) = param_for(self, i) else { continue };
            if !self.unify(p, x.ty, tparams, &mut inferred) {
                // Report the mismatch for a bare type parameter.
                if let Some(k) = tparams.iter().position(|&t| t == p)
                    && let Some(got) = inferred[k]
                {
                    let (a, b) = (self.type_string(x.ty), self.type_string(got));
                    let tn = self.type_string(p);
                    let es = x.expr.map(expr_string).unwrap_or_default();
                    self.error_at(
                        x.lo(),
                        format!(
                            "in call to {fname}, type {a} of {es} does not match inferred type {b} for {tn}"
                        ),
                    );
                    return None;
                }
                let (ps, xs) = (self.type_string(p), self.type_string(x.ty));
                let es = x.expr.map(expr_string).unwrap_or_default();
                self.error_at(x.lo(), format!("in call to {fname}, type {xs} of {es} does not match {ps}"));
                return None;
            }
        }
        // Type arguments known from typed arguments must fit their constraint's core
        // type and have its methods (types2 checks this during inference).
        for (k, &tp) in tparams.iter().enumerate() {
            let Some(tx) = inferred[k] else { continue };
            if self.mentions(tx, tparams) {
                continue;
            }
            let Type::TypeParam(p) = self.w.ty(tp).clone() else { continue };
            let bu = self.under(p.bound);
            if !matches!(self.w.ty(bu), Type::Interface(_)) {
                continue;
            }
            let ts = self.type_set(bu);
            let (tn, txs, bs) = (self.type_string(tp), self.type_string(tx), self.type_string(p.bound));
            if let Some(terms) = ts.terms.clone() {
                if terms.len() == 1 {
                    let core = terms[0].ty;
                    let u = if terms[0].tilde { self.under(tx) } else { tx };
                    if !self.mentions(core, tparams) && !self.identical(core, u) {
                        self.error_at(
                            call.pos,
                            format!("in call to {fname}, {tn} (type {txs}) does not satisfy {bs}"),
                        );
                        return None;
                    }
                }
            }
            if !ts.methods.is_empty() {
                let methods = ts.methods.clone();
                let mut cause = String::new();
                if !self.implements_methods(tx, &methods, &mut cause) {
                    self.error_at(
                        call.pos,
                        format!("in call to {fname}, {tn} (type {txs}) does not satisfy {bs} ({cause})"),
                    );
                    return None;
                }
            }
        }
        // Untyped constants: the default type of the "largest" kind per parameter.
        for (i, x) in ops.iter().enumerate() {
            if x.is_invalid() || !self.is_untyped(x.ty) || x.is_nil() {
                continue;
            }
            let Some(p) = param_for(self, i) else { continue };
            if let Some(k) = tparams.iter().position(|&t| t == p)
                && inferred[k].is_none()
            {
                inferred[k] = Some(self.default_type(x.ty));
            }
        }
        // Core types of constraints: [S ~[]E, E any].
        for _ in 0..tparams.len() {
            for (k, &tp) in tparams.iter().enumerate() {
                let Type::TypeParam(p) = self.w.ty(tp).clone() else { continue };
                let bu = self.under(p.bound);
                let terms = if let Type::Interface(_) = self.w.ty(bu) {
                    self.type_set(bu).terms.clone()
                } else {
                    None
                };
                let Some(terms) = terms else { continue };
                if terms.len() != 1 {
                    continue;
                }
                let core = terms[0].ty;
                match inferred[k] {
                    Some(t) => {
                        let u = if self.is_type_param(t) {
                            self.core_type(t).unwrap_or(t)
                        } else if terms[0].tilde {
                            self.under(t)
                        } else {
                            t
                        };
                        let _ = self.unify(core, u, tparams, &mut inferred);
                    }
                    None => {
                        if !terms[0].tilde {
                            // A single specific type: T must be it, if all its parameters are known.
                            let smap: Vec<(TypeId, TypeId)> = tparams
                                .iter()
                                .zip(inferred.iter())
                                .filter_map(|(&a, b)| b.map(|b| (a, b)))
                                .collect();
                            let t = self.subst(core, &smap);
                            if !self.mentions(t, tparams) {
                                inferred[k] = Some(t);
                            }
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        for (k, t) in inferred.iter().enumerate() {
            match t {
                Some(t) => out.push(*t),
                None => {
                    let Type::TypeParam(p) = self.w.ty(tparams[k]).clone() else { return None };
                    let name = self.obj(p.obj).name.clone();
                    let at = self.w.pos_string(self.obj(p.obj).pos);
                    let pos = if matches!(call.kind, ExprKind::Call { .. }) { call.pos } else { fun.lo };
                    self.error_at(pos, format!("in call to {fname}, cannot infer {name} (declared at {at})"));
                    return None;
                }
            }
        }
        // Substitute inferred parameters into each other.
        let smap: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(out.iter().copied()).collect();
        for t in out.iter_mut() {
            *t = self.subst(*t, &smap);
        }
        Some(out)
    }

    fn mentions(&self, t: TypeId, tparams: &[TypeId]) -> bool {
        if tparams.contains(&t) {
            return true;
        }
        match self.w.ty(t) {
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                self.mentions(*e, tparams)
            }
            Type::Map(k, v) => self.mentions(*k, tparams) || self.mentions(*v, tparams),
            Type::Named(n) => n.targs.iter().any(|&a| self.mentions(a, tparams)),
            Type::Signature(s) => {
                s.params.iter().chain(s.results.iter()).any(|&v| self.mentions(self.obj(v).ty, tparams))
            }
            _ => false,
        }
    }

    /// Unifies parameter type `p` with argument type `a`, recording type parameters.
    fn unify(&mut self, p: TypeId, a: TypeId, tparams: &[TypeId], inferred: &mut [Option<TypeId>]) -> bool {
        if let Some(k) = tparams.iter().position(|&t| t == p) {
            return match inferred[k] {
                Some(t) => {
                    if self.identical(t, a) {
                        true
                    } else {
                        // Inexact unification: a named type and its underlying literal.
                        let (tu, au) = (self.under(t), self.under(a));
                        if self.identical(tu, au)
                            && (!matches!(self.w.ty(t), Type::Named(_))
                                || !matches!(self.w.ty(a), Type::Named(_)))
                        {
                            if matches!(self.w.ty(a), Type::Named(_)) {
                                inferred[k] = Some(a);
                            }
                            true
                        } else {
                            false
                        }
                    }
                }
                None => {
                    inferred[k] = Some(a);
                    true
                }
            };
        }
        if !self.mentions(p, tparams) {
            return true; // checked by assignment later
        }
        let pt = self.w.ty(p).clone();
        let au = if matches!(pt, Type::Named(_)) && !self.is_type_param(a) {
            a
        } else if self.is_type_param(a) {
            match self.core_type(a) {
                Some(c) => c,
                None => return false,
            }
        } else {
            self.under(a)
        };
        match (pt, self.w.ty(au).clone()) {
            (Type::Pointer(x), Type::Pointer(y))
            | (Type::Slice(x), Type::Slice(y))
            | (Type::Array(_, x), Type::Array(_, y))
            | (Type::Chan(_, x), Type::Chan(_, y)) => self.unify(x, y, tparams, inferred),
            (Type::Map(k1, v1), Type::Map(k2, v2)) => {
                self.unify(k1, k2, tparams, inferred) && self.unify(v1, v2, tparams, inferred)
            }
            (Type::Named(n1), Type::Named(n2)) if n1.orig.is_some() && n1.orig == n2.orig => {
                n1.targs.iter().zip(n2.targs.iter()).all(|(&x, &y)| self.unify(x, y, tparams, inferred))
            }
            (Type::Signature(s1), Type::Signature(s2)) => {
                s1.params.len() == s2.params.len()
                    && s1.results.len() == s2.results.len()
                    && s1
                        .params
                        .iter()
                        .zip(s2.params.iter())
                        .chain(s1.results.iter().zip(s2.results.iter()))
                        .all(|(&x, &y)| {
                            let (tx, ty) = (self.obj(x).ty, self.obj(y).ty);
                            self.unify(tx, ty, tparams, inferred)
                        })
            }
            _ => false,
        }
    }

    /// Explicit instantiation of a generic function value: f[int].
    pub(crate) fn func_inst(&mut self, x: &mut Operand<'a>, e: &'a Expr, index: &'a Expr) {
        let Type::Signature(sig) = self.w.ty(x.ty).clone() else { return };
        let args = index.unpack_list();
        let targs: Vec<TypeId> = args.iter().map(|a| self.var_type(a)).collect();
        if targs.contains(&TypeId::INVALID) {
            x.mode = Mode::Invalid;
            return;
        }
        if targs.len() > sig.tparams.len() {
            self.error_at(
                args[sig.tparams.len()].lo,
                format!("got {} type arguments but want {}", targs.len(), sig.tparams.len()),
            );
            x.mode = Mode::Invalid;
            return;
        }
        if targs.len() < sig.tparams.len() && self.in_call_fun.is_some_and(|f| std::ptr::eq(f, e)) {
            // Partial instantiation: the call infers the rest.
            self.partial_targs.insert(e as *const Expr, targs);
            x.expr = Some(e);
            return;
        }
        if targs.len() < sig.tparams.len() {
            let p = sig.tparams[targs.len()];
            let Type::TypeParam(tp) = self.w.ty(p).clone() else { return };
            let name = self.obj(tp.obj).name.clone();
            let at = self.w.pos_string(self.obj(tp.obj).pos);
            let fname = x.expr.map(fun_name).unwrap_or_default();
            self.error_at(e.lo, format!("in call to {fname}, cannot infer {name} (declared at {at})"));
            x.mode = Mode::Invalid;
            return;
        }
        let smap: Vec<(TypeId, TypeId)> = sig.tparams.iter().copied().zip(targs.iter().copied()).collect();
        let stripped = self
            .w
            .new_type(Type::Signature(std::rc::Rc::new(Signature { tparams: vec![], ..(*sig).clone() })));
        let t = self.subst(stripped, &smap);
        let pos: Vec<u32> = args.iter().map(|a| a.lo).collect();
        if !self.verify_targs(&sig.tparams, &targs, &pos) {
            x.mode = Mode::Invalid;
            return;
        }
        x.ty = t;
        x.expr = Some(e);
    }

    /// Checks that each type argument satisfies its constraint.
    pub(crate) fn verify_targs(&mut self, tparams: &[TypeId], targs: &[TypeId], pos: &[u32]) -> bool {
        let smap: Vec<(TypeId, TypeId)> = tparams.iter().copied().zip(targs.iter().copied()).collect();
        for (i, (&tp, &ta)) in tparams.iter().zip(targs.iter()).enumerate() {
            let Type::TypeParam(p) = self.w.ty(tp).clone() else { continue };
            let bound = self.subst(p.bound, &smap);
            let mut cause = String::new();
            if !self.satisfies(ta, bound, &mut cause) {
                let at = pos.get(i).copied().unwrap_or(0);
                let (ts, bs) = (self.type_string(ta), self.type_string(bound));
                if cause.is_empty() {
                    self.error_at(at, format!("{ts} does not satisfy {bs}"));
                } else {
                    self.error_at(at, format!("{ts} does not satisfy {bs} ({cause})"));
                }
                return false;
            }
        }
        true
    }

    /// Whether type `t` satisfies constraint `bound` (methods, type set, comparable).
    fn satisfies(&mut self, t: TypeId, bound: TypeId, cause: &mut String) -> bool {
        let bu = self.under(bound);
        if !matches!(self.w.ty(bu), Type::Interface(_)) {
            return true;
        }
        let ts = self.type_set(bu);
        if let Some(terms) = &ts.terms {
            let terms = terms.clone();
            let ok = if self.is_type_param(t) {
                match self.type_param_terms(t) {
                    Some(tt) if !tt.is_empty() => {
                        tt.iter().all(|x| terms.iter().any(|y| self.term_includes(y, x.ty)))
                    }
                    _ => false,
                }
            } else {
                terms.iter().any(|y| self.term_includes(y, t))
            };
            if !ok {
                let (ts_, bs) = (self.type_string(t), self.type_string(bound));
                *cause = if terms.is_empty() {
                    "empty type set".into()
                } else {
                    format!("{ts_} missing in {}", self.terms_string(&terms, &bs))
                };
                return false;
            }
        }
        if ts.comparable && !self.comparable(t) {
            // types2 reports "T does not satisfy comparable" with no cause.
            cause.clear();
            return false;
        }
        if !ts.methods.is_empty() {
            let mut c = String::new();
            if !self.implements_methods(t, &ts.methods, &mut c) {
                *cause = c;
                return false;
            }
        }
        true
    }

    fn terms_string(&self, terms: &[Term], fallback: &str) -> String {
        if terms.is_empty() {
            return fallback.into();
        }
        terms
            .iter()
            .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.type_string(t.ty)))
            .collect::<Vec<_>>()
            .join(" | ")
    }

    fn term_includes(&mut self, term: &Term, t: TypeId) -> bool {
        if term.tilde {
            let u = self.under(t);
            self.identical(term.ty, u)
        } else {
            self.identical(term.ty, t)
        }
    }

    /// Whether `v` implements interface `t`; `cause` explains a failure.
    pub(crate) fn implements(&mut self, v: TypeId, t: TypeId, cause: &mut String) -> bool {
        let tu = self.under(t);
        let Type::Interface(_) = self.w.ty(tu) else { return false };
        let ts = self.type_set(tu);
        if ts.terms.is_some() || ts.comparable {
            // Constraint interfaces are not implemented by values outside constraints.
            return self.satisfies(v, t, cause);
        }
        if ts.methods.is_empty() {
            return true;
        }
        let vs = self.type_string(v);
        let tstr = self.type_string(t);
        let mut c = String::new();
        if self.implements_methods(v, &ts.methods, &mut c) {
            return true;
        }
        *cause = format!("{vs} does not implement {tstr} ({c})");
        false
    }

    /// Whether `v` has all `methods`; `cause` gets Go's parenthesized reason.
    fn implements_methods(&mut self, v: TypeId, methods: &[ObjId], cause: &mut String) -> bool {
        let v_is_iface = self.is_interface(v);
        let vu = self.under(v);
        if let Type::Pointer(b) = self.w.ty(v).clone()
            && self.is_interface(b)
        {
            let s = self.type_string(v);
            *cause = format!("type {s} is pointer to interface, not interface");
            return false;
        }
        for &m in methods {
            let name = self.obj(m).name.clone();
            let mpkg = self.obj(m).pkg;
            let want = self.obj(m).ty;
            if v_is_iface {
                let vts = self.type_set(vu);
                let found = vts.methods.iter().copied().find(|&x| self.obj(x).name == name);
                match found {
                    Some(f) => {
                        let ft = self.obj(f).ty;
                        if !self.identical(ft, want) {
                            *cause = format!("wrong type for method {name}");
                            return false;
                        }
                    }
                    None => {
                        *cause = format!("missing method {name}");
                        return false;
                    }
                }
                continue;
            }
            match self.lookup_field_or_method(v, mpkg, &name) {
                Found::Method(f, ft, indirect, _) => {
                    if !self.identical(ft, want) {
                        *cause = format!("wrong type for method {name}");
                        return false;
                    }
                    let ptr_recv = matches!(self.obj(f).kind, ObjKind::Func { ptr_recv: true });
                    if ptr_recv && !indirect && !matches!(self.w.ty(v), Type::Pointer(_)) {
                        *cause = format!("method {name} has pointer receiver");
                        return false;
                    }
                }
                Found::Field(..) => {
                    *cause = format!("missing method {name}");
                    return false;
                }
                _ => {
                    // A method with different capitalization?
                    *cause = format!("missing method {name}");
                    return false;
                }
            }
        }
        true
    }

    /// Finds field or method `name` of type `t` (types2's lookupFieldOrMethod):
    /// breadth-first through embedded fields; ambiguity at the same depth.
    pub(crate) fn lookup_field_or_method(&mut self, t: TypeId, pkg: Option<PkgId>, name: &str) -> Found {
        if name == "_" {
            return Found::NotFound;
        }
        let (mut typ, mut is_ptr) = (t, false);
        if let Type::Pointer(b) = self.w.ty(t).clone()
            && (matches!(self.w.ty(b), Type::Named(_)) || !matches!(self.w.ty(b), Type::Pointer(_)))
        {
            typ = b;
            is_ptr = true;
        }
        let exported = name.chars().next().is_some_and(char::is_uppercase);
        let same =
            |c: &Self, o: ObjId| -> bool { c.obj(o).name == name && (exported || c.obj(o).pkg == pkg) };
        // (type, indirect, smap of the instance it came from)
        let mut current: Vec<(TypeId, bool, Vec<usize>)> = vec![(typ, is_ptr, Vec::new())];
        let mut seen: Vec<TypeId> = Vec::new();
        for _depth in 0..16 {
            if current.is_empty() {
                break;
            }
            let mut found: Option<Found> = None;
            let mut count = 0;
            let mut next: Vec<(TypeId, bool, Vec<usize>)> = Vec::new();
            for (ty, indirect, path) in &current {
                let (ty, indirect) = (*ty, *indirect);
                if matches!(self.w.ty(ty), Type::Named(_)) {
                    if seen.contains(&ty) {
                        continue;
                    }
                    seen.push(ty);
                    let methods = self.named_methods(ty);
                    if let Some(&m) = methods.iter().find(|&&m| same(self, m)) {
                        // Ensure the method's signature is known.
                        if self.obj(m).ty == TypeId::INVALID && self.decls.contains_key(&m) {
                            self.obj_decl(m);
                        }
                        let smap = self.instance_smap(ty);
                        let mt = self.obj(m).ty;
                        let mt = self.method_sig_for(mt, &smap, ty);
                        count += 1;
                        found = Some(Found::Method(m, mt, indirect, path.clone()));
                        continue;
                    }
                }
                let u = self.under(ty);
                match self.w.ty(u).clone() {
                    Type::Struct(s) => {
                        for (i, &f) in s.fields.iter().enumerate() {
                            let mut fpath = path.clone();
                            fpath.push(i);
                            if same(self, f) {
                                count += 1;
                                found = Some(Found::Field(f, self.obj(f).ty, fpath, indirect));
                                continue;
                            }
                            if matches!(self.obj(f).kind, ObjKind::Var(VarKind::Field { embedded: true })) {
                                let ft = self.obj(f).ty;
                                let (et, eptr) = match self.w.ty(ft) {
                                    Type::Pointer(b) => (*b, true),
                                    _ => (ft, false),
                                };
                                next.push((et, indirect || eptr, fpath));
                            }
                        }
                    }
                    Type::Interface(_) => {
                        let ts = self.type_set(u);
                        if let Some(&m) = ts.methods.iter().find(|&&m| same(self, m)) {
                            count += 1;
                            found = Some(Found::Method(m, self.obj(m).ty, indirect, path.clone()));
                        }
                    }
                    _ => {}
                }
            }
            if count > 1 {
                return Found::Ambiguous;
            }
            if let Some(f) = found {
                return f;
            }
            current = next;
        }
        Found::NotFound
    }

    /// A method's signature as seen through instance `recv_t` (receiver dropped).
    fn method_sig_for(&mut self, mt: TypeId, smap: &[(TypeId, TypeId)], _recv_t: TypeId) -> TypeId {
        let Type::Signature(sig) = self.w.ty(mt).clone() else { return mt };
        // The method's receiver type parameters are its own; map them via the
        // receiver's type arguments.
        let mut map: Vec<(TypeId, TypeId)> = Vec::new();
        if let Some(rv) = sig.recv {
            let mut rt = self.obj(rv).ty;
            if let Type::Pointer(b) = self.w.ty(rt) {
                rt = *b;
            }
            if let Type::Named(rn) = self.w.ty(rt).clone() {
                for (i, &a) in rn.targs.iter().enumerate() {
                    if let Some(&(_, b)) = smap.get(i) {
                        map.push((a, b));
                    }
                }
            }
        }
        let plain =
            self.w.new_type(Type::Signature(std::rc::Rc::new(Signature { recv: None, ..(*sig).clone() })));
        if map.is_empty() { plain } else { self.subst(plain, &map) }
    }

    /// x.sel: a package member, field, method value or method expression.
    pub(crate) fn selector(&mut self, x: &mut Operand<'a>, e: &'a Expr, want_type: bool) {
        let ExprKind::Selector { x: base, sel } = &e.kind else { return };
        // Package-qualified identifier?
        if let ExprKind::Name(pn) = &base.kind
            && let Some((_, o)) = self.lookup(pn)
            && let ObjKind::PkgName { pkg, .. } = self.obj(o).kind.clone()
        {
            if let ObjKind::PkgName { used, .. } = &mut self.w.obj_mut(o).kind {
                *used = true;
            }
            let pname = self.w.pkgs[pkg.0 as usize].name.clone();
            let scope = self.w.pkgs[pkg.0 as usize].scope;
            let member = self.w.lookup_local(scope, &sel.value);
            x.expr = Some(e);
            self.record_use(base, o);
            if let Some(m) = member {
                let id = self.node(sel.pos, sel.end());
                self.info.uses.insert(id, m);
            }
            let Some(m) = member.filter(|&m| self.obj(m).exported()) else {
                if member.is_some() {
                    self.error_at(sel.pos, format!("name {} not exported by package {pname}", sel.value));
                } else {
                    self.error_at(sel.pos, format!("undefined: {pn}.{}", sel.value));
                }
                x.mode = Mode::Invalid;
                return;
            };
            let o = self.obj(m).clone();
            x.ty = o.ty;
            x.mode = match o.kind {
                ObjKind::Const(v) => Mode::Constant(v),
                ObjKind::TypeName { .. } => Mode::TypeExpr,
                ObjKind::Var(_) => Mode::Variable,
                ObjKind::Func { .. } => Mode::Value,
                ObjKind::Builtin(b) => Mode::Builtin(b),
                _ => Mode::Invalid,
            };
            if want_type && x.mode != Mode::TypeExpr {
                let es = expr_string(e);
                self.error_at(sel.pos, format!("{es} is not a type"));
                x.mode = Mode::Invalid;
            }
            return;
        }
        self.expr_or_type(x, base, false);
        match x.mode {
            Mode::Invalid => return,
            Mode::TypeExpr if self.is_generic(x.ty) => {
                let s = self.type_string(x.ty);
                self.error_at(base.lo, format!("cannot use generic type {s} without instantiation"));
                x.mode = Mode::Invalid;
                return;
            }
            Mode::NoValue => {
                let s = self.op_string(x);
                self.error_at(x.lo(), format!("{s} used as value"));
                x.mode = Mode::Invalid;
                return;
            }
            Mode::Builtin(_) => {
                let s = self.op_string(x);
                self.error_at(x.lo(), format!("{s} must be called"));
                x.mode = Mode::Invalid;
                return;
            }
            _ => {}
        }
        let name = sel.value.as_str();
        let t = x.ty;
        // Pointer to interface: a common mistake with a dedicated message.
        if x.mode != Mode::TypeExpr
            && let Type::Pointer(b) = self.w.ty(t).clone()
            && self.is_interface(b)
        {
            let es = expr_string(e);
            let ts = self.type_string(t);
            self.error_at(
                sel.pos,
                format!("{es} undefined (type {ts} is pointer to interface, not interface)"),
            );
            x.mode = Mode::Invalid;
            return;
        }
        let found = self.lookup_field_or_method(t, Some(self.pkg), name);
        match found {
            Found::Ambiguous => {
                let es = expr_string(e);
                self.error_at(sel.pos, format!("ambiguous selector {es}"));
                x.mode = Mode::Invalid;
            }
            Found::NotFound => {
                let es = expr_string(e);
                let ts = self.type_string(t);
                self.error_at(sel.pos, format!("{es} undefined (type {ts} has no field or method {name})"));
                x.mode = Mode::Invalid;
            }
            Found::Field(fobj, ft, fpath, findirect) => {
                if x.mode == Mode::TypeExpr {
                    let es = expr_string(e);
                    let ts = self.type_string(t);
                    self.error_at(
                        sel.pos,
                        format!("{es} undefined (type {ts} has no field or method {name})"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                let via_ptr = matches!(self.w.ty(t), Type::Pointer(_));
                x.mode = if x.mode == Mode::Variable || via_ptr || findirect {
                    Mode::Variable
                } else {
                    Mode::Value
                };
                x.ty = ft;
                x.expr = Some(e);
                self.record_selection(e, SelectionKind::FieldVal, t, fobj, fpath, via_ptr || findirect);
            }
            Found::Method(m, mt, indirect, mpath) => {
                let ptr_recv = matches!(self.obj(m).kind, ObjKind::Func { ptr_recv: true });
                if x.mode == Mode::TypeExpr {
                    // Method expression: T.M has the receiver as first parameter.
                    if ptr_recv && !matches!(self.w.ty(t), Type::Pointer(_)) && !self.is_interface(t) {
                        let es = expr_string(e);
                        let ts = self.type_string(t);
                        self.error_at(
                            sel.pos,
                            format!("invalid method expression {es} (needs pointer receiver (*{ts}).{name})"),
                        );
                        x.mode = Mode::Invalid;
                        return;
                    }
                    let Type::Signature(sig) = self.w.ty(mt).clone() else { return };
                    let recv =
                        self.w.new_obj("_", ObjKind::Var(VarKind::Param), Some(self.pkg), SrcPos::NONE, t);
                    let mut params = vec![recv];
                    params.extend(sig.params.iter().copied());
                    x.ty = self.w.new_type(Type::Signature(std::rc::Rc::new(Signature {
                        recv: None,
                        tparams: vec![],
                        params,
                        results: sig.results.clone(),
                        variadic: sig.variadic,
                    })));
                    x.mode = Mode::Value;
                    x.expr = Some(e);
                    self.record_selection(e, SelectionKind::MethodExpr, t, m, mpath, indirect);
                    return;
                }
                if ptr_recv
                    && !indirect
                    && x.mode != Mode::Variable
                    && !matches!(self.w.ty(t), Type::Pointer(_))
                {
                    let ts = self.type_string(t);
                    self.error_at(sel.pos, format!("cannot call pointer method {name} on {ts}"));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::Value;
                x.ty = mt;
                x.expr = Some(e);
                let via_ptr = matches!(self.w.ty(t), Type::Pointer(_));
                self.record_selection(e, SelectionKind::MethodVal, t, m, mpath, indirect || via_ptr);
            }
        }
    }
}

impl Checker<'_, '_> {
    fn record_selection(
        &mut self,
        e: &Expr,
        kind: SelectionKind,
        recv: TypeId,
        obj: ObjId,
        index: Vec<usize>,
        indirect: bool,
    ) {
        let id = self.node(e.lo, e.hi);
        self.info.selections.insert(id, Selection { kind, recv, obj, index, indirect });
    }
}

/// How a call's function is named in messages ("f", "x.M", "pkg.F").
pub(crate) fn fun_name(fun: &Expr) -> String {
    match &fun.unparen().kind {
        ExprKind::Index { x, .. } => expr_string(x),
        _ => expr_string(fun),
    }
}
