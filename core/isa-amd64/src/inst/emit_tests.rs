//! Encoding rows: (instruction, bytes, Intel syntax). Every row's bytes are checked
//! against what `emit` produces, and, when `llvm-mc` is installed (Debian `llvm`),
//! against what LLVM's assembler makes of the text; its text against `Inst::text`.

use super::{AluOp, Amode, Cond, Gpr, Inst, ShiftOp, Size, SseLogicOp, SseOp, Xmm};
use Gpr::*;
use codegen::CodeBuffer;

fn bd(base: Gpr, disp: i32) -> Amode {
    Amode::BaseDisp { base, disp }
}

fn rows() -> Vec<(Inst, &'static str, &'static str)> {
    use Size::*;
    vec![
        // MOV (Intel SDM Vol. 2B, "MOV").
        (Inst::MovRR { size: S64, dst: Rax, src: Rbx }, "4889d8", "mov rax, rbx"),
        (Inst::MovRR { size: S64, dst: R15, src: Rsp }, "4989e7", "mov r15, rsp"),
        (Inst::MovRR { size: S32, dst: Rcx, src: R9 }, "4489c9", "mov ecx, r9d"),
        (Inst::MovRR { size: S32, dst: Rdx, src: Rsi }, "89f2", "mov edx, esi"),
        (Inst::MovImm { dst: Rax, imm: 60 }, "b83c000000", "mov eax, 60"),
        (Inst::MovImm { dst: R10, imm: 0xffff_ffff }, "41baffffffff", "mov r10d, 4294967295"),
        (Inst::MovImm { dst: Rdi, imm: u64::MAX }, "48c7c7ffffffff", "mov rdi, -1"),
        (
            Inst::MovImm { dst: R8, imm: 0x1234_5678_9abc_def0 },
            "49b8f0debc9a78563412",
            "movabs r8, 1311768467463790320",
        ),
        // Loads and stores, with every base that needs care: rsp/r12 (SIB), rbp/r13 (disp).
        (
            Inst::Load { size: S64, signed: false, dst: Rax, addr: bd(Rsp, 8) },
            "488b442408",
            "mov rax, qword ptr [rsp + 8]",
        ),
        (
            Inst::Load { size: S64, signed: false, dst: R11, addr: bd(R12, 0) },
            "4d8b1c24",
            "mov r11, qword ptr [r12]",
        ),
        (
            Inst::Load { size: S64, signed: false, dst: Rcx, addr: bd(Rbp, 0) },
            "488b4d00",
            "mov rcx, qword ptr [rbp]",
        ),
        (
            Inst::Load { size: S64, signed: false, dst: Rcx, addr: bd(R13, -8) },
            "498b4df8",
            "mov rcx, qword ptr [r13 - 8]",
        ),
        (
            Inst::Load { size: S64, signed: false, dst: Rdx, addr: bd(Rbx, 4096) },
            "488b9300100000",
            "mov rdx, qword ptr [rbx + 4096]",
        ),
        (
            Inst::Load { size: S32, signed: false, dst: Rsi, addr: bd(Rdi, 4) },
            "8b7704",
            "mov esi, dword ptr [rdi + 4]",
        ),
        (
            Inst::Load { size: S32, signed: true, dst: Rax, addr: bd(Rax, 0) },
            "486300",
            "movsxd rax, dword ptr [rax]",
        ),
        (
            Inst::Load { size: S16, signed: false, dst: R9, addr: bd(Rcx, 2) },
            "440fb74902",
            "movzx r9d, word ptr [rcx + 2]",
        ),
        (
            Inst::Load { size: S16, signed: true, dst: Rax, addr: bd(Rcx, 0) },
            "480fbf01",
            "movsx rax, word ptr [rcx]",
        ),
        (
            Inst::Load { size: S8, signed: false, dst: Rax, addr: bd(R8, 1) },
            "410fb64001",
            "movzx eax, byte ptr [r8 + 1]",
        ),
        (
            Inst::Load { size: S8, signed: true, dst: R14, addr: bd(Rdx, 0) },
            "4c0fbe32",
            "movsx r14, byte ptr [rdx]",
        ),
        (
            Inst::Load {
                size: S64,
                signed: false,
                dst: Rax,
                addr: Amode::BaseIndex { base: Rbx, index: R10, scale: 8, disp: 16 },
            },
            "4a8b44d310",
            "mov rax, qword ptr [rbx + 8*r10 + 16]",
        ),
        (
            Inst::Load {
                size: S32,
                signed: false,
                dst: Rax,
                addr: Amode::BaseIndex { base: R13, index: Rcx, scale: 1, disp: 0 },
            },
            "418b440d00",
            "mov eax, dword ptr [r13 + 1*rcx]",
        ),
        (
            Inst::Store { size: S64, src: Rax, addr: bd(Rsp, 16) },
            "4889442410",
            "mov qword ptr [rsp + 16], rax",
        ),
        (Inst::Store { size: S32, src: R12, addr: bd(Rdi, -4) }, "448967fc", "mov dword ptr [rdi - 4], r12d"),
        (Inst::Store { size: S16, src: Rdx, addr: bd(Rax, 0) }, "668910", "mov word ptr [rax], dx"),
        (Inst::Store { size: S8, src: Rsi, addr: bd(Rax, 0) }, "408830", "mov byte ptr [rax], sil"),
        (Inst::Store { size: S8, src: Rcx, addr: bd(Rax, 0) }, "8808", "mov byte ptr [rax], cl"),
        (Inst::Lea { dst: Rdi, addr: bd(Rsp, 24) }, "488d7c2418", "lea rdi, [rsp + 24]"),
        // ALU group.
        (Inst::Alu { op: AluOp::Add, size: S64, dst: Rax, src: Rcx }, "4801c8", "add rax, rcx"),
        (Inst::Alu { op: AluOp::Sub, size: S32, dst: R8, src: Rax }, "4129c0", "sub r8d, eax"),
        (Inst::Alu { op: AluOp::And, size: S64, dst: Rdx, src: R15 }, "4c21fa", "and rdx, r15"),
        (Inst::Alu { op: AluOp::Or, size: S64, dst: Rbx, src: Rbx }, "4809db", "or rbx, rbx"),
        (Inst::Alu { op: AluOp::Xor, size: S32, dst: Rax, src: Rax }, "31c0", "xor eax, eax"),
        (Inst::Alu { op: AluOp::Cmp, size: S64, dst: Rsi, src: Rdi }, "4839fe", "cmp rsi, rdi"),
        (Inst::AluImm { op: AluOp::Sub, size: S64, dst: Rsp, imm: 8 }, "4883ec08", "sub rsp, 8"),
        (Inst::AluImm { op: AluOp::Add, size: S64, dst: Rsp, imm: 4096 }, "4881c400100000", "add rsp, 4096"),
        (Inst::AluImm { op: AluOp::Cmp, size: S64, dst: Rax, imm: 1000 }, "483de8030000", "cmp rax, 1000"),
        (Inst::AluImm { op: AluOp::And, size: S32, dst: R9, imm: -16 }, "4183e1f0", "and r9d, -16"),
        (Inst::Imul { size: S64, dst: Rax, src: R11 }, "490fafc3", "imul rax, r11"),
        (Inst::Imul { size: S32, dst: R10, src: Rcx }, "440fafd1", "imul r10d, ecx"),
        (Inst::Shift { op: ShiftOp::Shl, size: S64, dst: Rax }, "48d3e0", "shl rax, cl"),
        (Inst::Shift { op: ShiftOp::Shr, size: S32, dst: R8 }, "41d3e8", "shr r8d, cl"),
        (Inst::Shift { op: ShiftOp::Sar, size: S64, dst: Rdx }, "48d3fa", "sar rdx, cl"),
        (Inst::ShiftImm { op: ShiftOp::Shr, size: S64, dst: Rcx, imm: 1 }, "48d1e9", "shr rcx, 1"),
        (Inst::ShiftImm { op: ShiftOp::Shl, size: S32, dst: R9, imm: 31 }, "41c1e11f", "shl r9d, 31"),
        (Inst::ShiftImm { op: ShiftOp::Sar, size: S64, dst: Rax, imm: 63 }, "48c1f83f", "sar rax, 63"),
        (Inst::Neg { size: S64, dst: Rcx }, "48f7d9", "neg rcx"),
        (Inst::Not { size: S32, dst: R12 }, "41f7d4", "not r12d"),
        (Inst::Test { size: S64, a: Rax, b: Rbx }, "4885d8", "test rax, rbx"),
        (Inst::Test { size: S8, a: Rdi, b: Rdi }, "4084ff", "test dil, dil"),
        (Inst::SignExtendDx { size: S64 }, "4899", "cqo"),
        (Inst::SignExtendDx { size: S32 }, "99", "cdq"),
        (Inst::Div { signed: true, size: S64, src: Rcx }, "48f7f9", "idiv rcx"),
        (Inst::Div { signed: false, size: S32, src: R9 }, "41f7f1", "div r9d"),
        (Inst::Setcc { cond: Cond::L, dst: Rax }, "0f9cc0", "setl al"),
        (Inst::Setcc { cond: Cond::Ne, dst: Rsi }, "400f95c6", "setne sil"),
        (Inst::Setcc { cond: Cond::A, dst: R13 }, "410f97c5", "seta r13b"),
        (Inst::MovzxB { dst: Rax, src: Rax }, "0fb6c0", "movzx eax, al"),
        (Inst::MovzxB { dst: R8, src: Rdi }, "440fb6c7", "movzx r8d, dil"),
        (Inst::Push { src: Rbp }, "55", "push rbp"),
        (Inst::Push { src: R12 }, "4154", "push r12"),
        (Inst::Pop { dst: R15 }, "415f", "pop r15"),
        (Inst::CallReg { src: Rax }, "ffd0", "call rax"),
        (Inst::CallReg { src: R11 }, "41ffd3", "call r11"),
        (Inst::Cmov { cond: Cond::Ne, size: S64, dst: Rax, src: Rcx }, "480f45c1", "cmovne rax, rcx"),
        (Inst::Cmov { cond: Cond::L, size: S32, dst: R8, src: Rdx }, "440f4cc2", "cmovl r8d, edx"),
        (Inst::BitScan { reverse: true, size: S64, dst: Rax, src: Rcx }, "480fbdc1", "bsr rax, rcx"),
        (Inst::BitScan { reverse: false, size: S32, dst: Rdx, src: R9 }, "410fbcd1", "bsf edx, r9d"),
        (Inst::RepMovsb, "f3a4", "rep movsb byte ptr es:[rdi], byte ptr [rsi]"),
        (Inst::RepStosb, "f3aa", "rep stosb byte ptr es:[rdi], al"),
        (Inst::SetDirection { down: true }, "fd", "std"),
        (Inst::SetDirection { down: false }, "fc", "cld"),
        (Inst::GprToXmm { size: S64, dst: Xmm(0), src: Rax }, "66480f6ec0", "movq xmm0, rax"),
        (Inst::GprToXmm { size: S32, dst: Xmm(1), src: R9 }, "66410f6ec9", "movd xmm1, r9d"),
        (Inst::XmmToGpr { size: S64, dst: Rcx, src: Xmm(0) }, "66480f7ec1", "movq rcx, xmm0"),
        (Inst::XmmToGpr { size: S32, dst: Rax, src: Xmm(9) }, "66440f7ec8", "movd eax, xmm9"),
        (
            Inst::Sse { op: SseOp::Add, double: true, dst: Xmm(0), src: Xmm(1) },
            "f20f58c1",
            "addsd xmm0, xmm1",
        ),
        (
            Inst::Sse { op: SseOp::Sub, double: false, dst: Xmm(2), src: Xmm(3) },
            "f30f5cd3",
            "subss xmm2, xmm3",
        ),
        (
            Inst::Sse { op: SseOp::Mul, double: true, dst: Xmm(8), src: Xmm(1) },
            "f2440f59c1",
            "mulsd xmm8, xmm1",
        ),
        (
            Inst::Sse { op: SseOp::Div, double: true, dst: Xmm(0), src: Xmm(1) },
            "f20f5ec1",
            "divsd xmm0, xmm1",
        ),
        (
            Inst::Sse { op: SseOp::Sqrt, double: true, dst: Xmm(0), src: Xmm(0) },
            "f20f51c0",
            "sqrtsd xmm0, xmm0",
        ),
        (
            Inst::Sse { op: SseOp::Min, double: false, dst: Xmm(0), src: Xmm(1) },
            "f30f5dc1",
            "minss xmm0, xmm1",
        ),
        (
            Inst::Sse { op: SseOp::Max, double: true, dst: Xmm(0), src: Xmm(1) },
            "f20f5fc1",
            "maxsd xmm0, xmm1",
        ),
        (Inst::Ucomis { double: true, a: Xmm(0), b: Xmm(1) }, "660f2ec1", "ucomisd xmm0, xmm1"),
        (Inst::Ucomis { double: false, a: Xmm(1), b: Xmm(0) }, "0f2ec8", "ucomiss xmm1, xmm0"),
        (
            Inst::IntToFloat { double: true, size: S64, dst: Xmm(0), src: Rax },
            "f2480f2ac0",
            "cvtsi2sd xmm0, rax",
        ),
        (
            Inst::IntToFloat { double: false, size: S32, dst: Xmm(1), src: Rcx },
            "f30f2ac9",
            "cvtsi2ss xmm1, ecx",
        ),
        (
            Inst::FloatToInt { double: true, size: S64, dst: Rax, src: Xmm(0) },
            "f2480f2cc0",
            "cvttsd2si rax, xmm0",
        ),
        (
            Inst::FloatToInt { double: false, size: S32, dst: R10, src: Xmm(1) },
            "f3440f2cd1",
            "cvttss2si r10d, xmm1",
        ),
        (Inst::FloatToFloat { to_double: true, dst: Xmm(0), src: Xmm(1) }, "f30f5ac1", "cvtss2sd xmm0, xmm1"),
        (
            Inst::FloatToFloat { to_double: false, dst: Xmm(0), src: Xmm(0) },
            "f20f5ac0",
            "cvtsd2ss xmm0, xmm0",
        ),
        (Inst::Ret, "c3", "ret"),
        (Inst::Syscall, "0f05", "syscall"),
        (Inst::Ud2, "0f0b", "ud2"),
        // SSE moves and bitwise operations (SDM Vol. 2B "MOVSD", "MOVSS", "MOVAPS", "ANDPD", …).
        (
            Inst::LoadX { double: true, dst: Xmm(1), addr: bd(Rax, 8) },
            "f20f104808",
            "movsd xmm1, qword ptr [rax + 8]",
        ),
        (
            Inst::LoadX {
                double: false,
                dst: Xmm(9),
                addr: Amode::BaseIndex { base: R13, index: Rcx, scale: 4, disp: 16 },
            },
            "f3450f104c8d10",
            "movss xmm9, dword ptr [r13 + 4*rcx + 16]",
        ),
        (
            Inst::StoreX { double: true, src: Xmm(3), addr: bd(Rsp, 24) },
            "f20f115c2418",
            "movsd qword ptr [rsp + 24], xmm3",
        ),
        (
            Inst::StoreX { double: false, src: Xmm(14), addr: bd(Rbp, -8) },
            "f3440f1175f8",
            "movss dword ptr [rbp - 8], xmm14",
        ),
        (Inst::MovX { dst: Xmm(2), src: Xmm(11) }, "410f28d3", "movaps xmm2, xmm11"),
        (
            Inst::SseLogic { op: SseLogicOp::Xor, dst: Xmm(0), src: Xmm(15) },
            "66410f57c7",
            "xorpd xmm0, xmm15",
        ),
        (Inst::SseLogic { op: SseLogicOp::And, dst: Xmm(8), src: Xmm(1) }, "66440f54c1", "andpd xmm8, xmm1"),
        (Inst::SseLogic { op: SseLogicOp::Andn, dst: Xmm(3), src: Xmm(4) }, "660f55dc", "andnpd xmm3, xmm4"),
        (Inst::SseLogic { op: SseLogicOp::Or, dst: Xmm(5), src: Xmm(6) }, "660f56ee", "orpd xmm5, xmm6"),
        // IMUL with an immediate, ALU with a memory source, MOV of an immediate to memory.
        (Inst::ImulImm { size: S64, dst: Rax, src: Rbx, imm: 10 }, "486bc30a", "imul rax, rbx, 10"),
        (
            Inst::ImulImm { size: S32, dst: R9, src: R12, imm: 100_000 },
            "4569cca0860100",
            "imul r9d, r12d, 100000",
        ),
        (
            Inst::AluRM { op: AluOp::Add, size: S64, dst: Rcx, addr: bd(Rdx, 8) },
            "48034a08",
            "add rcx, qword ptr [rdx + 8]",
        ),
        (
            Inst::AluRM { op: AluOp::Cmp, size: S32, dst: R10, addr: bd(Rsp, 0) },
            "443b1424",
            "cmp r10d, dword ptr [rsp]",
        ),
        (
            Inst::StoreImm { size: S64, imm: -1, addr: bd(Rsp, 8) },
            "48c7442408ffffffff",
            "mov qword ptr [rsp + 8], -1",
        ),
        (
            Inst::StoreImm {
                size: S32,
                imm: 100_000,
                addr: Amode::BaseIndex { base: Rax, index: Rbx, scale: 4, disp: 0 },
            },
            "c70498a0860100",
            "mov dword ptr [rax + 4*rbx], 100000",
        ),
        (Inst::StoreImm { size: S16, imm: 7, addr: bd(Rdi, 0) }, "66c7070700", "mov word ptr [rdi], 7"),
        (Inst::StoreImm { size: S8, imm: 5, addr: bd(R12, 1) }, "41c644240105", "mov byte ptr [r12 + 1], 5"),
        (Inst::CmpMemImm { size: S32, addr: bd(R14, 0), imm: 0 }, "41833e00", "cmp dword ptr [r14], 0"),
        (
            Inst::CmpMemImm { size: S64, addr: bd(Rax, 8), imm: -1 },
            "48837808ff",
            "cmp qword ptr [rax + 8], -1",
        ),
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
fn encodings_match_the_rows() {
    let mut bad = Vec::new();
    for (inst, want, text) in rows() {
        let got = hex(&encode(&inst));
        if got != want || inst.text() != text {
            bad.push(format!("{text}: emit {got} want {want}; text {:?}", inst.text()));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The rows' bytes are what LLVM's assembler makes of their text.
#[test]
fn rows_agree_with_llvm_mc() {
    let input: String = std::iter::once(".intel_syntax noprefix\n".to_owned())
        .chain(rows().iter().map(|(_, _, text)| format!("{text}\n")))
        .collect();
    let run = std::process::Command::new("llvm-mc")
        .args(["-triple=x86_64-unknown-linux-gnu", "-show-encoding", "-output-asm-variant=1"])
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
            l.split_once("# encoding: [").map(|(_, e)| {
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
    let top = buf.new_label();
    buf.bind(top);
    super::emit::emit(&Inst::Jcc { cond: Cond::E, target: top }, &mut buf);
    super::emit::emit(&Inst::Jmp { target: top }, &mut buf);
    super::emit::emit(&Inst::Call { symbol: "runtime.main".into() }, &mut buf);
    super::emit::emit(
        &Inst::Lea { dst: Rsi, addr: Amode::Rip { symbol: "main.msg".into(), addend: 3 } },
        &mut buf,
    );
    let code = buf.finish().expect("bound");
    assert_eq!(hex(&code.bytes), "0f84faffffffe9f5ffffffe800000000488d3500000000");
    let relocs: Vec<(usize, codegen::RelocKind, &str, i64)> =
        code.relocs.iter().map(|r| (r.offset, r.kind, r.symbol.as_str(), r.addend)).collect();
    let pc_rel32 = crate::reloc::PC_REL32;
    assert_eq!(relocs, [(12, pc_rel32, "runtime.main", -4), (19, pc_rel32, "main.msg", -1)]);
}
