//! Operand kinds: operation sizes, condition codes, addressing modes and the
//! operation selectors of the instruction families.

use super::Xreg;

/// The width of an integer operation: the `sf` bit (w or x registers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Size {
    W,
    X,
}

impl Size {
    pub fn bits(self) -> u32 {
        match self {
            Size::W => 32,
            Size::X => 64,
        }
    }

    /// Bit 31 of the data-processing encodings.
    pub fn sf(self) -> u32 {
        match self {
            Size::W => 0,
            Size::X => 1 << 31,
        }
    }
}

/// The width of a memory access.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemSize {
    B,
    H,
    W,
    X,
}

impl MemSize {
    pub fn bytes(self) -> u32 {
        match self {
            MemSize::B => 1,
            MemSize::H => 2,
            MemSize::W => 4,
            MemSize::X => 8,
        }
    }
}

/// Condition codes (Arm ARM C1.2.4), by their encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cond {
    Eq = 0,
    Ne,
    Hs,
    Lo,
    Mi,
    Pl,
    Vs,
    Vc,
    Hi,
    Ls,
    Ge,
    Lt,
    Gt,
    Le,
}

impl Cond {
    pub fn enc(self) -> u32 {
        self as u32
    }

    /// The opposite condition (the low bit flipped).
    pub fn invert(self) -> Cond {
        use Cond::*;
        match self {
            Eq => Ne,
            Ne => Eq,
            Hs => Lo,
            Lo => Hs,
            Mi => Pl,
            Pl => Mi,
            Vs => Vc,
            Vc => Vs,
            Hi => Ls,
            Ls => Hi,
            Ge => Lt,
            Lt => Ge,
            Gt => Le,
            Le => Gt,
        }
    }

    pub fn name(self) -> &'static str {
        use Cond::*;
        match self {
            Eq => "eq",
            Ne => "ne",
            Hs => "hs",
            Lo => "lo",
            Mi => "mi",
            Pl => "pl",
            Vs => "vs",
            Vc => "vc",
            Hi => "hi",
            Ls => "ls",
            Ge => "ge",
            Lt => "lt",
            Gt => "gt",
            Le => "le",
        }
    }
}

/// A memory operand.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Amode {
    /// `[base, #off]`, `off` a multiple of the access size below 4096 times it
    /// (the scaled unsigned 12-bit form).
    Scaled { base: Xreg, off: u32 },
    /// `[base, #off]` with `off` in -256..=255 (`ldur`/`stur`).
    Unscaled { base: Xreg, off: i16 },
    /// `[base, index]`.
    Reg { base: Xreg, index: Xreg },
}

/// Three-register data processing with a shifted-register second operand (the
/// shift is always zero here).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AluOp {
    Add,
    Sub,
    /// `subs`: `cmp` when the destination is the zero register.
    Subs,
    And,
    Orr,
    Eor,
}

impl AluOp {
    pub fn name(self) -> &'static str {
        match self {
            AluOp::Add => "add",
            AluOp::Sub => "sub",
            AluOp::Subs => "subs",
            AluOp::And => "and",
            AluOp::Orr => "orr",
            AluOp::Eor => "eor",
        }
    }
}

/// The add/subtract-immediate family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AddSubOp {
    Add,
    Sub,
    /// `subs`: `cmp` when the destination is the zero register.
    Subs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShiftOp {
    Lsl,
    Lsr,
    Asr,
}

impl ShiftOp {
    pub fn name(self) -> &'static str {
        match self {
            ShiftOp::Lsl => "lsl",
            ShiftOp::Lsr => "lsr",
            ShiftOp::Asr => "asr",
        }
    }
}

/// The move-wide family: `movz`, `movn`, `movk`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MoveWide {
    Z,
    N,
    K,
}

/// Two-source scalar floating-point arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FpuOp2 {
    Add,
    Sub,
    Mul,
    Div,
    Min,
    Max,
}

impl FpuOp2 {
    pub fn name(self) -> &'static str {
        match self {
            FpuOp2::Add => "fadd",
            FpuOp2::Sub => "fsub",
            FpuOp2::Mul => "fmul",
            FpuOp2::Div => "fdiv",
            FpuOp2::Min => "fmin",
            FpuOp2::Max => "fmax",
        }
    }
}

/// Fused multiply-add: `fmadd` a + n·m, `fmsub` a − n·m, `fnmadd` −a − n·m,
/// `fnmsub` −a + n·m, each rounded once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FmaOp {
    Madd,
    Msub,
    Nmadd,
    Nmsub,
}

impl FmaOp {
    pub fn name(self) -> &'static str {
        match self {
            FmaOp::Madd => "fmadd",
            FmaOp::Msub => "fmsub",
            FmaOp::Nmadd => "fnmadd",
            FmaOp::Nmsub => "fnmsub",
        }
    }
}

/// One-source scalar floating-point operations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FpuOp1 {
    Abs,
    Neg,
    Sqrt,
    /// Rounding to an integral value: toward minus infinity (floor), plus
    /// infinity (ceil), zero (trunc), and to nearest with ties to even.
    RintM,
    RintP,
    RintZ,
    RintN,
}

impl FpuOp1 {
    pub fn name(self) -> &'static str {
        match self {
            FpuOp1::Abs => "fabs",
            FpuOp1::Neg => "fneg",
            FpuOp1::Sqrt => "fsqrt",
            FpuOp1::RintM => "frintm",
            FpuOp1::RintP => "frintp",
            FpuOp1::RintZ => "frintz",
            FpuOp1::RintN => "frintn",
        }
    }
}
