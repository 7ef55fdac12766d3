//! What the checker learned, for the IR generator: the type (and constant value) of
//! every expression, the object each identifier declares or denotes, and how each
//! selector resolves (types2's Info).

use crate::constant::Value;
use crate::types::{Builtin, ObjId, TypeId};
use std::collections::BTreeMap;

/// A syntax node of a checked file: the world file id and its byte extent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId {
    pub file: u32,
    pub lo: u32,
    pub hi: u32,
}

/// How an expression can be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprMode {
    NoValue,
    Builtin(Builtin),
    TypeExpr,
    Constant,
    Variable,
    MapIndex,
    Value,
    /// A value that may also produce a second, boolean result (`v, ok := m[k]`).
    CommaOk,
    Nil,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeAndValue {
    pub mode: ExprMode,
    /// The type; for an untyped constant in a typed context, the type it took.
    pub ty: TypeId,
    pub value: Option<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// `x.f`: a struct field.
    FieldVal,
    /// `x.m`: a method value (or call).
    MethodVal,
    /// `T.m`: a method expression.
    MethodExpr,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The type of `x` (or `T`).
    pub recv: TypeId,
    /// The field or method.
    pub obj: ObjId,
    /// Field indices from `x` to the field, or to the embedded value whose type has
    /// the method (empty for a method of `x`'s own type).
    pub index: Vec<usize>,
    /// A pointer is followed on the way (implicit dereference).
    pub indirect: bool,
}

/// Everything recorded while checking a package; maps are ordered so walks are
/// deterministic.
#[derive(Clone, Debug, Default)]
pub struct Info {
    pub types: BTreeMap<NodeId, TypeAndValue>,
    /// Identifiers that declare objects.
    pub defs: BTreeMap<NodeId, ObjId>,
    /// Identifiers that denote objects.
    pub uses: BTreeMap<NodeId, ObjId>,
    pub selections: BTreeMap<NodeId, Selection>,
    /// Objects declared without an identifier of their own: the variable of each
    /// type switch clause, keyed by the clause (`case` through its colon).
    pub implicits: BTreeMap<NodeId, ObjId>,
    /// Package variables with initializers, in the order they are initialized.
    pub init_order: Vec<ObjId>,
}
