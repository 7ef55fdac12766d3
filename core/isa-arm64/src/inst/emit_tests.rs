//! Encoding rows: (instruction, bytes, assembly). Every row's bytes are checked
//! against what `emit` produces, and, when `llvm-mc` is installed (Debian `llvm`),
//! against what LLVM's assembler makes of the text, which is `Inst::text`.

use super::{
    AddSubOp, AluOp, Amode, Cond, FmaOp, FpImm, FpuOp1, FpuOp2, ImmLogic, Inst, LogicOp, MemSize, MoveWide,
    ShiftOp, Size, Vreg, Xreg,
};
use codegen::CodeBuffer;

const fn x(n: u8) -> Xreg {
    Xreg::x(n)
}

const SP: Xreg = Xreg::SP;
const ZR: Xreg = Xreg::ZR;

fn scaled(base: Xreg, off: u32) -> Amode {
    Amode::Scaled { base, off }
}

fn rows() -> Vec<(Inst, &'static str, &'static str)> {
    use Size::*;
    let v = Vreg;
    vec![
        // Data processing, register (Arm ARM C6.2: ADD, SUB, SUBS/CMP, AND, ORR/MOV, EOR).
        (Inst::Alu { op: AluOp::Add, size: X, rd: x(0), rn: x(1), rm: x(2) }, "2000028b", "add x0, x1, x2"),
        (Inst::Alu { op: AluOp::Add, size: W, rd: x(3), rn: x(4), rm: x(5) }, "8300050b", "add w3, w4, w5"),
        (
            Inst::Alu { op: AluOp::Sub, size: X, rd: x(30), rn: x(29), rm: x(28) },
            "be031ccb",
            "sub x30, x29, x28",
        ),
        (Inst::Alu { op: AluOp::Subs, size: X, rd: ZR, rn: x(0), rm: x(1) }, "1f0001eb", "cmp x0, x1"),
        (Inst::Alu { op: AluOp::Subs, size: W, rd: ZR, rn: x(7), rm: x(16) }, "ff00106b", "cmp w7, w16"),
        (Inst::Alu { op: AluOp::Subs, size: X, rd: x(2), rn: x(0), rm: x(1) }, "020001eb", "subs x2, x0, x1"),
        (Inst::Alu { op: AluOp::And, size: X, rd: x(0), rn: x(0), rm: x(17) }, "0000118a", "and x0, x0, x17"),
        (Inst::Alu { op: AluOp::And, size: W, rd: x(1), rn: x(2), rm: x(3) }, "4100030a", "and w1, w2, w3"),
        (Inst::Alu { op: AluOp::Orr, size: X, rd: x(4), rn: x(5), rm: x(6) }, "a40006aa", "orr x4, x5, x6"),
        (Inst::Alu { op: AluOp::Orr, size: X, rd: x(4), rn: ZR, rm: x(6) }, "e40306aa", "mov x4, x6"),
        (Inst::Alu { op: AluOp::Eor, size: W, rd: x(8), rn: x(9), rm: x(10) }, "28010a4a", "eor w8, w9, w10"),
        (Inst::Alu { op: AluOp::Bic, size: X, rd: x(0), rn: x(1), rm: x(2) }, "2000228a", "bic x0, x1, x2"),
        (Inst::Alu { op: AluOp::Bic, size: W, rd: x(3), rn: x(4), rm: x(5) }, "8300250a", "bic w3, w4, w5"),
        (Inst::Alu { op: AluOp::Orn, size: X, rd: x(0), rn: ZR, rm: x(1) }, "e00321aa", "mvn x0, x1"),
        (Inst::Alu { op: AluOp::Orn, size: W, rd: x(0), rn: x(2), rm: x(1) }, "4000212a", "orn w0, w2, w1"),
        // Shifted-register operands (C6.2: ADD, SUB, … (shifted register)).
        (
            Inst::AluShifted {
                op: AluOp::Add,
                size: X,
                rd: x(0),
                rn: x(1),
                rm: x(2),
                shift: ShiftOp::Lsl,
                amount: 3,
            },
            "200c028b",
            "add x0, x1, x2, lsl #3",
        ),
        (
            Inst::AluShifted {
                op: AluOp::Sub,
                size: W,
                rd: x(5),
                rn: x(6),
                rm: x(7),
                shift: ShiftOp::Lsr,
                amount: 31,
            },
            "c57c474b",
            "sub w5, w6, w7, lsr #31",
        ),
        (
            Inst::AluShifted {
                op: AluOp::Eor,
                size: X,
                rd: x(9),
                rn: x(10),
                rm: x(11),
                shift: ShiftOp::Asr,
                amount: 63,
            },
            "49fd8bca",
            "eor x9, x10, x11, asr #63",
        ),
        // Extended-register add and subtract, for sp.
        (Inst::AddSubExt { sub: true, rd: SP, rn: SP, rm: x(16) }, "ff6330cb", "sub sp, sp, x16"),
        (Inst::AddSubExt { sub: false, rd: SP, rn: SP, rm: x(17) }, "ff63318b", "add sp, sp, x17"),
        // Logical immediates (C6.2: AND, ORR, EOR (immediate)).
        (
            Inst::LogicImm { op: LogicOp::And, size: X, rd: x(0), rn: x(1), imm: logic(0xff, X) },
            "201c4092",
            "and x0, x1, #0xff",
        ),
        (
            Inst::LogicImm {
                op: LogicOp::And,
                size: X,
                rd: x(0),
                rn: x(1),
                imm: logic(0x7fff_ffff_ffff_ffff, X),
            },
            "20f84092",
            "and x0, x1, #0x7fffffffffffffff",
        ),
        (
            Inst::LogicImm {
                op: LogicOp::Eor,
                size: X,
                rd: x(2),
                rn: x(3),
                imm: logic(0x8000_0000_0000_0000, X),
            },
            "620041d2",
            "eor x2, x3, #0x8000000000000000",
        ),
        (
            Inst::LogicImm { op: LogicOp::Orr, size: W, rd: x(4), rn: x(5), imm: logic(0xf0f0_f0f0, W) },
            "a4cc0432",
            "orr w4, w5, #0xf0f0f0f0",
        ),
        (
            Inst::LogicImm { op: LogicOp::And, size: W, rd: x(4), rn: x(5), imm: logic(0xffff_fffe, W) },
            "a4781f12",
            "and w4, w5, #0xfffffffe",
        ),
        (
            Inst::LogicImm {
                op: LogicOp::And,
                size: X,
                rd: x(6),
                rn: x(7),
                imm: logic(0x5555_5555_5555_5555, X),
            },
            "e6f00092",
            "and x6, x7, #0x5555555555555555",
        ),
        (
            Inst::LogicImm {
                op: LogicOp::Orr,
                size: X,
                rd: x(6),
                rn: x(7),
                imm: logic(0x0000_0ff0_0000_0000, X),
            },
            "e61c5cb2",
            "orr x6, x7, #0xff000000000",
        ),
        // Extensions (SBFM, UBFM aliases).
        (
            Inst::Extend { signed: true, from: MemSize::B, size: X, rd: x(0), rn: x(1) },
            "201c4093",
            "sxtb x0, w1",
        ),
        (
            Inst::Extend { signed: true, from: MemSize::B, size: W, rd: x(0), rn: x(1) },
            "201c0013",
            "sxtb w0, w1",
        ),
        (
            Inst::Extend { signed: true, from: MemSize::H, size: X, rd: x(2), rn: x(3) },
            "623c4093",
            "sxth x2, w3",
        ),
        (
            Inst::Extend { signed: true, from: MemSize::H, size: W, rd: x(2), rn: x(3) },
            "623c0013",
            "sxth w2, w3",
        ),
        (
            Inst::Extend { signed: true, from: MemSize::W, size: X, rd: x(4), rn: x(5) },
            "a47c4093",
            "sxtw x4, w5",
        ),
        (
            Inst::Extend { signed: false, from: MemSize::B, size: W, rd: x(0), rn: x(1) },
            "201c0053",
            "uxtb w0, w1",
        ),
        (
            Inst::Extend { signed: false, from: MemSize::H, size: W, rd: x(0), rn: x(1) },
            "203c0053",
            "uxth w0, w1",
        ),
        // Add/subtract immediate, with sp.
        (
            Inst::AddSubImm { op: AddSubOp::Add, size: X, rd: x(29), rn: SP, imm12: 0, shift12: false },
            "fd030091",
            "mov x29, sp",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Add, size: X, rd: SP, rn: x(29), imm12: 0, shift12: false },
            "bf030091",
            "mov sp, x29",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Sub, size: X, rd: SP, rn: SP, imm12: 4095, shift12: false },
            "ffff3fd1",
            "sub sp, sp, #4095",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Sub, size: X, rd: SP, rn: SP, imm12: 3, shift12: true },
            "ff0f40d1",
            "sub sp, sp, #3, lsl #12",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Add, size: W, rd: x(1), rn: x(2), imm12: 1, shift12: false },
            "41040011",
            "add w1, w2, #1",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Subs, size: X, rd: ZR, rn: x(3), imm12: 0, shift12: false },
            "7f0000f1",
            "cmp x3, #0",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Subs, size: W, rd: ZR, rn: x(3), imm12: 7, shift12: false },
            "7f1c0071",
            "cmp w3, #7",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Adds, size: X, rd: ZR, rn: x(3), imm12: 7, shift12: false },
            "7f1c00b1",
            "cmn x3, #7",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Adds, size: W, rd: ZR, rn: x(4), imm12: 1, shift12: true },
            "9f044031",
            "cmn w4, #1, lsl #12",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Adds, size: X, rd: x(1), rn: x(2), imm12: 4095, shift12: false },
            "41fc3fb1",
            "adds x1, x2, #4095",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Sub, size: X, rd: x(0), rn: x(29), imm12: 16, shift12: false },
            "a04300d1",
            "sub x0, x29, #16",
        ),
        // Move wide.
        (
            Inst::MovWide { op: MoveWide::Z, size: X, rd: x(0), imm16: 60, shift: 0 },
            "800780d2",
            "movz x0, #60, lsl #0",
        ),
        (
            Inst::MovWide { op: MoveWide::Z, size: W, rd: x(8), imm16: 0xffff, shift: 16 },
            "e8ffbf52",
            "movz w8, #65535, lsl #16",
        ),
        (
            Inst::MovWide { op: MoveWide::K, size: X, rd: x(16), imm16: 0x1234, shift: 48 },
            "9046e2f2",
            "movk x16, #4660, lsl #48",
        ),
        (
            Inst::MovWide { op: MoveWide::K, size: X, rd: x(16), imm16: 1, shift: 32 },
            "3000c0f2",
            "movk x16, #1, lsl #32",
        ),
        (
            Inst::MovWide { op: MoveWide::N, size: X, rd: x(1), imm16: 0, shift: 0 },
            "01008092",
            "movn x1, #0, lsl #0",
        ),
        (
            Inst::MovWide { op: MoveWide::N, size: X, rd: x(1), imm16: 2, shift: 16 },
            "4100a092",
            "movn x1, #2, lsl #16",
        ),
        // Multiply, divide, shifts, bit counts.
        (
            Inst::MulAdd { sub: false, size: X, rd: x(0), rn: x(1), rm: x(2), ra: ZR },
            "207c029b",
            "mul x0, x1, x2",
        ),
        (
            Inst::MulAdd { sub: false, size: W, rd: x(0), rn: x(1), rm: x(2), ra: ZR },
            "207c021b",
            "mul w0, w1, w2",
        ),
        (
            Inst::MulAdd { sub: true, size: X, rd: x(0), rn: x(2), rm: x(1), ra: x(0) },
            "4080019b",
            "msub x0, x2, x1, x0",
        ),
        (
            Inst::MulAdd { sub: false, size: X, rd: x(3), rn: x(4), rm: x(5), ra: x(6) },
            "8318059b",
            "madd x3, x4, x5, x6",
        ),
        (Inst::Div { signed: true, size: X, rd: x(2), rn: x(0), rm: x(1) }, "020cc19a", "sdiv x2, x0, x1"),
        (Inst::Div { signed: false, size: W, rd: x(2), rn: x(0), rm: x(1) }, "0208c11a", "udiv w2, w0, w1"),
        (
            Inst::Shift { op: ShiftOp::Lsl, size: X, rd: x(0), rn: x(0), rm: x(1) },
            "0020c19a",
            "lslv x0, x0, x1",
        ),
        (
            Inst::Shift { op: ShiftOp::Lsr, size: W, rd: x(0), rn: x(0), rm: x(1) },
            "0024c11a",
            "lsrv w0, w0, w1",
        ),
        (
            Inst::Shift { op: ShiftOp::Asr, size: X, rd: x(0), rn: x(0), rm: x(1) },
            "0028c19a",
            "asrv x0, x0, x1",
        ),
        (
            Inst::ShiftImm { op: ShiftOp::Lsr, size: X, rd: x(1), rn: x(0), imm: 1 },
            "01fc41d3",
            "lsr x1, x0, #1",
        ),
        (
            Inst::ShiftImm { op: ShiftOp::Lsr, size: X, rd: x(0), rn: x(0), imm: 56 },
            "00fc78d3",
            "lsr x0, x0, #56",
        ),
        (
            Inst::ShiftImm { op: ShiftOp::Lsr, size: W, rd: x(0), rn: x(0), imm: 24 },
            "007c1853",
            "lsr w0, w0, #24",
        ),
        (
            Inst::ShiftImm { op: ShiftOp::Lsl, size: X, rd: x(2), rn: x(3), imm: 4 },
            "62ec7cd3",
            "lsl x2, x3, #4",
        ),
        (
            Inst::ShiftImm { op: ShiftOp::Lsl, size: W, rd: x(2), rn: x(3), imm: 31 },
            "62000153",
            "lsl w2, w3, #31",
        ),
        (
            Inst::ShiftImm { op: ShiftOp::Asr, size: X, rd: x(2), rn: x(3), imm: 63 },
            "62fc7f93",
            "asr x2, x3, #63",
        ),
        (
            Inst::ShiftImm { op: ShiftOp::Asr, size: W, rd: x(2), rn: x(3), imm: 5 },
            "627c0513",
            "asr w2, w3, #5",
        ),
        (Inst::Clz { size: X, rd: x(0), rn: x(1) }, "2010c0da", "clz x0, x1"),
        (Inst::Clz { size: W, rd: x(0), rn: x(1) }, "2010c05a", "clz w0, w1"),
        (Inst::Rbit { size: X, rd: x(1), rn: x(1) }, "2100c0da", "rbit x1, x1"),
        (Inst::Rbit { size: W, rd: x(1), rn: x(1) }, "2100c05a", "rbit w1, w1"),
        // Conditional select and set.
        (
            Inst::Csel { size: X, rd: x(0), rn: x(0), rm: x(1), cond: Cond::Ne },
            "0010819a",
            "csel x0, x0, x1, ne",
        ),
        (Inst::Cset { size: W, rd: x(0), cond: Cond::Eq }, "e0179f1a", "cset w0, eq"),
        (Inst::Cset { size: W, rd: x(0), cond: Cond::Lo }, "e0279f1a", "cset w0, lo"),
        (Inst::Cset { size: W, rd: x(0), cond: Cond::Hi }, "e0979f1a", "cset w0, hi"),
        (Inst::Cset { size: W, rd: x(0), cond: Cond::Mi }, "e0579f1a", "cset w0, mi"),
        (Inst::Cset { size: W, rd: x(0), cond: Cond::Ls }, "e0879f1a", "cset w0, ls"),
        (Inst::Cset { size: W, rd: x(0), cond: Cond::Ge }, "e0b79f1a", "cset w0, ge"),
        (Inst::Cset { size: X, rd: x(3), cond: Cond::Le }, "e3c79f9a", "cset x3, le"),
        // Loads and stores: every width, sign, and addressing form.
        (
            Inst::Load { size: MemSize::X, signed: false, rd: x(0), addr: scaled(SP, 16) },
            "e00b40f9",
            "ldr x0, [sp, #16]",
        ),
        (
            Inst::Load { size: MemSize::X, signed: false, rd: x(0), addr: scaled(SP, 32760) },
            "e0ff7ff9",
            "ldr x0, [sp, #32760]",
        ),
        (
            Inst::Load { size: MemSize::W, signed: false, rd: x(1), addr: scaled(x(2), 4) },
            "410440b9",
            "ldr w1, [x2, #4]",
        ),
        (
            Inst::Load { size: MemSize::W, signed: true, rd: x(1), addr: scaled(x(2), 0) },
            "410080b9",
            "ldrsw x1, [x2]",
        ),
        (
            Inst::Load { size: MemSize::H, signed: false, rd: x(1), addr: scaled(x(2), 6) },
            "410c4079",
            "ldrh w1, [x2, #6]",
        ),
        (
            Inst::Load { size: MemSize::H, signed: true, rd: x(1), addr: scaled(x(2), 6) },
            "410c8079",
            "ldrsh x1, [x2, #6]",
        ),
        (
            Inst::Load { size: MemSize::B, signed: false, rd: x(1), addr: scaled(x(2), 4095) },
            "41fc7f39",
            "ldrb w1, [x2, #4095]",
        ),
        (
            Inst::Load { size: MemSize::B, signed: true, rd: x(1), addr: scaled(x(2), 1) },
            "41048039",
            "ldrsb x1, [x2, #1]",
        ),
        (
            Inst::Load {
                size: MemSize::X,
                signed: false,
                rd: x(0),
                addr: Amode::Unscaled { base: x(29), off: -8 },
            },
            "a0835ff8",
            "ldur x0, [x29, #-8]",
        ),
        (
            Inst::Load {
                size: MemSize::W,
                signed: true,
                rd: x(0),
                addr: Amode::Unscaled { base: x(1), off: 255 },
            },
            "20f08fb8",
            "ldursw x0, [x1, #255]",
        ),
        (
            Inst::Load {
                size: MemSize::B,
                signed: false,
                rd: x(0),
                addr: Amode::Unscaled { base: x(1), off: -256 },
            },
            "20005038",
            "ldurb w0, [x1, #-256]",
        ),
        (
            Inst::Load {
                size: MemSize::X,
                signed: false,
                rd: x(0),
                addr: Amode::Reg { base: SP, index: x(16) },
            },
            "e06b70f8",
            "ldr x0, [sp, x16]",
        ),
        (
            Inst::Load {
                size: MemSize::B,
                signed: false,
                rd: x(3),
                addr: Amode::Reg { base: x(1), index: x(2) },
            },
            "23686238",
            "ldrb w3, [x1, x2]",
        ),
        (
            Inst::Load {
                size: MemSize::H,
                signed: true,
                rd: x(3),
                addr: Amode::Reg { base: x(1), index: x(17) },
            },
            "2368b178",
            "ldrsh x3, [x1, x17]",
        ),
        (
            Inst::Load {
                size: MemSize::X,
                signed: false,
                rd: x(0),
                addr: Amode::RegScaled { base: x(1), index: x(2) },
            },
            "207862f8",
            "ldr x0, [x1, x2, lsl #3]",
        ),
        (
            Inst::Load {
                size: MemSize::W,
                signed: true,
                rd: x(0),
                addr: Amode::RegScaled { base: x(1), index: x(2) },
            },
            "2078a2b8",
            "ldrsw x0, [x1, x2, lsl #2]",
        ),
        (
            Inst::Load {
                size: MemSize::H,
                signed: false,
                rd: x(0),
                addr: Amode::RegScaled { base: x(1), index: x(2) },
            },
            "20786278",
            "ldrh w0, [x1, x2, lsl #1]",
        ),
        (
            Inst::Load {
                size: MemSize::B,
                signed: true,
                rd: x(0),
                addr: Amode::RegScaled { base: x(1), index: x(2) },
            },
            "2068a238",
            "ldrsb x0, [x1, x2]",
        ),
        (
            Inst::Store { size: MemSize::W, rt: x(3), addr: Amode::RegScaled { base: x(4), index: x(5) } },
            "837825b8",
            "str w3, [x4, x5, lsl #2]",
        ),
        (Inst::Store { size: MemSize::X, rt: x(0), addr: scaled(SP, 8) }, "e00700f9", "str x0, [sp, #8]"),
        (Inst::Store { size: MemSize::X, rt: ZR, addr: scaled(SP, 0) }, "ff0300f9", "str xzr, [sp]"),
        (Inst::Store { size: MemSize::W, rt: ZR, addr: scaled(x(0), 0) }, "1f0000b9", "str wzr, [x0]"),
        (Inst::Store { size: MemSize::H, rt: x(5), addr: scaled(x(0), 2) }, "05040079", "strh w5, [x0, #2]"),
        (Inst::Store { size: MemSize::B, rt: x(5), addr: scaled(x(0), 3) }, "050c0039", "strb w5, [x0, #3]"),
        (
            Inst::Store { size: MemSize::W, rt: x(5), addr: Amode::Unscaled { base: x(0), off: -4 } },
            "05c01fb8",
            "stur w5, [x0, #-4]",
        ),
        (
            Inst::Store { size: MemSize::B, rt: x(3), addr: Amode::Reg { base: x(0), index: x(2) } },
            "03682238",
            "strb w3, [x0, x2]",
        ),
        (
            Inst::Store { size: MemSize::X, rt: x(0), addr: Amode::Reg { base: SP, index: x(16) } },
            "e06b30f8",
            "str x0, [sp, x16]",
        ),
        (Inst::StpPre { rt: x(29), rt2: x(30), base: SP, off: -16 }, "fd7bbfa9", "stp x29, x30, [sp, #-16]!"),
        (Inst::LdpPost { rt: x(29), rt2: x(30), base: SP, off: 16 }, "fd7bc1a8", "ldp x29, x30, [sp], #16"),
        // Branches through registers, returns, traps.
        (Inst::Blr { rn: x(16) }, "00023fd6", "blr x16"),
        (Inst::Ret, "c0035fd6", "ret"),
        (Inst::Svc, "010000d4", "svc #0"),
        (Inst::Udf, "00000000", "udf #0"),
        // Floating point: loads and stores (C7.2: LDR, STR, LDUR, STUR (SIMD&FP)).
        (Inst::FLoad { double: true, rd: v(0), addr: scaled(x(1), 8) }, "200440fd", "ldr d0, [x1, #8]"),
        (
            Inst::FLoad { double: false, rd: v(2), addr: scaled(SP, 16380) },
            "e2ff7fbd",
            "ldr s2, [sp, #16380]",
        ),
        (
            Inst::FLoad { double: true, rd: v(31), addr: Amode::Unscaled { base: x(29), off: -24 } },
            "bf835efc",
            "ldur d31, [x29, #-24]",
        ),
        (
            Inst::FLoad { double: true, rd: v(0), addr: Amode::RegScaled { base: x(1), index: x(2) } },
            "207862fc",
            "ldr d0, [x1, x2, lsl #3]",
        ),
        (
            Inst::FLoad { double: false, rd: v(0), addr: Amode::Reg { base: SP, index: x(17) } },
            "e06b71bc",
            "ldr s0, [sp, x17]",
        ),
        (
            Inst::FStore { double: true, rt: v(7), addr: scaled(SP, 32760) },
            "e7ff3ffd",
            "str d7, [sp, #32760]",
        ),
        (
            Inst::FStore { double: false, rt: v(30), addr: Amode::Unscaled { base: x(0), off: 3 } },
            "1e3000bc",
            "stur s30, [x0, #3]",
        ),
        (
            Inst::FStore { double: false, rt: v(1), addr: Amode::RegScaled { base: x(2), index: x(3) } },
            "417823bc",
            "str s1, [x2, x3, lsl #2]",
        ),
        // Floating-point moves, immediates and conditional select.
        (Inst::FmovRR { double: true, rd: v(0), rn: v(1) }, "2040601e", "fmov d0, d1"),
        (Inst::FmovRR { double: false, rd: v(30), rn: v(31) }, "fe43201e", "fmov s30, s31"),
        (Inst::FmovImm { double: true, rd: v(0), imm: fp_imm(1.0) }, "00106e1e", "fmov d0, #1.0"),
        (Inst::FmovImm { double: true, rd: v(3), imm: fp_imm(-0.125) }, "0310781e", "fmov d3, #-0.125"),
        (Inst::FmovImm { double: true, rd: v(3), imm: fp_imm(31.0) }, "03f0671e", "fmov d3, #31.0"),
        (
            Inst::FmovImm {
                double: false,
                rd: v(1),
                imm: FpImm::new(u64::from(0.5f32.to_bits()), false).expect("0.5"),
            },
            "01102c1e",
            "fmov s1, #0.5",
        ),
        (
            Inst::FCsel { double: true, rd: v(0), rn: v(1), rm: v(2), cond: Cond::Eq },
            "200c621e",
            "fcsel d0, d1, d2, eq",
        ),
        (
            Inst::FCsel { double: false, rd: v(3), rn: v(4), rm: v(5), cond: Cond::Mi },
            "834c251e",
            "fcsel s3, s4, s5, mi",
        ),
        // Advanced SIMD: population count (CNT, ADDV).
        (Inst::Cnt { rd: v(31), rn: v(31) }, "ff5b200e", "cnt v31.8b, v31.8b"),
        (Inst::Addv { rd: v(31), rn: v(30) }, "dfbb310e", "addv b31, v30.8b"),
        // Floating point.
        (Inst::FmovToFp { double: true, rd: v(0), rn: x(0) }, "0000679e", "fmov d0, x0"),
        (Inst::FmovToFp { double: false, rd: v(1), rn: x(2) }, "4100271e", "fmov s1, w2"),
        (Inst::FmovFromFp { double: true, rd: x(0), rn: v(0) }, "0000669e", "fmov x0, d0"),
        (Inst::FmovFromFp { double: false, rd: x(3), rn: v(4) }, "8300261e", "fmov w3, s4"),
        (
            Inst::Fpu2 { op: FpuOp2::Add, double: true, rd: v(0), rn: v(0), rm: v(1) },
            "0028611e",
            "fadd d0, d0, d1",
        ),
        (
            Inst::Fpu2 { op: FpuOp2::Sub, double: false, rd: v(0), rn: v(0), rm: v(1) },
            "0038211e",
            "fsub s0, s0, s1",
        ),
        (
            Inst::Fpu2 { op: FpuOp2::Mul, double: true, rd: v(2), rn: v(3), rm: v(4) },
            "6208641e",
            "fmul d2, d3, d4",
        ),
        (
            Inst::Fpu2 { op: FpuOp2::Div, double: true, rd: v(0), rn: v(0), rm: v(1) },
            "0018611e",
            "fdiv d0, d0, d1",
        ),
        (
            Inst::Fpu2 { op: FpuOp2::Min, double: true, rd: v(0), rn: v(0), rm: v(1) },
            "0058611e",
            "fmin d0, d0, d1",
        ),
        (
            Inst::Fpu2 { op: FpuOp2::Max, double: false, rd: v(0), rn: v(0), rm: v(1) },
            "0048211e",
            "fmax s0, s0, s1",
        ),
        (
            Inst::Fma { op: FmaOp::Madd, double: true, rd: v(0), rn: v(1), rm: v(2), ra: v(3) },
            "200c421f",
            "fmadd d0, d1, d2, d3",
        ),
        (
            Inst::Fma { op: FmaOp::Msub, double: true, rd: v(0), rn: v(1), rm: v(2), ra: v(3) },
            "208c421f",
            "fmsub d0, d1, d2, d3",
        ),
        (
            Inst::Fma { op: FmaOp::Nmadd, double: false, rd: v(4), rn: v(5), rm: v(6), ra: v(7) },
            "a41c261f",
            "fnmadd s4, s5, s6, s7",
        ),
        (
            Inst::Fma { op: FmaOp::Nmsub, double: true, rd: v(0), rn: v(1), rm: v(2), ra: v(3) },
            "208c621f",
            "fnmsub d0, d1, d2, d3",
        ),
        (
            Inst::Fma { op: FmaOp::Nmsub, double: false, rd: v(0), rn: v(1), rm: v(2), ra: v(3) },
            "208c221f",
            "fnmsub s0, s1, s2, s3",
        ),
        (Inst::Fpu1 { op: FpuOp1::Abs, double: true, rd: v(0), rn: v(0) }, "00c0601e", "fabs d0, d0"),
        (Inst::Fpu1 { op: FpuOp1::Neg, double: false, rd: v(0), rn: v(0) }, "0040211e", "fneg s0, s0"),
        (Inst::Fpu1 { op: FpuOp1::Sqrt, double: true, rd: v(0), rn: v(1) }, "20c0611e", "fsqrt d0, d1"),
        (Inst::Fpu1 { op: FpuOp1::RintM, double: true, rd: v(0), rn: v(0) }, "0040651e", "frintm d0, d0"),
        (Inst::Fpu1 { op: FpuOp1::RintP, double: false, rd: v(0), rn: v(0) }, "00c0241e", "frintp s0, s0"),
        (Inst::Fpu1 { op: FpuOp1::RintZ, double: true, rd: v(0), rn: v(0) }, "00c0651e", "frintz d0, d0"),
        (Inst::Fpu1 { op: FpuOp1::RintN, double: true, rd: v(0), rn: v(0) }, "0040641e", "frintn d0, d0"),
        (Inst::Fcmp { double: true, rn: v(0), rm: v(1) }, "0020611e", "fcmp d0, d1"),
        (Inst::Fcmp { double: false, rn: v(2), rm: v(3) }, "4020231e", "fcmp s2, s3"),
        (
            Inst::IntToFloat { signed: true, size: X, double: true, rd: v(0), rn: x(0) },
            "0000629e",
            "scvtf d0, x0",
        ),
        (
            Inst::IntToFloat { signed: true, size: W, double: false, rd: v(0), rn: x(0) },
            "0000221e",
            "scvtf s0, w0",
        ),
        (
            Inst::IntToFloat { signed: false, size: X, double: false, rd: v(0), rn: x(0) },
            "0000239e",
            "ucvtf s0, x0",
        ),
        (
            Inst::IntToFloat { signed: false, size: W, double: true, rd: v(0), rn: x(0) },
            "0000631e",
            "ucvtf d0, w0",
        ),
        (
            Inst::FloatToInt { signed: true, size: X, double: true, rd: x(0), rn: v(0) },
            "0000789e",
            "fcvtzs x0, d0",
        ),
        (
            Inst::FloatToInt { signed: true, size: W, double: false, rd: x(0), rn: v(0) },
            "0000381e",
            "fcvtzs w0, s0",
        ),
        (
            Inst::FloatToInt { signed: false, size: X, double: false, rd: x(0), rn: v(0) },
            "0000399e",
            "fcvtzu x0, s0",
        ),
        (
            Inst::FloatToInt { signed: false, size: W, double: true, rd: x(0), rn: v(0) },
            "0000791e",
            "fcvtzu w0, d0",
        ),
        (Inst::FloatToFloat { to_double: true, rd: v(0), rn: v(0) }, "00c0221e", "fcvt d0, s0"),
        (Inst::FloatToFloat { to_double: false, rd: v(0), rn: v(0) }, "0040621e", "fcvt s0, d0"),
    ]
}

