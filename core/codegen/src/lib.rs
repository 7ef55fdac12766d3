//! Machinery every native back end shares: the back-end framework — machine
//! instructions over registers virtual until allocation (`machinst`), a function
//! as the register allocator reads it (`vcode`), the shared lowering driver
//! (`lower`, asking each ISA's `Backend`), and allocation with regalloc2 and
//! emission (`emit`) — a code buffer that ISA encoders append to, labels bound to
//! offsets, fixups that patch a branch once its label is bound, and relocation
//! records for what only the linker knows (symbol addresses); and `isa::IsaDesc`,
//! what an ISA is to the linker and the driver. Nothing here knows an ISA: a
//! branch form is its ISA's `LabelUse`, which patches its own field, and a
//! relocation's `RelocKind` is a number its ISA defines and applies.

pub mod abi;
pub mod emit;
pub mod isa;
pub mod lower;
pub mod machinst;
pub mod vcode;

pub use regalloc2;

/// A position in the code, bound once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

/// How a branch refers to its label, after Cranelift's `LabelUse`: an ISA
/// defines one static per branch form it emits, and the buffer patches each use
/// through it once the label is bound.
#[derive(Debug)]
pub struct LabelUse {
    /// The form's name, for debugging (`"branch26"`).
    pub name: &'static str,
    /// The 4-byte little-endian field `word` at offset `at` (zero where the
    /// distance goes), patched to reach offset `target`; `None` when the field
    /// cannot reach it.
    pub patch: fn(word: u32, at: usize, target: usize) -> Option<u32>,
}

#[derive(Clone, Copy, Debug)]
struct Fixup {
    at: usize,
    label: Label,
    kind: &'static LabelUse,
}

/// What a relocation computes: a kind its ISA defines (each ISA crate's
/// `reloc` module names its kinds) and applies (`isa::IsaDesc::apply_reloc`);
/// to everything else an opaque number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelocKind(pub u8);

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

/// How a native program meets its operating system: how the program is entered
/// and which primitive the runtime calls the system through. Each ISA's `stubs`
/// writes the entry (`_start`) and that primitive for it; the driver maps a
/// `target::Os` to it, so the ISA crates need not know GOOS names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OsAbi {
    /// The kernel jumps to `_start` with argc, argv, envp and auxv on the stack, and
    /// the runtime makes system calls itself (`runtime.syscall6`): linux.
    Linux,
    /// The loader calls `_start`; the runtime calls DLL functions through the
    /// import address table (`runtime.stdcall6`): windows.
    Windows,
    /// dyld calls `_start` as C's `main(argc, argv, envp)`; the runtime calls
    /// libSystem functions (`runtime.libcall6`): darwin.
    Darwin,
}

/// A branch that cannot be patched: its label was never bound, or is farther than
/// the field reaches. A back-end bug or an oversized function, reported as data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FixupError {
    Unbound(Label),
    OutOfRange(Label),
}

impl std::fmt::Display for FixupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FixupError::Unbound(l) => write!(f, "unbound label L{}", l.0),
            FixupError::OutOfRange(l) => write!(f, "a branch to L{} out of range", l.0),
        }
    }
}

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

    /// Emits `word`, a 4-byte instruction or field whose `kind` field (zero in
    /// `word`) is patched to reach `label` when the code is finished.
    pub fn use_label(&mut self, word: u32, label: Label, kind: &'static LabelUse) {
        self.fixups.push(Fixup { at: self.bytes.len(), label, kind });
        self.put4(word);
    }

    /// Emits `word`, a 4-byte field (zero) or instruction whose field is zero,
    /// for a relocation of `kind` against `symbol`.
    pub fn reloc(&mut self, word: u32, kind: RelocKind, symbol: &str, addend: i64) {
        self.relocs.push(Reloc { offset: self.bytes.len(), kind, symbol: symbol.to_owned(), addend });
        self.put4(word);
    }

    /// Patches every branch and returns the code with its relocations.
    pub fn finish(mut self) -> Result<Code, FixupError> {
        for f in &self.fixups {
            let target = self.labels[f.label.0 as usize].ok_or(FixupError::Unbound(f.label))?;
            let word = u32::from_le_bytes(self.bytes[f.at..f.at + 4].try_into().unwrap_or_default());
            let patched = (f.kind.patch)(word, f.at, target).ok_or(FixupError::OutOfRange(f.label))?;
            self.bytes[f.at..f.at + 4].copy_from_slice(&patched.to_le_bytes());
        }
        Ok(Code { bytes: self.bytes, relocs: self.relocs })
    }
}

#[cfg(test)]
mod tests {
    use super::{CodeBuffer, FixupError, LabelUse, RelocKind};

    /// A 32-bit displacement from the end of the field, as x86's `jmp rel32`.
    static REL32: LabelUse = LabelUse {
        name: "rel32",
        patch: |word, at, target| Some(word.wrapping_add((target as i64 - (at as i64 + 4)) as i32 as u32)),
    };

    /// A signed byte's reach, to see a use out of range.
    static REL8: LabelUse = LabelUse {
        name: "rel8",
        patch: |word, at, target| {
            i8::try_from(target as i64 - at as i64).ok().map(|d| word | u32::from(d as u8))
        },
    };

    #[test]
    fn labels_patch_forward_and_backward_branches() {
        let mut b = CodeBuffer::new();
        let top = b.new_label();
        let end = b.new_label();
        b.bind(top);
        b.put1(0xe9); // jmp end
        b.use_label(0, end, &REL32);
        b.put1(0xe9); // jmp top
        b.use_label(0, top, &REL32);
        b.bind(end);
        b.put1(0xe8); // call f
        b.reloc(0, RelocKind(0), "f", -4);
        let code = b.finish().expect("bound");
        assert_eq!(code.bytes, [0xe9, 5, 0, 0, 0, 0xe9, 0xf6, 0xff, 0xff, 0xff, 0xe8, 0, 0, 0, 0]);
        assert_eq!((code.relocs[0].offset, code.relocs[0].addend), (11, -4));
        let mut b = CodeBuffer::new();
        let l = b.new_label();
        b.use_label(0, l, &REL32);
        assert_eq!(b.finish(), Err(FixupError::Unbound(l)));
    }

    #[test]
    fn a_use_the_field_cannot_reach_is_an_error() {
        let mut b = CodeBuffer::new();
        let near = b.new_label();
        b.use_label(0x5400_0000, near, &REL8);
        b.put(&[0; 123]);
        b.bind(near);
        let code = b.finish().expect("in range");
        assert_eq!(code.bytes[..4], [0x7f, 0, 0, 0x54]);
        let mut b = CodeBuffer::new();
        let far = b.new_label();
        b.use_label(0, far, &REL8);
        b.put(&[0; 124]);
        b.bind(far);
        assert_eq!(b.finish().map(|_| ()), Err(FixupError::OutOfRange(far)));
    }
}
