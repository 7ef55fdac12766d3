//! The shape every native ISA's calling convention has here, after Go's
//! ABIInternal (`cmd/compile/abi-internal.md`): integer and pointer arguments and
//! results in the ISA's integer argument registers, floats in its float ones, in
//! order; what does not fit goes in stack words, the arguments then the results,
//! in the caller's outgoing area at the stack pointer, which the callee finds 16
//! bytes above its frame pointer (past the saved frame pointer and the return
//! address or link register). No register is saved across a call, so a call
//! clobbers every allocatable register but those holding its results. An ISA says
//! which registers through `Abi`; this module places values.

use ir::{Func, Ty, Value};
use regalloc2::{PReg, PRegSet};

/// An ISA's registers for arguments and results, and what a call clobbers.
pub trait Abi {
    /// The integer and pointer argument (and result) registers, in order.
    fn int_args(&self) -> &[PReg];

    /// The floating-point argument (and result) registers, in order.
    fn float_args(&self) -> &[PReg];

    /// Every register a call may overwrite: all the allocatable ones.
    fn call_clobbers(&self) -> PRegSet;
}

/// Where one argument or result goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    Reg(PReg),
    /// The `k`th stack word of the arguments, or of the results after them.
    Stack(u32),
}

/// The locations of values of types `tys` (arguments or results), and how many
/// stack words they take.
pub fn assign(abi: &dyn Abi, tys: &[Ty]) -> (Vec<Loc>, u32) {
    let (ints, floats) = (abi.int_args(), abi.float_args());
    let (mut next_int, mut next_float, mut stack) = (0, 0, 0u32);
    let locs = tys
        .iter()
        .map(|t| {
            if t.is_int() && next_int < ints.len() {
                next_int += 1;
                Loc::Reg(ints[next_int - 1])
            } else if !t.is_int() && next_float < floats.len() {
                next_float += 1;
                Loc::Reg(floats[next_float - 1])
            } else {
                stack += 1;
                Loc::Stack(stack - 1)
            }
        })
        .collect();
    (locs, stack)
}

/// Values placed: those in registers, and those in stack words by byte offset.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Placed {
    pub regs: Vec<(Value, PReg)>,
    pub stack: Vec<(Value, i64)>,
}

fn place(abi: &dyn Abi, f: &Func, vals: &[Value], base: i64) -> (Placed, u32) {
    let tys: Vec<Ty> = vals.iter().map(|&v| f.ty(v)).collect();
    let (locs, words) = assign(abi, &tys);
    let mut out = Placed::default();
    for (&v, loc) in vals.iter().zip(locs) {
        match loc {
            Loc::Reg(p) => out.regs.push((v, p)),
            Loc::Stack(k) => out.stack.push((v, base + 8 * i64::from(k))),
        }
    }
    (out, words)
}

/// A call's layout: its arguments and results (stack ones from the stack pointer
/// at the call), what it clobbers, and the outgoing bytes it needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallLayout {
    pub args: Placed,
    pub results: Placed,
    pub clobbers: PRegSet,
    pub outgoing: u32,
}

pub fn call(abi: &dyn Abi, f: &Func, args: &[Value], results: &[Value]) -> CallLayout {
    let (args, n_args) = place(abi, f, args, 0);
    let (results, n_results) = place(abi, f, results, 8 * i64::from(n_args));
    let mut clobbers = abi.call_clobbers();
    for &(_, p) in &results.regs {
        clobbers.remove(p);
    }
    CallLayout { args, results, clobbers, outgoing: 8 * (n_args + n_results) }
}

/// Where `f`'s parameters arrive: stack ones from the frame pointer.
pub fn params(abi: &dyn Abi, f: &Func, params: &[Value]) -> Placed {
    place(abi, f, params, 16).0
}

/// Where `f` returns `vals`: stack ones from the frame pointer, after its stack
/// parameters.
pub fn returns(abi: &dyn Abi, f: &Func, vals: &[Value]) -> Placed {
    let (_, n_params) = assign(abi, &f.sig.params);
    place(abi, f, vals, 16 + 8 * i64::from(n_params)).0
}
