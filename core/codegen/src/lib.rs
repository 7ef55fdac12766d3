//! Machinery every native back end shares: a code buffer that ISA encoders append
//! to, labels bound to offsets, fixups that patch a branch once its label is bound,
//! and relocation records for what only the linker knows (symbol addresses).
//! ISA crates (`isa-amd64`, …) say how a fixup is patched through `FixupKind`;
//! nothing here matches on the architecture.

/// A position in the code, bound once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

/// How a branch refers to its label: the field's place and width, and what it
/// counts from. Each ISA names the forms it uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FixupKind {
    /// A 32-bit little-endian displacement at `at`, relative to the end of the
    /// field (x86-64 `jmp`/`jcc`/`call rel32`).
    PcRel32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Fixup {
    at: usize,
    label: Label,
    kind: FixupKind,
}

/// What a relocation computes; the linker applies it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelocKind {
    /// `S + A - P`, 32 bits, little-endian (x86-64 `R_X86_64_PC32`/`PLT32`): a
    /// RIP-relative operand or a call to a symbol.
    PcRel32,
    /// `S + A`, 64 bits, little-endian (`R_X86_64_64`): an absolute address in data.
    Abs64,
}

/// A relocation in the code: at `offset`, the symbol's address combined by `kind`
/// with `addend`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reloc {
    pub offset: usize,
    pub kind: RelocKind,
    pub symbol: String,
    pub addend: i64,
}

/// Code being emitted.
#[derive(Clone, Debug, Default)]
pub struct CodeBuffer {
    bytes: Vec<u8>,
    labels: Vec<Option<usize>>,
    fixups: Vec<Fixup>,
    relocs: Vec<Reloc>,
}

/// A function's finished code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    pub bytes: Vec<u8>,
    pub relocs: Vec<Reloc>,
}

/// A label that was used but never bound: a back-end bug, reported as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnboundLabel(pub Label);

impl CodeBuffer {
    pub fn new() -> CodeBuffer {
        CodeBuffer::default()
    }

    pub fn offset(&self) -> usize {
        self.bytes.len()
    }

    pub fn put1(&mut self, b: u8) {
        self.bytes.push(b);
    }

    pub fn put(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    pub fn put4(&mut self, v: u32) {
        self.put(&v.to_le_bytes());
    }

    pub fn put8(&mut self, v: u64) {
        self.put(&v.to_le_bytes());
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the current offset.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.bytes.len());
    }

    /// Emits a zero field of `kind` at the current offset, patched to reach `label`
    /// when the code is finished.
    pub fn use_label(&mut self, label: Label, kind: FixupKind) {
        self.fixups.push(Fixup { at: self.bytes.len(), label, kind });
        match kind {
            FixupKind::PcRel32 => self.put4(0),
        }
    }

    /// Emits a zero field for a relocation against `symbol`.
    pub fn reloc(&mut self, kind: RelocKind, symbol: &str, addend: i64) {
        self.relocs.push(Reloc { offset: self.bytes.len(), kind, symbol: symbol.to_owned(), addend });
        match kind {
            RelocKind::PcRel32 => self.put4(0),
            RelocKind::Abs64 => self.put8(0),
        }
    }

    /// Patches every branch and returns the code with its relocations.
    pub fn finish(mut self) -> Result<Code, UnboundLabel> {
        for f in &self.fixups {
            let target = self.labels[f.label.0 as usize].ok_or(UnboundLabel(f.label))?;
            match f.kind {
                FixupKind::PcRel32 => {
                    let disp = target as i64 - (f.at as i64 + 4);
                    self.bytes[f.at..f.at + 4].copy_from_slice(&(disp as i32).to_le_bytes());
                }
            }
        }
        Ok(Code { bytes: self.bytes, relocs: self.relocs })
    }
}

#[cfg(test)]
mod tests {
    use super::{CodeBuffer, FixupKind, RelocKind, UnboundLabel};

    #[test]
    fn labels_patch_forward_and_backward_branches() {
        let mut b = CodeBuffer::new();
        let top = b.new_label();
        let end = b.new_label();
        b.bind(top);
        b.put1(0xe9); // jmp end
        b.use_label(end, FixupKind::PcRel32);
        b.put1(0xe9); // jmp top
        b.use_label(top, FixupKind::PcRel32);
        b.bind(end);
        b.put1(0xe8); // call f
        b.reloc(RelocKind::PcRel32, "f", -4);
        let code = b.finish().expect("bound");
        assert_eq!(code.bytes, [0xe9, 5, 0, 0, 0, 0xe9, 0xf6, 0xff, 0xff, 0xff, 0xe8, 0, 0, 0, 0]);
        assert_eq!((code.relocs[0].offset, code.relocs[0].addend), (11, -4));
        let mut b = CodeBuffer::new();
        let l = b.new_label();
        b.use_label(l, FixupKind::PcRel32);
        assert_eq!(b.finish(), Err(UnboundLabel(l)));
    }
}
