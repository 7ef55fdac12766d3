//! Calls of the predeclared functions and package unsafe's (types2's builtins.go).

use crate::check::Checker;
use crate::constant::Value;
use crate::operand::{Mode, Operand};
use crate::types::*;
use syntax::ast::Expr;
use syntax::printer::expr_string;

impl<'w, 'a> Checker<'w, 'a> {
    pub(crate) fn builtin(
        &mut self,
        x: &mut Operand<'a>,
        call: &'a Expr,
        b: Builtin,
        args: &'a [Expr],
        has_dots: bool,
    ) {
        let (nargs_min, variadic, _) = b.arity();
        if has_dots && b != Builtin::Append {
            self.error_at(
                call.lo,
                format!("invalid operation: invalid use of ... with built-in {}", b.name()),
            );
            self.use_exprs(args);
            x.mode = Mode::Invalid;
            return;
        }
        // make, new and the unsafe Offsetof take types or special arguments.
        let special = matches!(b, Builtin::Make | Builtin::New | Builtin::Offsetof);
        let mut ops: Vec<Operand<'a>> = Vec::new();
        if !special {
            // A lone multi-value call spreads over the parameters (types2's
            // exprList), for every builtin but the special ones.
            if args.len() == 1 {
                ops = self.multi_expr(&args[0], false);
            } else {
                for a in args {
                    let mut y = Operand::invalid();
                    self.expr(&mut y, a);
                    ops.push(y);
                }
            }
            if ops.iter().any(|o| o.is_invalid()) {
                x.mode = Mode::Invalid;
                return;
            }
        }
        let n = if special { args.len() } else { ops.len() };
        let cs = expr_string(call);
        if n < nargs_min || (!variadic && n > nargs_min) {
            let (msg, at) = if n < nargs_min {
                ("not enough", call.hi.saturating_sub(1))
            } else {
                ("too many", if special { args[nargs_min].lo } else { ops[nargs_min].lo() })
            };
            self.error_at(at, format!("{msg} arguments for {cs} (expected {nargs_min}, found {n})"));
            x.mode = Mode::Invalid;
            return;
        }
        x.mode = Mode::Value;
        match b {
            Builtin::Append => {
                let s = ops[0].clone();
                let st = s.ty;
                let core = self.core_type(st);
                let elem = core.and_then(|u| if let Type::Slice(e) = self.w.ty(u) { Some(*e) } else { None });
                let Some(elem) = elem.filter(|_| !s.is_nil()) else {
                    let ss = self.op_string(&s);
                    self.error_at(s.lo(), format!("invalid append: argument must be a slice; have {ss}"));
                    x.mode = Mode::Invalid;
                    return;
                };
                if has_dots {
                    if ops.len() != 2 {
                        self.error_at(call.lo, "can only use ... with final argument in list");
                        x.mode = Mode::Invalid;
                        return;
                    }
                    let mut y = ops[1].clone();
                    // append([]byte, string...) is allowed.
                    let bytestring = self.is_string(y.ty)
                        || self.is_type_param(y.ty)
                            && self.type_param_terms(y.ty).is_some_and(|ts| {
                                !ts.is_empty()
                                    && ts.iter().all(|t| {
                                        let u = self.under(t.ty);
                                        self.is_string(u) || matches!(self.w.ty(u).clone(), Type::Slice(e) if self.basic_kind(e) == Some(BasicKind::Uint8))
                                    })
                            });
                    if bytestring && self.basic_kind(elem) == Some(BasicKind::Uint8) {
                        if self.is_untyped(y.ty) {
                            self.convert_untyped(&mut y, TypeId::STRING);
                        }
                    } else {
                        self.assignment(&mut y, st, "argument to append");
                    }
                } else {
                    for y in ops.iter().skip(1) {
                        let mut y = y.clone();
                        self.assignment(&mut y, elem, "argument to append");
                    }
                }
                x.ty = st;
            }
            Builtin::Cap | Builtin::Len => {
                let a = ops[0].clone();
                let at = a.ty;
                let mut mode_const = None;
                let u = if self.is_type_param(at) { self.core_type(at) } else { Some(self.under(at)) };
                let ok = match u.map(|u| (u, self.w.ty(u).clone())) {
                    Some((u, Type::Basic(..))) if self.is_string(u) && b == Builtin::Len => {
                        if let Some(Value::String(s)) = a.val() {
                            mode_const = Some(Value::int(s.len() as i64));
                        }
                        true
                    }
                    Some((_, Type::Array(n, _))) => {
                        if !contains_call_or_recv(a.expr) {
                            mode_const = n.map(|n| Value::int(n as i64));
                        }
                        true
                    }
                    Some((_, Type::Pointer(p))) => {
                        let pu = self.under(p);
                        if let Type::Array(n, _) = self.w.ty(pu).clone() {
                            if !contains_call_or_recv(a.expr) {
                                mode_const = n.map(|n| Value::int(n as i64));
                            }
                            true
                        } else {
                            false
                        }
                    }
                    Some((_, Type::Slice(_))) | Some((_, Type::Chan(..))) => true,
                    Some((_, Type::Map(..))) => b == Builtin::Len,
                    _ => {
                        // A type parameter whose type set all support len/cap.
                        self.is_type_param(at) && self.type_param_terms(at).is_some_and(|ts| !ts.is_empty())
                    }
                };
                if !ok {
                    let s = self.op_string(&a);
                    self.error_at(a.lo(), format!("invalid argument: {s} for built-in {}", b.name()));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.ty = TypeId::INT;
                if let Some(v) = mode_const {
                    x.mode = Mode::Constant(v);
                }
            }
            Builtin::Clear => {
                let a = &ops[0];
                let u = self.core_type(a.ty);
                if !u.is_some_and(|u| matches!(self.w.ty(u), Type::Map(..) | Type::Slice(_))) {
                    let s = self.op_string(a);
                    self.error_at(a.lo(), format!("invalid argument: {s} must be a map or slice"));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Close => {
                let a = &ops[0];
                let u = self.core_type(a.ty);
                match u.map(|u| self.w.ty(u).clone()) {
                    Some(Type::Chan(ChanDir::Recv, _)) => {
                        let s = self.op_string(a);
                        self.error_at(
                            a.lo(),
                            format!("invalid operation: cannot close receive-only channel {s}"),
                        );
                        x.mode = Mode::Invalid;
                        return;
                    }
                    Some(Type::Chan(..)) => {}
                    _ => {
                        let s = self.op_string(a);
                        self.error_at(a.lo(), format!("invalid operation: cannot close non-channel {s}"));
                        x.mode = Mode::Invalid;
                        return;
                    }
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Complex => {
                let (mut re, mut im) = (ops[0].clone(), ops[1].clone());
                // Untyped constants convert to the other's type, or stay untyped.
                if self.is_untyped(re.ty) && !self.is_untyped(im.ty) {
                    let t = im.ty;
                    self.convert_untyped(&mut re, t);
                } else if self.is_untyped(im.ty) && !self.is_untyped(re.ty) {
                    let t = re.ty;
                    self.convert_untyped(&mut im, t);
                } else if self.is_untyped(re.ty) && self.is_untyped(im.ty) {
                    // Both untyped: constants become untyped floats where they
                    // can (types2), anything else float64.
                    if re.val().is_some() && im.val().is_some() {
                        for o in [&mut re, &mut im] {
                            let real = o.val().is_some_and(|v| v.to_rat().is_some());
                            if real && self.is_numeric(o.ty) {
                                o.ty = TypeId::UNTYPED_FLOAT;
                            }
                        }
                    } else {
                        self.convert_untyped(&mut re, TypeId::FLOAT64);
                        self.convert_untyped(&mut im, TypeId::FLOAT64);
                    }
                }
                if re.is_invalid() || im.is_invalid() {
                    x.mode = Mode::Invalid;
                    return;
                }
                if !self.identical(re.ty, im.ty) {
                    let (a, b2) = (self.type_string(re.ty), self.type_string(im.ty));
                    let cs = expr_string(call);
                    self.error_at(
                        re.lo(),
                        format!("invalid operation: {cs} (mismatched types {a} and {b2})"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                if let (Some(a), Some(b2)) =
                    (re.val().and_then(|v| v.to_rat()), im.val().and_then(|v| v.to_rat()))
                {
                    if self.is_untyped(re.ty) {
                        x.mode = Mode::Constant(Value::Complex(a, b2));
                        x.ty = TypeId::UNTYPED_COMPLEX;
                        return;
                    }
                    x.mode = Mode::Constant(Value::Complex(a, b2));
                }
                x.ty = match self.basic_kind(re.ty) {
                    Some(BasicKind::Float32) => TypeId::COMPLEX64,
                    Some(BasicKind::Float64) => TypeId::COMPLEX128,
                    _ => {
                        self.error_at(
                            re.lo(),
                            format!(
                                "invalid argument: arguments have type {}, expected floating-point",
                                self.type_string(re.ty)
                            ),
                        );
                        x.mode = Mode::Invalid;
                        return;
                    }
                };
            }
            Builtin::Copy => {
                let (dst, src) = (ops[0].clone(), ops[1].clone());
                let du = self.core_type(dst.ty);
                let de = du.and_then(|u| if let Type::Slice(e) = self.w.ty(u) { Some(*e) } else { None });
                let Some(de) = de else {
                    let s = self.op_string(&dst);
                    self.error_at(dst.lo(), format!("invalid copy: argument must be a slice; have {s}"));
                    x.mode = Mode::Invalid;
                    return;
                };
                let su = self.core_type(src.ty);
                let se = match su.map(|u| self.w.ty(u).clone()) {
                    Some(Type::Slice(e)) => Some(e),
                    _ if self.is_string(src.ty) => Some(TypeId::BYTE),
                    _ => None,
                };
                let Some(se) = se else {
                    let s = self.op_string(&src);
                    self.error_at(src.lo(), format!("invalid copy: argument must be a slice; have {s}"));
                    x.mode = Mode::Invalid;
                    return;
                };
                if !self.identical(de, se) {
                    let (ds, ss) = (self.op_string(&dst), self.op_string(&src));
                    let (dt, st) = (self.type_string(de), self.type_string(se));
                    self.error_at(
                        dst.lo(),
                        format!(
                            "invalid copy: arguments {ds} and {ss} have different element types {dt} and {st}"
                        ),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                x.ty = TypeId::INT;
            }
            Builtin::Delete => {
                let m = ops[0].clone();
                let mu = self.core_type(m.ty);
                let key = mu.and_then(|u| if let Type::Map(k, _) = self.w.ty(u) { Some(*k) } else { None });
                let Some(key) = key else {
                    let s = self.op_string(&m);
                    self.error_at(m.lo(), format!("invalid argument: {s} is not a map"));
                    x.mode = Mode::Invalid;
                    return;
                };
                let mut k = ops[1].clone();
                let mut c = String::new();
                if self.is_untyped(k.ty) {
                    self.convert_untyped(&mut k, key);
                }
                if !k.is_invalid() && !self.assignable_to(&k, key, &mut c) {
                    let (ks, kt) = (self.op_string(&k), self.type_string(key));
                    self.error_at(k.lo(), format!("cannot use {ks} as {kt} value in argument to delete"));
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Imag | Builtin::Real => {
                let a = ops[0].clone();
                if let Some((re, im)) = a.val().and_then(|v| v.to_complex()) {
                    let v = if b == Builtin::Real { re } else { im };
                    x.mode = Mode::Constant(Value::Float(v).normalize());
                    x.ty = if self.is_untyped(a.ty) {
                        TypeId::UNTYPED_FLOAT
                    } else {
                        self.float_of_complex(a.ty)
                    };
                    if self.is_untyped(a.ty) {
                        return;
                    }
                }
                if !self.is_complex(a.ty) {
                    self.error_at(
                        a.lo(),
                        format!(
                            "invalid argument: argument has type {}, expected complex type",
                            self.type_string(a.ty)
                        ),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                x.ty = self.float_of_complex(a.ty);
            }
            Builtin::Make => {
                let t = self.var_type(&args[0]);
                if t == TypeId::INVALID {
                    x.mode = Mode::Invalid;
                    return;
                }
                let min = match self.core_type(t).map(|u| self.w.ty(u).clone()) {
                    Some(Type::Slice(_)) => 2,
                    Some(Type::Map(..)) | Some(Type::Chan(..)) => 1,
                    _ => {
                        let s = expr_string(&args[0]);
                        self.error_at(
                            args[0].lo,
                            format!("invalid argument: cannot make {s}: type must be slice, map, or channel"),
                        );
                        x.mode = Mode::Invalid;
                        return;
                    }
                };
                if args.len() < min || args.len() > min + 1 {
                    let msg = format!(
                        "invalid operation: {cs} expects {min} or {} arguments; found {}",
                        min + 1,
                        args.len()
                    );
                    self.error_at(call.lo, msg);
                    x.mode = Mode::Invalid;
                    return;
                }
                let mut sizes = Vec::new();
                for a in &args[1..] {
                    let mut y = Operand::invalid();
                    self.expr(&mut y, a);
                    if self.valid_index(&mut y, "index", false)
                        && let Some(v) = y.val().and_then(|v| v.to_int()).and_then(|i| i.to_i64())
                    {
                        sizes.push(v);
                    }
                }
                if sizes.len() == 2 && sizes[0] > sizes[1] {
                    self.error_at(args[1].lo, "invalid argument: length and capacity swapped".to_string());
                }
                x.ty = t;
            }
            Builtin::Max | Builtin::Min => {
                let mut acc = ops[0].clone();
                for y in ops.iter().skip(1) {
                    let mut y = y.clone();
                    if self.is_untyped(acc.ty) && !self.is_untyped(y.ty) {
                        let t = y.ty;
                        self.convert_untyped(&mut acc, t);
                    } else if self.is_untyped(y.ty) && !self.is_untyped(acc.ty) {
                        let t = acc.ty;
                        self.convert_untyped(&mut y, t);
                    }
                    if acc.is_invalid() || y.is_invalid() {
                        x.mode = Mode::Invalid;
                        return;
                    }
                    if !self.identical(acc.ty, y.ty) && !(self.is_untyped(acc.ty) && self.is_untyped(y.ty)) {
                        let (a, bb) = (self.type_string(acc.ty), self.type_string(y.ty));
                        self.error_at(y.lo(), format!("invalid argument: mismatched types {a} (previous argument) and {bb} (type of {})", y.expr.map(expr_string).unwrap_or_default()));
                        x.mode = Mode::Invalid;
                        return;
                    }
                    match (acc.val().cloned(), y.val().cloned()) {
                        (Some(a), Some(v)) => {
                            let less = crate::expr::const_compare(&v, syntax::token::Op::Lss, &a);
                            let pick = if b == Builtin::Min {
                                less
                            } else {
                                crate::expr::const_compare(&v, syntax::token::Op::Gtr, &a)
                            };
                            if pick {
                                acc.mode = Mode::Constant(v);
                                if self.is_untyped(acc.ty) && self.is_untyped(y.ty) {
                                    acc.ty = if y.ty.0 > acc.ty.0 { y.ty } else { acc.ty };
                                }
                            }
                        }
                        _ => acc.mode = Mode::Value,
                    }
                }
                if !self.is_ordered(acc.ty) {
                    let s = self.op_string(&acc);
                    self.error_at(acc.lo(), format!("invalid argument: {s} cannot be ordered"));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = acc.mode.clone();
                x.ty = acc.ty;
                if x.mode != Mode::Value && !x.is_const() {
                    x.mode = Mode::Value;
                }
            }
            Builtin::New => {
                // new(T) or, since Go 1.26, new(expr).
                let mut y = Operand::invalid();
                self.expr_or_type(&mut y, &args[0], false);
                let t = match y.mode {
                    Mode::Invalid => {
                        x.mode = Mode::Invalid;
                        return;
                    }
                    Mode::TypeExpr => {
                        self.check_not_constraint(y.ty, args[0].lo);
                        y.ty
                    }
                    _ => {
                        if y.is_nil() {
                            self.error_at(y.lo(), "use of untyped nil in argument to new");
                            x.mode = Mode::Invalid;
                            return;
                        }
                        let t = self.default_type(y.ty);
                        self.assignment(&mut y, t, "argument to new");
                        t
                    }
                };
                x.ty = self.w.new_pointer(t);
            }
            Builtin::Panic => {
                let mut y = ops[0].clone();
                self.assignment(&mut y, TypeId::ANY, "argument to panic");
                x.mode = Mode::NoValue;
            }
            Builtin::Print | Builtin::Println => {
                for y in &ops {
                    let mut y = y.clone();
                    if self.is_untyped(y.ty) {
                        let d = self.default_type(y.ty);
                        if y.is_nil() {
                            self.error_at(
                                y.lo(),
                                format!("use of untyped nil in argument to built-in {}", b.name()),
                            );
                            x.mode = Mode::Invalid;
                            return;
                        }
                        self.assignment(&mut y, d, &format!("argument to built-in {}", b.name()));
                    }
                }
                x.mode = Mode::NoValue;
            }
            Builtin::Recover => x.ty = TypeId::ANY,
            Builtin::Sizeof | Builtin::Alignof => {
                let mut y = ops[0].clone();
                if self.is_untyped(y.ty) {
                    let d = self.default_type(y.ty);
                    self.convert_untyped(&mut y, d);
                }
                let size = self.size_of(y.ty);
                let v = if b == Builtin::Sizeof { size } else { self.align_of(y.ty) };
                x.mode = Mode::Constant(Value::int(v as i64));
                x.ty = TypeId::UINTPTR;
            }
            Builtin::Offsetof => {
                // The argument must be a selector x.f of a field (x a struct or a
                // pointer to one); the offset is f's from the start of x's struct,
                // through embedded fields that are not pointers.
                let arg = args[0].unparen();
                let syntax::ast::ExprKind::Selector { x: base, sel } = &arg.kind else {
                    let s = expr_string(&args[0]);
                    self.error_at(args[0].lo, format!("invalid argument: {s} is not a selector expression"));
                    self.use_exprs(args);
                    x.mode = Mode::Invalid;
                    return;
                };
                let mut y = Operand::invalid();
                self.expr(&mut y, &args[0]);
                if matches!(y.mode, Mode::Invalid) {
                    x.mode = Mode::Invalid;
                    return;
                }
                let Some(selection) = self.info.selections.get(&self.node(arg.lo, arg.hi)).cloned() else {
                    x.mode = Mode::Invalid;
                    return;
                };
                if selection.kind != crate::info::SelectionKind::FieldVal {
                    let s = expr_string(&args[0]);
                    self.error_at(args[0].lo, format!("invalid argument: {s} is a method value"));
                    x.mode = Mode::Invalid;
                    return;
                }
                let mut t = selection.recv;
                let u = self.under(t);
                if let Type::Pointer(e) = self.w.ty(u).clone() {
                    t = e;
                }
                let base_ty = t;
                let mut off = 0u64;
                for (k, &i) in selection.index.iter().enumerate() {
                    let u = self.under(t);
                    if k > 0 && matches!(self.w.ty(u), Type::Pointer(_)) {
                        let bs = self.type_string(base_ty);
                        self.error_at(
                            base.lo,
                            format!(
                                "invalid argument: field {} is embedded via a pointer in {bs}",
                                sel.value
                            ),
                        );
                        x.mode = Mode::Invalid;
                        return;
                    }
                    let Type::Struct(st) = self.w.ty(u).clone() else { break };
                    for (j, &f) in st.fields.iter().enumerate() {
                        let ft = self.obj(f).ty;
                        let al = self.align_of(ft);
                        off = off.div_ceil(al) * al;
                        if j == i {
                            t = ft;
                            break;
                        }
                        off += self.size_of(ft);
                    }
                }
                x.mode = Mode::Constant(Value::int(off as i64));
                x.ty = TypeId::UINTPTR;
            }
            Builtin::Add => {
                let mut n = ops[1].clone();
                self.valid_index(&mut n, "length", true);
                x.ty = TypeId::UNSAFE_POINTER;
            }
            Builtin::Slice => {
                let p = ops[0].clone();
                let pu = self.under(p.ty);
                let Type::Pointer(el) = self.w.ty(pu).clone() else {
                    let s = self.op_string(&p);
                    self.error_at(p.lo(), format!("invalid argument: {s} is not a pointer"));
                    x.mode = Mode::Invalid;
                    return;
                };
                let mut n = ops[1].clone();
                self.valid_index(&mut n, "length", false);
                x.ty = self.w.new_slice(el);
            }
            Builtin::SliceData => {
                let s = ops[0].clone();
                let su = self.under(s.ty);
                let Type::Slice(el) = self.w.ty(su).clone() else {
                    let ss = self.op_string(&s);
                    self.error_at(s.lo(), format!("invalid argument: {ss} is not a slice"));
                    x.mode = Mode::Invalid;
                    return;
                };
                x.ty = self.w.new_pointer(el);
            }
            Builtin::String => {
                let mut n = ops[1].clone();
                self.valid_index(&mut n, "length", false);
                x.ty = TypeId::STRING;
            }
            Builtin::StringData => {
                let mut s = ops[0].clone();
                self.assignment(&mut s, TypeId::STRING, "argument to unsafe.StringData");
                x.ty = self.w.new_pointer(TypeId::BYTE);
            }
        }
    }

    fn float_of_complex(&mut self, t: TypeId) -> TypeId {
        match self.basic_kind(t) {
            Some(BasicKind::Complex64) => TypeId::FLOAT32,
            Some(BasicKind::UntypedComplex) => TypeId::UNTYPED_FLOAT,
            _ => TypeId::FLOAT64,
        }
    }

    /// The gc compiler's size of a type for the target word size.
    pub(crate) fn size_of(&mut self, t: TypeId) -> u64 {
        let ws = self.w.word_size;
        let u = self.under(t);
        match self.w.ty(u).clone() {
            Type::Basic(k, _) => match k {
                BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => 1,
                BasicKind::Int16 | BasicKind::Uint16 => 2,
                BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => 4,
                BasicKind::Int64 | BasicKind::Uint64 | BasicKind::Float64 | BasicKind::Complex64 => 8,
                BasicKind::Complex128 => 16,
                BasicKind::String => 2 * ws,
                _ => ws,
            },
            Type::Slice(_) => 3 * ws,
            Type::Interface(_) => 2 * ws,
            Type::Array(n, e) => {
                let es = self.size_of(e);
                n.unwrap_or(0) * es
            }
            Type::Struct(s) => {
                let mut off = 0u64;
                let mut max_align = 1u64;
                let n = s.fields.len();
                for (i, &f) in s.fields.iter().enumerate() {
                    let ft = self.obj(f).ty;
                    let (sz, al) = (self.size_of(ft), self.align_of(ft));
                    max_align = max_align.max(al);
                    off = off.div_ceil(al) * al;
                    off += sz;
                    // A final zero-size field gets padding so its address stays inside.
                    if i + 1 == n && sz == 0 && off > 0 {
                        off += 1;
                    }
                }
                off.div_ceil(max_align) * max_align
            }
            _ => ws,
        }
    }

    pub(crate) fn align_of(&mut self, t: TypeId) -> u64 {
        let ws = self.w.word_size;
        let u = self.under(t);
        match self.w.ty(u).clone() {
            Type::Array(_, e) => self.align_of(e),
            Type::Struct(s) => {
                let mut a = 1;
                for &f in &s.fields {
                    let ft = self.obj(f).ty;
                    a = a.max(self.align_of(ft));
                }
                a
            }
            Type::Basic(BasicKind::Complex128, _) => 8,
            Type::Basic(BasicKind::Complex64, _) => 4,
            Type::Basic(BasicKind::String, _) => ws,
            _ => self.size_of(t).clamp(1, ws),
        }
    }
}

fn contains_call_or_recv(e: Option<&Expr>) -> bool {
    use syntax::ast::ExprKind;
    let Some(e) = e else { return false };
    match &e.kind {
        ExprKind::Call { .. } => true,
        ExprKind::Operation { op: syntax::token::Op::Recv, y: None, .. } => true,
        ExprKind::Operation { x, y, .. } => {
            contains_call_or_recv(Some(x)) || y.as_deref().is_some_and(|y| contains_call_or_recv(Some(y)))
        }
        ExprKind::Paren(x) | ExprKind::Selector { x, .. } => contains_call_or_recv(Some(x)),
        ExprKind::Index { x, index } => contains_call_or_recv(Some(x)) || contains_call_or_recv(Some(index)),
        _ => false,
    }
}
