//! The arm64 (AArch64) back end: machine instructions (`inst`) and their encodings,
//! checked against LLVM's assembler; the calling convention (`abi`); the
//! instruction selection rules the shared lowering driver asks (`lower`); the
//! fields its code leaves for the code buffer and the linker (`reloc`); the
//! per-OS entry and system-call stubs (`stubs`); and `DESC`, all of it as the
//! linker and the driver see it.
//!
//! x28 holds the running goroutine's `g` (set by `_start`). A call in a function
//! that does not catch panics is followed by a load of `[x28]` and a `cbnz` to the
//! function's unwinding exit; a `check` branches to an island after the body that
//! calls its panic function and then unwinds. `lower::listing` is the compiled
//! function with each instruction's offset and text (`crossplay build
//! -gcflags=-S`); the selection's file tests are `tests/lower/*.ir` (an IR module
//! in, the listing out; `UPDATE_EXPECT=1`).

pub mod abi;
pub mod inst;
pub mod lower;
pub mod reloc;
pub mod stubs;

use codegen::isa::{Elf, IsaDesc, MachO, Pe};

/// arm64 to the linker and the driver.
pub static DESC: IsaDesc = IsaDesc {
    arch: target::Arch::Arm64,
    // EM_AARCH64; Go's linux/arm64 text starts at 0x11000, in 64 KiB segments
    // (the largest page size arm64 kernels use).
    elf: Some(Elf { machine: 183, flags: 0, base: 0x1_0000, align: 0x1_0000 }),
    // IMAGE_FILE_MACHINE_ARM64.
    pe: Some(Pe { machine: 0xaa64 }),
    // CPU_TYPE_ARM64, CPU_SUBTYPE_ARM64_ALL; a 4 GiB __PAGEZERO and Apple
    // silicon's 16 KiB pages.
    macho: Some(MachO { cputype: 0x0100_000c, cpusubtype: 0, pagezero: 1 << 32, page: 0x4000 }),
    // Zero words are `udf #0`.
    pad: 0,
    abs: reloc::ABS64,
    apply_reloc: reloc::apply,
    stubs: stubs::stubs,
    compile: |f| lower::lower(f).map_err(|e| e.0),
    listing: |f| lower::listing(f).map_err(|e| e.0),
};
