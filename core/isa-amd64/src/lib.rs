//! The amd64 (x86-64) back end: machine instructions (`inst`) and their encodings,
//! checked against LLVM's assembler; the calling convention (`abi`); the
//! instruction selection rules the shared lowering driver asks (`lower`); the
//! fields its code leaves for the code buffer and the linker (`reloc`); the
//! per-OS entry and system-call stubs (`stubs`); and `DESC`, all of it as the
//! linker and the driver see it.
//!
//! r14 holds the running goroutine's `g` (set by `_start`). A call in a function
//! that does not catch panics is followed by `cmp dword ptr [r14], 0; jne` to the
//! function's unwinding exit; a `check` is a compare and a branch to an island
//! after the body that calls its panic function and then unwinds. Only GOAMD64=v1
//! instructions are emitted; what v1 lacks (rounding without SSE4.1, population
//! count without `popcnt`) is a short sequence. `lower::listing` is the compiled
//! function with each instruction's offset and text (`crossplay build
//! -gcflags=-S`).

pub mod abi;
pub mod inst;
pub mod lower;
pub mod reloc;
pub mod stubs;

use codegen::isa::{Elf, IsaDesc, MachO, Pe};

/// amd64 to the linker and the driver.
pub static DESC: IsaDesc = IsaDesc {
    arch: target::Arch::Amd64,
    // EM_X86_64; Go's linux/amd64 text starts at 0x401000.
    elf: Some(Elf { machine: 62, flags: 0, base: 0x40_0000, align: 0x1000 }),
    // IMAGE_FILE_MACHINE_AMD64.
    pe: Some(Pe { machine: 0x8664 }),
    // CPU_TYPE_X86_64, CPU_SUBTYPE_X86_64_ALL; Go's 16 MiB __PAGEZERO.
    macho: Some(MachO { cputype: 0x0100_0007, cpusubtype: 3, pagezero: 0x100_0000, page: 0x1000 }),
    // int3.
    pad: 0xcc,
    abs: reloc::ABS64,
    apply_reloc: reloc::apply,
    stubs: stubs::stubs,
    compile: |f| lower::lower(f).map_err(|e| e.0),
    listing: |f| lower::listing(f).map_err(|e| e.0),
};