fn logic(value: u64, size: Size) -> ImmLogic {
    ImmLogic::new(value, size).expect("a bitmask immediate")
}

fn fp_imm(v: f64) -> FpImm {
    FpImm::new(v.to_bits(), true).expect("an fmov immediate")
}

/// The Arm ARM's DecodeBitMasks (J1.1.3): the value of an N:immr:imms field for a
/// register of `bits`, or None for a reserved encoding.
fn decode_bit_masks(enc: u16, bits: u32) -> Option<u64> {
    let (n, immr, imms) = (u32::from(enc >> 12) & 1, u32::from(enc >> 6) & 63, u32::from(enc) & 63);
    let combined = n << 6 | (!imms & 63);
    if combined == 0 {
        return None;
    }
    let len = 31 - combined.leading_zeros();
    if len < 1 {
        return None;
    }
    let esize = 1u32 << len;
    if esize > bits {
        return None;
    }
    let levels = esize - 1;
    let (s, r) = (imms & levels, immr & levels);
    if s == levels {
        return None;
    }
    let emask = if esize == 64 { u64::MAX } else { (1u64 << esize) - 1 };
    let welem = (1u64 << (s + 1)) - 1;
    let elem = if r == 0 { welem } else { ((welem >> r) | (welem << (esize - r))) & emask };
    let mut v = 0u64;
    let mut at = 0;
    while at < bits {
        v |= elem << at;
        at += esize;
    }
    Some(v)
}

