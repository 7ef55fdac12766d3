//! The fields arm64 code leaves for others to fill: branches to labels, which the
//! code buffer patches through a `LabelUse` once the label is bound, and
//! relocations, which the linker applies through `DESC.apply_reloc` once every
//! symbol has its address (ELF for the Arm 64-bit Architecture, §5.7
//! "Relocation"). A branch counts words from itself (Arm ARM C6.2: `B`, `BL`,
//! `B.cond`, `CBZ`); every instruction is a little-endian word.

use codegen::LabelUse;
use codegen::RelocKind;
use codegen::isa::RelocError;

/// `b`: a signed word count in imm26, bits 0–25 (±128 MiB).
pub static BRANCH26: LabelUse =
    LabelUse { name: "branch26", patch: |word, at, target| imm26(word, delta(at, target)) };

/// `b.cond`, `cbz`, `cbnz`: a signed word count in imm19, bits 5–23 (±1 MiB).
pub static BRANCH19: LabelUse =
    LabelUse { name: "branch19", patch: |word, at, target| imm19(word, delta(at, target)) };

fn delta(at: usize, target: usize) -> i64 {
    target as i64 - at as i64
}

/// `bits` low bits of `v`, if `v` fits them as a signed number.
fn signed(v: i64, bits: u32) -> Option<u32> {
    (-(1 << (bits - 1))..1 << (bits - 1)).contains(&v).then_some(v as u32 & ((1 << bits) - 1))
}

/// `word` with imm26 = the word count of byte distance `delta`.
fn imm26(word: u32, delta: i64) -> Option<u32> {
    Some(word | signed(delta >> 2, 26)?)
}

/// `word` with imm19 (bits 5–23) = the word count of byte distance `delta`.
fn imm19(word: u32, delta: i64) -> Option<u32> {
    Some(word | signed(delta >> 2, 19)? << 5)
}

/// `S + A`, 64 bits (`R_AARCH64_ABS64`): an absolute address in data.
pub const ABS64: RelocKind = RelocKind(0);

/// `(S + A - P) >> 2` in a `bl`'s imm26 (`R_AARCH64_CALL26`).
pub const CALL26: RelocKind = RelocKind(1);

/// `Page(S + A) - Page(P)`, 4 KiB pages, in an `adrp`'s immhi:immlo
/// (`R_AARCH64_ADR_PREL_PG_HI21`).
pub const ADR_PREL_PG_HI21: RelocKind = RelocKind(2);

/// The low 12 bits of `S + A` in an `add`'s imm12 (`R_AARCH64_ADD_ABS_LO12_NC`).
pub const ADD_ABS_LO12_NC: RelocKind = RelocKind(3);

/// Patches `kind` into `field`, at address `place`, for the value `S + A`.
pub fn apply(kind: RelocKind, field: &mut [u8], place: u64, value: i64) -> Result<(), RelocError> {
    if kind == ABS64 {
        let field = field.get_mut(..8).ok_or(RelocError::Invalid)?;
        field.copy_from_slice(&(value as u64).to_le_bytes());
        return Ok(());
    }
    let field: &mut [u8; 4] =
        field.get_mut(..4).and_then(|f| f.try_into().ok()).ok_or(RelocError::Invalid)?;
    let word = u32::from_le_bytes(*field);
    let word = match kind {
        CALL26 => imm26(word, value - place as i64).ok_or(RelocError::OutOfRange)?,
        ADR_PREL_PG_HI21 => {
            let pages = signed((value >> 12) - (place as i64 >> 12), 21).ok_or(RelocError::OutOfRange)?;
            word | (pages & 3) << 29 | (pages >> 2) << 5
        }
        ADD_ABS_LO12_NC => word | (value as u32 & 0xfff) << 10,
        _ => return Err(RelocError::Invalid),
    };
    *field = word.to_le_bytes();
    Ok(())
}

#[cfg(test)]
mod tests {
    use codegen::isa::RelocError;
    use codegen::{CodeBuffer, FixupError, RelocKind};

    use super::{ABS64, ADD_ABS_LO12_NC, ADR_PREL_PG_HI21, BRANCH19, BRANCH26, CALL26, apply};

    /// (kind, the instruction word, place, value, the word after or the error).
    type Row = (RelocKind, u32, u64, i64, Result<u32, RelocError>);

    /// The words after are `llvm-mc -triple=aarch64`'s encodings of `bl #256`,
    /// `bl #-4`, `adrp x1, #12288`, `adrp x9, #-4096` and `add x1, x1, #8`.
    #[test]
    fn relocations_patch_their_fields() {
        let rows: [Row; 9] = [
            (CALL26, 0x9400_0000, 0x1_1000, 0x1_1100, Ok(0x9400_0040)),
            (CALL26, 0x9400_0000, 0x1_1000, 0x1_0ffc, Ok(0x97ff_ffff)),
            (CALL26, 0x9400_0000, 0, 1 << 27, Err(RelocError::OutOfRange)),
            // Three pages ahead (immlo 3); one page back (immhi all ones, immlo 3).
            (ADR_PREL_PG_HI21, 0x9000_0001, 0x1_1010, 0x1_4008, Ok(0xf000_0001)),
            (ADR_PREL_PG_HI21, 0x9000_0009, 0x1_1000, 0x1_0fff, Ok(0xf0ff_ffe9)),
            (ADR_PREL_PG_HI21, 0x9000_0000, 0, 1 << 32, Err(RelocError::OutOfRange)),
            (ADD_ABS_LO12_NC, 0x9100_0021, 0x1_1014, 0x1_4008, Ok(0x9100_2021)),
            (RelocKind(9), 0, 0, 0, Err(RelocError::Invalid)),
            (CALL26, 0x9400_0000, 0x1_1000, 0x1_1000, Ok(0x9400_0000)),
        ];
        for (kind, word, place, value, want) in rows {
            let mut field = word.to_le_bytes();
            let got = apply(kind, &mut field, place, value).map(|()| u32::from_le_bytes(field));
            assert_eq!(got, want, "{kind:?} {word:#010x} at {place:#x} to {value:#x}");
        }
        let mut field = [0u8; 8];
        assert_eq!(apply(ABS64, &mut field, 0, 0x1_0000_2008), Ok(()));
        assert_eq!(field, [8, 0x20, 0, 0, 1, 0, 0, 0]);
        assert_eq!(apply(ABS64, &mut [0; 4], 0, 0), Err(RelocError::Invalid), "past the section's end");
    }

    #[test]
    fn branches_patch_word_counts_and_check_their_range() {
        let mut b = CodeBuffer::new();
        let (top, end) = (b.new_label(), b.new_label());
        b.bind(top);
        b.use_label(0x5400_0000, end, &BRANCH19); // b.eq end
        b.use_label(0x1400_0000, top, &BRANCH26); // b top
        b.bind(end);
        let code = b.finish().expect("in range");
        assert_eq!(code.bytes, [0x40, 0, 0, 0x54, 0xff, 0xff, 0xff, 0x17]);
        let mut b = CodeBuffer::new();
        let far = b.new_label();
        b.use_label(0x5400_0000, far, &BRANCH19);
        b.put(&vec![0; 1 << 20]);
        b.bind(far);
        assert_eq!(b.finish().map(|_| ()), Err(FixupError::OutOfRange(far)));
    }
}
