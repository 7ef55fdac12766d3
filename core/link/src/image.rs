//! What every native container writer (ELF, PE, Mach-O) takes: the linked program
//! section by section before layout, and the relocation of code and data once the
//! writer has given every symbol its address — the ISA's arithmetic, through its
//! `IsaDesc`.

use std::collections::BTreeMap;

use codegen::Reloc;
use codegen::isa::{IsaDesc, RelocError};

use crate::LinkError;

/// A symbol defined in a section: its name, offset in the section, and size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub offset: u64,
    pub size: u64,
}

/// A word the system's dynamic loader fills with a library function's address
/// (an import address table slot on windows, a GOT slot on darwin); code reads
/// it through `symbol`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub symbol: String,
    pub name: String,
    pub library: String,
}

/// The linked program, section by section, before layout.
#[derive(Clone, Debug, Default)]
pub struct Input {
    pub text: Vec<u8>,
    pub text_symbols: Vec<Symbol>,
    pub text_relocs: Vec<Reloc>,
    pub data: Vec<u8>,
    pub data_symbols: Vec<Symbol>,
    pub data_relocs: Vec<Reloc>,
    pub bss_size: u64,
    pub bss_symbols: Vec<Symbol>,
    /// The symbol the program starts at.
    pub entry: String,
    /// The `go:buildinfo` blob, placed at the start of the first writable data,
    /// where `debug/buildinfo` (and `go version -m`) looks.
    pub buildinfo: Vec<u8>,
    /// Dynamic imports, in the order their slots are laid out.
    pub imports: Vec<Import>,
    /// Leave out the symbol table (`-ldflags=-s`).
    pub strip: bool,
    /// The build ID: ELF keeps it in a note, which the writer adds; the other
    /// containers in the `go:buildid` text symbol `native::link` places first.
    pub build_id: crate::buildid::BuildId,
    /// A windows GUI application (`-H windowsgui`), not a console one.
    pub windows_gui: bool,
    /// The macOS and SDK versions for `LC_BUILD_VERSION` (Go's: 13.0 and 26.2,
    /// `-macos` and `-macsdk` change them).
    pub macho_versions: [u32; 2],
}

pub(crate) fn align_up(x: u64, a: u64) -> u64 {
    x.div_ceil(a) * a
}

/// The address of every defined symbol: each section's symbols at its base.
pub(crate) fn addresses<'a>(sections: &[(&'a [Symbol], u64)]) -> Result<BTreeMap<&'a str, u64>, LinkError> {
    let mut addrs = BTreeMap::new();
    for &(syms, base) in sections {
        for s in syms {
            if addrs.insert(s.name.as_str(), base + s.offset).is_some() {
                return Err(LinkError(format!("duplicated definition of symbol {}", s.name)));
            }
        }
    }
    Ok(addrs)
}

/// Applies relocations to a section placed at `base`, as `isa` patches them.
pub(crate) fn apply(
    isa: &IsaDesc,
    bytes: &mut [u8],
    base: u64,
    relocs: &[Reloc],
    addrs: &BTreeMap<&str, u64>,
) -> Result<(), LinkError> {
    for r in relocs {
        let Some(&s) = addrs.get(r.symbol.as_str()) else {
            return Err(LinkError(format!("relocation target {} not defined", r.symbol)));
        };
        let field = bytes.get_mut(r.offset..).unwrap_or_default();
        match (isa.apply_reloc)(r.kind, field, base + r.offset as u64, s as i64 + r.addend) {
            Ok(()) => {}
            Err(RelocError::OutOfRange) => {
                return Err(LinkError(format!("relocation to {} out of range", r.symbol)));
            }
            Err(RelocError::Invalid) => {
                return Err(LinkError(format!("unknown reloc to {}: {}", r.symbol, r.kind.0)));
            }
        }
    }
    Ok(())
}

/// The offsets in `relocs` that hold absolute addresses: what a loader must adjust
/// when it places the image elsewhere (PE base relocations, Mach-O rebases).
pub(crate) fn absolute<'a>(isa: &IsaDesc, relocs: &'a [Reloc]) -> impl Iterator<Item = usize> + 'a {
    let abs = isa.abs;
    relocs.iter().filter(move |r| r.kind == abs).map(|r| r.offset)
}