/// Every value a bitmask immediate's field can decode to has an encoding, as
/// `ImmLogic` computes it, that decodes to the value again; other values have none.
#[test]
fn logical_immediates_round_trip_through_the_manuals_decoder() {
    let mut counts = Vec::new();
    for (size, bits) in [(Size::X, 64), (Size::W, 32)] {
        let values: std::collections::BTreeSet<u64> = (0..1u16 << 13)
            .filter(|enc| bits == 64 || enc >> 12 == 0)
            .filter_map(|enc| decode_bit_masks(enc, bits))
            .collect();
        for &v in &values {
            let imm = ImmLogic::new(v, size).expect("encodable");
            assert_eq!((imm.value, decode_bit_masks(imm.enc, bits)), (v, Some(v)), "{v:#x} at {bits} bits");
        }
        counts.push(values.len());
    }
    // 5334 distinct values for 64-bit registers, 1302 for 32-bit ones.
    assert_eq!(counts, [5334, 1302]);
    for v in [0u64, u64::MAX, 5, 0x1234, 0x1234_5678_9abc_def0] {
        assert_eq!(ImmLogic::new(v, Size::X), None, "{v:#x}");
    }
    assert_eq!(ImmLogic::new(0xffff_ffff, Size::W), None);
    assert_eq!(ImmLogic::new(0, Size::W), None);
}

