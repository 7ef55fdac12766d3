//! The arm64 (AArch64) back end: machine instructions (`inst`) and their encodings,
//! checked against LLVM's assembler, and the lowering of IR functions (`lower`),
//! with the entry point and system-call stubs of the linux port.

pub mod inst;
pub mod lower;
