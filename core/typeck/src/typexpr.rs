//! Identifiers and type expressions: declared types, signatures, structs, interfaces,
//! type parameters (types2's typexpr.go, signature.go, struct.go, interface.go,
//! decl.go's typeDecl).

use crate::check::{Checker, unpack_recv};
use crate::operand::{Mode, Operand};
use crate::types::*;
use std::collections::HashMap;
use std::rc::Rc;
use syntax::ast::{self, Expr, ExprKind};
use syntax::token::Op;

impl<'w, 'a> Checker<'w, 'a> {
    pub(crate) fn lookup(&self, name: &str) -> Option<(ScopeId, ObjId)> {
        self.w.lookup_parent(self.scope, name)
    }

    pub(crate) fn object_kind(&self, o: ObjId) -> &'static str {
        let obj = self.obj(o);
        match &obj.kind {
            ObjKind::PkgName { .. } => "package name",
            ObjKind::Const(_) => "constant",
            ObjKind::TypeName { alias } => {
                if *alias {
                    "type alias"
                } else if matches!(self.w.ty(obj.ty), Type::TypeParam(_)) {
                    "type parameter"
                } else {
                    "defined type"
                }
            }
            ObjKind::Var(k) => match k {
                VarKind::PackageVar => "package-level variable",
                VarKind::Local => "local variable",
                VarKind::Recv => "receiver",
                VarKind::Param => "parameter",
                VarKind::Result => "result variable",
                VarKind::Field { .. } => "struct field",
            },
            ObjKind::Func { .. } => {
                if matches!(self.w.ty(obj.ty), Type::Signature(s) if s.recv.is_some()) {
                    "method"
                } else {
                    "function"
                }
            }
            ObjKind::Label => "label",
            ObjKind::Builtin(_) => "built-in function",
            ObjKind::Nil => "untyped nil",
        }
    }

    /// Resolves identifier `e` (types2's ident).
    pub(crate) fn ident(&mut self, x: &mut Operand<'a>, e: &'a Expr, name: &str, want_type: bool) {
        x.mode = Mode::Invalid;
        x.expr = Some(e);
        x.ty = TypeId::INVALID;
        let found = self.lookup(name);
        if let Some((_, o)) = found {
            self.record_use(e, o);
        }
        let Some((scope, o)) = found else {
            if name == "_" {
                self.error_at(e.lo, "cannot use _ as value or type");
            } else {
                self.error_at(e.lo, format!("undefined: {name}"));
            }
            return;
        };
        let is_type = matches!(self.obj(o).kind, ObjKind::TypeName { .. });
        if !is_type && want_type {
            let kind = self.object_kind(o);
            self.error_at(e.lo, format!("{name} ({kind}) is not a type"));
            if matches!(self.obj(o).kind, ObjKind::Var(_)) {
                self.w.obj_mut(o).used = true;
            }
            return;
        }
        if (self.obj(o).ty == TypeId::INVALID || (is_type && want_type && self.obj(o).pkg == Some(self.pkg)))
            && self.decls.contains_key(&o)
        {
            self.obj_decl(o);
        }
        // A dot-imported object marks its import used.
        if let Some(&(_, _, pn)) = self.dot_imports.iter().find(|(s, m, _)| *s == scope && *m == o)
            && let ObjKind::PkgName { used, .. } = &mut self.w.obj_mut(pn).kind
        {
            *used = true;
        }
        let ty = self.obj(o).ty;
        match self.obj(o).kind.clone() {
            ObjKind::PkgName { pkg, .. } => {
                let pname = self.w.pkgs[pkg.0 as usize].name.clone();
                self.error_at(e.lo, format!("use of package {pname} not in selector"));
                return;
            }
            ObjKind::Const(v) => {
                self.record_dep(o);
                if ty == TypeId::INVALID {
                    return;
                }
                if self.obj(o).parent == Some(self.w.universe) && name == "iota" {
                    match &self.iota {
                        Some(i) => x.mode = Mode::Constant(i.clone()),
                        None => {
                            self.error_at(e.lo, "cannot use iota outside constant declaration");
                            return;
                        }
                    }
                } else {
                    x.mode = Mode::Constant(v);
                }
            }
            ObjKind::TypeName { .. } => x.mode = Mode::TypeExpr,
            ObjKind::Var(_) => {
                if self.obj(o).pkg == Some(self.pkg) {
                    self.w.obj_mut(o).used = true;
                }
                self.record_dep(o);
                if ty == TypeId::INVALID {
                    return;
                }
                x.mode = Mode::Variable;
            }
            ObjKind::Func { .. } => {
                self.record_dep(o);
                x.mode = Mode::Value;
            }
            ObjKind::Builtin(b) => x.mode = Mode::Builtin(b),
            ObjKind::Nil => x.mode = Mode::Nil,
            ObjKind::Label => return,
        }
        x.ty = ty;
    }

    /// A type expression that must not be generic (types2's typ / definedType).
    pub(crate) fn typ(&mut self, e: &'a Expr) -> TypeId {
        self.defined_type(e, None)
    }

    pub(crate) fn defined_type(&mut self, e: &'a Expr, def: Option<TypeId>) -> TypeId {
        let t = self.typ_internal(e, def);
        if self.is_generic(t) {
            let s = self.type_string(t);
            self.error_at(e.lo, format!("cannot use generic type {s} without instantiation"));
            return TypeId::INVALID;
        }
        if t != TypeId::INVALID {
            // Type expressions are recorded as types2 records them (mode TypeExpr).
            let x = Operand { mode: Mode::TypeExpr, expr: Some(e), ty: t };
            self.record_operand(&x);
        }
        t
    }

    /// A type for a variable: not a constraint interface.
    pub(crate) fn var_type(&mut self, e: &'a Expr) -> TypeId {
        let t = self.typ(e);
        self.check_not_constraint(t, e.lo);
        t
    }

    pub(crate) fn check_not_constraint(&mut self, t: TypeId, pos: u32) {
        if self.is_type_param(t) {
            return;
        }
        let u = self.under(t);
        if let Type::Interface(_) = self.w.ty(u) {
            let ts = self.type_set(u);
            let s = self.type_string(t);
            if ts.comparable {
                self.soft_error_at(
                    pos,
                    format!(
                        "cannot use type {s} outside a type constraint: interface is (or embeds) comparable"
                    ),
                );
            } else if ts.terms.is_some() {
                self.soft_error_at(
                    pos,
                    format!(
                        "cannot use type {s} outside a type constraint: interface contains type constraints"
                    ),
                );
            }
        }
    }

    fn typ_internal(&mut self, e: &'a Expr, def: Option<TypeId>) -> TypeId {
        match &e.kind {
            ExprKind::Bad => TypeId::INVALID,
            ExprKind::Name(n) => {
                let mut x = Operand::invalid();
                self.ident(&mut x, e, n, true);
                match x.mode {
                    Mode::TypeExpr => x.ty,
                    Mode::Invalid => TypeId::INVALID,
                    Mode::NoValue => {
                        let s = syntax::printer::expr_string(e);
                        self.error_at(e.lo, format!("{s} used as type"));
                        TypeId::INVALID
                    }
                    _ => {
                        let s = self.op_string(&x);
                        self.error_at(e.lo, format!("{s} is not a type"));
                        TypeId::INVALID
                    }
                }
            }
            ExprKind::Selector { .. } => {
                let mut x = Operand::invalid();
                self.selector(&mut x, e, true);
                match x.mode {
                    Mode::TypeExpr => x.ty,
                    Mode::Invalid => TypeId::INVALID,
                    _ => {
                        let s = self.op_string(&x);
                        self.error_at(e.lo, format!("{s} is not a type"));
                        TypeId::INVALID
                    }
                }
            }
            ExprKind::Index { x, index } => self.instantiated_type(e, x, index),
            ExprKind::Paren(inner) => self.defined_type(inner, def),
            ExprKind::ArrayType { len, elem } => match len {
                Some(len) => {
                    let n = self.array_length(len);
                    let el = self.var_type(elem);
                    self.w.new_type(Type::Array(n, el))
                }
                None => {
                    self.error_at(e.lo, "invalid use of [...] array (outside a composite literal)");
                    self.var_type(elem);
                    TypeId::INVALID
                }
            },
            ExprKind::SliceType { elem } => {
                let el = self.var_type(elem);
                self.w.new_slice(el)
            }
            ExprKind::DotsType { elem } => {
                self.error_at(e.lo, "invalid use of ...");
                self.var_type(elem);
                TypeId::INVALID
            }
            ExprKind::StructType { fields, tags } => self.struct_type(fields, tags),
            ExprKind::Operation { op: Op::Mul, x, y: None } => {
                let base = self.var_type(x);
                self.w.new_pointer(base)
            }
            ExprKind::FuncType(ft) => self.func_type(None, &[], ft, None),
            ExprKind::InterfaceType { methods } => self.interface_type(methods, def),
            ExprKind::MapType { key, value } => {
                let k = self.var_type(key);
                let v = self.var_type(value);
                if k != TypeId::INVALID {
                    let key_expr: &'a Expr = key;
                    // Checked later: the key type may not be complete yet.
                    let later_file = self.file;
                    self.later.push(Box::new(move |c: &mut Checker<'w, 'a>| {
                        c.file = later_file;
                        if c.is_type_param(k) {
                            let Type::TypeParam(tp) = c.w.ty(k) else { return };
                            let b = tp.bound;
                            let bu = c.under(b);
                            if !c.type_set(bu).comparable && !c.comparable(k) {
                                let s = c.type_string(k);
                                c.error_at(
                                    key_expr.lo,
                                    format!("invalid map key type {s} (missing comparable constraint)"),
                                );
                            }
                            return;
                        }
                        if !c.comparable(k) {
                            let s = c.type_string(k);
                            c.error_at(key_expr.lo, format!("invalid map key type {s}"));
                        }
                    }));
                }
                self.w.new_type(Type::Map(k, v))
            }
            ExprKind::ChanType { dir, elem } => {
                let el = self.var_type(elem);
                let d = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                self.w.new_type(Type::Chan(d, el))
            }
            _ => {
                let s = syntax::printer::expr_string(e);
                self.error_at(e.lo, format!("{s} is not a type"));
                TypeId::INVALID
            }
        }
    }

    fn array_length(&mut self, e: &'a Expr) -> Option<u64> {
        if let ExprKind::Name(name) = &e.kind {
            match self.lookup(name) {
                None => {
                    self.error_at(e.lo, format!("undefined array length {name} or missing type constraint"));
                    return None;
                }
                Some((_, o)) if !matches!(self.obj(o).kind, ObjKind::Const(_)) => {
                    self.error_at(e.lo, format!("invalid array length {name}"));
                    return None;
                }
                _ => {}
            }
        }
        let mut x = Operand::invalid();
        self.array_lengths.push(self.obj_path.len());
        self.expr(&mut x, e);
        self.array_lengths.pop();
        let Mode::Constant(v) = &x.mode else {
            if !x.is_invalid() {
                let s = self.op_string(&x);
                self.error_at(x.lo(), format!("array length {s} must be constant"));
            }
            return None;
        };
        if (self.is_untyped(x.ty) || self.is_integer(x.ty))
            && let Some(i) = v.to_int()
            && let Some(n) = i.to_i64()
            && n >= 0
        {
            return Some(n as u64);
        }
        let s = self.op_string(&x);
        if self.is_integer(x.ty) {
            self.error_at(x.lo(), format!("invalid array length {s}"));
        } else {
            self.error_at(x.lo(), format!("array length {s} must be integer"));
        }
        None
    }

    fn struct_type(&mut self, fields: &'a [ast::Field], tags: &'a [Option<ast::BasicLit>]) -> TypeId {
        let mut objs = Vec::new();
        let mut tag_values = Vec::new();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let mut prev_ty: Option<(*const Expr, TypeId)> = None;
        for (i, f) in fields.iter().enumerate() {
            let ptr = Rc::as_ptr(&f.ty);
            let t = match prev_ty {
                Some((p, t)) if p == ptr => t,
                _ => {
                    let t = self.var_type(&f.ty);
                    prev_ty = Some((ptr, t));
                    t
                }
            };
            let tag = tags
                .get(i)
                .and_then(|t| t.as_ref())
                .and_then(|t| crate::constant::unquote(&t.value))
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            let (name, pos, embedded) = match &f.name {
                Some(n) => (n.value.clone(), n.pos, false),
                None => {
                    // Embedded field: the type name (without package or pointer).
                    let (_, base) = unpack_recv(&f.ty);
                    let name = match &base.kind {
                        ExprKind::Name(n) => n.clone(),
                        ExprKind::Selector { sel, .. } => sel.value.clone(),
                        _ => "_".into(),
                    };
                    let pos = match &base.kind {
                        ExprKind::Selector { sel, .. } => sel.pos,
                        _ => base.lo,
                    };
                    // Embedded types must be type names, not pointers to pointers or
                    // interfaces through pointers.
                    if t != TypeId::INVALID {
                        let (is_ptr, _) = unpack_recv(&f.ty);
                        let base_t =
                            if is_ptr { if let Type::Pointer(b) = self.w.ty(t) { *b } else { t } } else { t };
                        let bu = self.under(base_t);
                        let fty: &'a Expr = &f.ty;
                        if is_ptr && matches!(self.w.ty(bu), Type::Pointer(_)) {
                            self.error_at(fty.lo, "embedded field type cannot be a pointer");
                        } else if is_ptr && matches!(self.w.ty(bu), Type::Interface(_)) {
                            self.error_at(fty.lo, "embedded field type cannot be a pointer to an interface");
                        } else if bu == TypeId::UNSAFE_POINTER {
                            self.error_at(fty.lo, "embedded field type cannot be unsafe.Pointer");
                        }
                    }
                    (name, pos, true)
                }
            };
            let o = self.w.new_obj(
                &name,
                ObjKind::Var(VarKind::Field { embedded }),
                Some(self.pkg),
                self.pos(pos),
                t,
            );
            if let Some(n) = &f.name {
                self.record_def(n, o);
            }
            if name != "_" && seen.insert(name.clone(), pos).is_some() {
                self.error_at(pos, format!("{name} redeclared"));
            }
            objs.push(o);
            tag_values.push(tag);
        }
        self.w.new_type(Type::Struct(Rc::new(StructType { fields: objs, tags: tag_values })))
    }

    fn interface_type(&mut self, elems: &'a [ast::Field], def: Option<TypeId>) -> TypeId {
        let mut methods = Vec::new();
        let mut embeddeds = Vec::new();
        let mut embedded_pos: Vec<u32> = Vec::new();
        let mut names: HashMap<String, u32> = HashMap::new();
        // The interface type exists before its methods so they can refer to it.
        let it = self.w.new_type(Type::Interface(Rc::new(Interface {
            methods: vec![],
            embeddeds: vec![],
            is_any: false,
            implicit: false,
            comparable: false,
        })));
        if let Some(d) = def {
            self.w.set_underlying(d, it);
        }
        for f in elems {
            match &f.name {
                Some(n) => {
                    let ExprKind::FuncType(ft) = &f.ty.kind else { continue };
                    if n.value == "_" {
                        self.error_at(n.pos, "methods must have a unique non-blank name");
                        continue;
                    }
                    let sig = self.func_type(None, &[], ft, None);
                    let m = self.w.new_obj(
                        &n.value,
                        ObjKind::Func { ptr_recv: false },
                        Some(self.pkg),
                        self.pos(n.pos),
                        sig,
                    );
                    self.record_def(n, m);
                    if names.insert(n.value.clone(), n.pos).is_some() {
                        self.error_at(n.pos, format!("duplicate method {}", n.value));
                        continue;
                    }
                    methods.push(m);
                }
                None => {
                    let t = self.embedded_elem(&f.ty);
                    if t != TypeId::INVALID {
                        embeddeds.push(t);
                        embedded_pos.push(f.ty.lo);
                    }
                }
            }
        }
        let comparable = false;
        let methods_snapshot = methods.clone();
        self.w.types[it.0 as usize] = Type::Interface(Rc::new(Interface {
            methods,
            embeddeds,
            is_any: false,
            implicit: false,
            comparable,
        }));
        self.type_sets.remove(&it);
        // Methods arriving through embedding must agree with those already there;
        // checked once every type is complete.
        if !embedded_pos.is_empty() {
            let own = methods_snapshot;
            let later_file = self.file;
            self.later.push(Box::new(move |c: &mut Checker<'w, 'a>| {
                c.file = later_file;
                let mut seen: Vec<ObjId> = own;
                let Type::Interface(iface) = c.w.ty(it).clone() else { return };
                for (&e, &pos) in iface.embeddeds.iter().zip(embedded_pos.iter()) {
                    let eu = c.under(e);
                    if !matches!(c.w.ty(eu), Type::Interface(_)) {
                        continue;
                    }
                    for m in c.type_set(eu).methods.clone() {
                        let name = c.obj(m).name.clone();
                        match seen.iter().copied().find(|&x| c.obj(x).name == name) {
                            Some(prev) => {
                                let (a, b) = (c.obj(prev).ty, c.obj(m).ty);
                                if !c.identical(a, b) {
                                    c.error_at(pos, format!("duplicate method {name}"));
                                    return;
                                }
                            }
                            None => seen.push(m),
                        }
                    }
                }
            }));
        }
        it
    }

    /// An interface element: a type, `~T`, or a union `A | ~B`.
    fn embedded_elem(&mut self, e: &'a Expr) -> TypeId {
        match &e.kind {
            ExprKind::Operation { op: Op::Or, .. } | ExprKind::Operation { op: Op::Tilde, y: None, .. } => {
                let mut terms = Vec::new();
                self.collect_terms(e, &mut terms);
                if terms.len() == 1 && !terms[0].tilde {
                    return terms[0].ty;
                }
                self.w.new_type(Type::Union(Rc::new(terms)))
            }
            _ => self.typ(e),
        }
    }

    fn collect_terms(&mut self, e: &'a Expr, terms: &mut Vec<Term>) {
        match &e.kind {
            ExprKind::Operation { op: Op::Or, x, y: Some(y) } => {
                self.collect_terms(x, terms);
                self.collect_terms(y, terms);
            }
            ExprKind::Operation { op: Op::Tilde, x, y: None } => {
                let t = self.typ(x);
                if t != TypeId::INVALID {
                    let u = self.under(t);
                    if !self.identical(u, t) {
                        let (s, us) = (self.type_string(t), self.type_string(u));
                        self.error_at(e.lo, format!("invalid use of ~ (underlying type of {s} is {us})"));
                    }
                    terms.push(Term { tilde: true, ty: t });
                }
            }
            _ => {
                let t = self.typ(e);
                if t != TypeId::INVALID {
                    terms.push(Term { tilde: false, ty: t });
                }
            }
        }
    }

    /// A function type or a function declaration's signature; parameters are
    /// declared in a new scope recorded for the body.
    pub(crate) fn func_type(
        &mut self,
        recv: Option<&'a ast::Field>,
        tparams: &'a [ast::Field],
        ft: &'a ast::FuncType,
        fobj: Option<ObjId>,
    ) -> TypeId {
        let scope = self.w.new_scope(Some(self.scope), true);
        let saved = self.scope;
        self.scope = scope;
        let mut tps = Vec::new();
        // Receiver type parameters: func (r T[P]) M().
        let mut recv_var = None;
        if let Some(r) = recv {
            let (ptr, base) = unpack_recv(&r.ty);
            let mut rtype_e: &'a Expr = r.ty.as_ref();
            rtype_e = rtype_e.unparen();
            let mut recv_tparams: Vec<TypeId> = Vec::new();
            // Declare the receiver's type parameters, bound to the base type's.
            let inner = if ptr {
                if let ExprKind::Operation { x, .. } = &rtype_e.kind { x.unparen() } else { rtype_e }
            } else {
                rtype_e
            };
            let mut base_t = TypeId::INVALID;
            if let ExprKind::Name(bn) = &base.kind {
                let mut bx = Operand::invalid();
                self.ident(&mut bx, base, bn, true);
                if bx.mode == Mode::TypeExpr {
                    base_t = bx.ty;
                }
            } else {
                let t = self.typ(base);
                base_t = t;
            }
            if let ExprKind::Index { index, .. } = &inner.kind {
                let names = index.unpack_list();
                let orig_tparams = match self.w.ty(base_t) {
                    Type::Named(n) => n.tparams.clone(),
                    _ => vec![],
                };
                for (i, n) in names.iter().enumerate() {
                    let name = match &n.kind {
                        ExprKind::Name(s) => s.clone(),
                        _ => "_".into(),
                    };
                    let tn = self.w.new_obj(
                        &name,
                        ObjKind::TypeName { alias: false },
                        Some(self.pkg),
                        self.pos(n.lo),
                        TypeId::INVALID,
                    );
                    let bound = orig_tparams.get(i).map_or(TypeId::ANY, |&tp| {
                        if let Type::TypeParam(p) = self.w.ty(tp) { p.bound } else { TypeId::ANY }
                    });
                    let tp = self.w.new_type(Type::TypeParam(TypeParam { obj: tn, index: i, bound }));
                    self.w.obj_mut(tn).ty = tp;
                    self.declare(scope, tn);
                    recv_tparams.push(tp);
                }
                if orig_tparams.len() != names.len() && base_t != TypeId::INVALID {
                    self.error_at(
                        inner.lo,
                        format!(
                            "receiver declares {} type parameters, but receiver base type declares {}",
                            names.len(),
                            orig_tparams.len()
                        ),
                    );
                }
                // Substitute the receiver's own type parameters into the bounds.
                let smap: Vec<(TypeId, TypeId)> =
                    orig_tparams.iter().copied().zip(recv_tparams.iter().copied()).collect();
                for &tp in &recv_tparams {
                    if let Type::TypeParam(p) = self.w.ty(tp).clone() {
                        let nb = self.subst(p.bound, &smap);
                        if let Type::TypeParam(p) = &mut self.w.types[tp.0 as usize] {
                            p.bound = nb;
                        }
                    }
                }
            }
            let mut rt = if recv_tparams.is_empty() {
                if self.is_generic(base_t) {
                    let s = self.type_string(base_t);
                    self.error_at(base.lo, format!("cannot use generic type {s} without instantiation"));
                    TypeId::INVALID
                } else {
                    base_t
                }
            } else if base_t != TypeId::INVALID {
                self.instantiate_named(base_t, recv_tparams.clone())
            } else {
                TypeId::INVALID
            };
            if ptr && rt != TypeId::INVALID {
                rt = self.w.new_pointer(rt);
            }
            let rname = r.name.as_ref().map_or(String::new(), |n| n.value.clone());
            let rpos = r.name.as_ref().map_or(r.ty.lo, |n| n.pos);
            let rv = self.w.new_obj(&rname, ObjKind::Var(VarKind::Recv), Some(self.pkg), self.pos(rpos), rt);
            if let Some(n) = &r.name {
                self.record_def(n, rv);
            }
            if !rname.is_empty() {
                self.declare(scope, rv);
            }
            recv_var = Some(rv);
            if let Some(f) = fobj
                && ptr
                && let ObjKind::Func { ptr_recv } = &mut self.w.obj_mut(f).kind
            {
                *ptr_recv = true;
            }
            self.valid_recv(base, base_t, rt);
            tps = recv_tparams;
        }
        let own = self.declare_tparams(tparams, scope);
        tps.extend(own.iter().copied());
        let (params, variadic) = self.collect_params(&ft.params, scope, true, VarKind::Param);
        let (results, _) = self.collect_params(&ft.results, scope, false, VarKind::Result);
        self.scope = saved;
        let own_tparams = if recv.is_some() { own } else { tps };
        let sig = self.w.new_type(Type::Signature(Rc::new(Signature {
            recv: recv_var,
            tparams: own_tparams,
            params,
            results,
            variadic,
        })));
        self.sig_scopes.insert(sig, scope);
        sig
    }

    fn valid_recv(&mut self, base: &'a Expr, base_t: TypeId, _rt: TypeId) {
        if base_t == TypeId::INVALID {
            return;
        }
        let bt = match self.w.ty(base_t) {
            Type::Named(n) => n.orig.unwrap_or(base_t),
            _ => base_t,
        };
        match self.w.ty(bt).clone() {
            Type::Named(n) => {
                if self.obj(n.obj).pkg != Some(self.pkg) {
                    let s = self.type_string(bt);
                    self.error_at(base.lo, format!("cannot define new methods on non-local type {s}"));
                    return;
                }
                let u = self.under(bt);
                match self.w.ty(u) {
                    Type::Pointer(_) | Type::Interface(_) => {
                        let s = self.type_string(bt);
                        self.error_at(
                            base.lo,
                            format!("invalid receiver type {s} (pointer or interface type)"),
                        );
                    }
                    _ => {}
                }
            }
            Type::Basic(..) => {
                let s = self.type_string(bt);
                self.error_at(base.lo, format!("cannot define new methods on non-local type {s}"));
            }
            _ => {
                let s = self.type_string(bt);
                self.error_at(base.lo, format!("invalid receiver type {s}"));
            }
        }
    }

    pub(crate) fn declare_tparams(&mut self, fields: &'a [ast::Field], scope: ScopeId) -> Vec<TypeId> {
        let mut tps = Vec::new();
        // Declare all names first: constraints may refer to any of them.
        for (i, f) in fields.iter().enumerate() {
            let Some(n) = &f.name else { continue };
            let tn = self.w.new_obj(
                &n.value,
                ObjKind::TypeName { alias: false },
                Some(self.pkg),
                self.pos(n.pos),
                TypeId::INVALID,
            );
            self.record_def(n, tn);
            let tp = self.w.new_type(Type::TypeParam(TypeParam { obj: tn, index: i, bound: TypeId::ANY }));
            self.w.obj_mut(tn).ty = tp;
            self.declare(scope, tn);
            tps.push(tp);
        }
        let saved = self.scope;
        self.scope = scope;
        let mut prev: Option<(*const Expr, TypeId)> = None;
        for (i, f) in fields.iter().enumerate() {
            let ptr = Rc::as_ptr(&f.ty);
            let bound = match prev {
                Some((p, b)) if p == ptr => b,
                _ => {
                    let b = self.bound(&f.ty);
                    prev = Some((ptr, b));
                    b
                }
            };
            if let Some(&tp) = tps.get(i)
                && let Type::TypeParam(p) = &mut self.w.types[tp.0 as usize]
            {
                p.bound = bound;
            }
        }
        self.scope = saved;
        tps
    }

    /// A type parameter's constraint; a non-interface becomes an implicit interface.
    fn bound(&mut self, e: &'a Expr) -> TypeId {
        let is_elem = matches!(
            &e.kind,
            ExprKind::Operation { op: Op::Or, .. } | ExprKind::Operation { op: Op::Tilde, y: None, .. }
        );
        let t = if is_elem { self.embedded_elem(e) } else { self.typ(e) };
        if t == TypeId::INVALID {
            return TypeId::ANY;
        }
        if self.is_type_param(t) {
            self.error_at(e.lo, "cannot use a type parameter as constraint");
            return TypeId::ANY;
        }
        let u = self.under(t);
        if matches!(self.w.ty(u), Type::Interface(_)) && !matches!(self.w.ty(t), Type::Union(_)) {
            return t;
        }
        self.w.new_type(Type::Interface(Rc::new(Interface {
            methods: vec![],
            embeddeds: vec![t],
            is_any: false,
            implicit: true,
            comparable: false,
        })))
    }

    fn collect_params(
        &mut self,
        fields: &'a [ast::Field],
        scope: ScopeId,
        variadic_ok: bool,
        kind: VarKind,
    ) -> (Vec<ObjId>, bool) {
        let mut vars = Vec::new();
        let mut variadic = false;
        let mut prev: Option<(*const Expr, TypeId)> = None;
        for (i, f) in fields.iter().enumerate() {
            let ptr = Rc::as_ptr(&f.ty);
            let t = match prev {
                Some((p, t)) if p == ptr => t,
                _ => {
                    let t = if let ExprKind::DotsType { elem } = &f.ty.kind {
                        if variadic_ok && i == fields.len() - 1 {
                            variadic = true;
                        } else {
                            self.soft_error_at(f.ty.lo, "can only use ... with final parameter in list");
                        }
                        let el = self.var_type(elem);
                        if el == TypeId::INVALID { el } else { self.w.new_slice(el) }
                    } else {
                        self.var_type(&f.ty)
                    };
                    prev = Some((ptr, t));
                    t
                }
            };
            let (name, pos) = match &f.name {
                Some(n) => (n.value.clone(), n.pos),
                None => (String::new(), f.ty.lo),
            };
            let v = self.w.new_obj(&name, ObjKind::Var(kind.clone()), Some(self.pkg), self.pos(pos), t);
            if let Some(n) = &f.name {
                self.record_def(n, v);
            }
            if !name.is_empty() {
                self.declare(scope, v);
                // Parameters count as used.
                self.w.obj_mut(v).used = true;
            }
            vars.push(v);
        }
        (vars, variadic)
    }

    pub(crate) fn sig_scope(&self, sig: TypeId) -> ScopeId {
        self.sig_scopes.get(&sig).copied().unwrap_or(self.scope)
    }

    /// A type declaration: an alias, or a new Named type with its methods.
    pub(crate) fn type_decl(&mut self, o: ObjId, decl: &'a ast::TypeDecl) {
        if decl.alias && decl.tparams.is_empty() {
            let t = self.typ(&decl.ty);
            self.w.obj_mut(o).ty = t;
            return;
        }
        let named = self.w.new_type(Type::Named(Named {
            obj: o,
            tparams: vec![],
            targs: vec![],
            orig: None,
            underlying: TypeId::INVALID,
            methods: vec![],
        }));
        self.w.obj_mut(o).ty = named;
        let scope = self.w.new_scope(Some(self.scope), false);
        let saved = self.scope;
        if !decl.tparams.is_empty() {
            let tps = self.declare_tparams(&decl.tparams, scope);
            if let Type::Named(n) = &mut self.w.types[named.0 as usize] {
                n.tparams = tps;
            }
        }
        self.scope = scope;
        let rhs = self.defined_type(&decl.ty, Some(named));
        self.scope = saved;
        if self.is_type_param(rhs) {
            self.error_at(decl.ty.lo, "cannot use a type parameter as RHS in type declaration");
        }
        let u = if self.is_type_param(rhs) { TypeId::INVALID } else { self.under(rhs) };
        if let Type::Named(n) = &self.w.types[named.0 as usize]
            && (n.underlying == TypeId::INVALID
                || !matches!(self.w.ty(n.underlying), Type::Interface(_))
                || u != TypeId::INVALID)
        {
            self.w.set_underlying(named, u);
        }
        self.valid_type(o, named);
        self.collect_methods(o, named);
    }

    /// Reports a Named type that contains itself by value (struct fields, arrays).
    fn valid_type(&mut self, o: ObjId, named: TypeId) {
        let mut path = Vec::new();
        if self.contains_by_value(named, named, &mut path, 0) {
            let name = self.obj(o).name.clone();
            let pos = self.obj(o).pos;
            self.error_pos(pos, format!("invalid recursive type: {name} refers to itself"));
            self.w.set_underlying(named, TypeId::INVALID);
        }
    }

    fn contains_by_value(&mut self, t: TypeId, target: TypeId, path: &mut Vec<TypeId>, depth: u32) -> bool {
        if depth > 50 {
            return false;
        }
        let u = match self.w.ty(t) {
            Type::Named(n) => {
                if depth > 0 && t == target {
                    return true;
                }
                if path.contains(&t) {
                    return false;
                }
                path.push(t);
                n.underlying
            }
            _ => t,
        };
        match self.w.ty(u).clone() {
            Type::Array(_, e) => self.contains_by_value(e, target, path, depth + 1),
            Type::Struct(s) => s.fields.iter().any(|&f| {
                let ft = self.obj(f).ty;
                self.contains_by_value(ft, target, path, depth + 1)
            }),
            _ => false,
        }
    }

    fn collect_methods(&mut self, o: ObjId, named: TypeId) {
        let Some(ms) = self.methods.get(&o).cloned() else { return };
        let mut seen: HashMap<String, SrcPos> = HashMap::new();
        // Fields of the underlying struct clash with method names.
        let u = self.under(named);
        let field_names: Vec<String> = match self.w.ty(u) {
            Type::Struct(s) => s.fields.iter().map(|&f| self.obj(f).name.clone()).collect(),
            _ => vec![],
        };
        for m in ms {
            let name = self.obj(m).name.clone();
            let pos = self.obj(m).pos;
            if let Some(&prev) = seen.get(&name) {
                let tn = self.obj(o).name.clone();
                let at = self.w.pos_string(prev);
                self.error_pos(pos, format!("method {tn}.{name} already declared at {at}"));
                continue;
            }
            seen.insert(name.clone(), pos);
            if field_names.contains(&name) {
                self.error_pos(pos, format!("field and method with the same name {name}"));
                continue;
            }
            if let Type::Named(n) = &mut self.w.types[named.0 as usize] {
                n.methods.push(m);
            }
        }
        // Method signatures are checked with the other functions; do it now so
        // method sets are complete when values need them.
        for m in self.named_methods(named) {
            if !self.done.contains(&m) && !self.obj_path.contains(&m) {
                self.obj_decl(m);
            }
        }
    }

    /// `G[A, B]` in a type context.
    fn instantiated_type(&mut self, e: &'a Expr, x: &'a Expr, index: &'a Expr) -> TypeId {
        let gt = self.typ_internal(x, None);
        if gt == TypeId::INVALID {
            return TypeId::INVALID;
        }
        if !self.is_generic(gt) {
            let s = self.type_string(gt);
            let es = syntax::printer::expr_string(e);
            self.error_at(x.lo, format!("invalid operation: {es} ({s} is not a generic type)"));
            return TypeId::INVALID;
        }
        let args = index.unpack_list();
        let targs: Vec<TypeId> = args.iter().map(|a| self.var_type(a)).collect();
        if targs.contains(&TypeId::INVALID) {
            return TypeId::INVALID;
        }
        let tparams = match self.w.ty(gt) {
            Type::Named(n) => n.tparams.clone(),
            _ => vec![],
        };
        if targs.len() != tparams.len() {
            let (got, want) = (targs.len(), tparams.len());
            let msg = if got < want {
                format!(
                    "not enough type arguments for type {}: have {got}, want {want}",
                    self.obj_name_of(gt)
                )
            } else {
                format!("too many type arguments for type {}: have {got}, want {want}", self.obj_name_of(gt))
            };
            self.error_at(args.get(want.min(got.saturating_sub(1))).map_or(e.lo, |a| a.lo), msg);
            return TypeId::INVALID;
        }
        let inst = self.instantiate_named(gt, targs.clone());
        let pos: Vec<u32> = args.iter().map(|a| a.lo).collect();
        let later_file = self.file;
        self.later.push(Box::new(move |c: &mut Checker<'w, 'a>| {
            c.file = later_file;
            c.verify_targs(&tparams, &targs, &pos);
        }));
        inst
    }

    fn obj_name_of(&self, t: TypeId) -> String {
        match self.w.ty(t) {
            Type::Named(n) => self.obj(n.obj).name.clone(),
            _ => self.type_string(t),
        }
    }
}
