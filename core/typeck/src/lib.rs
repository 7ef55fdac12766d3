//! The Go type checker, after cmd/compile/internal/types2: package-level resolution
//! across files and packages, exact untyped constants, assignability and conversion,
//! method sets and embedding, interfaces, type switches, closures and generics, with
//! Go's error texts at Go's positions. Sans-IO: callers parse files and hand over
//! already-checked imports in a shared `World`.
//!
//! `check_package(world, path, files)` resolves the package against
//! `World::pkg_by_path` and returns `Checked { pkg, errors, info }`. Errors keep the
//! order they are found in; `format_errors` prints them as cmd/compile does (the
//! first ten found, sorted, then `POS: too many errors`). `Info` is what the IR
//! generator consumes, keyed by `NodeId` (world file id and byte extent): the type,
//! mode and constant value of every expression (untyped constants with the type
//! their context gave them), the object each identifier declares or denotes, each
//! selector's resolution, each type switch clause's variable, and the package's
//! initialization order.
//!
//! Invariants: never panics (the `check` fuzz target), no IO, no knowledge of
//! targets beyond the word size (`unsafe.Sizeof`). Not done (types2 reports them,
//! crossplay does not): the delayed typing of non-constant shifts in a float
//! context, `go vet` checks, version-gated language features, and a few rarer
//! messages; type inference handles typed and untyped arguments, core types of
//! constraints and inexact named/literal matches, not reverse inference from
//! assignment context.

pub mod bigint;
mod builtins;
mod call;
pub mod check;
pub mod constant;
pub mod export;
mod expr;
pub mod info;
pub mod operand;
mod stmt;
pub mod types;
mod typeset;
mod typexpr;

pub use check::{CheckFile, Checked, TypeError, check_package, check_package_lang, format_errors};
pub use info::Info;
pub use types::World;
