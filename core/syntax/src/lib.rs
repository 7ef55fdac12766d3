//! The Go front end's first stage: source bytes to an AST, with cmd/compile's syntax
//! error texts and positions, many errors per file, and no panics on any input.
//!
//! It follows cmd/compile/internal/syntax production by production because `go
//! build` prints that parser's errors: `scanner` (bytes to tokens, automatic
//! semicolons, every literal form, the `//go:` and `//line` directives), `parser`
//! (the whole Go 1.27 grammar including generics, the type-parameter-or-array
//! ambiguity resolved as Go does, recovery by follow sets), `ast` (Go's nodes, each
//! with Go's reporting position and its byte extent; fields declared together share
//! their type, so the checker can tell `a, b int` from `a int, b int` as types2
//! does), `printer` (Go source out), and `branches` (the label and branch checks Go
//! runs after each function body; as in Go, a file with any of these errors is not
//! type-checked).
//!
//! Nesting is bounded by [`parser::MAX_NESTING`] (Go has no limit): the parser, the
//! checker and every tree walk recurse, so deeper input is one error rather than a
//! stack overflow, and the compiler is meant to run on a thread with a large stack
//! (the fuzz targets use 256 MiB). The cargo-fuzz targets (`fuzz/`) check that no
//! input panics. Knows nothing of targets or types. `//line` directives are kept
//! but do not remap positions.

pub mod ast;
pub mod branches;
pub mod parser;
pub mod printer;
pub mod scanner;
pub mod token;

pub use parser::parse_file;
