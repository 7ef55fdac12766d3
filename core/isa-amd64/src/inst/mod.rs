//! amd64 machine instructions: the forms the lowering emits, each with its Intel-
//! syntax text (the assembly listing) and its encoding (`emit`).

pub mod args;
pub mod emit;
pub mod regs;
pub mod vinst;

#[cfg(test)]
mod emit_tests;

use codegen::Label;

pub use args::{AluOp, Amode, Cond, ShiftOp, Size, SseLogicOp, SseOp};
pub use regs::{Gpr, Xmm};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inst {
    /// `mov dst, src` (32-bit forms zero the upper half, as the hardware does).
    MovRR {
        size: Size,
        dst: Gpr,
        src: Gpr,
    },
    /// `mov dst, imm`: the shortest form that gives the 64-bit value.
    MovImm {
        dst: Gpr,
        imm: u64,
    },
    /// A load of `size` bytes, zero- or sign-extended to 64 bits (`movzx`, `movsx`,
    /// `movsxd`, `mov`).
    Load {
        size: Size,
        signed: bool,
        dst: Gpr,
        addr: Amode,
    },
    /// A store of the low `size` bytes of `src`.
    Store {
        size: Size,
        src: Gpr,
        addr: Amode,
    },
    Lea {
        dst: Gpr,
        addr: Amode,
    },
    /// `op dst, src`.
    Alu {
        op: AluOp,
        size: Size,
        dst: Gpr,
        src: Gpr,
    },
    /// `op dst, imm` (sign-extended 8- or 32-bit immediate).
    AluImm {
        op: AluOp,
        size: Size,
        dst: Gpr,
        imm: i32,
    },
    /// `imul dst, src`.
    Imul {
        size: Size,
        dst: Gpr,
        src: Gpr,
    },
    /// `op dst, cl`.
    Shift {
        op: ShiftOp,
        size: Size,
        dst: Gpr,
    },
    /// `op dst, imm8`.
    ShiftImm {
        op: ShiftOp,
        size: Size,
        dst: Gpr,
        imm: u8,
    },
    /// `neg dst`.
    Neg {
        size: Size,
        dst: Gpr,
    },
    /// `not dst`.
    Not {
        size: Size,
        dst: Gpr,
    },
    /// `test a, b`.
    Test {
        size: Size,
        a: Gpr,
        b: Gpr,
    },
    /// `cdq`/`cqo`: sign-extend eax/rax into edx/rdx before a signed division.
    SignExtendDx {
        size: Size,
    },
    /// `idiv src` or `div src`: rdx:rax by `src`, quotient in rax, remainder in rdx.
    Div {
        signed: bool,
        size: Size,
        src: Gpr,
    },
    /// `setcc dst8`.
    Setcc {
        cond: Cond,
        dst: Gpr,
    },
    /// `movzx dst32, src8`: widens a `setcc` result.
    MovzxB {
        dst: Gpr,
        src: Gpr,
    },
    Push {
        src: Gpr,
    },
    Pop {
        dst: Gpr,
    },
    Jmp {
        target: Label,
    },
    Jcc {
        cond: Cond,
        target: Label,
    },
    /// `call symbol` (a relocation).
    Call {
        symbol: String,
    },
    /// `call src`.
    CallReg {
        src: Gpr,
    },
    /// `cmovcc dst, src`.
    Cmov {
        cond: Cond,
        size: Size,
        dst: Gpr,
        src: Gpr,
    },
    /// `bsr`/`bsf dst, src`: the index of the highest/lowest set bit (ZF when zero).
    BitScan {
        reverse: bool,
        size: Size,
        dst: Gpr,
        src: Gpr,
    },
    /// `rep movsb` (rdi ← rsi, rcx bytes) and `rep stosb` (rdi ← al, rcx bytes).
    RepMovsb,
    RepStosb,
    /// `std`/`cld`: copy downwards/upwards.
    SetDirection {
        down: bool,
    },
    /// `movd`/`movq xmm, gpr` (size 4 or 8).
    GprToXmm {
        size: Size,
        dst: Xmm,
        src: Gpr,
    },
    /// `movd`/`movq gpr, xmm`.
    XmmToGpr {
        size: Size,
        dst: Gpr,
        src: Xmm,
    },
    /// Scalar SSE arithmetic: `addsd`, `subss`, `sqrtsd`, … (`double` picks sd).
    Sse {
        op: SseOp,
        double: bool,
        dst: Xmm,
        src: Xmm,
    },
    /// `ucomisd`/`ucomiss a, b`.
    Ucomis {
        double: bool,
        a: Xmm,
        b: Xmm,
    },
    /// `cvtsi2sd`/`cvtsi2ss dst, src` from a 32- or 64-bit integer.
    IntToFloat {
        double: bool,
        size: Size,
        dst: Xmm,
        src: Gpr,
    },
    /// `cvttsd2si`/`cvttss2si dst, src` to a 32- or 64-bit integer (truncating).
    FloatToInt {
        double: bool,
        size: Size,
        dst: Gpr,
        src: Xmm,
    },
    /// `cvtss2sd` (`to_double`) or `cvtsd2ss`.
    FloatToFloat {
        to_double: bool,
        dst: Xmm,
        src: Xmm,
    },
    /// `movsd`/`movss xmm, m`.
    LoadX {
        double: bool,
        dst: Xmm,
        addr: Amode,
    },
    /// `movsd`/`movss m, xmm`.
    StoreX {
        double: bool,
        src: Xmm,
        addr: Amode,
    },
    /// `movaps dst, src`: a whole-register copy.
    MovX {
        dst: Xmm,
        src: Xmm,
    },
    /// `andpd`, `andnpd`, `orpd`, `xorpd dst, src`: bitwise operations on the
    /// register (sign manipulation of scalars).
    SseLogic {
        op: SseLogicOp,
        dst: Xmm,
        src: Xmm,
    },
    /// `imul dst, src, imm32`.
    ImulImm {
        size: Size,
        dst: Gpr,
        src: Gpr,
        imm: i32,
    },
    /// `op dst, [mem]`.
    AluRM {
        op: AluOp,
        size: Size,
        dst: Gpr,
        addr: Amode,
    },
    /// `mov [mem], imm32` (sign-extended to 64 bits for a quadword).
    StoreImm {
        size: Size,
        imm: i32,
        addr: Amode,
    },
    /// `cmp [mem], imm8`.
    CmpMemImm {
        size: Size,
        addr: Amode,
        imm: i8,
    },
    Ret,
    Syscall,
    /// `ud2`: a trap for paths that cannot be reached.
    Ud2,
}

