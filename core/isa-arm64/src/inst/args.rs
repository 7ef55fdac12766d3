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
    /// `[base, index, lsl #log2(access size)]`: an index counted in elements.
    RegScaled { base: Xreg, index: Xreg },
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
    /// `rn & !rm`.
    Bic,
    /// `rn | !rm`: `mvn` when `rn` is the zero register.
    Orn,
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
            AluOp::Bic => "bic",
            AluOp::Orn => "orn",
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
    /// `adds`: `cmn` when the destination is the zero register.
    Adds,
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

/// The logical-immediate family: `and`, `orr`, `eor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LogicOp {
    And,
    Orr,
    Eor,
}

impl LogicOp {
    pub fn name(self) -> &'static str {
        match self {
            LogicOp::And => "and",
            LogicOp::Orr => "orr",
            LogicOp::Eor => "eor",
        }
    }
}

/// A bitmask immediate of the logical instructions (Arm ARM C6.2, "DecodeBitMasks"):
/// a run of ones rotated within an element of 2, 4, …, 64 bits, the element
/// repeated across the register. `enc` is the 13-bit N:immr:imms field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ImmLogic {
    pub value: u64,
    pub enc: u16,
}

impl ImmLogic {
    /// The encoding of `value` for an operation of `size` (a 32-bit operation
    /// takes the low 32 bits), if it has one: LLVM's `processLogicalImmediate`.
    pub fn new(value: u64, size: Size) -> Option<ImmLogic> {
        let reg = size.bits();
        let value = if reg == 32 { value & 0xffff_ffff } else { value };
        let ones = u64::MAX >> (64 - reg);
        if value == 0 || value == ones {
            return None;
        }
        // The smallest element the value repeats.
        let mut esize = reg;
        loop {
            esize /= 2;
            let mask = (1u64 << esize) - 1;
            if value & mask != (value >> esize) & mask {
                esize *= 2;
                break;
            }
            if esize <= 2 {
                break;
            }
        }
        let mask = u64::MAX >> (64 - esize);
        let mut imm = value & mask;
        let shifted_mask = |v: u64| v != 0 && (v | (v - 1)).wrapping_add(1) & (v | (v - 1)) == 0;
        // The element is 0…01…10…0 rotated by `rot` to the right: `rot` and the
        // number of ones.
        let (rot, n_ones) = if shifted_mask(imm) {
            let tz = imm.trailing_zeros();
            (tz, (imm >> tz).trailing_ones())
        } else {
            imm |= !mask;
            if !shifted_mask(!imm) {
                return None;
            }
            let lo = imm.leading_ones();
            (64 - lo, lo + imm.trailing_ones() - (64 - esize))
        };
        let immr = (esize - rot) & (esize - 1);
        let nimms = (!(u64::from(esize) - 1) << 1) | u64::from(n_ones - 1);
        let n = ((nimms >> 6) & 1) ^ 1;
        Some(ImmLogic { value, enc: (n << 12 | u64::from(immr) << 6 | (nimms & 0x3f)) as u16 })
    }
}

/// A float that `fmov` takes as an immediate (Arm ARM C2.2.3, "Modified immediate
/// constants"): ±(16 + m)/16 · 2^e, m in 0..16, e in -3..=4, as the 8-bit field
/// a:b:cdefgh.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FpImm {
    /// The value as a double, for the listing.
    pub bits: u64,
    pub imm8: u8,
}

impl FpImm {
    /// The 8-bit form of the float with IEEE bits `bits` (a single's in the low
    /// 32), if it has one.
    pub fn new(bits: u64, double: bool) -> Option<FpImm> {
        // Widened to a double, where the single's exponent and fraction line up.
        let d = if double { bits } else { f64::from(f32::from_bits(bits as u32)).to_bits() };
        // Sign, then exponent bits 62..=54 as NOT(b) followed by eight b's, then
        // four fraction bits cdef…gh and zeros.
        if d & 0x0000_ffff_ffff_ffff != 0 {
            return None;
        }
        let b = (d >> 54) & 1;
        let exp_hi = (d >> 54) & 0x1ff;
        if exp_hi != if b == 1 { 0x0ff } else { 0x100 } {
            return None;
        }
        let a = (d >> 63) as u8;
        let cdefgh = ((d >> 48) & 0x3f) as u8;
        Some(FpImm { bits: d, imm8: a << 7 | (b as u8) << 6 | cdefgh })
    }
}
