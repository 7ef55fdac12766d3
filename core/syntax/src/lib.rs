//! The Go front end's first stage: source bytes to an AST, with cmd/compile's syntax
//! error texts and positions, many errors per file, and no panics on any input.

pub mod ast;
pub mod branches;
pub mod parser;
pub mod printer;
pub mod scanner;
pub mod token;

pub use parser::parse_file;
