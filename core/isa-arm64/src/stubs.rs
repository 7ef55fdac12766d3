//! The machine code the runtime cannot be written in Go for, per OS, in the
//! register convention of `abi` (a Go function's arguments in x0–x15, the first
//! the closure context word):
//!
//! * `_start`, the entry: it hands the initial stack pointer (on linux: argc,
//!   argv, envp, auxv) to `runtime.rt0`, or on darwin, where dyld calls the entry
//!   as C's `main(argc, argv, envp)`, those three; if a panic unwinds out of
//!   `rt0`, it clears the flag and calls `runtime.fatalpanic`.
//! * linux: `runtime.syscall6(num, a1…a6)`, `svc #0` with the number in x8 and
//!   the arguments in x0–x5;
//! * windows: `runtime.stdcall6(fn, a1…a6)` and darwin: `runtime.libcall6(fn,
//!   a1…a6)`, a C call (AAPCS64, which both systems use for non-variadic
//!   functions) with the arguments in x0–x5.
//!
//! crossplay's convention saves no register across calls, and AAPCS64 saves
//! x19–x28 (so x28, the goroutine register) and the frame pointer, so the stubs
//! keep nothing but the stack pointer and their frame record. Nothing touches
//! x18, the platform register of darwin and windows.

use codegen::{Code, OsAbi};

use crate::abi::{G, SCRATCH};
use crate::inst::{AddSubOp, AluOp, Amode, Inst, MemSize, Size, Xreg};
use crate::lower::{emit_all, mov_imm};

fn x(n: u8) -> Xreg {
    Xreg::x(n)
}

fn mov(rd: Xreg, rm: Xreg) -> Inst {
    if rd == Xreg::SP || rm == Xreg::SP {
        return Inst::AddSubImm { op: AddSubOp::Add, size: Size::X, rd, rn: rm, imm12: 0, shift12: false };
    }
    Inst::Alu { op: AluOp::Orr, size: Size::X, rd, rn: Xreg::ZR, rm }
}

/// `stp x29, x30, [sp, #-16]!; mov x29, sp`.
fn frame() -> [Inst; 2] {
    [Inst::StpPre { rt: Xreg::FP, rt2: Xreg::LR, base: Xreg::SP, off: -16 }, mov(Xreg::FP, Xreg::SP)]
}

/// `ldp x29, x30, [sp], #16; ret` (sp is back where `frame` left it).
fn leave() -> [Inst; 2] {
    [Inst::LdpPost { rt: Xreg::FP, rt2: Xreg::LR, base: Xreg::SP, off: 16 }, Inst::Ret]
}

/// The stubs for the OS.
pub fn stubs(os: OsAbi) -> Vec<(String, Code)> {
    let mut start = if os == OsAbi::Darwin {
        // rt0(ctx, argc, argv, envp) from main(argc, argv, envp).
        vec![mov(x(3), x(2)), mov(x(2), x(1)), mov(x(1), x(0))]
    } else {
        // rt0(ctx, sp): the kernel's stack, 16-byte aligned.
        vec![mov(x(1), Xreg::SP)]
    };
    start.extend(mov_imm(x(0), 0));
    start.extend([
        // No caller frame: a zero frame pointer ends a stack walk.
        Inst::Alu { op: AluOp::Orr, size: Size::X, rd: Xreg::FP, rn: Xreg::ZR, rm: Xreg::ZR },
        // The goroutine that runs main.
        Inst::Adrp { rd: G, symbol: ir::G0_SYMBOL.into() },
        Inst::AddLo12 { rd: G, rn: G, symbol: ir::G0_SYMBOL.into() },
        Inst::Bl { symbol: "runtime.rt0".into() },
        // rt0 returns only when a panic unwound out of the program: the flag is
        // cleared so that fatalpanic's own calls run, and it prints the panic.
        Inst::Store { size: MemSize::W, rt: Xreg::ZR, addr: Amode::Scaled { base: G, off: 0 } },
    ]);
    start.extend(mov_imm(x(0), 0));
    start.extend([Inst::Bl { symbol: "runtime.fatalpanic".into() }, Inst::Udf]);
    let start = ("_start".to_string(), emit_all(&start));
    match os {
        OsAbi::Windows => vec![start, ("runtime.stdcall6".into(), emit_all(&ccall6()))],
        OsAbi::Darwin => vec![start, ("runtime.libcall6".into(), emit_all(&ccall6()))],
        OsAbi::Linux => vec![start, ("runtime.syscall6".into(), emit_all(&syscall6()))],
    }
}

/// `syscall6(ctx, num, a1…a6)`: x1 to the kernel's x8, x2–x7 to x0–x5; the
/// result (the raw return value, negative for an errno) comes back in x0.
fn syscall6() -> Vec<Inst> {
    let mut v = vec![mov(x(8), x(1))];
    v.extend((0..6).map(|i| mov(x(i), x(i + 2))));
    v.extend([Inst::Svc, Inst::Ret]);
    v
}

/// `stdcall6`/`libcall6(ctx, fn, a1…a6) uintptr`: a C call of fn (x1, through
/// x16) with a1–a6 (x2–x7) in x0–x5, inside a frame record that keeps the return
/// address and sp 16-byte aligned.
fn ccall6() -> Vec<Inst> {
    let mut v = frame().to_vec();
    v.push(mov(SCRATCH, x(1)));
    v.extend((0..6).map(|i| mov(x(i), x(i + 2))));
    v.push(Inst::Blr { rn: SCRATCH });
    v.extend(leave());
    v
}
