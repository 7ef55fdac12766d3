//! The fields amd64 code leaves for others to fill: branches to labels, which the
//! code buffer patches through a `LabelUse` once the label is bound.

use codegen::LabelUse;

/// `jmp`/`jcc`/`call rel32`: a 32-bit little-endian displacement relative to the
/// end of the field (Intel SDM Vol. 2, "JMP", "Jcc": the next instruction's
/// address, since no immediate follows).
pub static REL32: LabelUse = LabelUse { name: "rel32", patch: patch_rel32 };

fn patch_rel32(_: u32, at: usize, target: usize) -> Option<u32> {
    let disp = i32::try_from(target as i64 - (at as i64 + 4)).ok()?;
    Some(disp as u32)
}
