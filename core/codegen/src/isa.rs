//! What a native instruction set is to the linker and the driver, after cmd/link's
//! `ld.Arch` table and wild's `trait Arch`: each ISA crate exports one `IsaDesc`,
//! plain data and function pointers, and `link` asks it — the containers'
//! machine numbers, the padding, how a relocation is patched, the entry stubs,
//! the compiler — instead of knowing any architecture.
//!
//! The architecture's name, pointer size and byte order are `target::Arch`'s
//! facts, read through `arch`, not repeated here. Wasm has no descriptor: its
//! container is its instruction set, and `link::wasm` drives `isa-wasm` itself.

use crate::{Code, OsAbi, RelocKind};

/// An ISA's values in an ELF executable (System V gABI, "ELF Header"; Go's
/// `cmd/link/internal/<arch>/obj.go`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Elf {
    /// `e_machine` (`EM_X86_64`, `EM_AARCH64`).
    pub machine: u16,
    /// `e_flags`.
    pub flags: u32,
    /// The first segment's address; the text starts a header block above it.
    pub base: u64,
    /// Segment alignment: the largest page the kernel may use.
    pub align: u64,
}

/// An ISA's values in a PE image (Microsoft PE format, "Machine Types").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pe {
    /// `IMAGE_FILE_MACHINE_*`.
    pub machine: u16,
}

/// An ISA's values in a Mach-O executable (`<mach/machine.h>`, `<mach-o/loader.h>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MachO {
    /// `CPU_TYPE_*` and `CPU_SUBTYPE_*`.
    pub cputype: u32,
    pub cpusubtype: u32,
    /// The size of `__PAGEZERO`, where `__TEXT` starts.
    pub pagezero: u64,
    /// Segment alignment: the page size.
    pub page: u64,
}

/// Why a relocation could not be applied; the linker words it with the symbol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelocError {
    /// The value does not fit the field.
    OutOfRange,
    /// A kind the ISA does not define, or a field past the section's end: a
    /// back-end bug.
    Invalid,
}

/// Patches relocation `kind` into `field` (the section's bytes from the
/// relocation's offset on), for a field at address `place` referring to `value`
/// (the symbol's address plus the addend).
pub type ApplyReloc = fn(kind: RelocKind, field: &mut [u8], place: u64, value: i64) -> Result<(), RelocError>;

/// A native ISA, as the linker and the driver see it.
#[derive(Debug)]
pub struct IsaDesc {
    /// The architecture: its GOARCH name, pointer size and byte order.
    pub arch: target::Arch,
    /// Its values in each container it can be written in; `None` where it has
    /// none (an ISA no Go port puts in that container).
    pub elf: Option<Elf>,
    pub pe: Option<Pe>,
    pub macho: Option<MachO>,
    /// The byte that pads between functions: a trap.
    pub pad: u8,
    /// The relocation kind of a pointer-sized absolute address: what the linker
    /// writes for addresses in data, and what a loader adjusts when it places
    /// the image elsewhere (PE base relocations, Mach-O rebases).
    pub abs: RelocKind,
    /// The arithmetic of every relocation kind the ISA's code carries.
    pub apply_reloc: ApplyReloc,
    /// The machine code the runtime cannot be written in Go for — `_start` and
    /// the system-call primitive — for an OS's ABI, by symbol.
    pub stubs: fn(OsAbi) -> Vec<(String, Code)>,
    /// One IR function to machine code, or what it uses that the back end does
    /// not support.
    pub compile: fn(&ir::Func) -> Result<Code, String>,
    /// The `-gcflags=-S` listing of one IR function, or what it uses that the
    /// back end does not support.
    pub listing: fn(&ir::Func) -> Result<String, String>,
}
