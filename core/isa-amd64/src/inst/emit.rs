//! Encodings (Intel SDM Vol. 2, chapter 2 for the REX/ModRM/SIB layout, the
//! instruction pages for opcodes). Where an instruction has two encodings, the one
//! LLVM's assembler picks, so the test rows can compare bytes with `llvm-mc`.

use codegen::CodeBuffer;

use super::{AluOp, Amode, Gpr, Inst, Size};
use crate::reloc::{PC_REL32, REL32};

/// The REX prefix `0100WRXB` (§2.2.1.2).
fn rex(w: bool, r: u8, x: u8, b: u8) -> u8 {
    0x40 | u8::from(w) << 3 | (r >> 3 & 1) << 2 | (x >> 3 & 1) << 1 | (b >> 3 & 1)
}

/// ModRM: `mod` (2 bits), `reg` (3), `rm` (3) (§2.1.5).
fn modrm(md: u8, reg: u8, rm: u8) -> u8 {
    md << 6 | (reg & 7) << 3 | (rm & 7)
}

/// SIB: `scale` (2 bits), `index` (3), `base` (3).
fn sib(scale: u8, index: u8, base: u8) -> u8 {
    scale << 6 | (index & 7) << 3 | (base & 7)
}

/// The ModRM reg field: a register, or an opcode extension (`/digit`).
#[derive(Clone, Copy)]
enum Field {
    Reg(u8),
    Digit(u8),
}

/// Emits a REX when needed, the opcode and a register-direct ModRM. With 8-bit
/// operands, `spl`…`dil` (4–7) need a REX to be told from `ah`…`bh`.
fn op_rr(buf: &mut CodeBuffer, w: bool, bytes: bool, opcode: &[u8], reg: Field, rm: u8) {
    let (r, byte_reg) = match reg {
        Field::Reg(r) => (r, bytes && (4..8).contains(&r)),
        Field::Digit(d) => (d, false),
    };
    if w || r >= 8 || rm >= 8 || byte_reg || (bytes && (4..8).contains(&rm)) {
        buf.put1(rex(w, r, 0, rm));
    }
    buf.put(opcode);
    buf.put1(modrm(3, r, rm));
}

/// Emits a REX when needed, the opcode, and the ModRM/SIB/displacement for a
/// memory operand (§2.2.1.6 for RIP-relative addressing).
fn op_mem(buf: &mut CodeBuffer, w: bool, byte_reg: bool, opcode: &[u8], reg: u8, addr: &Amode) {
    let (x, b) = match addr {
        Amode::BaseDisp { base, .. } => (0, base.num()),
        Amode::BaseIndex { base, index, .. } => (index.num(), base.num()),
        Amode::Rip { .. } => (0, 0),
    };
    if w || reg >= 8 || x >= 8 || b >= 8 || (byte_reg && (4..8).contains(&reg)) {
        buf.put1(rex(w, reg, x, b));
    }
    buf.put(opcode);
    let disp_mod = |d: i32, base: u8| {
        if d == 0 && base & 7 != 5 {
            0
        } else if i8::try_from(d).is_ok() {
            1
        } else {
            2
        }
    };
    let put_disp = |buf: &mut CodeBuffer, md: u8, d: i32| match md {
        1 => buf.put1(d as i8 as u8),
        2 => buf.put4(d as u32),
        _ => {}
    };
    match addr {
        Amode::BaseDisp { base, disp } => {
            let md = disp_mod(*disp, base.num());
            if base.num() & 7 == 4 {
                // rsp and r12 as a base need a SIB with no index.
                buf.put1(modrm(md, reg, 4));
                buf.put1(sib(0, 4, base.num()));
            } else {
                buf.put1(modrm(md, reg, base.num()));
            }
            put_disp(buf, md, *disp);
        }
        Amode::BaseIndex { base, index, scale, disp } => {
            let md = disp_mod(*disp, base.num());
            let ss = match scale {
                1 => 0,
                2 => 1,
                4 => 2,
                _ => 3,
            };
            buf.put1(modrm(md, reg, 4));
            buf.put1(sib(ss, index.num(), base.num()));
            put_disp(buf, md, *disp);
        }
        Amode::Rip { symbol, addend } => {
            buf.put1(modrm(0, reg, 5));
            // The CPU adds the displacement to the next instruction's address,
            // 4 bytes past the field (no immediate follows in these forms).
            buf.reloc(0, PC_REL32, symbol, i64::from(*addend) - 4);
        }
    }
}

