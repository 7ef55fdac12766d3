//! The amd64 (x86-64) back end: machine instructions (`inst`) and their encodings,
//! checked against LLVM's assembler; the calling convention (`abi`); the
//! instruction selection rules the shared lowering driver asks (`lower`); and the
//! per-OS entry and system-call stubs (`stubs`).

pub mod abi;
pub mod inst;
pub mod lower;
pub mod reloc;
pub mod stubs;
