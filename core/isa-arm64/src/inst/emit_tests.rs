//! Encoding rows: (instruction, bytes, assembly). Every row's bytes are checked
//! against what `emit` produces, and, when `llvm-mc` is installed (Debian `llvm`),
//! against what LLVM's assembler makes of the text, which is `Inst::text`.

use super::{
    AddSubOp, AluOp, Amode, Cond, FmaOp, FpuOp1, FpuOp2, Inst, MemSize, MoveWide, ShiftOp, Size, Vreg, Xreg,
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
        // Add/subtract immediate, with sp.
        (
            Inst::AddSubImm { op: AddSubOp::Add, size: X, rd: x(29), rn: SP, imm12: 0, shift12: false },
            "fd030091",
            "add x29, sp, #0",
        ),
        (
            Inst::AddSubImm { op: AddSubOp::Add, size: X, rd: SP, rn: x(29), imm12: 0, shift12: false },
            "bf030091",
            "add sp, x29, #0",
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
            (12, codegen::RelocKind::Arm64Call26, "runtime.main"),
            (16, codegen::RelocKind::Arm64AdrPage21, "main.msg"),
            (20, codegen::RelocKind::Arm64AddLo12, "main.msg"),
        ]
    );
}
