//! The fields amd64 code leaves for others to fill: branches to labels, which the
//! code buffer patches through a `LabelUse` once the label is bound, and
//! relocations, which the linker applies through `DESC.apply_reloc` once every
//! symbol has its address (System V x86-64 psABI §4.4, "Relocation Types").

use codegen::LabelUse;
use codegen::RelocKind;
use codegen::isa::RelocError;

/// `jmp`/`jcc`/`call rel32`: a 32-bit little-endian displacement relative to the
/// end of the field (Intel SDM Vol. 2, "JMP", "Jcc": the next instruction's
/// address, since no immediate follows).
pub static REL32: LabelUse = LabelUse { name: "rel32", patch: patch_rel32 };

fn patch_rel32(_: u32, at: usize, target: usize) -> Option<u32> {
    let disp = i32::try_from(target as i64 - (at as i64 + 4)).ok()?;
    Some(disp as u32)
}

/// `S + A - P`, 32 bits (`R_X86_64_PC32`, `R_X86_64_PLT32`): a RIP-relative
/// operand or a call to a symbol, the addend counting from the field's end.
pub const PC_REL32: RelocKind = RelocKind(0);

/// `S + A`, 64 bits (`R_X86_64_64`): an absolute address in data.
pub const ABS64: RelocKind = RelocKind(1);

/// Patches `kind` into `field`, at address `place`, for the value `S + A`.
pub fn apply(kind: RelocKind, field: &mut [u8], place: u64, value: i64) -> Result<(), RelocError> {
    match kind {
        PC_REL32 => {
            let v = i32::try_from(value - place as i64).map_err(|_| RelocError::OutOfRange)?;
            put(field, &v.to_le_bytes())
        }
        ABS64 => put(field, &(value as u64).to_le_bytes()),
        _ => Err(RelocError::Invalid),
    }
}

fn put(field: &mut [u8], bytes: &[u8]) -> Result<(), RelocError> {
    field.get_mut(..bytes.len()).ok_or(RelocError::Invalid)?.copy_from_slice(bytes);
    Ok(())
}

#[cfg(test)]
mod tests {
    use codegen::RelocKind;
    use codegen::isa::RelocError;

    use super::{ABS64, PC_REL32, apply};

    /// (kind, place, value, the field after or the error).
    type Row = (RelocKind, u64, i64, Result<&'static [u8], RelocError>);

    #[test]
    fn relocations_patch_their_fields() {
        let rows: [Row; 5] = [
            (PC_REL32, 0x40_1000, 0x40_2000 - 4, Ok(&[0xfc, 0x0f, 0, 0, 0, 0, 0, 0])),
            (PC_REL32, 0x40_2000, 0x40_1000, Ok(&[0, 0xf0, 0xff, 0xff, 0, 0, 0, 0])),
            (ABS64, 0x40_1000, 0x1_4000_2008, Ok(&[8, 0x20, 0, 0x40, 1, 0, 0, 0])),
            (PC_REL32, 0, 1 << 31, Err(RelocError::OutOfRange)),
            (RelocKind(9), 0, 0, Err(RelocError::Invalid)),
        ];
        for (kind, place, value, want) in rows {
            let mut field = [0u8; 8];
            let got = apply(kind, &mut field, place, value).map(|()| &field[..]);
            assert_eq!(got, want, "{kind:?} at {place:#x} to {value:#x}");
        }
        assert_eq!(apply(ABS64, &mut [0; 4], 0, 0), Err(RelocError::Invalid), "past the section's end");
    }
}
