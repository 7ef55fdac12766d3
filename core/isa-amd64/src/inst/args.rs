//! Instruction operands: operand sizes, memory addresses, condition codes.

use super::regs::Gpr;

/// The operand size of an integer instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Size {
    S8 = 1,
    S16 = 2,
    S32 = 4,
    S64 = 8,
}

impl Size {
    pub fn bytes(self) -> u8 {
        self as u8
    }
}

/// A memory operand.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Amode {
    /// `[base + disp]`.
    BaseDisp { base: Gpr, disp: i32 },
    /// `[base + index*scale + disp]`, scale 1, 2, 4 or 8; the index is not `rsp`.
    BaseIndex { base: Gpr, index: Gpr, scale: u8, disp: i32 },
    /// `[rip + symbol + addend]`: a relocation the linker resolves.
    Rip { symbol: String, addend: i32 },
}

/// A condition, numbered as the `cc` field of `jcc`/`setcc`/`cmovcc` (Intel SDM
/// Vol. 2, Appendix B.1.4.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cond {
    O = 0,
    No = 1,
    B = 2,
    Ae = 3,
    E = 4,
    Ne = 5,
    Be = 6,
    A = 7,
    S = 8,
    Ns = 9,
    P = 10,
    Np = 11,
    L = 12,
    Ge = 13,
    Le = 14,
    G = 15,
}

impl Cond {
    pub fn name(self) -> &'static str {
        ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"]
            [self as usize]
    }

    /// The opposite condition (the low bit flips it).
    pub fn invert(self) -> Cond {
        const ALL: [Cond; 16] = [
            Cond::O,
            Cond::No,
            Cond::B,
            Cond::Ae,
            Cond::E,
            Cond::Ne,
            Cond::Be,
            Cond::A,
            Cond::S,
            Cond::Ns,
            Cond::P,
            Cond::Np,
            Cond::L,
            Cond::Ge,
            Cond::Le,
            Cond::G,
        ];
        ALL[self as usize ^ 1]
    }
}

/// The two-operand integer operations of the classic ALU group (`op r/m, r`), with
/// their `/digit` for the immediate forms (Intel SDM Vol. 2, "ADD", "SUB", …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AluOp {
    Add = 0,
    Or = 1,
    And = 4,
    Sub = 5,
    Xor = 6,
    Cmp = 7,
}

impl AluOp {
    pub fn name(self) -> &'static str {
        match self {
            AluOp::Add => "add",
            AluOp::Or => "or",
            AluOp::And => "and",
            AluOp::Sub => "sub",
            AluOp::Xor => "xor",
            AluOp::Cmp => "cmp",
        }
    }
}

/// Shifts by `cl` or an immediate, with their `/digit` in group 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ShiftOp {
    Shl = 4,
    Shr = 5,
    Sar = 7,
}

impl ShiftOp {
    pub fn name(self) -> &'static str {
        match self {
            ShiftOp::Shl => "shl",
            ShiftOp::Shr => "shr",
            ShiftOp::Sar => "sar",
        }
    }
}

/// Scalar SSE operations, by their opcode byte after `0F` (with `F2` for double
/// precision, `F3` for single).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SseOp {
    Sqrt = 0x51,
    Add = 0x58,
    Mul = 0x59,
    Sub = 0x5c,
    Min = 0x5d,
    Div = 0x5e,
    Max = 0x5f,
}

impl SseOp {
    pub fn name(self) -> &'static str {
        match self {
            SseOp::Sqrt => "sqrt",
            SseOp::Add => "add",
            SseOp::Mul => "mul",
            SseOp::Sub => "sub",
            SseOp::Min => "min",
            SseOp::Div => "div",
            SseOp::Max => "max",
        }
    }
}

/// The packed-double bitwise operations (`66 0F 54`…`57`), used on scalars for
/// their sign bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SseLogicOp {
    And = 0x54,
    Andn = 0x55,
    Or = 0x56,
    Xor = 0x57,
}

impl SseLogicOp {
    pub fn name(self) -> &'static str {
        match self {
            SseLogicOp::And => "and",
            SseLogicOp::Andn => "andn",
            SseLogicOp::Or => "or",
            SseLogicOp::Xor => "xor",
        }
    }
}
