//! crossplay's arm64 calling convention, Go's ABIInternal for arm64
//! (`cmd/compile/abi-internal.md`, "arm64 architecture"): integer and pointer
//! arguments and results in x0–x15, floating-point ones in d0–d15 (s0–s15 for
//! float32), the rest on the stack; every register is caller-saved, so a call
//! clobbers all allocatable registers and a frame can be resumed without
//! restoring any.
//!
//! Reserved: x16 and x17 (IP0/IP1) are scratch — x16 the register allocator's for
//! cyclic moves, both free inside one instruction's expansion — as is v31; x18 is
//! the platform register, which darwin and windows keep for themselves and
//! crossplay never touches; x28 is the current goroutine (Go's `g`); x29 is the frame pointer, x30 the link register. That leaves x0–x15,
//! x19–x27 and v0–v30 to the allocator.
//!
//! Stack arguments and results live in the caller's outgoing area: argument `k`
//! at `[sp + 8k]` at the call, then the stack results; the callee, after `stp
//! x29, x30, [sp, #-16]!; mov x29, sp`, finds them at `[x29 + 16 + 8k]`.

use codegen::machinst::Reg;
use codegen::regalloc2::{MachineEnv, PReg, PRegSet, RegClass};

use crate::inst::{Vreg, Xreg};

/// How many integer and float registers carry arguments and results.
pub const INT_ARGS: u8 = 16;
pub const FLOAT_ARGS: u8 = 16;

/// The scratch registers: free inside any instruction's expansion. `SCRATCH` is
/// also the allocator's between instructions (for cyclic moves), so a move the
/// allocator inserted uses `SCRATCH2` alone; `SCRATCH_V` is the float one.
pub const SCRATCH: Xreg = Xreg::x(16);
pub const SCRATCH2: Xreg = Xreg::x(17);
pub const SCRATCH_V: Vreg = Vreg(31);
/// The running goroutine's `g`.
pub const G: Xreg = Xreg::x(28);

/// The zero register as an instruction operand: never allocated, so the operand
/// visitor passes it over like any physical register.
pub fn zr() -> Reg {
    Reg::phys(xreg(31))
}

/// The allocatable general registers: the argument registers and x19–x27.
fn allocatable_x() -> impl Iterator<Item = u8> {
    (0..16).chain(19..28)
}

pub fn xreg(n: u8) -> PReg {
    PReg::new(usize::from(n), RegClass::Int)
}

pub fn vreg(n: u8) -> PReg {
    PReg::new(usize::from(n), RegClass::Float)
}

pub fn machine_env() -> MachineEnv {
    MachineEnv {
        preferred_regs_by_class: [allocatable(RegClass::Int), allocatable(RegClass::Float), PRegSet::empty()],
        non_preferred_regs_by_class: [PRegSet::empty(), PRegSet::empty(), PRegSet::empty()],
        scratch_by_class: [Some(xreg(16)), Some(vreg(SCRATCH_V.0)), None],
        fixed_stack_slots: vec![],
    }
}

fn allocatable(class: RegClass) -> PRegSet {
    match class {
        RegClass::Int => allocatable_x().map(xreg).collect(),
        _ => (0..31).map(vreg).collect(),
    }
}

/// Every register a call may overwrite: all the allocatable ones.
pub fn call_clobbers() -> PRegSet {
    allocatable(RegClass::Int) | allocatable(RegClass::Float)
}

impl codegen::abi::Abi for crate::lower::Arm64 {
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
    ((0..INT_ARGS).map(xreg).collect(), (0..FLOAT_ARGS).map(vreg).collect())
}
