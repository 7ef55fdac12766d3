//! The fields arm64 code leaves for others to fill: branches to labels, which the
//! code buffer patches through a `LabelUse` once the label is bound. A branch
//! counts words from itself (Arm ARM C6.2: `B`, `B.cond`, `CBZ`).

use codegen::LabelUse;

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

#[cfg(test)]
mod tests {
    use codegen::{CodeBuffer, FixupError};

    use super::{BRANCH19, BRANCH26};

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
