//! Go's build constraints, exactly as go1.27.3 reads them: the `//go:build` grammar and
//! legacy `// +build` lines (`expr`), where in a file a constraint counts (`header`),
//! the file-name rules (`name`), and the decision for one file and one configuration
//! with the reason for every tag (`select`).
//!
//! This crate knows nothing of packages or Go syntax beyond comments; `load` builds
//! packages on top of it. The tag facts come from `target::context::Context`.

pub mod expr;
pub mod header;
pub mod name;
pub mod select;

pub use expr::Expr;
pub use header::{Constraint, HeaderError};
pub use name::NameConstraint;
pub use select::{Rule, Selection, explain, select};