/// Appends the encoding of `inst`.
pub fn emit(inst: &Inst, buf: &mut CodeBuffer) {
    match inst {
        Inst::MovRR { size, dst, src } => rr(buf, *size, &[0x88], &[0x89], Field::Reg(src.num()), dst.num()),
        Inst::MovImm { dst, imm } => {
            let d = dst.num();
            if *imm <= u64::from(u32::MAX) {
                if d >= 8 {
                    buf.put1(rex(false, 0, 0, d));
                }
                buf.put1(0xb8 + (d & 7));
                buf.put4(*imm as u32);
            } else if (*imm as i64) >= i64::from(i32::MIN) && (*imm as i64) < 0 {
                buf.put1(rex(true, 0, 0, d));
                buf.put1(0xc7);
                buf.put1(modrm(3, 0, d));
                buf.put4(*imm as u32);
            } else {
                buf.put1(rex(true, 0, 0, d));
                buf.put1(0xb8 + (d & 7));
                buf.put8(*imm);
            }
        }
        Inst::Load { size, signed, dst, addr } => {
            let d = dst.num();
            match (size, signed) {
                (Size::S64, _) => op_mem(buf, true, false, &[0x8b], d, addr),
                (Size::S32, false) => op_mem(buf, false, false, &[0x8b], d, addr),
                (Size::S32, true) => op_mem(buf, true, false, &[0x63], d, addr),
                (Size::S16, false) => op_mem(buf, false, false, &[0x0f, 0xb7], d, addr),
                (Size::S8, false) => op_mem(buf, false, false, &[0x0f, 0xb6], d, addr),
                (Size::S16, true) => op_mem(buf, true, false, &[0x0f, 0xbf], d, addr),
                (Size::S8, true) => op_mem(buf, true, false, &[0x0f, 0xbe], d, addr),
            }
        }
        Inst::Store { size, src, addr } => {
            let s = src.num();
            match size {
                Size::S64 => op_mem(buf, true, false, &[0x89], s, addr),
                Size::S32 => op_mem(buf, false, false, &[0x89], s, addr),
                Size::S16 => {
                    buf.put1(0x66);
                    op_mem(buf, false, false, &[0x89], s, addr);
                }
                Size::S8 => op_mem(buf, false, true, &[0x88], s, addr),
            }
        }
        Inst::Lea { dst, addr } => op_mem(buf, true, false, &[0x8d], dst.num(), addr),
        Inst::Alu { op, size, dst, src } => {
            let base = (*op as u8) << 3;
            rr(buf, *size, &[base], &[base | 1], Field::Reg(src.num()), dst.num());
        }
        Inst::AluImm { op, size, dst, imm } => alu_imm(buf, *op, *size, *dst, *imm),
        Inst::Imul { size, dst, src } => {
            rr(buf, *size, &[0x0f, 0xaf], &[0x0f, 0xaf], Field::Reg(dst.num()), src.num())
        }
        Inst::Shift { op, size, dst } => rr(buf, *size, &[0xd2], &[0xd3], Field::Digit(*op as u8), dst.num()),
        // A shift by one has its own form without the immediate (group 2, `D1 /digit`).
        Inst::ShiftImm { op, size, dst, imm: 1 } => {
            rr(buf, *size, &[0xd0], &[0xd1], Field::Digit(*op as u8), dst.num())
        }
        Inst::ShiftImm { op, size, dst, imm } => {
            rr(buf, *size, &[0xc0], &[0xc1], Field::Digit(*op as u8), dst.num());
            buf.put1(*imm);
        }
        Inst::Neg { size, dst } => rr(buf, *size, &[0xf6], &[0xf7], Field::Digit(3), dst.num()),
        Inst::Not { size, dst } => rr(buf, *size, &[0xf6], &[0xf7], Field::Digit(2), dst.num()),
        Inst::Test { size, a, b } => rr(buf, *size, &[0x84], &[0x85], Field::Reg(b.num()), a.num()),
        Inst::SignExtendDx { size } => {
            if *size == Size::S64 {
                buf.put1(rex(true, 0, 0, 0));
            }
            buf.put1(0x99);
        }
        Inst::Div { signed, size, src } => {
            rr(buf, *size, &[0xf6], &[0xf7], Field::Digit(if *signed { 7 } else { 6 }), src.num())
        }
        Inst::Setcc { cond, dst } => {
            op_rr(buf, false, true, &[0x0f, 0x90 + *cond as u8], Field::Digit(0), dst.num())
        }
        Inst::MovzxB { dst, src } => {
            let (d, s) = (dst.num(), src.num());
            if d >= 8 || s >= 4 {
                buf.put1(rex(false, d, 0, s));
            }
            buf.put(&[0x0f, 0xb6]);
            buf.put1(modrm(3, d, s));
        }
        Inst::Push { src } => push_pop(buf, 0x50, *src),
        Inst::Pop { dst } => push_pop(buf, 0x58, *dst),
        Inst::Jmp { target } => {
            buf.put1(0xe9);
            buf.use_label(0, *target, &REL32);
        }
        Inst::Jcc { cond, target } => {
            buf.put(&[0x0f, 0x80 + *cond as u8]);
            buf.use_label(0, *target, &REL32);
        }
        Inst::Call { symbol } => {
            buf.put1(0xe8);
            buf.reloc(0, PC_REL32, symbol, -4);
        }
        Inst::CallReg { src } => {
            let s = src.num();
            if s >= 8 {
                buf.put1(rex(false, 0, 0, s));
            }
            buf.put1(0xff);
            buf.put1(modrm(3, 2, s));
        }
        Inst::Cmov { cond, size, dst, src } => {
            rr(
                buf,
                *size,
                &[0x0f, 0x40 + *cond as u8],
                &[0x0f, 0x40 + *cond as u8],
                Field::Reg(dst.num()),
                src.num(),
            );
        }
        Inst::BitScan { reverse, size, dst, src } => {
            let op = if *reverse { 0xbd } else { 0xbc };
            rr(buf, *size, &[0x0f, op], &[0x0f, op], Field::Reg(dst.num()), src.num());
        }
        Inst::RepMovsb => buf.put(&[0xf3, 0xa4]),
        Inst::RepStosb => buf.put(&[0xf3, 0xaa]),
        Inst::SetDirection { down } => buf.put1(if *down { 0xfd } else { 0xfc }),
        Inst::GprToXmm { size, dst, src } => sse(buf, 0x66, *size == Size::S64, 0x6e, dst.num(), src.num()),
        Inst::XmmToGpr { size, dst, src } => sse(buf, 0x66, *size == Size::S64, 0x7e, src.num(), dst.num()),
        Inst::Sse { op, double, dst, src } => {
            sse(buf, if *double { 0xf2 } else { 0xf3 }, false, *op as u8, dst.num(), src.num())
        }
        Inst::Ucomis { double, a, b } => {
            if *double {
                sse(buf, 0x66, false, 0x2e, a.num(), b.num());
            } else {
                sse_np(buf, 0x2e, a.num(), b.num());
            }
        }
        Inst::IntToFloat { double, size, dst, src } => {
            sse(buf, if *double { 0xf2 } else { 0xf3 }, *size == Size::S64, 0x2a, dst.num(), src.num());
        }
        Inst::FloatToInt { double, size, dst, src } => {
            sse(buf, if *double { 0xf2 } else { 0xf3 }, *size == Size::S64, 0x2c, dst.num(), src.num());
        }
        Inst::FloatToFloat { to_double, dst, src } => {
            sse(buf, if *to_double { 0xf3 } else { 0xf2 }, false, 0x5a, dst.num(), src.num())
        }
        Inst::LoadX { double, dst, addr } => {
            sse_mem(buf, if *double { 0xf2 } else { 0xf3 }, 0x10, dst.num(), addr)
        }
        Inst::StoreX { double, src, addr } => {
            sse_mem(buf, if *double { 0xf2 } else { 0xf3 }, 0x11, src.num(), addr)
        }
        Inst::MovX { dst, src } => sse_np(buf, 0x28, dst.num(), src.num()),
        Inst::SseLogic { op, dst, src } => sse(buf, 0x66, false, *op as u8, dst.num(), src.num()),
        Inst::ImulImm { size, dst, src, imm } => {
            if i8::try_from(*imm).is_ok() {
                rr(buf, *size, &[0x6b], &[0x6b], Field::Reg(dst.num()), src.num());
                buf.put1(*imm as i8 as u8);
            } else {
                rr(buf, *size, &[0x69], &[0x69], Field::Reg(dst.num()), src.num());
                put_imm(buf, *size, *imm);
            }
        }
        Inst::AluRM { op, size, dst, addr } => {
            let opcode = (*op as u8) << 3 | 3;
            match size {
                Size::S64 => op_mem(buf, true, false, &[opcode], dst.num(), addr),
                Size::S32 => op_mem(buf, false, false, &[opcode], dst.num(), addr),
                Size::S16 => {
                    buf.put1(0x66);
                    op_mem(buf, false, false, &[opcode], dst.num(), addr);
                }
                Size::S8 => op_mem(buf, false, true, &[opcode - 1], dst.num(), addr),
            }
        }
        Inst::StoreImm { size, imm, addr } => match size {
            Size::S64 => imm_mem(buf, true, &[0xc7], addr, &imm.to_le_bytes()),
            Size::S32 => imm_mem(buf, false, &[0xc7], addr, &imm.to_le_bytes()),
            Size::S16 => {
                buf.put1(0x66);
                imm_mem(buf, false, &[0xc7], addr, &(*imm as i16).to_le_bytes());
            }
            Size::S8 => imm_mem(buf, false, &[0xc6], addr, &[*imm as u8]),
        },
        Inst::CmpMemImm { size, addr, imm } => {
            imm_mem_digit(buf, *size == Size::S64, &[0x83], 7, addr, &[*imm as u8]);
        }
        Inst::Ret => buf.put1(0xc3),
        Inst::Syscall => buf.put(&[0x0f, 0x05]),
        Inst::Ud2 => buf.put(&[0x0f, 0x0b]),
    }
}

