//! Encodings (Arm Architecture Reference Manual, A64 "Encoding index"): every
//! instruction is one little-endian 32-bit word. Branches to labels leave their
//! offset field zero for the code buffer to patch; `bl`, `adrp` and `add :lo12:`
//! leave theirs to the linker.

use codegen::CodeBuffer;

use super::{AddSubOp, AluOp, Amode, FmaOp, FpuOp1, FpuOp2, Inst, LogicOp, MemSize, MoveWide, ShiftOp, Size};
use crate::reloc::{ADD_ABS_LO12_NC, ADR_PREL_PG_HI21, BRANCH19, BRANCH26, CALL26};

/// The double-precision `ftype` bit of the scalar floating-point encodings.
fn ftype(double: bool) -> u32 {
    if double { 1 << 22 } else { 0 }
}

/// Load/store opcodes of the unscaled-immediate form (`stur`, `ldur`, …); the
/// unsigned-offset and register-offset forms add their own bits.
fn ldst_base(store: bool, size: MemSize, signed: bool) -> u32 {
    let opc: u32 = match (store, signed) {
        (true, _) => 0,
        (false, false) => 1,
        (false, true) => 2,
    };
    let size_bits: u32 = match size {
        MemSize::B => 0,
        MemSize::H => 1,
        MemSize::W => 2,
        MemSize::X => 3,
    };
    size_bits << 30 | 0x3800_0000 | opc << 22
}

/// The SIMD&FP bit of the load/store encodings: `ldr d0` is `ldr x0` with V set.
const FP_REG: u32 = 1 << 26;

fn ldst(base_word: u32, size: MemSize, rt: u32, addr: &Amode) -> u32 {
    match addr {
        Amode::Scaled { base, off } => {
            base_word | 1 << 24 | (off / size.bytes()) << 10 | base.enc() << 5 | rt
        }
        Amode::Unscaled { base, off } => {
            base_word | (u32::from(*off as u16) & 0x1ff) << 12 | base.enc() << 5 | rt
        }
        Amode::Reg { base, index } => {
            // Option 011 (LSL, i.e. the 64-bit index unshifted), S = 0.
            base_word | 1 << 21 | index.enc() << 16 | 0b011 << 13 | 0b10 << 10 | base.enc() << 5 | rt
        }
        Amode::RegScaled { base, index } => {
            // S = 1: the index shifted by log2 of the access size (a byte access
            // keeps S = 0, the same operation).
            let s = u32::from(size != MemSize::B) << 12;
            base_word | 1 << 21 | index.enc() << 16 | 0b011 << 13 | s | 0b10 << 10 | base.enc() << 5 | rt
        }
    }
}

/// The shift-type field (bits 22–23) of the shifted-register forms.
fn shift_type(op: ShiftOp) -> u32 {
    match op {
        ShiftOp::Lsl => 0,
        ShiftOp::Lsr => 1 << 22,
        ShiftOp::Asr => 2 << 22,
    }
}

fn alu_base(op: AluOp) -> u32 {
    match op {
        AluOp::Add => 0x0b00_0000,
        AluOp::Sub => 0x4b00_0000,
        AluOp::Subs => 0x6b00_0000,
        AluOp::And => 0x0a00_0000,
        AluOp::Orr => 0x2a00_0000,
        AluOp::Eor => 0x4a00_0000,
        AluOp::Bic => 0x0a20_0000,
        AluOp::Orn => 0x2a20_0000,
    }
}

fn fp_size(double: bool) -> MemSize {
    if double { MemSize::X } else { MemSize::W }
}

