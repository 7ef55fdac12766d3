//! Operands: the result of evaluating an expression (types2's operand.go).

use crate::check::Checker;
use crate::constant::Value;
use crate::types::*;
use syntax::ast::Expr;

#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    Invalid,
    NoValue,
    Builtin(Builtin),
    TypeExpr,
    Constant(Value),
    Variable,
    MapIndex,
    Value,
    CommaOk,
    Nil,
}

#[derive(Clone, Debug)]
pub struct Operand<'a> {
    pub mode: Mode,
    pub expr: Option<&'a Expr>,
    pub ty: TypeId,
}

impl<'a> Operand<'a> {
    pub fn invalid() -> Operand<'a> {
        Operand { mode: Mode::Invalid, expr: None, ty: TypeId::INVALID }
    }

    pub fn is_invalid(&self) -> bool {
        self.mode == Mode::Invalid
    }

    pub fn is_nil(&self) -> bool {
        self.mode == Mode::Nil
    }

    pub fn val(&self) -> Option<&Value> {
        match &self.mode {
            Mode::Constant(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_const(&self) -> bool {
        matches!(self.mode, Mode::Constant(_))
    }

    /// Where Go reports errors about this operand: the start of its expression.
    pub fn lo(&self) -> u32 {
        self.expr.map_or(0, |e| e.lo)
    }

    pub fn invalidate(&mut self) {
        self.mode = Mode::Invalid;
    }
}

impl Checker<'_, '_> {
    /// The operand as types2 prints it: `x (variable of type int)`.
    pub(crate) fn op_string(&mut self, x: &Operand<'_>) -> String {
        if x.mode == Mode::Nil {
            return match x.ty {
                TypeId::INVALID => "nil (with invalid type)".into(),
                TypeId::UNTYPED_NIL => "nil".into(),
                t => format!("nil (of type {})", self.type_string(t)),
            };
        }
        let expr = match (x.expr, &x.mode) {
            (Some(e), _) => syntax::printer::expr_string(e),
            (None, Mode::Builtin(b)) => b.name().to_string(),
            (None, Mode::TypeExpr) => self.type_string(x.ty),
            (None, Mode::Constant(v)) => v.to_go_string(),
            _ => String::new(),
        };
        let mut buf = String::new();
        if !expr.is_empty() {
            buf.push_str(&expr);
            buf.push_str(" (");
        }
        let mut has_type = false;
        match x.mode {
            Mode::Invalid | Mode::NoValue | Mode::Builtin(_) | Mode::TypeExpr => {}
            _ => {
                if self.is_untyped(x.ty) {
                    if let Type::Basic(_, name) = self.w.ty(x.ty) {
                        buf.push_str(name);
                        buf.push(' ');
                    }
                } else {
                    has_type = true;
                }
            }
        }
        buf.push_str(match x.mode {
            Mode::Invalid => "invalid operand",
            Mode::NoValue => "no value",
            Mode::Builtin(_) => "built-in",
            Mode::TypeExpr => "type",
            Mode::Constant(_) => "constant",
            Mode::Variable => "variable",
            Mode::MapIndex => "map index expression",
            Mode::Value => "value",
            Mode::CommaOk => "comma, ok expression",
            Mode::Nil => "nil",
        });
        if let Mode::Constant(v) = &x.mode {
            let s = v.to_go_string();
            if s != expr {
                buf.push(' ');
                buf.push_str(&s);
            }
        }
        if has_type {
            if x.ty != TypeId::INVALID {
                let mut desc = String::new();
                if self.is_generic(x.ty) {
                    desc.push_str("generic ");
                }
                let tpar = matches!(self.w.ty(x.ty), Type::TypeParam(_));
                if !tpar && matches!(self.w.ty(x.ty), Type::Named(_)) {
                    let mut what = self.composite_kind(x.ty).to_string();
                    if what.is_empty() {
                        let u = self.under(x.ty);
                        if let Type::Basic(_, name) = self.w.ty(u) {
                            what = name.to_string();
                        }
                    }
                    desc.push_str(&what);
                    desc.push(' ');
                }
                buf.push_str(" of ");
                buf.push_str(&desc);
                buf.push_str("type ");
                let ts = self.type_string(x.ty);
                buf.push_str(&ts);
                if let Type::TypeParam(tp) = self.w.ty(x.ty) {
                    let bound = tp.bound;
                    buf.push_str(" constrained by ");
                    let bs = self.type_string(bound);
                    buf.push_str(&bs);
                }
            } else {
                buf.push_str(" with invalid type");
            }
        }
        if !expr.is_empty() {
            buf.push(')');
        }
        buf
    }

    /// "struct", "func", … for a composite underlying type; "" for basic types.
    pub(crate) fn composite_kind(&mut self, t: TypeId) -> &'static str {
        let u = self.under(t);
        match self.w.ty(u) {
            Type::Basic(..) => "",
            Type::Array(..) => "array",
            Type::Slice(_) => "slice",
            Type::Struct(_) => "struct",
            Type::Pointer(_) => "pointer",
            Type::Signature(_) => "func",
            Type::Interface(_) => "interface",
            Type::Map(..) => "map",
            Type::Chan(..) => "chan",
            Type::Tuple(_) => "tuple",
            Type::Union(_) => "union",
            _ => "",
        }
    }
}
