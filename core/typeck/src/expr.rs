//! Expressions: operands, constants, operators, conversions, assignability,
//! composite literals, selectors, indexing (types2's expr.go, const.go,
//! conversions.go, operand.go, index.go, literals.go).

use crate::bigint::BigInt;
use crate::check::Checker;
use crate::constant::{Rat, Value};
use crate::operand::{Mode, Operand};
use crate::types::*;
use std::rc::Rc;
use syntax::ast::{Expr, ExprKind};
use syntax::printer::expr_string;
use syntax::token::{LitKind, Op};

/// Why an implicit conversion failed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ConvError {
    Truncated,
    Overflow,
    Invalid,
}

impl<'w, 'a> Checker<'w, 'a> {
    /// A single-valued expression (types2's expr).
    pub(crate) fn expr(&mut self, x: &mut Operand<'a>, e: &'a Expr) {
        self.raw_expr(x, e, None, false);
        self.exclude(x, true, true, true);
        self.single_value(x);
    }

    pub(crate) fn expr_with_hint(&mut self, x: &mut Operand<'a>, e: &'a Expr, hint: TypeId) {
        self.raw_expr(x, e, Some(hint), false);
        self.exclude(x, true, true, true);
        self.single_value(x);
    }

    pub(crate) fn expr_or_type(&mut self, x: &mut Operand<'a>, e: &'a Expr, allow_generic: bool) {
        self.raw_expr(x, e, None, allow_generic);
        self.exclude(x, true, false, false);
        self.single_value(x);
    }