/// Every 8-bit float immediate expands (VFPExpandImm) to a value `FpImm` finds the
/// same 8 bits for, in both precisions; other values have none.
#[test]
fn float_immediates_round_trip_through_the_manuals_expansion() {
    for imm8 in 0..=255u8 {
        let (a, b, cdefgh) = (u64::from(imm8 >> 7), u64::from(imm8 >> 6) & 1, u64::from(imm8) & 0x3f);
        let exp = (b ^ 1) << 10 | if b == 1 { 0xff << 2 } else { 0 } | (cdefgh >> 4);
        let d = a << 63 | exp << 52 | (cdefgh & 15) << 48;
        assert_eq!(FpImm::new(d, true).map(|i| i.imm8), Some(imm8), "{}", f64::from_bits(d));
        let s = f64::from_bits(d) as f32;
        assert_eq!(FpImm::new(u64::from(s.to_bits()), false).map(|i| i.imm8), Some(imm8), "{s}");
    }
    for v in [0.0f64, -0.0, 0.1, 33.0, 0.0625, f64::INFINITY, f64::NAN, 1.0 + f64::EPSILON] {
        assert_eq!(FpImm::new(v.to_bits(), true), None, "{v}");
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn encode(inst: &Inst) -> Vec<u8> {
    let mut buf = CodeBuffer::new();
    super::emit::emit(inst, &mut buf);
    buf.finish().expect("no labels").bytes
}

#[test]
fn rows_encode_and_print_as_listed() {
    let mut bad = Vec::new();
    for (inst, want, text) in rows() {
        let got = hex(&encode(&inst));
        if got != want {
            bad.push(format!("{text}: emit {got}, row {want}"));
        }
        if inst.text() != text {
            bad.push(format!("{inst:?}: text {:?}, row {text:?}", inst.text()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The rows' bytes are what LLVM's assembler makes of their text.
#[test]
fn rows_agree_with_llvm_mc() {
    let input: String = rows().iter().map(|(_, _, text)| format!("{text}\n")).collect();
    let run = std::process::Command::new("llvm-mc")
        .args(["-triple=aarch64-unknown-linux-gnu", "-show-encoding"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = run else {
        assert!(std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"), "llvm-mc is missing");
        eprintln!("SKIPPED: llvm-mc not found (Debian package llvm)");
        return;
    };
    use std::io::Write;
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("llvm-mc");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let encodings: Vec<String> = text
        .lines()
        .filter_map(|l| {
            l.split_once("// encoding: [").map(|(_, e)| {
                e.trim_end_matches(']').split(',').map(|b| b.trim_start_matches("0x")).collect()
            })
        })
        .collect();
    let rows = rows();
    assert_eq!(encodings.len(), rows.len(), "{text}");
    let bad: Vec<String> = rows
        .iter()
        .zip(&encodings)
        .filter(|((_, want, _), got)| got.as_str() != *want)
        .map(|((_, want, asm), got)| format!("{asm}: llvm-mc {got}, row {want}"))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn branches_and_calls_use_labels_and_relocations() {
    let mut buf = CodeBuffer::new();
    let (top, end) = (buf.new_label(), buf.new_label());
    buf.bind(top);
    for i in [
        Inst::BCond { cond: Cond::Eq, target: end },
        Inst::Cbz { nonzero: true, size: Size::X, rt: x(3), target: top },
        Inst::B { target: top },
        Inst::Bl { symbol: "runtime.main".into() },
        Inst::Adrp { rd: x(0), symbol: "main.msg".into() },
        Inst::AddLo12 { rd: x(0), rn: x(0), symbol: "main.msg".into() },
    ] {
        super::emit::emit(&i, &mut buf);
    }
    buf.bind(end);
    let code = buf.finish().expect("bound");
    // b.eq +24; cbnz x3, -4; b -8; bl 0; adrp x0, 0; add x0, x0, #0.
    assert_eq!(hex(&code.bytes), "c0000054e3ffffb5feffff17000000940000009000000091");
    let relocs: Vec<(usize, codegen::RelocKind, &str)> =
        code.relocs.iter().map(|r| (r.offset, r.kind, r.symbol.as_str())).collect();
    assert_eq!(
        relocs,
        [
            (12, crate::reloc::CALL26, "runtime.main"),
            (16, crate::reloc::ADR_PREL_PG_HI21, "main.msg"),
            (20, crate::reloc::ADD_ABS_LO12_NC, "main.msg"),
        ]
    );
}
