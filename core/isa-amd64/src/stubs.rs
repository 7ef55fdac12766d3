//! The machine code the runtime cannot be written in Go for, per OS, in the
//! register convention of `abi` (arguments in rax, rbx, rcx, rdi, rsi, r8, r9, r10):
//!
//! * `_start`, the entry: it hands the initial stack pointer (on linux: argc,
//!   argv, envp, auxv) to `runtime.rt0`, or on darwin, where dyld calls the entry
//!   as C's `main(argc, argv, envp)`, those three; if a panic unwinds out of
//!   `rt0`, it clears the flag and calls `runtime.fatalpanic`.
//! * linux: `runtime.syscall6(num, a1…a6)`, the `syscall` instruction
//!   (rax, rdi, rsi, rdx, r10, r8, r9);
//! * windows: `runtime.stdcall6(fn, a1…a6)`, a call in the Microsoft x64
//!   convention (rcx, rdx, r8, r9, then the stack above 32 bytes of shadow space);
//! * darwin: `runtime.libcall6(fn, a1…a6)`, a call in the System V convention
//!   (rdi, rsi, rdx, rcx, r8, r9).
//!
//! crossplay's convention saves no register across calls, and both C
//! conventions save rbx, rbp and r12–r15 (and r14, the goroutine register), so
//! the stubs keep nothing but the stack pointer.

use codegen::{Code, OsAbi};

use crate::abi::G;
use crate::inst::{AluOp, Amode, Gpr, Inst, Size};
use crate::lower::emit_all;

use Gpr::{R8, R9, R10, R11, Rax, Rbp, Rbx, Rcx, Rdi, Rdx, Rsi, Rsp};

fn mov(dst: Gpr, src: Gpr) -> Inst {
    Inst::MovRR { size: Size::S64, dst, src }
}

fn sp(disp: i32) -> Amode {
    Amode::BaseDisp { base: Rsp, disp }
}

/// The stubs for the OS.
pub fn stubs(os: OsAbi) -> Vec<(String, Code)> {
    let mut start = if os == OsAbi::Darwin {
        // rt0(argc, argv, envp): rbx, rcx, rdi from rdi, rsi, rdx.
        vec![
            Inst::AluImm { op: AluOp::And, size: Size::S64, dst: Rsp, imm: -16 },
            mov(Rbx, Rdi),
            mov(Rcx, Rsi),
            mov(Rdi, Rdx),
        ]
    } else {
        vec![mov(Rbx, Rsp), Inst::AluImm { op: AluOp::And, size: Size::S64, dst: Rsp, imm: -16 }]
    };
    start.extend([
        // No caller frame: a zero frame pointer ends a stack walk.
        Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Rbp, src: Rbp },
        // The goroutine that runs main.
        Inst::Lea { dst: G, addr: Amode::Rip { symbol: "runtime.g0".into(), addend: 0 } },
        Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Rax, src: Rax },
        Inst::Call { symbol: "runtime.rt0".into() },
        // rt0 returns only when a panic unwound out of the program: the flag is
        // cleared so that fatalpanic's own calls run, and it prints the panic.
        Inst::StoreImm { size: Size::S32, imm: 0, addr: Amode::BaseDisp { base: G, disp: 0 } },
        Inst::Alu { op: AluOp::Xor, size: Size::S32, dst: Rax, src: Rax },
        Inst::Call { symbol: "runtime.fatalpanic".into() },
        Inst::Ud2,
    ]);
    let start = ("_start".to_string(), emit_all(&start));
    match os {
        OsAbi::Windows => vec![start, ("runtime.stdcall6".into(), emit_all(&stdcall6()))],
        OsAbi::Darwin => vec![start, ("runtime.libcall6".into(), emit_all(&libcall6()))],
        OsAbi::Linux => vec![start, ("runtime.syscall6".into(), emit_all(&syscall6()))],
    }
}

/// `syscall6(num, a1…a6)`: rbx, rcx, rdi, rsi, r8, r9, r10 to the kernel's rax,
/// rdi, rsi, rdx, r10, r8, r9.
fn syscall6() -> Vec<Inst> {
    vec![
        mov(Rax, Rbx),
        mov(Rdx, Rsi),
        mov(Rsi, Rdi),
        mov(Rdi, Rcx),
        mov(R11, R8),
        mov(R8, R9),
        mov(R9, R10),
        mov(R10, R11),
        Inst::Syscall,
        Inst::Ret,
    ]
}

/// `stdcall6(fn, a1…a6)` in the Microsoft x64 convention: fn in rbx, a1 already
/// in rcx; a2–a4 to rdx, r8, r9; a5 and a6 above the shadow space.
fn stdcall6() -> Vec<Inst> {
    vec![
        Inst::Push { src: Rbp },
        mov(Rbp, Rsp),
        Inst::AluImm { op: AluOp::And, size: Size::S64, dst: Rsp, imm: -16 },
        Inst::AluImm { op: AluOp::Sub, size: Size::S64, dst: Rsp, imm: 48 },
        Inst::Store { size: Size::S64, src: R9, addr: sp(32) },
        Inst::Store { size: Size::S64, src: R10, addr: sp(40) },
        mov(R9, R8),
        mov(R8, Rsi),
        mov(Rdx, Rdi),
        Inst::CallReg { src: Rbx },
        mov(Rsp, Rbp),
        Inst::Pop { dst: Rbp },
        Inst::Ret,
    ]
}

/// `libcall6(fn, a1…a6)` in the System V convention: fn in rbx; a1–a6 from rcx,
/// rdi, rsi, r8, r9, r10 to rdi, rsi, rdx, rcx, r8, r9.
fn libcall6() -> Vec<Inst> {
    vec![
        Inst::Push { src: Rbp },
        mov(Rbp, Rsp),
        Inst::AluImm { op: AluOp::And, size: Size::S64, dst: Rsp, imm: -16 },
        mov(R11, Rbx),
        mov(Rdx, Rsi),
        mov(Rsi, Rdi),
        mov(Rdi, Rcx),
        mov(Rcx, R8),
        mov(R8, R9),
        mov(R9, R10),
        Inst::CallReg { src: R11 },
        mov(Rsp, Rbp),
        Inst::Pop { dst: Rbp },
        Inst::Ret,
    ]
}
