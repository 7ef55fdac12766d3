//! The amd64 (x86-64) back end. So far its machine instructions (`inst`) and their
//! encodings, checked against LLVM's assembler; lowering from the IR and the ABI come
//! next (`lower.rs`, `abi.rs`, the layout every ISA crate shares).

pub mod inst;