impl Inst {
    /// The instruction in Intel syntax, as `llvm-mc -output-asm-variant=1` prints it
    /// (labels as `L<n>`, symbols by name).
    pub fn text(&self) -> String {
        let mem = |a: &Amode, size: Option<Size>| {
            let ptr = match size {
                Some(Size::S8) => "byte ptr ",
                Some(Size::S16) => "word ptr ",
                Some(Size::S32) => "dword ptr ",
                Some(Size::S64) => "qword ptr ",
                None => "",
            };
            let disp = |d: i32| match d {
                0 => String::new(),
                d if d < 0 => format!(" - {}", -i64::from(d)),
                d => format!(" + {d}"),
            };
            match a {
                Amode::BaseDisp { base, disp: d } => format!("{ptr}[{}{}]", base.name(8), disp(*d)),
                Amode::BaseIndex { base, index, scale, disp: d } => {
                    format!("{ptr}[{} + {scale}*{}{}]", base.name(8), index.name(8), disp(*d))
                }
                Amode::Rip { symbol, addend } => format!("{ptr}[rip + {symbol}{}]", disp(*addend)),
            }
        };
        match self {
            Inst::MovRR { size, dst, src } => {
                format!("mov {}, {}", dst.name(size.bytes()), src.name(size.bytes()))
            }
            Inst::MovImm { dst, imm } => match *imm {
                i if i <= u64::from(u32::MAX) => format!("mov {}, {i}", dst.name(4)),
                i if (i as i64) >= i64::from(i32::MIN) && (i as i64) < 0 => {
                    format!("mov {}, {}", dst.name(8), i as i64)
                }
                i => format!("movabs {}, {}", dst.name(8), i as i64),
            },
            Inst::Load { size, signed, dst, addr } => match (size, signed) {
                (Size::S64, _) | (Size::S32, false) => {
                    format!("mov {}, {}", dst.name(size.bytes()), mem(addr, Some(*size)))
                }
                (Size::S32, true) => format!("movsxd {}, {}", dst.name(8), mem(addr, Some(*size))),
                (_, false) => format!("movzx {}, {}", dst.name(4), mem(addr, Some(*size))),
                (_, true) => format!("movsx {}, {}", dst.name(8), mem(addr, Some(*size))),
            },
            Inst::Store { size, src, addr } => {
                format!("mov {}, {}", mem(addr, Some(*size)), src.name(size.bytes()))
            }
            Inst::Lea { dst, addr } => format!("lea {}, {}", dst.name(8), mem(addr, None)),
            Inst::Alu { op, size, dst, src } => {
                format!("{} {}, {}", op.name(), dst.name(size.bytes()), src.name(size.bytes()))
            }
            Inst::AluImm { op, size, dst, imm } => format!("{} {}, {imm}", op.name(), dst.name(size.bytes())),
            Inst::Imul { size, dst, src } => {
                format!("imul {}, {}", dst.name(size.bytes()), src.name(size.bytes()))
            }
            Inst::Shift { op, size, dst } => format!("{} {}, cl", op.name(), dst.name(size.bytes())),
            Inst::ShiftImm { op, size, dst, imm } => {
                format!("{} {}, {imm}", op.name(), dst.name(size.bytes()))
            }
            Inst::Neg { size, dst } => format!("neg {}", dst.name(size.bytes())),
            Inst::Not { size, dst } => format!("not {}", dst.name(size.bytes())),
            Inst::Test { size, a, b } => format!("test {}, {}", a.name(size.bytes()), b.name(size.bytes())),
            Inst::SignExtendDx { size: Size::S64 } => "cqo".into(),
            Inst::SignExtendDx { .. } => "cdq".into(),
            Inst::Div { signed, size, src } => {
                format!("{} {}", if *signed { "idiv" } else { "div" }, src.name(size.bytes()))
            }
            Inst::Setcc { cond, dst } => format!("set{} {}", cond.name(), dst.name(1)),
            Inst::MovzxB { dst, src } => format!("movzx {}, {}", dst.name(4), src.name(1)),
            Inst::Push { src } => format!("push {}", src.name(8)),
            Inst::Pop { dst } => format!("pop {}", dst.name(8)),
            Inst::Jmp { target } => format!("jmp L{}", target.0),
            Inst::Jcc { cond, target } => format!("j{} L{}", cond.name(), target.0),
            Inst::Call { symbol } => format!("call {symbol}"),
            Inst::CallReg { src } => format!("call {}", src.name(8)),
            Inst::Cmov { cond, size, dst, src } => {
                format!("cmov{} {}, {}", cond.name(), dst.name(size.bytes()), src.name(size.bytes()))
            }
            Inst::BitScan { reverse, size, dst, src } => {
                format!(
                    "{} {}, {}",
                    if *reverse { "bsr" } else { "bsf" },
                    dst.name(size.bytes()),
                    src.name(size.bytes())
                )
            }
            Inst::RepMovsb => "rep movsb byte ptr es:[rdi], byte ptr [rsi]".into(),
            Inst::RepStosb => "rep stosb byte ptr es:[rdi], al".into(),
            Inst::SetDirection { down } => (if *down { "std" } else { "cld" }).into(),
            Inst::GprToXmm { size, dst, src } => {
                format!(
                    "{} xmm{}, {}",
                    if *size == Size::S64 { "movq" } else { "movd" },
                    dst.num(),
                    src.name(size.bytes())
                )
            }
            Inst::XmmToGpr { size, dst, src } => {
                format!(
                    "{} {}, xmm{}",
                    if *size == Size::S64 { "movq" } else { "movd" },
                    dst.name(size.bytes()),
                    src.num()
                )
            }
            Inst::Sse { op, double, dst, src } => {
                format!(
                    "{}{} xmm{}, xmm{}",
                    op.name(),
                    if *double { "sd" } else { "ss" },
                    dst.num(),
                    src.num()
                )
            }
            Inst::Ucomis { double, a, b } => {
                format!("ucomis{} xmm{}, xmm{}", if *double { "d" } else { "s" }, a.num(), b.num())
            }
            Inst::IntToFloat { double, size, dst, src } => {
                format!(
                    "cvtsi2s{} xmm{}, {}",
                    if *double { "d" } else { "s" },
                    dst.num(),
                    src.name(size.bytes())
                )
            }
            Inst::FloatToInt { double, size, dst, src } => {
                format!(
                    "cvtts{}2si {}, xmm{}",
                    if *double { "d" } else { "s" },
                    dst.name(size.bytes()),
                    src.num()
                )
            }
            Inst::FloatToFloat { to_double, dst, src } => {
                format!(
                    "{} xmm{}, xmm{}",
                    if *to_double { "cvtss2sd" } else { "cvtsd2ss" },
                    dst.num(),
                    src.num()
                )
            }
            Inst::LoadX { double, dst, addr } => {
                let size = if *double { Size::S64 } else { Size::S32 };
                format!("movs{} xmm{}, {}", if *double { "d" } else { "s" }, dst.num(), mem(addr, Some(size)))
            }
            Inst::StoreX { double, src, addr } => {
                let size = if *double { Size::S64 } else { Size::S32 };
                format!("movs{} {}, xmm{}", if *double { "d" } else { "s" }, mem(addr, Some(size)), src.num())
            }
            Inst::MovX { dst, src } => format!("movaps xmm{}, xmm{}", dst.num(), src.num()),
            Inst::SseLogic { op, dst, src } => format!("{}pd xmm{}, xmm{}", op.name(), dst.num(), src.num()),
            Inst::ImulImm { size, dst, src, imm } => {
                format!("imul {}, {}, {imm}", dst.name(size.bytes()), src.name(size.bytes()))
            }
            Inst::AluRM { op, size, dst, addr } => {
                format!("{} {}, {}", op.name(), dst.name(size.bytes()), mem(addr, Some(*size)))
            }
            Inst::StoreImm { size, imm, addr } => format!("mov {}, {imm}", mem(addr, Some(*size))),
            Inst::CmpMemImm { size, addr, imm } => format!("cmp {}, {imm}", mem(addr, Some(*size))),
            Inst::Ret => "ret".into(),
            Inst::Syscall => "syscall".into(),
            Inst::Ud2 => "ud2".into(),
        }
    }
}