/// A register-direct instruction at any operand size: `op8` for bytes, `op` for
/// the others (with `0x66` for 16 bits and REX.W for 64); `reg` is the ModRM reg
/// field (a register or a `/digit`).
fn rr(buf: &mut CodeBuffer, size: Size, op8: &[u8], op: &[u8], reg: Field, rm: u8) {
    match size {
        Size::S8 => op_rr(buf, false, true, op8, reg, rm),
        Size::S16 => {
            buf.put1(0x66);
            op_rr(buf, false, false, op, reg, rm);
        }
        Size::S32 => op_rr(buf, false, false, op, reg, rm),
        Size::S64 => op_rr(buf, true, false, op, reg, rm),
    }
}

/// `op dst, imm`: `83 /digit ib` when the immediate fits a byte, the accumulator's
/// short form `op eax, imm32` for rax, else `81 /digit id`.
fn alu_imm(buf: &mut CodeBuffer, op: AluOp, size: Size, dst: Gpr, imm: i32) {
    let w = size == Size::S64;
    let d = dst.num();
    if size == Size::S16 {
        buf.put1(0x66);
    }
    if i8::try_from(imm).is_ok() {
        if w || d >= 8 {
            buf.put1(rex(w, 0, 0, d));
        }
        buf.put1(0x83);
        buf.put1(modrm(3, op as u8, d));
        buf.put1(imm as i8 as u8);
    } else if dst == Gpr::Rax {
        if w {
            buf.put1(rex(true, 0, 0, 0));
        }
        buf.put1((op as u8) << 3 | 5);
        put_imm(buf, size, imm);
    } else {
        if w || d >= 8 {
            buf.put1(rex(w, 0, 0, d));
        }
        buf.put1(0x81);
        buf.put1(modrm(3, op as u8, d));
        put_imm(buf, size, imm);
    }
}