    /// An expression that may be a multi-value call (assignments, returns, calls).
    pub(crate) fn multi_expr(&mut self, e: &'a Expr, allow_comma_ok: bool) -> Vec<Operand<'a>> {
        let mut x = Operand::invalid();
        self.raw_expr(&mut x, e, None, false);
        self.exclude(&mut x, true, true, true);
        if let Type::Tuple(vars) = self.w.ty(x.ty).clone()
            && x.mode == Mode::Value
        {
            return vars
                .iter()
                .map(|&v| Operand { mode: Mode::Value, expr: Some(e), ty: self.obj(v).ty })
                .collect();
        }
        if matches!(x.mode, Mode::CommaOk | Mode::MapIndex) && allow_comma_ok {
            let mut y = x.clone();
            y.mode = Mode::Value;
            y.ty = TypeId::UNTYPED_BOOL;
            x.mode = Mode::Value;
            return vec![x, y];
        }
        if x.mode == Mode::CommaOk {
            x.mode = Mode::Value;
        }
        vec![x]
    }

    /// Rejects novalue, built-ins and types as values, per the flags.
    fn exclude(&mut self, x: &mut Operand<'a>, novalue: bool, builtin: bool, typexpr: bool) {
        let msg = match x.mode {
            Mode::NoValue if novalue => "used as value",
            Mode::Builtin(_) if builtin => "must be called",
            Mode::TypeExpr if typexpr => "is not an expression",
            _ => return,
        };
        let lo = x.lo();
        let s = if x.mode == Mode::NoValue { self.op_string(x) } else { self.op_string(x) };
        self.error_at(lo, format!("{s} {msg}"));
        x.mode = Mode::Invalid;
    }

    pub(crate) fn single_value(&mut self, x: &mut Operand<'a>) {
        if x.mode == Mode::Value
            && let Type::Tuple(vars) = self.w.ty(x.ty)
        {
            if vars.len() != 1 {
                let s = self.op_string(x);
                self.error_at(x.lo(), format!("multiple-value {s} in single-value context"));
                x.mode = Mode::Invalid;
            } else {
                x.ty = self.obj(vars[0]).ty;
            }
        }
        if x.mode == Mode::CommaOk {
            x.mode = Mode::Value;
        }
    }

    pub(crate) fn raw_expr(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        hint: Option<TypeId>,
        allow_generic: bool,
    ) {
        // Left-deep operator chains nest without bound in the tree; bound the
        // recursion like the parser does.
        if self.expr_depth >= syntax::parser::MAX_NESTING {
            if !self.too_deep {
                self.too_deep = true;
                self.error_at(
                    e.lo,
                    format!(
                        "expression nesting too deep (crossplay accepts at most {} levels)",
                        syntax::parser::MAX_NESTING
                    ),
                );
            }
            x.mode = Mode::Invalid;
            x.expr = Some(e);
            return;
        }
        self.expr_depth += 1;
        self.expr_internal(x, e, hint);
        self.expr_depth -= 1;
        if x.expr.is_some_and(|xe| std::ptr::eq(xe, e)) {
            self.record_operand(x);
        }
        if !allow_generic {
            self.non_generic(x);
        }
    }

    fn non_generic(&mut self, x: &mut Operand<'a>) {
        if x.mode == Mode::Invalid || x.mode == Mode::NoValue {
            return;
        }
        let what = if x.mode == Mode::TypeExpr && self.is_generic(x.ty) {
            "type"
        } else if matches!(self.w.ty(x.ty), Type::Signature(s) if !s.tparams.is_empty())
            && x.mode != Mode::TypeExpr
        {
            "function"
        } else {
            return;
        };
        let s = x.expr.map(expr_string).unwrap_or_default();
        let s = if what == "type" { self.type_string(x.ty) } else { s };
        self.error_at(x.lo(), format!("cannot use generic {what} {s} without instantiation"));
        x.mode = Mode::Invalid;
        x.ty = TypeId::INVALID;
    }

    fn expr_internal(&mut self, x: &mut Operand<'a>, e: &'a Expr, hint: Option<TypeId>) {
        x.mode = Mode::Invalid;
        x.ty = TypeId::INVALID;
        x.expr = Some(e);
        match &e.kind {
            ExprKind::Bad => {}
            ExprKind::Name(n) => self.ident(x, e, n, false),
            ExprKind::BasicLit(lit) => {
                if lit.bad {
                    return;
                }
                let v = crate::constant::parse_literal(lit.kind, &lit.value);
                if let Value::Unknown = v {
                    self.error_at(e.lo, format!("malformed constant: {}", lit.value));
                    return;
                }
                x.ty = match lit.kind {
                    LitKind::Int => TypeId::UNTYPED_INT,
                    LitKind::Float => TypeId::UNTYPED_FLOAT,
                    LitKind::Imag => TypeId::UNTYPED_COMPLEX,
                    LitKind::Rune => TypeId::UNTYPED_RUNE,
                    LitKind::String => TypeId::UNTYPED_STRING,
                };
                x.mode = Mode::Constant(v);
            }
            ExprKind::FuncLit { ty, body } => {
                let sig = self.func_type(None, &[], ty, None);
                let scope = self.sig_scope(sig);
                self.func_body("", sig, body, scope);
                x.mode = Mode::Value;
                x.ty = sig;
            }
            ExprKind::CompositeLit { ty, elems, .. } => self.composite_lit(x, e, ty.as_deref(), elems, hint),
            ExprKind::Paren(inner) => {
                self.raw_expr(x, inner, None, true);
                x.expr = Some(e);
            }
            ExprKind::Selector { .. } => self.selector(x, e, false),
            ExprKind::Index { x: base, index } => self.index_expr(x, e, base, index),
            ExprKind::Slice { x: base, index, full } => self.slice_expr(x, e, base, index, *full),
            ExprKind::Assert { x: base, ty } => {
                self.expr(x, base);
                if x.is_invalid() {
                    return;
                }
                if self.is_type_param(x.ty) {
                    let s = self.op_string(x);
                    self.error_at(
                        base.lo,
                        format!("invalid operation: cannot use type assertion on type parameter value {s}"),
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                if !self.is_interface(x.ty) {
                    let s = self.op_string(x);
                    self.error_at(base.lo, format!("invalid operation: {s} is not an interface"));
                    x.mode = Mode::Invalid;
                    return;
                }
                let t = self.var_type(ty);
                if t == TypeId::INVALID {
                    x.mode = Mode::Invalid;
                    return;
                }
                self.type_assertion(e, x.ty, t, false);
                x.mode = Mode::CommaOk;
                x.ty = t;
                x.expr = Some(e);
            }
            ExprKind::TypeSwitchGuard { .. } => {
                self.error_at(e.lo, "use of .(type) outside type switch");
            }
            ExprKind::Call { .. } => self.call_expr(x, e),
            ExprKind::Operation { op, x: lhs, y } => match y {
                None => self.unary(x, e, *op, lhs),
                Some(rhs) => self.binary(x, Some(e), lhs, rhs, *op),
            },
            ExprKind::KeyValue { .. } => {
                self.error_at(e.lo, "no key:value expected");
            }
            ExprKind::List(_) => {
                self.error_at(e.lo, "unexpected list of expressions");
            }
            ExprKind::ArrayType { .. }
            | ExprKind::SliceType { .. }
            | ExprKind::StructType { .. }
            | ExprKind::FuncType(_)
            | ExprKind::InterfaceType { .. }
            | ExprKind::MapType { .. }
            | ExprKind::ChanType { .. }
            | ExprKind::DotsType { .. } => {
                x.ty = self.typ(e);
                x.mode = if x.ty == TypeId::INVALID { Mode::Invalid } else { Mode::TypeExpr };
            }
        }
    }

    fn unary(&mut self, x: &mut Operand<'a>, e: &'a Expr, op: Op, operand: &'a Expr) {
        if op == Op::Mul {
            // Pointer indirection or pointer type.
            self.expr_or_type(x, operand, false);
            x.expr = Some(e);
            match x.mode {
                Mode::Invalid => return,
                Mode::TypeExpr => {
                    x.ty = self.w.new_pointer(x.ty);
                    return;
                }
                _ => {}
            }
            if x.is_nil() {
                self.error_at(e.lo, "invalid operation: cannot indirect nil");
                x.mode = Mode::Invalid;
                return;
            }
            let base = self
                .core_type(x.ty)
                .and_then(|u| if let Type::Pointer(b) = self.w.ty(u) { Some(*b) } else { None });
            match base {
                Some(b) => {
                    x.mode = Mode::Variable;
                    x.ty = b;
                }
                None => {
                    let mut y = x.clone();
                    y.expr = Some(operand);
                    let s = self.op_string(&y);
                    self.error_at(operand.lo, format!("invalid operation: cannot indirect {s}"));
                    x.mode = Mode::Invalid;
                }
            }
            return;
        }
        self.expr(x, operand);
        if x.is_invalid() {
            return;
        }
        match op {
            Op::And => {
                // &T{} is fine; otherwise the operand must be addressable.
                let inner = operand.unparen();
                if !matches!(inner.kind, ExprKind::CompositeLit { .. }) && x.mode != Mode::Variable {
                    let s = self.op_string(x);
                    self.error_at(x.lo(), format!("invalid operation: cannot take address of {s}"));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::Value;
                x.ty = self.w.new_pointer(x.ty);
                x.expr = Some(e);
                return;
            }
            Op::Recv => {
                let u = self.core_type(x.ty);
                let ch =
                    u.and_then(|u| if let Type::Chan(d, el) = self.w.ty(u) { Some((*d, *el)) } else { None });
                match ch {
                    None => {
                        let ts = self.type_string(x.ty);
                        let s = self.op_string(x);
                        self.error_at(
                            x.lo(),
                            format!("invalid operation: cannot receive from non-channel {ts} {s}"),
                        );
                        x.mode = Mode::Invalid;
                    }
                    Some((ChanDir::Send, _)) => {
                        let ts = self.type_string(x.ty);
                        let s = self.op_string(x);
                        self.error_at(
                            x.lo(),
                            format!("invalid operation: cannot receive from send-only channel {ts} {s}"),
                        );
                        x.mode = Mode::Invalid;
                    }
                    Some((_, el)) => {
                        x.mode = Mode::CommaOk;
                        x.ty = el;
                        x.expr = Some(e);
                    }
                }
                return;
            }
            Op::Tilde => {
                self.error_at(e.lo, "cannot use ~ outside of interface or type constraint");
                x.mode = Mode::Invalid;
                return;
            }
            _ => {}
        }
        if !self.op_allowed(x, op, true) {
            x.mode = Mode::Invalid;
            return;
        }
        if let Mode::Constant(v) = x.mode.clone() {
            let r = match (op, &v) {
                (Op::Add, _) => v.clone(),
                (Op::Sub, Value::Int(i)) => Value::Int(i.neg()),
                (Op::Sub, Value::Float(f)) => Value::Float(f.neg()),
                (Op::Sub, Value::Huge { neg, mant, exp10 }) => {
                    Value::Huge { neg: !neg, mant: *mant, exp10: *exp10 }
                }
                (Op::Sub, Value::Complex(re, im)) => Value::Complex(re.neg(), im.neg()),
                (Op::Not, Value::Bool(b)) => Value::Bool(!b),
                (Op::Xor, Value::Int(i)) => {
                    // ^x for unsigned typed x is x ^ (1<<size - 1).
                    if self.is_unsigned(x.ty) {
                        let bits = self.type_bits(x.ty);
                        let mask = BigInt::from_u64(1).shl(bits).sub(&BigInt::from_u64(1));
                        Value::Int(i.bitop(&mask, |a, b| a ^ b))
                    } else {
                        Value::Int(i.not())
                    }
                }
                _ => Value::Unknown,
            };
            x.mode = Mode::Constant(r);
            x.expr = Some(e);
            self.overflow(x, e.pos);
            return;
        }
        x.mode = Mode::Value;
        x.expr = Some(e);
    }

    /// The size in bits of an integer type.
    pub(crate) fn type_bits(&mut self, t: TypeId) -> u32 {
        match self.basic_kind(t) {
            Some(BasicKind::Int8 | BasicKind::Uint8) => 8,
            Some(BasicKind::Int16 | BasicKind::Uint16) => 16,
            Some(BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32) => 32,
            Some(BasicKind::Int | BasicKind::Uint | BasicKind::Uintptr) => (self.w.word_size * 8) as u32,
            _ => 64,
        }
    }

    /// Whether operator `op` applies to x's type; reports the error if not.
    fn op_allowed(&mut self, x: &Operand<'a>, op: Op, unary: bool) -> bool {
        let ok = match op {
            Op::Add => {
                if unary {
                    self.is_numeric(x.ty)
                } else {
                    self.is_numeric(x.ty) || self.is_string(x.ty)
                }
            }
            Op::Sub | Op::Mul | Op::Div => self.is_numeric(x.ty),
            Op::Rem | Op::And | Op::Or | Op::AndNot => self.is_integer(x.ty),
            Op::Xor => self.is_integer(x.ty),
            Op::Not | Op::AndAnd | Op::OrOr => self.is_boolean(x.ty),
            _ => true,
        };
        if !ok {
            let s = self.op_string(x);
            self.error_at(x.lo(), format!("invalid operation: operator {} not defined on {s}", op.as_str()));
        }
        ok
    }

    /// Reports constant overflow of a typed constant, or an untyped value beyond
    /// Go's limits.
    pub(crate) fn overflow(&mut self, x: &mut Operand<'a>, op_pos: u32) {
        let Mode::Constant(v) = x.mode.clone() else { return };
        if let Value::Unknown = v {
            self.error_at(op_pos, "constant result is not representable");
            x.mode = Mode::Invalid;
            return;
        }
        if !self.is_untyped(x.ty) && self.basic_kind(x.ty).is_some() {
            if let Some(nv) = self.representable_value(&v, x.ty) {
                x.mode = Mode::Constant(nv);
            } else {
                let t = self.under(x.ty);
                let (xs, ts) = (self.op_string(x), self.type_string(t));
                // A typed constant out of range (operands already have the result type,
                // so truncation cannot happen here).
                let msg = if self.is_numeric(x.ty) {
                    format!("{xs} overflows {ts}")
                } else {
                    format!("cannot convert {xs} to type {ts}")
                };
                self.error_at(x.lo(), msg);
                x.mode = Mode::Invalid;
            }
            return;
        }
        if let Value::Int(i) = &v
            && i.bit_len() > 512
        {
            let what = self.overflow_what(x);
            self.error_at(op_pos, format!("constant {what} overflow"));
            x.mode = Mode::Invalid;
        }
    }

    fn overflow_what(&mut self, x: &Operand<'a>) -> String {
        match x.expr.map(|e| &e.kind) {
            Some(ExprKind::Operation { op, y: Some(_), .. }) => {
                let name = match op {
                    Op::Add => "addition",
                    Op::Sub => "subtraction",
                    Op::Mul => "multiplication",
                    Op::Shl => "shift",
                    _ => "",
                };
                if name.is_empty() { "constant".into() } else { name.into() }
            }
            _ => "constant".into(),
        }
    }

    /// The value of `v` as a constant of basic type `t`, rounded for floats; None if
    /// it is not representable.
    pub(crate) fn representable_value(&mut self, v: &Value, t: TypeId) -> Option<Value> {
        let k = self.basic_kind(t)?;
        use BasicKind as K;
        let int_range = |k: K, ws: u64| -> Option<(BigInt, BigInt)> {
            let (signed, bits) = match k {
                K::Int8 => (true, 8),
                K::Int16 => (true, 16),
                K::Int32 => (true, 32),
                K::Int64 => (true, 64),
                K::Int => (true, ws as u32 * 8),
                K::Uint8 => (false, 8),
                K::Uint16 => (false, 16),
                K::Uint32 => (false, 32),
                K::Uint64 => (false, 64),
                K::Uint | K::Uintptr => (false, ws as u32 * 8),
                _ => return None,
            };
            let one = BigInt::from_u64(1);
            Some(if signed {
                (one.shl(bits - 1).neg(), one.shl(bits - 1).sub(&one))
            } else {
                (BigInt::zero(), one.shl(bits).sub(&one))
            })
        };
        match k {
            K::Bool | K::UntypedBool => matches!(v, Value::Bool(_)).then(|| v.clone()),
            K::String | K::UntypedString => matches!(v, Value::String(_)).then(|| v.clone()),
            K::UntypedInt | K::UntypedRune => v.to_int().map(Value::Int),
            K::UntypedFloat => match v {
                Value::Huge { .. } => Some(v.clone()),
                _ => v.to_rat().map(Value::Float),
            },
            K::UntypedComplex => v.to_complex().map(|(a, b)| Value::Complex(a, b)),
            K::Float32 | K::Float64 => {
                if let Value::Huge { exp10, .. } = v {
                    // Far out of range: overflow, or a value that rounds to zero.
                    return (*exp10 < 0).then(|| Value::Float(Rat::from_int(BigInt::zero())));
                }
                let r = v.to_rat()?;
                let f = if k == K::Float32 { r.to_f32() } else { r.to_f64() };
                if f.is_infinite() {
                    return None;
                }
                Some(Value::Float(Rat::from_f64(f)))
            }
            K::Complex64 | K::Complex128 => {
                let (re, im) = v.to_complex()?;
                let conv = |r: &Rat| if k == K::Complex64 { r.to_f32() } else { r.to_f64() };
                let (a, b) = (conv(&re), conv(&im));
                if a.is_infinite() || b.is_infinite() {
                    return None;
                }
                Some(Value::Complex(Rat::from_f64(a), Rat::from_f64(b)))
            }
            K::UnsafePointer | K::Invalid | K::UntypedNil => None,
            _ => {
                let i = v.to_int()?;
                let (lo, hi) = int_range(k, self.w.word_size)?;
                (i >= lo && i <= hi).then_some(Value::Int(i))
            }
        }
    }

    /// The type and value an untyped operand takes on in a context of type `target`
    /// (types2's implicitTypeAndValue).
    pub(crate) fn implicit_type_and_value(
        &mut self,
        x: &Operand<'a>,
        target: TypeId,
    ) -> Result<(TypeId, Option<Value>), ConvError> {
        if x.is_invalid() || !self.is_untyped(x.ty) || target == TypeId::INVALID {
            return Ok((x.ty, None));
        }
        if self.is_untyped(target) {
            // Both untyped: the "larger" kind wins if both are numeric.
            if self.is_numeric(x.ty) && self.is_numeric(target) {
                let rank = |t: TypeId| match t {
                    TypeId::UNTYPED_INT => 0,
                    TypeId::UNTYPED_RUNE => 1,
                    TypeId::UNTYPED_FLOAT => 2,
                    _ => 3,
                };
                return Ok((if rank(x.ty) >= rank(target) { x.ty } else { target }, None));
            }
            if x.ty == target {
                return Ok((x.ty, None));
            }
            return Err(ConvError::Invalid);
        }
        if self.is_type_param(target) {
            let terms = self.type_param_terms(target);
            let Some(terms) = terms.filter(|t| !t.is_empty()) else { return Err(ConvError::Invalid) };
            for term in terms {
                let u = self.under(term.ty);
                self.implicit_type_and_value(x, u)?;
            }
            if x.is_nil() {
                return Ok((TypeId::UNTYPED_NIL, None));
            }
            return Ok((target, None));
        }
        let u = self.under(target);
        match self.w.ty(u).clone() {
            Type::Basic(..) => {
                if let Mode::Constant(v) = &x.mode {
                    return match self.representable_value(v, u) {
                        Some(nv) => Ok((target, Some(nv))),
                        None => {
                            if self.is_numeric(x.ty) && self.is_numeric(u) {
                                if !self.is_integer(x.ty) && self.is_integer(u) {
                                    Err(ConvError::Truncated)
                                } else {
                                    Err(ConvError::Overflow)
                                }
                            } else {
                                Err(ConvError::Invalid)
                            }
                        }
                    };
                }
                let ok = match x.ty {
                    TypeId::UNTYPED_BOOL => self.is_boolean(u),
                    TypeId::UNTYPED_INT
                    | TypeId::UNTYPED_RUNE
                    | TypeId::UNTYPED_FLOAT
                    | TypeId::UNTYPED_COMPLEX => self.is_numeric(u),
                    TypeId::UNTYPED_STRING => self.is_string(u),
                    TypeId::UNTYPED_NIL => {
                        if !self.has_nil(u) {
                            return Err(ConvError::Invalid);
                        }
                        return Ok((TypeId::UNTYPED_NIL, None));
                    }
                    _ => false,
                };
                if !ok {
                    return Err(ConvError::Invalid);
                }
                Ok((target, None))
            }
            Type::Interface(_) => {
                if x.is_nil() {
                    return Ok((TypeId::UNTYPED_NIL, None));
                }
                let ts = self.type_set(u);
                if !ts.methods.is_empty() || ts.terms.is_some() {
                    // Untyped values convert to their default type first.
                    return Ok((self.default_type(x.ty), None));
                }
                Ok((self.default_type(x.ty), None))
            }
            Type::Pointer(_) | Type::Signature(_) | Type::Slice(_) | Type::Map(..) | Type::Chan(..) => {
                if !x.is_nil() {
                    return Err(ConvError::Invalid);
                }
                Ok((TypeId::UNTYPED_NIL, None))
            }
            _ => Err(ConvError::Invalid),
        }
    }

    /// Converts an untyped operand to `target` or reports why it cannot
    /// (types2's convertUntyped).
    pub(crate) fn convert_untyped(&mut self, x: &mut Operand<'a>, target: TypeId) {
        match self.implicit_type_and_value(x, target) {
            Ok((t, v)) => {
                if let Some(v) = v {
                    x.mode = Mode::Constant(v);
                }
                x.ty = t;
                self.record_operand(x);
            }
            Err(code) => {
                let t = if self.is_type_param(target) { target } else { self.under(target) };
                let xs = self.op_string(x);
                let ts = self.type_string(t);
                let msg = match code {
                    ConvError::Truncated => format!("{xs} truncated to {ts}"),
                    ConvError::Overflow => format!("{xs} overflows {ts}"),
                    ConvError::Invalid => format!("cannot convert {xs} to type {ts}"),
                };
                self.error_at(x.lo(), msg);
                x.mode = Mode::Invalid;
            }
        }
    }

    /// Whether x is assignable to T; `cause` receives the reason when it is not.
    pub(crate) fn assignable_to(&mut self, x: &Operand<'a>, t: TypeId, cause: &mut String) -> bool {
        if x.is_invalid() || t == TypeId::INVALID || x.ty == TypeId::INVALID {
            return true;
        }
        let v = x.ty;
        if self.identical(v, t) {
            return true;
        }
        let (vu, tu) = (self.under(v), self.under(t));
        let (vp, tp) = (self.is_type_param(v), self.is_type_param(t));
        if self.is_untyped(vu) {
            if tp {
                let terms = self.type_param_terms(t);
                let Some(terms) = terms.filter(|t| !t.is_empty()) else { return false };
                return terms.iter().all(|term| self.implicit_type_and_value(x, term.ty).is_ok());
            }
            return self.implicit_type_and_value(x, t).is_ok();
        }
        let has_name =
            |c: &Self, t: TypeId| matches!(c.w.ty(t), Type::Named(_) | Type::Basic(..) | Type::TypeParam(_));
        if self.identical(vu, tu) && (!has_name(self, v) || !has_name(self, t)) && !vp && !tp {
            return true;
        }
        if let Type::Pointer(b) = self.w.ty(tu).clone() {
            if self.is_interface(b) && !vp {
                let (vs, ts) = (self.type_string(v), self.type_string(t));
                *cause = format!(
                    "{vs} does not implement {ts} (type {ts} is pointer to interface, not interface)"
                );
                return false;
            }
        }
        if matches!(self.w.ty(tu), Type::Interface(_)) && !tp {
            if self.implements(v, t, cause) {
                return true;
            }
            if !vp {
                return false;
            }
            cause.clear();
        }
        if matches!(self.w.ty(vu), Type::Interface(_)) && !vp {
            let mut c = String::new();
            if self.implements(t, v, &mut c) {
                *cause = "need type assertion".into();
                return false;
            }
        }
        if let Type::Chan(ChanDir::Both, ve) = self.w.ty(vu).clone()
            && let Type::Chan(_, te) = self.w.ty(tu).clone()
            && self.identical(ve, te)
        {
            return !has_name(self, v) || !has_name(self, t);
        }
        if !has_name(self, v) && tp {
            let terms = self.type_param_terms(t);
            let Some(terms) = terms.filter(|t| !t.is_empty()) else { return false };
            return terms.iter().all(|term| {
                let mut c = String::new();
                self.assignable_to(x, term.ty, &mut c)
            });
        }
        if vp && !has_name(self, t) {
            let terms = self.type_param_terms(v);
            let Some(terms) = terms.filter(|t| !t.is_empty()) else { return false };
            return terms.iter().all(|term| {
                let y = Operand { mode: Mode::Value, expr: None, ty: term.ty };
                let mut c = String::new();
                self.assignable_to(&y, t, &mut c)
            });
        }
        false
    }

    /// x := T(x) (types2's conversion).
    pub(crate) fn conversion(&mut self, x: &mut Operand<'a>, t: TypeId, call: &'a Expr) {
        let const_arg = x.is_const();
        let const_convertible = |c: &mut Self, x: &Operand<'a>| -> Option<Option<Value>> {
            let v = x.val()?.clone();
            if !c.is_const_type(t) {
                return None;
            }
            if let Some(nv) = c.representable_value(&v, t) {
                return Some(Some(nv));
            }
            // Integer to string conversion of a constant.
            if c.is_integer(x.ty) && c.is_string(t) {
                let code = v
                    .to_int()
                    .and_then(|i| i.to_i64())
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}');
                return Some(Some(Value::String(code.to_string().into_bytes().into())));
            }
            None
        };
        let mut ok = false;
        let mut new_val = None;
        if const_arg && self.is_const_type(t) {
            if let Some(v) = const_convertible(self, x) {
                ok = true;
                new_val = v;
            } else if self.is_integer(x.ty) && self.is_integer(t) {
                // An integer constant fails to convert only by overflowing.
                let vs = x.val().map(Value::to_go_string).unwrap_or_default();
                let ts = self.type_string(t);
                self.error_at(x.lo(), format!("constant {vs} overflows {ts}"));
                x.mode = Mode::Invalid;
                return;
            }
        } else if x.mode != Mode::Invalid {
            ok = self.convertible_to(x, t);
        }
        if !ok {
            let xs = self.op_string(x);
            let ts = self.type_string(t);
            self.error_at(x.lo(), format!("cannot convert {xs} to type {ts}"));
            x.mode = Mode::Invalid;
            return;
        }
        match new_val {
            Some(v) if !self.is_type_param(t) => x.mode = Mode::Constant(v),
            _ => x.mode = Mode::Value,
        }
        x.ty = t;
        x.expr = Some(call);
    }

    fn convertible_to(&mut self, x: &Operand<'a>, t: TypeId) -> bool {
        let mut c = String::new();
        if self.assignable_to(x, t, &mut c) {
            return true;
        }
        let v = x.ty;
        let (vu, tu) = (self.under(v), self.under(t));
        let (vp, tp) = (self.is_type_param(v), self.is_type_param(t));
        if !vp && !tp {
            if self.identical_ignore_tags(vu, tu) {
                return true;
            }
            if let (Type::Pointer(a), Type::Pointer(b)) = (self.w.ty(v).clone(), self.w.ty(t).clone()) {
                let (au, bu) = (self.under(a), self.under(b));
                if self.identical_ignore_tags(au, bu) {
                    return true;
                }
            }
        }
        let conv_basic = |c: &mut Self, v: TypeId, t: TypeId| -> bool {
            let (vi, ti) = (c.is_integer(v) || c.is_float(v), c.is_integer(t) || c.is_float(t));
            if vi && ti {
                return true;
            }
            if c.is_complex(v) && c.is_complex(t) {
                return true;
            }
            if (c.is_integer(v) || c.is_bytes_or_runes(v)) && c.is_string(t) {
                return true;
            }
            if c.is_string(v) && c.is_bytes_or_runes(t) {
                return true;
            }
            let vu = c.under(v);
            let tu = c.under(t);
            if (vu == TypeId::UNSAFE_POINTER
                && (matches!(c.w.ty(tu), Type::Pointer(_)) || c.basic_kind(tu) == Some(BasicKind::Uintptr)))
                || (tu == TypeId::UNSAFE_POINTER
                    && (matches!(c.w.ty(vu), Type::Pointer(_))
                        || c.basic_kind(vu) == Some(BasicKind::Uintptr)))
            {
                return true;
            }
            // Slice to array or array pointer.
            if let Type::Slice(se) = c.w.ty(vu).clone() {
                match c.w.ty(tu).clone() {
                    Type::Array(_, ae) => return c.identical(se, ae),
                    Type::Pointer(p) => {
                        let pu = c.under(p);
                        if let Type::Array(_, ae) = c.w.ty(pu).clone() {
                            return c.identical(se, ae);
                        }
                    }
                    _ => {}
                }
            }
            false
        };
        if !vp && !tp {
            return conv_basic(self, v, t);
        }
        // Type parameters: every pair of specific types must convert.
        let vs: Vec<TypeId> = if vp {
            self.type_param_terms(v).unwrap_or_default().iter().map(|t| t.ty).collect()
        } else {
            vec![v]
        };
        let ts: Vec<TypeId> = if tp {
            self.type_param_terms(t).unwrap_or_default().iter().map(|t| t.ty).collect()
        } else {
            vec![t]
        };
        if vs.is_empty() || ts.is_empty() {
            return false;
        }
        for &a in &vs {
            for &b in &ts {
                let y = Operand { mode: Mode::Value, expr: None, ty: a };
                let mut c = String::new();
                if !(self.assignable_to(&y, b, &mut c) || conv_basic(self, a, b) || {
                    let (au, bu) = (self.under(a), self.under(b));
                    self.identical_ignore_tags(au, bu)
                }) {
                    return false;
                }
            }
        }
        true
    }

    fn is_bytes(&mut self, t: TypeId) -> bool {
        let u = self.under(t);
        if let Type::Slice(e) = self.w.ty(u).clone() {
            return self.basic_kind(e) == Some(BasicKind::Uint8);
        }
        false
    }

    fn is_bytes_or_runes(&mut self, t: TypeId) -> bool {
        let u = self.under(t);
        if let Type::Slice(e) = self.w.ty(u).clone() {
            let k = self.basic_kind(e);
            return matches!(k, Some(BasicKind::Uint8 | BasicKind::Int32));
        }
        false
    }

    fn identical_ignore_tags(&mut self, a: TypeId, b: TypeId) -> bool {
        if let (Type::Struct(s1), Type::Struct(s2)) = (self.w.ty(a).clone(), self.w.ty(b).clone()) {
            return s1.fields.len() == s2.fields.len()
                && s1.fields.iter().zip(s2.fields.iter()).all(|(&f, &g)| {
                    let (of, og) = (self.obj(f).clone(), self.obj(g).clone());
                    of.name == og.name && self.identical(of.ty, og.ty)
                });
        }
        self.identical(a, b)
    }

    pub(crate) fn binary(
        &mut self,
        x: &mut Operand<'a>,
        e: Option<&'a Expr>,
        lhs: &'a Expr,
        rhs: &'a Expr,
        op: Op,
    ) {
        let mut y = Operand::invalid();
        self.expr(x, lhs);
        self.expr(&mut y, rhs);
        if x.is_invalid() {
            return;
        }
        if y.is_invalid() {
            x.mode = Mode::Invalid;
            x.expr = y.expr;
            return;
        }
        if matches!(op, Op::Shl | Op::Shr) {
            self.shift(x, &mut y, e, op);
            return;
        }
        self.match_types(x, &mut y);
        if x.is_invalid() {
            return;
        }
        if matches!(op, Op::Eql | Op::Neq | Op::Lss | Op::Leq | Op::Gtr | Op::Geq) {
            self.comparison(x, &mut y, op, e, false);
            return;
        }
        if !self.identical(x.ty, y.ty) {
            if x.ty != TypeId::INVALID && y.ty != TypeId::INVALID {
                let (xt, yt) = (self.type_string(x.ty), self.type_string(y.ty));
                match e {
                    Some(e) => {
                        let es = expr_string(e);
                        self.error_at(
                            x.lo(),
                            format!("invalid operation: {es} (mismatched types {xt} and {yt})"),
                        );
                    }
                    None => {
                        let (ls, rs) = (expr_string(lhs), expr_string(rhs));
                        self.error_at(
                            x.lo(),
                            format!(
                                "invalid operation: {ls} {}= {rs} (mismatched types {xt} and {yt})",
                                op.as_str()
                            ),
                        );
                    }
                }
            }
            x.mode = Mode::Invalid;
            return;
        }
        if !self.op_allowed(x, op, false) {
            x.mode = Mode::Invalid;
            return;
        }
        if matches!(op, Op::Div | Op::Rem)
            && (x.is_const() || self.is_integer(x.ty))
            && let Some(v) = y.val()
        {
            let zero = match v {
                Value::Int(i) => i.is_zero(),
                Value::Float(r) => r.is_zero(),
                Value::Complex(a, b) => a.is_zero() && b.is_zero(),
                _ => false,
            };
            if zero {
                self.error_at(y.lo(), "invalid operation: division by zero");
                x.mode = Mode::Invalid;
                return;
            }
        }
        if let (Some(a), Some(b)) = (x.val().cloned(), y.val().cloned()) {
            let int_div = self.is_integer(x.ty);
            let r = const_binary(&a, op, &b, int_div);
            x.mode = Mode::Constant(r);
            x.expr = e;
            let pos = e.map_or(x.lo(), |e| e.pos);
            self.overflow(x, pos);
            return;
        }
        x.mode = Mode::Value;
        x.expr = e.or(x.expr);
    }

    fn match_types(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>) {
        let may_convert = |c: &mut Self, x: &Operand<'a>, y: &Operand<'a>| -> bool {
            if !c.is_untyped(x.ty) && !c.is_untyped(y.ty) {
                return false;
            }
            if c.is_interface(x.ty) || c.is_interface(y.ty) {
                return true;
            }
            if c.is_boolean(x.ty) != c.is_boolean(y.ty) {
                return false;
            }
            if c.is_string(x.ty) != c.is_string(y.ty) {
                return false;
            }
            if x.is_nil() {
                return c.has_nil(y.ty);
            }
            if y.is_nil() {
                return c.has_nil(x.ty);
            }
            let (xu, yu) = (c.under(x.ty), c.under(y.ty));
            if matches!(c.w.ty(xu), Type::Pointer(_)) || matches!(c.w.ty(yu), Type::Pointer(_)) {
                return false;
            }
            true
        };
        if may_convert(self, x, y) {
            let yt = y.ty;
            self.convert_untyped(x, yt);
            if x.is_invalid() {
                return;
            }
            let xt = x.ty;
            self.convert_untyped(y, xt);
            if y.is_invalid() {
                x.mode = Mode::Invalid;
            }
        }
    }

    pub(crate) fn comparison(
        &mut self,
        x: &mut Operand<'a>,
        y: &mut Operand<'a>,
        op: Op,
        e: Option<&'a Expr>,
        switch_case: bool,
    ) {
        if x.ty == TypeId::INVALID || y.ty == TypeId::INVALID {
            x.mode = Mode::Invalid;
            return;
        }
        let mut err_op_is_x = true;
        let mut cause = String::new();
        let mut c = String::new();
        let ok = self.assignable_to(x, y.ty, &mut c) || self.assignable_to(y, x.ty, &mut c);
        let mut bad = false;
        if !ok {
            err_op_is_x = false;
            let (xt, yt) = (self.type_string(x.ty), self.type_string(y.ty));
            cause = format!("mismatched types {xt} and {yt}");
            bad = true;
        } else if matches!(op, Op::Eql | Op::Neq) {
            if x.is_nil() || y.is_nil() {
                let t = if x.is_nil() { y.ty } else { x.ty };
                if !self.has_nil(t) || (x.is_nil() && y.is_nil()) {
                    err_op_is_x = false;
                    bad = true;
                }
            } else if !self.comparable(x.ty) {
                cause = self.incomparable_cause(x.ty);
                bad = true;
            } else if !self.comparable(y.ty) {
                err_op_is_x = false;
                cause = self.incomparable_cause(y.ty);
                bad = true;
            }
        } else if !self.is_ordered(x.ty) {
            bad = true;
        } else if !self.is_ordered(y.ty) {
            err_op_is_x = false;
            bad = true;
        }
        if bad {
            if cause.is_empty() {
                let err_ty = if err_op_is_x { x.ty } else { y.ty };
                if self.is_type_param(x.ty) || self.is_type_param(y.ty) {
                    let t = if !self.is_type_param(x.ty) { y.ty } else { err_ty };
                    let ts = self.type_string(t);
                    cause = format!("type parameter {ts} cannot use operator {}", op.as_str());
                } else {
                    let mut what = self.composite_kind(err_ty).to_string();
                    if what.is_empty() {
                        what = self.type_string(err_ty);
                    }
                    cause = format!("operator {} not defined on {what}", op.as_str());
                }
            }
            let (xs, ys) =
                (x.expr.map(expr_string).unwrap_or_default(), y.expr.map(expr_string).unwrap_or_default());
            if switch_case {
                self.error_at(x.lo(), format!("invalid case {xs} in switch on {ys} ({cause})"));
            } else {
                let at = if err_op_is_x { x.lo() } else { y.lo() };
                self.error_at(at, format!("invalid operation: {xs} {} {ys} ({cause})", op.as_str()));
            }
            x.mode = Mode::Invalid;
            return;
        }
        if let (Some(a), Some(b)) = (x.val().cloned(), y.val().cloned()) {
            x.mode = Mode::Constant(Value::Bool(const_compare(&a, op, &b)));
        } else {
            x.mode = Mode::Value;
        }
        x.ty = TypeId::UNTYPED_BOOL;
        if e.is_some() {
            x.expr = e;
        }
    }

    fn shift(&mut self, x: &mut Operand<'a>, y: &mut Operand<'a>, e: Option<&'a Expr>, op: Op) {
        // The shifted operand must be an integer (or an untyped constant representable
        // as one).
        let xval = match x.val() {
            Some(v) => v.to_int(),
            None => None,
        };
        if self.is_integer(x.ty) || self.is_untyped(x.ty) && xval.is_some() {
            // ok
        } else {
            let s = self.op_string(x);
            self.error_at(x.lo(), format!("invalid operation: shifted operand {s} must be integer"));
            x.mode = Mode::Invalid;
            return;
        }
        // The shift count must be an integer (untyped constants convert to uint).
        let yval = y.val().cloned();
        if let Some(v) = &yval {
            let Some(i) = v.to_int() else {
                let s = self.op_string(y);
                self.error_at(y.lo(), format!("invalid operation: shift count {s} must be integer"));
                x.mode = Mode::Invalid;
                return;
            };
            if i.is_neg() {
                let s = self.op_string(y);
                self.error_at(y.lo(), format!("invalid operation: negative shift count {s}"));
                x.mode = Mode::Invalid;
                return;
            }
            if self.is_untyped(y.ty) {
                y.mode = Mode::Constant(Value::Int(i));
                y.ty = TypeId::UINT;
            }
        } else if self.is_untyped(y.ty) {
            self.convert_untyped(y, TypeId::UINT);
            if y.is_invalid() {
                x.mode = Mode::Invalid;
                return;
            }
        } else if !self.is_integer(y.ty) {
            let s = self.op_string(y);
            self.error_at(y.lo(), format!("invalid operation: shift count {s} must be integer"));
            x.mode = Mode::Invalid;
            return;
        }
        if let Some(xi) = x.val().and_then(|v| v.to_int())
            && let Some(yi) = y.val().and_then(|v| v.to_int())
        {
            let Some(s) = yi.to_u64().filter(|&s| s <= 1023 + 64) else {
                let ys = self.op_string(y);
                self.error_at(y.lo(), format!("invalid operation: invalid shift count {ys}"));
                x.mode = Mode::Invalid;
                return;
            };
            if self.is_untyped(x.ty) {
                x.ty = TypeId::UNTYPED_INT;
            }
            let r = if op == Op::Shl { xi.shl(s as u32) } else { xi.shr(s as u32) };
            x.mode = Mode::Constant(Value::Int(r));
            x.expr = e;
            let pos = e.map_or(x.lo(), |e| e.pos);
            self.overflow(x, pos);
            return;
        }
        // A non-constant shift of an untyped constant stays untyped: it takes the
        // type its context gives it (or int), as types2's delayed typing does.
        x.mode = Mode::Value;
        x.expr = e;
    }

    fn composite_lit(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        ty: Option<&'a Expr>,
        elems: &'a [Expr],
        hint: Option<TypeId>,
    ) {
        let (typ, base) = match ty {
            Some(t) => {
                // [...]T arrays get their length from the literal.
                if let ExprKind::ArrayType { len: None, elem } = &t.kind {
                    let el = self.var_type(elem);
                    let n = self.indexed_elts(elems, el, None);
                    let at = self.w.new_type(Type::Array(Some(n), el));
                    x.mode = Mode::Value;
                    x.ty = at;
                    x.expr = Some(e);
                    return;
                }
                let t = self.typ(t);
                (t, t)
            }
            None => match hint {
                Some(h) => {
                    // *T{} elided in a composite literal of pointers.
                    let u = self.core_type(h);
                    let base = match u.map(|u| self.w.ty(u).clone()) {
                        Some(Type::Pointer(b)) => b,
                        _ => h,
                    };
                    (h, base)
                }
                None => {
                    self.error_at(e.lo, "invalid composite literal type: missing type");
                    x.mode = Mode::Invalid;
                    return;
                }
            },
        };
        let Some(u) = self.core_type(base) else {
            let s = self.type_string(typ);
            self.error_at(e.lo, format!("invalid composite literal type {s}"));
            x.mode = Mode::Invalid;
            return;
        };
        match self.w.ty(u).clone() {
            Type::Struct(s) => {
                if elems.is_empty() {
                } else if matches!(elems[0].kind, ExprKind::KeyValue { .. }) {
                    let mut seen = vec![false; s.fields.len()];
                    for el in elems {
                        let ExprKind::KeyValue { key, value } = &el.kind else {
                            self.error_at(
                                el.lo,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        };
                        let ExprKind::Name(kname) = &key.kind else {
                            let ks = expr_string(key);
                            self.error_at(key.lo, format!("invalid field name {ks} in struct literal"));
                            continue;
                        };
                        let idx = s.fields.iter().position(|&f| self.obj(f).name == *kname);
                        if idx.is_none() {
                            // Go 1.27: a key may name a promoted field.
                            if let crate::call::Found::Field(fobj, ft, ..) =
                                self.lookup_field_or_method(base, Some(self.pkg), kname)
                            {
                                self.record_use(key, fobj);
                                let mut y = Operand::invalid();
                                self.expr_with_hint(&mut y, value, ft);
                                self.assignment(&mut y, ft, "struct literal");
                                continue;
                            }
                        }
                        let Some(i) = idx else {
                            let ts = self.type_string(base);
                            self.error_at(
                                key.lo,
                                format!("unknown field {kname} in struct literal of type {ts}"),
                            );
                            let mut y = Operand::invalid();
                            self.expr(&mut y, value);
                            continue;
                        };
                        self.record_use(key, s.fields[i]);
                        let ft = self.obj(s.fields[i]).ty;
                        let mut y = Operand::invalid();
                        self.expr_with_hint(&mut y, value, ft);
                        self.assignment(&mut y, ft, "struct literal");
                        if seen[i] {
                            self.error_at(key.lo, format!("duplicate field name {kname} in struct literal"));
                        }
                        seen[i] = true;
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        if let ExprKind::KeyValue { value, .. } = &el.kind {
                            self.error_at(
                                el.lo,
                                "mixture of field:value and value elements in struct literal",
                            );
                            let mut y = Operand::invalid();
                            self.expr(&mut y, value);
                            continue;
                        }
                        let mut y = Operand::invalid();
                        let Some(&f) = s.fields.get(i) else {
                            self.expr(&mut y, el);
                            let ts = self.type_string(base);
                            self.error_at(el.lo, format!("too many values in struct literal of type {ts}"));
                            break;
                        };
                        let ft = self.obj(f).ty;
                        self.expr_with_hint(&mut y, el, ft);
                        let fo = self.obj(f).clone();
                        if !fo.exported() && fo.pkg != Some(self.pkg) {
                            let ts = self.type_string(base);
                            self.error_at(el.lo, format!("implicit assignment to unexported field {} in struct literal of type {ts}", fo.name));
                            continue;
                        }
                        self.assignment(&mut y, ft, "struct literal");
                    }
                    if elems.len() < s.fields.len()
                        && !elems.iter().any(|e| matches!(e.kind, ExprKind::KeyValue { .. }))
                    {
                        let ts = self.type_string(base);
                        let ExprKind::CompositeLit { rbrace, .. } = &e.kind else { unreachable!() };
                        self.error_at(*rbrace, format!("too few values in struct literal of type {ts}"));
                    }
                }
            }
            Type::Array(n, el) => {
                self.indexed_elts(elems, el, n);
            }
            Type::Slice(el) => {
                self.indexed_elts(elems, el, None);
            }
            Type::Map(k, v) => {
                let mut seen: Vec<(Value, TypeId)> = Vec::new();
                for el in elems {
                    let ExprKind::KeyValue { key, value } = &el.kind else {
                        self.error_at(el.lo, "missing key in map literal");
                        let mut y = Operand::invalid();
                        self.expr(&mut y, el);
                        continue;
                    };
                    let mut kx = Operand::invalid();
                    self.expr_with_hint(&mut kx, key, k);
                    self.assignment(&mut kx, k, "map literal");
                    if let Some(kv) = kx.val().cloned()
                        && !self.is_interface(k)
                    {
                        let dup = seen.iter().any(|(v, _)| *v == kv);
                        if dup {
                            let ks = expr_string(key);
                            self.error_at(key.lo, format!("duplicate key {ks} in map literal"));
                            continue;
                        }
                        seen.push((kv, kx.ty));
                    }
                    let mut vx = Operand::invalid();
                    self.expr_with_hint(&mut vx, value, v);
                    self.assignment(&mut vx, v, "map literal");
                }
            }
            _ => {
                if u != TypeId::INVALID {
                    let s = self.type_string(typ);
                    self.error_at(e.lo, format!("invalid composite literal type {s}"));
                }
                for el in elems {
                    let inner =
                        if let ExprKind::KeyValue { value, .. } = &el.kind { value.as_ref() } else { el };
                    let mut y = Operand::invalid();
                    self.expr(&mut y, inner);
                }
                x.mode = Mode::Invalid;
                return;
            }
        }
        x.mode = Mode::Value;
        x.ty = typ;
        x.expr = Some(e);
    }

    /// Elements of an array or slice literal; returns the literal's length.
    fn indexed_elts(&mut self, elems: &'a [Expr], el: TypeId, length: Option<u64>) -> u64 {
        let mut index: u64 = 0;
        let mut max: u64 = 0;
        let mut seen: std::collections::HashSet<u64> = std::collections::HashSet::new();
        for e in elems {
            let mut valid_index = false;
            let mut value = e;
            if let ExprKind::KeyValue { key, value: v } = &e.kind {
                let mut kx = Operand::invalid();
                self.expr(&mut kx, key);
                if let Some(i) = kx.val().and_then(|v| v.to_int()) {
                    if let Some(i) = i.to_u64() {
                        index = i;
                        valid_index = true;
                    } else {
                        let s = self.op_string(&kx);
                        self.error_at(key.lo, format!("index {s} must be non-negative integer constant"));
                    }
                } else if !kx.is_invalid() {
                    let s = self.op_string(&kx);
                    self.error_at(key.lo, format!("index {s} must be integer constant"));
                }
                value = v;
            } else if let Some(n) = length {
                if index >= n {
                    self.error_at(e.lo, format!("index {index} is out of bounds (>= {n})"));
                } else {
                    valid_index = true;
                }
            } else {
                valid_index = true;
            }
            if valid_index && !seen.insert(index) {
                self.error_at(e.lo, format!("duplicate index {index} in array or slice literal"));
            }
            index += 1;
            max = max.max(index);
            let mut y = Operand::invalid();
            self.expr_with_hint(&mut y, value, el);
            self.assignment(&mut y, el, "array or slice literal");
        }
        max
    }

    /// x[i]: index, map lookup, or generic instantiation.
    fn index_expr(&mut self, x: &mut Operand<'a>, e: &'a Expr, base: &'a Expr, index: &'a Expr) {
        self.expr_or_type(x, base, true);
        match x.mode.clone() {
            Mode::Invalid => {
                let mut y = Operand::invalid();
                for i in index.unpack_list() {
                    self.expr_or_type(&mut y, i, false);
                }
                return;
            }
            Mode::TypeExpr => {
                x.ty = self.typ(e);
                x.mode = if x.ty == TypeId::INVALID { Mode::Invalid } else { Mode::TypeExpr };
                x.expr = Some(e);
                return;
            }
            Mode::Value => {
                if let Type::Signature(s) = self.w.ty(x.ty).clone()
                    && !s.tparams.is_empty()
                {
                    self.func_inst(x, e, index);
                    return;
                }
            }
            _ => {}
        }
        self.non_generic(x);
        if x.is_invalid() {
            return;
        }
        let mut valid = false;
        let mut length: Option<u64> = None;
        let xt = x.ty;
        let u = if self.is_type_param(xt) {
            self.core_type(xt).unwrap_or(TypeId::INVALID)
        } else {
            self.under(xt)
        };
        match self.w.ty(u).clone() {
            Type::Basic(..) if self.is_string(u) => {
                valid = true;
                if let Some(Value::String(s)) = x.val() {
                    length = Some(s.len() as u64);
                }
                x.mode = Mode::Value;
                x.ty = TypeId::BYTE;
            }
            Type::Array(n, el) => {
                valid = true;
                length = n;
                if x.mode != Mode::Variable {
                    x.mode = Mode::Value;
                }
                x.ty = el;
            }
            Type::Pointer(p) => {
                let pu = self.under(p);
                if let Type::Array(n, el) = self.w.ty(pu).clone() {
                    valid = true;
                    length = n;
                    x.mode = Mode::Variable;
                    x.ty = el;
                }
            }
            Type::Slice(el) => {
                valid = true;
                x.mode = Mode::Variable;
                x.ty = el;
            }
            Type::Map(k, v) => {
                let ix = index.unpack_list();
                let mut kx = Operand::invalid();
                self.expr_with_hint(&mut kx, ix[0], k);
                self.assignment(&mut kx, k, "map index");
                x.mode = Mode::MapIndex;
                x.ty = v;
                x.expr = Some(e);
                return;
            }
            _ => {}
        }
        if !valid && self.is_type_param(xt) {
            // No core type: every type in the type set must index to the same element.
            let terms = self.type_param_terms(xt).unwrap_or_default();
            let mut elem: Option<TypeId> = None;
            let mut all = !terms.is_empty();
            for term in &terms {
                let tu = self.under(term.ty);
                let el = match self.w.ty(tu).clone() {
                    Type::Basic(..) if self.is_string(tu) => Some(TypeId::BYTE),
                    Type::Slice(e) | Type::Array(_, e) => Some(e),
                    Type::Pointer(p) => {
                        let pu = self.under(p);
                        if let Type::Array(_, e) = self.w.ty(pu) { Some(*e) } else { None }
                    }
                    _ => None,
                };
                match (el, elem) {
                    (None, _) => all = false,
                    (Some(a), Some(b)) if !self.identical(a, b) => all = false,
                    (Some(a), _) => elem = Some(a),
                }
            }
            if all && let Some(el) = elem {
                valid = true;
                x.mode = Mode::Value;
                x.ty = el;
            }
        }
        if !valid {
            let s = self.op_string(x);
            self.error_at(e.pos, format!("cannot index {s}"));
            let mut y = Operand::invalid();
            for i in index.unpack_list() {
                self.expr(&mut y, i);
            }
            x.mode = Mode::Invalid;
            return;
        }
        let ix = index.unpack_list();
        if ix.len() > 1 {
            self.error_at(ix[1].lo, "invalid operation: more than one index");
        }
        self.index(ix[0], length);
        x.expr = Some(e);
    }

    /// Checks an index expression; returns its constant value if known.
    pub(crate) fn index(&mut self, e: &'a Expr, length: Option<u64>) -> Option<i64> {
        let mut x = Operand::invalid();
        self.expr(&mut x, e);
        if !self.valid_index(&mut x, "index", false) {
            return None;
        }
        let v = x.val()?.to_int()?.to_i64()?;
        if let Some(n) = length
            && v as u64 >= n
        {
            self.error_at(x.lo(), format!("invalid argument: index {v} out of bounds [0:{n}]"));
            return None;
        }
        Some(v)
    }

    pub(crate) fn valid_index(&mut self, x: &mut Operand<'a>, what: &str, allow_negative: bool) -> bool {
        if x.is_invalid() {
            return false;
        }
        self.convert_untyped(x, TypeId::INT);
        if x.is_invalid() {
            return false;
        }
        if !self.is_integer(x.ty) {
            let s = self.op_string(x);
            self.error_at(x.lo(), format!("invalid argument: {what} {s} must be integer"));
            return false;
        }
        if let Some(v) = x.val().cloned() {
            if !allow_negative && v.to_int().is_some_and(|i| i.is_neg()) {
                let s = self.op_string(x);
                self.error_at(x.lo(), format!("invalid argument: {what} {s} must not be negative"));
                return false;
            }
            if self.representable_value(&v, TypeId::INT).is_none() {
                let s = self.op_string(x);
                self.error_at(x.lo(), format!("invalid argument: {what} {s} overflows int"));
                return false;
            }
        }
        true
    }

    fn slice_expr(
        &mut self,
        x: &mut Operand<'a>,
        e: &'a Expr,
        base: &'a Expr,
        index: &'a [Option<Box<Expr>>; 3],
        full: bool,
    ) {
        self.expr(x, base);
        if x.is_invalid() {
            for i in index.iter().flatten() {
                let mut y = Operand::invalid();
                self.expr(&mut y, i);
            }
            return;
        }
        let mut valid = false;
        let mut length: Option<u64> = None;
        let xt = x.ty;
        let core = self.core_type(xt);
        if core.is_none() && self.is_type_param(xt) {
            // No core type, but every type is a string or a byte slice: the result
            // has the operand's type.
            let terms = self.type_param_terms(xt).unwrap_or_default();
            let bytestring = !terms.is_empty()
                && terms.iter().all(|t| {
                    let u = self.under(t.ty);
                    self.is_string(u) || self.is_bytes(u)
                });
            if bytestring {
                if full {
                    self.error_at(
                        index[2].as_ref().map_or(e.lo, |i| i.lo),
                        "invalid operation: 3-index slice of string",
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                x.mode = Mode::Value;
                x.expr = Some(e);
                for i in index.iter().flatten() {
                    self.index(i, None);
                }
                return;
            }
        }
        let Some(u) = core else {
            let s = self.op_string(x);
            self.error_at(x.lo(), format!("cannot slice {s}: {} has no core type", self.type_string(xt)));
            x.mode = Mode::Invalid;
            return;
        };
        match self.w.ty(u).clone() {
            Type::Basic(..) if self.is_string(u) => {
                if full {
                    self.error_at(
                        index[2].as_ref().map_or(e.lo, |i| i.lo),
                        "invalid operation: 3-index slice of string",
                    );
                    x.mode = Mode::Invalid;
                    return;
                }
                valid = true;
                if let Some(Value::String(s)) = x.val() {
                    length = Some(s.len() as u64);
                }
                if self.is_untyped(x.ty) {
                    x.ty = TypeId::STRING;
                }
                x.mode = Mode::Value;
            }
            Type::Array(n, el) => {
                valid = true;
                length = n;
                if x.mode != Mode::Variable {
                    let s = self.op_string(x);
                    self.error_at(x.lo(), format!("cannot slice unaddressable value {s}"));
                    x.mode = Mode::Invalid;
                    return;
                }
                x.ty = self.w.new_slice(el);
                x.mode = Mode::Value;
            }
            Type::Pointer(p) => {
                let pu = self.under(p);
                if let Type::Array(n, el) = self.w.ty(pu).clone() {
                    valid = true;
                    length = n;
                    x.ty = self.w.new_slice(el);
                    x.mode = Mode::Value;
                }
            }
            Type::Slice(_) => {
                valid = true;
                x.mode = Mode::Value;
            }
            _ => {}
        }
        if !valid {
            let s = self.op_string(x);
            self.error_at(x.lo(), format!("cannot slice {s}"));
            x.mode = Mode::Invalid;
            return;
        }
        x.expr = Some(e);
        if full && (index[1].is_none() || index[2].is_none()) {
            self.error_at(e.lo, "invalid slice indices: middle and final index required in 3-index slice");
            x.mode = Mode::Invalid;
            return;
        }
        let cap = length.map(|n| n + 1);
        let mut vals: Vec<Option<i64>> = Vec::new();
        for i in index.iter() {
            match i {
                Some(ie) => {
                    let v = self.index(ie, cap);
                    vals.push(v);
                }
                None => vals.push(None),
            }
        }
        // Constant indices must be in order.
        let known: Vec<(usize, i64)> =
            vals.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
        for w in 0..known.len() {
            for z in w + 1..known.len() {
                if known[w].1 > known[z].1 {
                    let at = index[known[z].0].as_ref().map_or(e.lo, |i| i.lo);
                    self.error_at(at, format!("invalid slice indices: {} < {}", known[z].1, known[w].1));
                    return;
                }
            }
        }
    }

    /// x.(T) where T must be able to implement x's interface type.
    pub(crate) fn type_assertion(&mut self, e: &'a Expr, iface: TypeId, t: TypeId, type_switch: bool) {
        if self.is_interface(t) {
            return;
        }
        let mut cause = String::new();
        if self.implements(t, iface, &mut cause) {
            return;
        }
        let what = if type_switch { "type switch case" } else { "type assertion" };
        self.error_at(e.lo, format!("impossible {what}: {}", expr_string(e)));
    }
}

/// Constant binary operation; both values have the same kind after matching.
pub(crate) fn const_binary(a: &Value, op: Op, b: &Value, int_div: bool) -> Value {
    if matches!(a, Value::Huge { .. }) || matches!(b, Value::Huge { .. }) {
        let (Some((an, am, ae)), Some((bn, bm, be))) = (a.to_sci(), b.to_sci()) else {
            return Value::Unknown;
        };
        return match op {
            Op::Mul if am == 0.0 || bm == 0.0 => Value::Float(Rat::from_int(BigInt::zero())),
            Op::Mul => Value::huge(an != bn, am * bm, ae.saturating_add(be)),
            Op::Div if am == 0.0 => Value::Float(Rat::from_int(BigInt::zero())),
            Op::Div => Value::huge(an != bn, am / bm, ae.saturating_sub(be)),
            // Sums are dominated by the larger magnitude.
            Op::Add | Op::Sub => {
                let bn = if op == Op::Sub { !bn } else { bn };
                if bm == 0.0 || (am != 0.0 && ae > be) {
                    Value::huge(an, am, ae)
                } else {
                    Value::huge(bn, bm, be)
                }
            }
            _ => Value::Unknown,
        };
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => match op {
            Op::AndAnd => Value::Bool(*x && *y),
            Op::OrOr => Value::Bool(*x || *y),
            _ => Value::Unknown,
        },
        (Value::String(x), Value::String(y)) if op == Op::Add => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            Value::String(Rc::from(v))
        }
        (Value::Int(x), Value::Int(y)) => match op {
            Op::Add => Value::Int(x.add(y)),
            Op::Sub => Value::Int(x.sub(y)),
            Op::Mul => Value::Int(x.mul(y)),
            Op::Div if int_div => Value::Int(x.quo_rem(y).0),
            Op::Div => Value::Float(Rat::new(x.clone(), y.clone())).normalize(),
            Op::Rem => Value::Int(x.quo_rem(y).1),
            Op::And => Value::Int(x.bitop(y, |a, b| a & b)),
            Op::Or => Value::Int(x.bitop(y, |a, b| a | b)),
            Op::Xor => Value::Int(x.bitop(y, |a, b| a ^ b)),
            Op::AndNot => Value::Int(x.bitop(y, |a, b| a & !b)),
            _ => Value::Unknown,
        },
        _ => {
            if matches!(a, Value::Complex(..)) || matches!(b, Value::Complex(..)) {
                let (Some((ar, ai)), Some((br, bi))) = (a.to_complex(), b.to_complex()) else {
                    return Value::Unknown;
                };
                return match op {
                    Op::Add => Value::Complex(ar.add(&br), ai.add(&bi)),
                    Op::Sub => Value::Complex(ar.sub(&br), ai.sub(&bi)),
                    Op::Mul => Value::Complex(ar.mul(&br).sub(&ai.mul(&bi)), ar.mul(&bi).add(&ai.mul(&br))),
                    Op::Div => {
                        let d = br.mul(&br).add(&bi.mul(&bi));
                        Value::Complex(
                            ar.mul(&br).add(&ai.mul(&bi)).quo(&d),
                            ai.mul(&br).sub(&ar.mul(&bi)).quo(&d),
                        )
                    }
                    _ => Value::Unknown,
                };
            }
            let (Some(x), Some(y)) = (a.to_rat(), b.to_rat()) else { return Value::Unknown };
            let r = match op {
                Op::Add => x.add(&y),
                Op::Sub => x.sub(&y),
                Op::Mul => x.mul(&y),
                Op::Div => x.quo(&y),
                _ => return Value::Unknown,
            };
            Value::Float(r)
        }
    }
}

pub(crate) fn const_compare(a: &Value, op: Op, b: &Value) -> bool {
    use core::cmp::Ordering;
    let ord = match (a, b) {
        (Value::Huge { .. }, _) | (_, Value::Huge { .. }) => {
            let key = |v: &Value| {
                v.to_sci().map(|(n, m, e)| {
                    if m == 0.0 { 0.0 } else { (if n { -1.0 } else { 1.0 }) * ((e as f64) + m.log10() + 1e6) }
                })
            };
            match (key(a), key(b)) {
                (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
                _ => return false,
            }
        }
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Complex(..), _) | (_, Value::Complex(..)) => {
            let eq = a.to_complex() == b.to_complex();
            return match op {
                Op::Eql => eq,
                Op::Neq => !eq,
                _ => false,
            };
        }
        _ => match (a.to_rat(), b.to_rat()) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => return false,
        },
    };
    match op {
        Op::Eql => ord == Ordering::Equal,
        Op::Neq => ord != Ordering::Equal,
        Op::Lss => ord == Ordering::Less,
        Op::Leq => ord != Ordering::Greater,
        Op::Gtr => ord == Ordering::Greater,
        Op::Geq => ord != Ordering::Less,
        _ => false,
    }
}