/// Appends the encoding of `inst` to `buf`.
pub fn emit(inst: &Inst, buf: &mut CodeBuffer) {
    let word = match inst {
        Inst::Alu { op, size, rd, rn, rm } => {
            alu_base(*op) | size.sf() | rm.enc() << 16 | rn.enc() << 5 | rd.enc()
        }
        Inst::AluShifted { op, size, rd, rn, rm, shift, amount } => {
            alu_base(*op)
                | size.sf()
                | shift_type(*shift)
                | rm.enc() << 16
                | u32::from(amount & 63) << 10
                | rn.enc() << 5
                | rd.enc()
        }
        Inst::AddSubExt { sub, rd, rn, rm } => {
            // Option 011 (UXTX), no shift: the 64-bit register as it is.
            let base = if *sub { 0xcb20_0000 } else { 0x8b20_0000 };
            base | rm.enc() << 16 | 0b011 << 13 | rn.enc() << 5 | rd.enc()
        }
        Inst::LogicImm { op, size, rd, rn, imm } => {
            let base = match op {
                LogicOp::And => 0x1200_0000,
                LogicOp::Orr => 0x3200_0000,
                LogicOp::Eor => 0x5200_0000,
            };
            base | size.sf() | u32::from(imm.enc) << 10 | rn.enc() << 5 | rd.enc()
        }
        Inst::Extend { signed, from, size, rd, rn } => {
            // sbfm/ubfm rd, rn, #0, #(bits - 1); the 64-bit form sets N.
            let base = if *signed { 0x1300_0000 } else { 0x5300_0000 };
            let n = if *size == Size::X { 1 << 22 } else { 0 };
            base | size.sf() | n | (8 * from.bytes() - 1) << 10 | rn.enc() << 5 | rd.enc()
        }
        Inst::AddSubImm { op, size, rd, rn, imm12, shift12 } => {
            let base = match op {
                AddSubOp::Add => 0x1100_0000,
                AddSubOp::Sub => 0x5100_0000,
                AddSubOp::Subs => 0x7100_0000,
                AddSubOp::Adds => 0x3100_0000,
            };
            base | size.sf()
                | u32::from(*shift12) << 22
                | u32::from(*imm12 & 0xfff) << 10
                | rn.enc() << 5
                | rd.enc()
        }
        Inst::MovWide { op, size, rd, imm16, shift } => {
            let base = match op {
                MoveWide::N => 0x1280_0000,
                MoveWide::Z => 0x5280_0000,
                MoveWide::K => 0x7280_0000,
            };
            base | size.sf() | u32::from(shift / 16) << 21 | u32::from(*imm16) << 5 | rd.enc()
        }
        Inst::MulAdd { sub, size, rd, rn, rm, ra } => {
            0x1b00_0000
                | size.sf()
                | rm.enc() << 16
                | u32::from(*sub) << 15
                | ra.enc() << 10
                | rn.enc() << 5
                | rd.enc()
        }
        Inst::Div { signed, size, rd, rn, rm } => {
            let base = if *signed { 0x1ac0_0c00 } else { 0x1ac0_0800 };
            base | size.sf() | rm.enc() << 16 | rn.enc() << 5 | rd.enc()
        }
        Inst::Shift { op, size, rd, rn, rm } => {
            let base = match op {
                ShiftOp::Lsl => 0x1ac0_2000,
                ShiftOp::Lsr => 0x1ac0_2400,
                ShiftOp::Asr => 0x1ac0_2800,
            };
            base | size.sf() | rm.enc() << 16 | rn.enc() << 5 | rd.enc()
        }
        Inst::ShiftImm { op, size, rd, rn, imm } => {
            // lsl #s = ubfm #(-s mod w), #(w-1-s); lsr #s = ubfm #s, #(w-1);
            // asr #s = sbfm #s, #(w-1). The 64-bit forms set N.
            let w = size.bits();
            let s = u32::from(*imm) % w;
            let (base, immr, imms) = match op {
                ShiftOp::Lsl => (0x5300_0000, (w - s) % w, w - 1 - s),
                ShiftOp::Lsr => (0x5300_0000, s, w - 1),
                ShiftOp::Asr => (0x1300_0000, s, w - 1),
            };
            let n = if *size == Size::X { 1 << 22 } else { 0 };
            base | size.sf() | n | immr << 16 | imms << 10 | rn.enc() << 5 | rd.enc()
        }
        Inst::Clz { size, rd, rn } => 0x5ac0_1000 | size.sf() | rn.enc() << 5 | rd.enc(),
        Inst::Rbit { size, rd, rn } => 0x5ac0_0000 | size.sf() | rn.enc() << 5 | rd.enc(),
        Inst::Csel { size, rd, rn, rm, cond } => {
            0x1a80_0000 | size.sf() | rm.enc() << 16 | cond.enc() << 12 | rn.enc() << 5 | rd.enc()
        }
        Inst::Cset { size, rd, cond } => {
            0x1a80_0400 | size.sf() | 31 << 16 | cond.invert().enc() << 12 | 31 << 5 | rd.enc()
        }
        Inst::Load { size, signed, rd, addr } => {
            ldst(ldst_base(false, *size, *signed), *size, rd.enc(), addr)
        }
        Inst::Store { size, rt, addr } => ldst(ldst_base(true, *size, false), *size, rt.enc(), addr),
        Inst::FLoad { double, rd, addr } => {
            let size = fp_size(*double);
            ldst(ldst_base(false, size, false) | FP_REG, size, rd.enc(), addr)
        }
        Inst::FStore { double, rt, addr } => {
            let size = fp_size(*double);
            ldst(ldst_base(true, size, false) | FP_REG, size, rt.enc(), addr)
        }
        Inst::FmovRR { double, rd, rn } => 0x1e20_4000 | ftype(*double) | rn.enc() << 5 | rd.enc(),
        Inst::FmovImm { double, rd, imm } => {
            0x1e20_1000 | ftype(*double) | u32::from(imm.imm8) << 13 | rd.enc()
        }
        Inst::FCsel { double, rd, rn, rm, cond } => {
            0x1e20_0c00 | ftype(*double) | rm.enc() << 16 | cond.enc() << 12 | rn.enc() << 5 | rd.enc()
        }
        Inst::Cnt { rd, rn } => 0x0e20_5800 | rn.enc() << 5 | rd.enc(),
        Inst::Addv { rd, rn } => 0x0e31_b800 | rn.enc() << 5 | rd.enc(),
        Inst::StpPre { rt, rt2, base, off } => {
            0xa980_0000
                | (u32::from((off / 8) as u16) & 0x7f) << 15
                | rt2.enc() << 10
                | base.enc() << 5
                | rt.enc()
        }
        Inst::LdpPost { rt, rt2, base, off } => {
            0xa8c0_0000
                | (u32::from((off / 8) as u16) & 0x7f) << 15
                | rt2.enc() << 10
                | base.enc() << 5
                | rt.enc()
        }
        Inst::Adrp { rd, symbol } => {
            return buf.reloc(0x9000_0000 | rd.enc(), ADR_PREL_PG_HI21, symbol, 0);
        }
        Inst::AddLo12 { rd, rn, symbol } => {
            return buf.reloc(0x9100_0000 | rn.enc() << 5 | rd.enc(), ADD_ABS_LO12_NC, symbol, 0);
        }
        Inst::B { target } => return buf.use_label(0x1400_0000, *target, &BRANCH26),
        Inst::BCond { cond, target } => {
            return buf.use_label(0x5400_0000 | cond.enc(), *target, &BRANCH19);
        }
        Inst::Cbz { nonzero, size, rt, target } => {
            let word = 0x3400_0000 | u32::from(*nonzero) << 24 | size.sf() | rt.enc();
            return buf.use_label(word, *target, &BRANCH19);
        }
        Inst::Bl { symbol } => return buf.reloc(0x9400_0000, CALL26, symbol, 0),
        Inst::Blr { rn } => 0xd63f_0000 | rn.enc() << 5,
        Inst::Ret => 0xd65f_03c0,
        Inst::Svc => 0xd400_0001,
        Inst::Udf => 0,
        Inst::FmovToFp { double, rd, rn } => {
            (if *double { 0x9e67_0000 } else { 0x1e27_0000 }) | rn.enc() << 5 | rd.enc()
        }
        Inst::FmovFromFp { double, rd, rn } => {
            (if *double { 0x9e66_0000 } else { 0x1e26_0000 }) | rn.enc() << 5 | rd.enc()
        }
        Inst::Fpu2 { op, double, rd, rn, rm } => {
            let base = match op {
                FpuOp2::Mul => 0x1e20_0800,
                FpuOp2::Div => 0x1e20_1800,
                FpuOp2::Add => 0x1e20_2800,
                FpuOp2::Sub => 0x1e20_3800,
                FpuOp2::Max => 0x1e20_4800,
                FpuOp2::Min => 0x1e20_5800,
            };
            base | ftype(*double) | rm.enc() << 16 | rn.enc() << 5 | rd.enc()
        }
        Inst::Fma { op, double, rd, rn, rm, ra } => {
            let base = match op {
                FmaOp::Madd => 0x1f00_0000,
                FmaOp::Msub => 0x1f00_8000,
                FmaOp::Nmadd => 0x1f20_0000,
                FmaOp::Nmsub => 0x1f20_8000,
            };
            base | ftype(*double) | rm.enc() << 16 | ra.enc() << 10 | rn.enc() << 5 | rd.enc()
        }
        Inst::Fpu1 { op, double, rd, rn } => {
            let base = match op {
                FpuOp1::Abs => 0x1e20_c000,
                FpuOp1::Neg => 0x1e21_4000,
                FpuOp1::Sqrt => 0x1e21_c000,
                FpuOp1::RintN => 0x1e24_4000,
                FpuOp1::RintP => 0x1e24_c000,
                FpuOp1::RintM => 0x1e25_4000,
                FpuOp1::RintZ => 0x1e25_c000,
            };
            base | ftype(*double) | rn.enc() << 5 | rd.enc()
        }
        Inst::Fcmp { double, rn, rm } => 0x1e20_2000 | ftype(*double) | rm.enc() << 16 | rn.enc() << 5,
        Inst::IntToFloat { signed, size, double, rd, rn } => {
            let base = if *signed { 0x1e22_0000 } else { 0x1e23_0000 };
            base | size.sf() | ftype(*double) | rn.enc() << 5 | rd.enc()
        }
        Inst::FloatToInt { signed, size, double, rd, rn } => {
            let base = if *signed { 0x1e38_0000 } else { 0x1e39_0000 };
            base | size.sf() | ftype(*double) | rn.enc() << 5 | rd.enc()
        }
        Inst::FloatToFloat { to_double, rd, rn } => {
            (if *to_double { 0x1e22_c000 } else { 0x1e62_4000 }) | rn.enc() << 5 | rd.enc()
        }
    };
    buf.put4(word);
}