fn put_imm(buf: &mut CodeBuffer, size: Size, imm: i32) {
    if size == Size::S16 {
        buf.put(&(imm as i16).to_le_bytes());
    } else {
        buf.put4(imm as u32);
    }
}

fn push_pop(buf: &mut CodeBuffer, base: u8, r: Gpr) {
    if r.num() >= 8 {
        buf.put1(rex(false, 0, 0, r.num()));
    }
    buf.put1(base + (r.num() & 7));
}

/// An SSE instruction with a mandatory prefix (`66`, `F2`, `F3`), which comes before
/// the REX, then `0F op` and a register-direct ModRM (SDM Vol. 2, §2.1.1 and §2.2.1).
fn sse(buf: &mut CodeBuffer, prefix: u8, w: bool, op: u8, reg: u8, rm: u8) {
    buf.put1(prefix);
    if w || reg >= 8 || rm >= 8 {
        buf.put1(rex(w, reg, 0, rm));
    }
    buf.put(&[0x0f, op]);
    buf.put1(modrm(3, reg, rm));
}

/// An SSE instruction with a mandatory prefix and a memory operand.
fn sse_mem(buf: &mut CodeBuffer, prefix: u8, op: u8, reg: u8, addr: &Amode) {
    buf.put1(prefix);
    op_mem(buf, false, false, &[0x0f, op], reg, addr);
}

/// `opcode /0` with a memory operand and an immediate after the displacement. A
/// RIP-relative displacement counts from the end of the instruction, so the
/// immediate's length comes off its addend.
fn imm_mem(buf: &mut CodeBuffer, w: bool, opcode: &[u8], addr: &Amode, imm: &[u8]) {
    imm_mem_digit(buf, w, opcode, 0, addr, imm);
}

/// `opcode /digit` with a memory operand and an immediate.
fn imm_mem_digit(buf: &mut CodeBuffer, w: bool, opcode: &[u8], digit: u8, addr: &Amode, imm: &[u8]) {
    match addr {
        Amode::Rip { symbol, addend } => {
            let addr = Amode::Rip { symbol: symbol.clone(), addend: addend - imm.len() as i32 };
            op_mem(buf, w, false, opcode, digit, &addr);
        }
        _ => op_mem(buf, w, false, opcode, digit, addr),
    }
    buf.put(imm);
}

/// An SSE instruction without a mandatory prefix (`ucomiss`).
fn sse_np(buf: &mut CodeBuffer, op: u8, reg: u8, rm: u8) {
    if reg >= 8 || rm >= 8 {
        buf.put1(rex(false, reg, 0, rm));
    }
    buf.put(&[0x0f, op]);
    buf.put1(modrm(3, reg, rm));
}
