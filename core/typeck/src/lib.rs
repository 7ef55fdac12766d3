//! The Go type checker, after cmd/compile/internal/types2: package-level resolution
//! across files and packages, exact untyped constants, assignability and conversion,
//! method sets and embedding, interfaces, type switches, closures and generics, with
//! Go's error texts at Go's positions. Sans-IO: callers parse files and hand over
//! already-checked imports in a shared `World`.

pub mod bigint;
mod builtins;
mod call;
pub mod check;
pub mod constant;
mod expr;
pub mod info;
pub mod operand;
mod stmt;
pub mod types;
mod typeset;
mod typexpr;

pub use check::{CheckFile, Checked, TypeError, check_package, format_errors};
pub use info::Info;
pub use types::World;
