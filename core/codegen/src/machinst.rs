//! What every ISA's machine instructions share: registers that are virtual until
//! allocation and physical after, the operand visitor through which an instruction
//! tells the allocator what it reads and writes (and through which the allocation
//! is written back into it), and the `MachInst` trait. The model is Cranelift's
//! `machinst` (`MachInst::get_operands` with an `OperandVisitor`): one traversal
//! of an instruction's register fields serves both collection and rewriting, so
//! the two can never disagree on the order.

use regalloc2::{
    Allocation, Operand, OperandConstraint, OperandKind, OperandPos, PReg, PRegSet, RegClass, VReg,
};

/// A register in a machine instruction: a virtual register until allocation, a
/// physical one after. A physical register may also appear before allocation when
/// the allocator does not hand it out (the stack and frame pointers, the scratch
/// register, the goroutine register): the visitor passes those over.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reg(u32);

const PHYS: u32 = 1 << 31;

impl Reg {
    pub fn virt(v: VReg) -> Reg {
        Reg(v.bits() as u32)
    }

    pub fn phys(p: PReg) -> Reg {
        Reg(PHYS | p.index() as u32)
    }

    pub fn to_virt(self) -> Option<VReg> {
        (self.0 & PHYS == 0).then(|| VReg::from_bits(self.0))
    }

    pub fn to_phys(self) -> Option<PReg> {
        (self.0 & PHYS != 0).then(|| PReg::from_index((self.0 & !PHYS) as usize))
    }

    pub fn class(self) -> RegClass {
        match (self.to_virt(), self.to_phys()) {
            (Some(v), _) => v.class(),
            (_, Some(p)) => p.class(),
            _ => RegClass::Int,
        }
    }

    /// The hardware number of an allocated (physical) register; 0xff for a virtual
    /// one, which an emitter never sees.
    pub fn hw(self) -> u8 {
        self.to_phys().map_or(0xff, |p| p.hw_enc() as u8)
    }
}

impl core::fmt::Debug for Reg {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match (self.to_virt(), self.to_phys()) {
            (Some(v), _) => write!(f, "%v{}", v.vreg()),
            (_, Some(p)) => {
                write!(f, "%p{}{}", if p.class() == RegClass::Float { "f" } else { "" }, p.hw_enc())
            }
            _ => write!(f, "%?"),
        }
    }
}

/// How an instruction reads and writes registers, field by field. Each method
/// takes the field itself, so the same traversal that reports operands to the
/// allocator can write the allocated register back (`Collector`, `Applier`).
pub trait OperandVisitor {
    fn operand(&mut self, reg: &mut Reg, kind: OperandKind, pos: OperandPos, constraint: OperandConstraint);

    /// Read at the start of the instruction, into any register.
    fn use_reg(&mut self, reg: &mut Reg) {
        self.operand(reg, OperandKind::Use, OperandPos::Early, OperandConstraint::Reg);
    }

    /// Read through the end of the instruction: not sharing a register with any
    /// of its results (an instruction that writes a result before its last read).
    fn late_use(&mut self, reg: &mut Reg) {
        self.operand(reg, OperandKind::Use, OperandPos::Late, OperandConstraint::Reg);
    }

    /// Written at the end of the instruction.
    fn def_reg(&mut self, reg: &mut Reg) {
        self.operand(reg, OperandKind::Def, OperandPos::Late, OperandConstraint::Reg);
    }

    /// Written early: sharing no register with the instruction's operands.
    fn early_def(&mut self, reg: &mut Reg) {
        self.operand(reg, OperandKind::Def, OperandPos::Early, OperandConstraint::Reg);
    }

    /// Written in the register of the instruction's `idx`th operand (two-address
    /// forms: `add dst, src` with dst the first source).
    fn reuse_def(&mut self, reg: &mut Reg, idx: usize) {
        self.operand(reg, OperandKind::Def, OperandPos::Late, OperandConstraint::Reuse(idx));
    }

    fn fixed_use(&mut self, reg: &mut Reg, p: PReg) {
        self.operand(reg, OperandKind::Use, OperandPos::Early, OperandConstraint::FixedReg(p));
    }

    fn fixed_def(&mut self, reg: &mut Reg, p: PReg) {
        self.operand(reg, OperandKind::Def, OperandPos::Late, OperandConstraint::FixedReg(p));
    }

    /// A scratch register the instruction uses inside itself: a fresh virtual
    /// register written early and dead after.
    fn temp(&mut self, reg: &mut Reg) {
        self.early_def(reg);
    }
}

/// Collects the operands of an instruction for the allocator.
#[derive(Debug, Default)]
pub struct Collector {
    pub operands: Vec<Operand>,
}

impl OperandVisitor for Collector {
    fn operand(&mut self, reg: &mut Reg, kind: OperandKind, pos: OperandPos, constraint: OperandConstraint) {
        if let Some(v) = reg.to_virt() {
            self.operands.push(Operand::new(v, constraint, kind, pos));
        }
    }
}

/// Writes the allocation back into an instruction's register fields, in the
/// order `Collector` saw them.
#[derive(Debug)]
pub struct Applier<'a> {
    pub allocs: &'a [Allocation],
    pub next: usize,
}

impl OperandVisitor for Applier<'_> {
    fn operand(&mut self, reg: &mut Reg, _: OperandKind, _: OperandPos, _: OperandConstraint) {
        if reg.to_virt().is_none() {
            return;
        }
        // Every operand's constraint asks for a register, so a stack allocation
        // cannot occur; an out-of-order traversal would show as `None` here.
        if let Some(p) = self.allocs.get(self.next).and_then(|a| a.as_reg()) {
            *reg = Reg::phys(p);
        }
        self.next += 1;
    }
}

/// How an instruction ends a block, for the allocator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Terminator {
    None,
    /// A jump or branch to the block's successors.
    Branch,
    /// Leaves the function (a return, or a trap).
    Ret,
}

/// A block of the VCode, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VBlock(pub u32);

/// A machine instruction of some ISA, over `Reg`s.
pub trait MachInst: Clone + core::fmt::Debug {
    /// Visits every register field, in one fixed order.
    fn visit_operands(&mut self, v: &mut dyn OperandVisitor);

    /// Physical registers the instruction overwrites besides its results (a
    /// call's caller-saved registers).
    fn clobbers(&self) -> PRegSet {
        PRegSet::empty()
    }

    fn terminator(&self) -> Terminator {
        Terminator::None
    }

    /// The target of an unconditional jump, for a jump.
    fn jump_target(&self) -> Option<VBlock> {
        None
    }
}
