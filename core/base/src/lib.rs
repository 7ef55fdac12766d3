//! Language-neutral foundations shared by every crossplay crate: source files and byte
//! spans, a line index for `file:line:col`, diagnostics, a JSON writer whose output
//! is byte-identical to Go's `encoding/json`, Go's string quoting, SHA-256, and Go's
//! Unicode letter and digit tables (`unicode`, generated from Go's
//! `unicode/tables.go` by `scripts/gen-unicode.py`) for identifiers and build tags.
//!
//! Nothing here knows about Go's semantics; everything here builds for
//! `wasm32-unknown-unknown` and does no IO.

pub mod diag;
pub mod json;
pub mod quote;
pub mod sha256;
pub mod span;
pub mod unicode;
mod unicode_tables;
pub mod wire;

pub use diag::{Diagnostic, Severity};
pub use span::{FileId, LineCol, LineIndex, Span};
