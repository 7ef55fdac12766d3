//! crossplay's amd64 calling convention, modelled on Go's ABIInternal
//! (go.dev/s/regabi, `cmd/compile/abi-internal.md`): integer and pointer arguments
//! and results in rax, rbx, rcx, rdi, rsi, r8, r9, r10 (Go adds r11, which crossplay
//! keeps as the back end's scratch register), floating-point ones in x0–x14, the
//! rest on the stack; every register is caller-saved, so a call clobbers all
//! allocatable registers and a frame can be resumed without restoring any.
//! rsp and rbp are the stack and frame pointers, r14 is reserved for the current
//! goroutine (Go's `g` register), r11 and x15 are scratch.
//!
//! Stack arguments and results live in the caller's outgoing area: argument `k`
//! at `[rsp + 8k]` at the call, then the stack results; the callee, after `push
//! rbp; mov rbp, rsp`, finds them at `[rbp + 16 + 8k]`.

use codegen::regalloc2::{MachineEnv, PReg, PRegSet, RegClass};

use crate::inst::{Gpr, Xmm};

pub const INT_ARGS: [Gpr; 8] = [Gpr::Rax, Gpr::Rbx, Gpr::Rcx, Gpr::Rdi, Gpr::Rsi, Gpr::R8, Gpr::R9, Gpr::R10];
pub const FLOAT_ARGS: usize = 15;

/// The scratch registers: free inside any instruction, and the allocator's for
/// cyclic moves.
pub const SCRATCH: Gpr = Gpr::R11;
/// The running goroutine's `g`.
pub const G: Gpr = Gpr::R14;
pub const SCRATCH_X: Xmm = Xmm(15);

/// The allocatable general registers, in preference order (the argument
/// registers last, to keep them free for calls).
const ALLOCATABLE: [Gpr; 12] = [
    Gpr::Rdx,
    Gpr::R12,
    Gpr::R13,
    Gpr::R15,
    Gpr::Rax,
    Gpr::Rbx,
    Gpr::Rcx,
    Gpr::Rdi,
    Gpr::Rsi,
    Gpr::R8,
    Gpr::R9,
    Gpr::R10,
];

pub fn gpr(r: Gpr) -> PReg {
    PReg::new(r.num() as usize, RegClass::Int)
}

pub fn xmm(x: u8) -> PReg {
    PReg::new(x as usize, RegClass::Float)
}

pub fn to_gpr(p: PReg) -> Gpr {
    Gpr::ALL[p.hw_enc() & 15]
}

pub fn machine_env() -> MachineEnv {
    let mut ints = PRegSet::empty();
    for r in ALLOCATABLE {
        ints.add(gpr(r));
    }
    let mut floats = PRegSet::empty();
    for x in 0..15 {
        floats.add(xmm(x));
    }
    MachineEnv {
        preferred_regs_by_class: [ints, floats, PRegSet::empty()],
        non_preferred_regs_by_class: [PRegSet::empty(), PRegSet::empty(), PRegSet::empty()],
        scratch_by_class: [Some(gpr(SCRATCH)), Some(xmm(SCRATCH_X.0)), None],
        fixed_stack_slots: vec![],
    }
}

/// Every register a call may overwrite: all the allocatable ones.
pub fn call_clobbers() -> PRegSet {
    let mut s = PRegSet::empty();
    for r in ALLOCATABLE {
        s.add(gpr(r));
    }
    for x in 0..15 {
        s.add(xmm(x));
    }
    s
}

impl codegen::abi::Abi for crate::lower::Amd64 {
    fn int_args(&self) -> &[PReg] {
        &self.int_args
    }

    fn float_args(&self) -> &[PReg] {
        &self.float_args
    }

    fn call_clobbers(&self) -> PRegSet {
        call_clobbers()
    }
}

/// The argument registers, as the allocator names them.
pub fn arg_regs() -> (Vec<PReg>, Vec<PReg>) {
    (INT_ARGS.iter().map(|&r| gpr(r)).collect(), (0..FLOAT_ARGS as u8).map(xmm).collect())
}
