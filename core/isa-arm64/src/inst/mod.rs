//! arm64 machine instructions: the forms the lowering emits, each with its text in
//! LLVM's assembler syntax (the assembly listing) and its encoding (`emit`).

pub mod args;
pub mod emit;
pub mod regs;
pub mod vinst;

#[cfg(test)]
mod emit_tests;

use codegen::Label;

pub use args::{
    AddSubOp, AluOp, Amode, Cond, FmaOp, FpImm, FpuOp1, FpuOp2, ImmLogic, LogicOp, MemSize, MoveWide,
    ShiftOp, Size,
};
pub use regs::{Vreg, Xreg};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inst {
    /// `op rd, rn, rm` (32-bit forms zero the upper half, as the hardware does).
    Alu {
        op: AluOp,
        size: Size,
        rd: Xreg,
        rn: Xreg,
        rm: Xreg,
    },
    /// `op rd, rn, rm, shift #amount`: the second operand shifted first.
    AluShifted {
        op: AluOp,
        size: Size,
        rd: Xreg,
        rn: Xreg,
        rm: Xreg,
        shift: ShiftOp,
        amount: u8,
    },
    /// `add`/`sub rd, rn, rm` in the extended-register form (`uxtx`, unshifted),
    /// whose `rd` and `rn` may be sp: `sub sp, sp, x16` for a large frame.
    AddSubExt {
        sub: bool,
        rd: Xreg,
        rn: Xreg,
        rm: Xreg,
    },
    /// `and`/`orr`/`eor rd, rn, #imm` with a bitmask immediate.
    LogicImm {
        op: LogicOp,
        size: Size,
        rd: Xreg,
        rn: Xreg,
        imm: ImmLogic,
    },
    /// `sxtb`/`sxth`/`sxtw`/`uxtb`/`uxth rd, rn`: the low `from` bytes of `rn`,
    /// sign- or zero-extended to `size` (`sbfm`/`ubfm`).
    Extend {
        signed: bool,
        from: MemSize,
        size: Size,
        rd: Xreg,
        rn: Xreg,
    },
    /// `add`/`sub`/`subs`/`adds rd, rn, #imm12{, lsl #12}`; `rd` and `rn` may be
    /// sp (but `subs` and `adds` write the zero register, not sp).
    AddSubImm {
        op: AddSubOp,
        size: Size,
        rd: Xreg,
        rn: Xreg,
        imm12: u16,
        shift12: bool,
    },
    /// `movz`/`movn`/`movk rd, #imm16, lsl #shift`.
    MovWide {
        op: MoveWide,
        size: Size,
        rd: Xreg,
        imm16: u16,
        shift: u8,
    },
    /// `madd`/`msub rd, rn, rm, ra`: ra ± rn·rm (`mul` when ra is the zero register).
    MulAdd {
        sub: bool,
        size: Size,
        rd: Xreg,
        rn: Xreg,
        rm: Xreg,
        ra: Xreg,
    },
    /// `sdiv`/`udiv rd, rn, rm` (a zero divisor gives 0).
    Div {
        signed: bool,
        size: Size,
        rd: Xreg,
        rn: Xreg,
        rm: Xreg,
    },
    /// `lslv`/`lsrv`/`asrv rd, rn, rm` (the amount modulo the width).
    Shift {
        op: ShiftOp,
        size: Size,
        rd: Xreg,
        rn: Xreg,
        rm: Xreg,
    },
    /// `lsl`/`lsr`/`asr rd, rn, #imm` (aliases of `ubfm`/`sbfm`).
    ShiftImm {
        op: ShiftOp,
        size: Size,
        rd: Xreg,
        rn: Xreg,
        imm: u8,
    },
    /// `clz rd, rn`.
    Clz {
        size: Size,
        rd: Xreg,
        rn: Xreg,
    },
    /// `rbit rd, rn`.
    Rbit {
        size: Size,
        rd: Xreg,
        rn: Xreg,
    },
    /// `csel rd, rn, rm, cond`: rn if cond holds, else rm.
    Csel {
        size: Size,
        rd: Xreg,
        rn: Xreg,
        rm: Xreg,
        cond: Cond,
    },
    /// `cset rd, cond` (`csinc rd, zr, zr, !cond`).
    Cset {
        size: Size,
        rd: Xreg,
        cond: Cond,
    },
    /// A load of `size` bytes, zero-extended, or sign-extended to 64 bits
    /// (`ldrb`, `ldrsb`, `ldrh`, `ldrsh`, `ldr w`, `ldrsw`, `ldr x`).
    Load {
        size: MemSize,
        signed: bool,
        rd: Xreg,
        addr: Amode,
    },
    /// A store of the low `size` bytes of `rt`.
    Store {
        size: MemSize,
        rt: Xreg,
        addr: Amode,
    },
    /// `stp rt, rt2, [base, #off]!` (64-bit, pre-index).
    StpPre {
        rt: Xreg,
        rt2: Xreg,
        base: Xreg,
        off: i16,
    },
    /// `ldp rt, rt2, [base], #off` (64-bit, post-index).
    LdpPost {
        rt: Xreg,
        rt2: Xreg,
        base: Xreg,
        off: i16,
    },
    /// `adrp rd, symbol`: the symbol's 4 KiB page (a relocation).
    Adrp {
        rd: Xreg,
        symbol: String,
    },
    /// `add rd, rn, :lo12:symbol` (a relocation): with `adrp`, the symbol's address.
    AddLo12 {
        rd: Xreg,
        rn: Xreg,
        symbol: String,
    },
    B {
        target: Label,
    },
    BCond {
        cond: Cond,
        target: Label,
    },
    /// `cbz`/`cbnz rt, target`.
    Cbz {
        nonzero: bool,
        size: Size,
        rt: Xreg,
        target: Label,
    },
    /// `bl symbol` (a relocation).
    Bl {
        symbol: String,
    },
    /// `blr rn`.
    Blr {
        rn: Xreg,
    },
    Ret,
    /// `svc #0`: a linux system call (number in x8, arguments x0–x5, result x0).
    Svc,
    /// `udf #0`: a trap for paths that cannot be reached.
    Udf,
    /// `ldr dN`/`ldr sN`: a float load.
    FLoad {
        double: bool,
        rd: Vreg,
        addr: Amode,
    },
    /// `str dN`/`str sN`.
    FStore {
        double: bool,
        rt: Vreg,
        addr: Amode,
    },
    /// `fmov dN, dM` / `fmov sN, sM`.
    FmovRR {
        double: bool,
        rd: Vreg,
        rn: Vreg,
    },
    /// `fmov dN, #imm`.
    FmovImm {
        double: bool,
        rd: Vreg,
        imm: FpImm,
    },
    /// `fcsel rd, rn, rm, cond`: rn if cond holds, else rm.
    FCsel {
        double: bool,
        rd: Vreg,
        rn: Vreg,
        rm: Vreg,
        cond: Cond,
    },
    /// `cnt vD.8b, vN.8b`: the population count of each byte (Advanced SIMD).
    Cnt {
        rd: Vreg,
        rn: Vreg,
    },
    /// `addv bD, vN.8b`: the sum of the eight bytes.
    Addv {
        rd: Vreg,
        rn: Vreg,
    },
    /// `fmov dN, xM` / `fmov sN, wM`.
    FmovToFp {
        double: bool,
        rd: Vreg,
        rn: Xreg,
    },
    /// `fmov xN, dM` / `fmov wN, sM`.
    FmovFromFp {
        double: bool,
        rd: Xreg,
        rn: Vreg,
    },
    Fpu2 {
        op: FpuOp2,
        double: bool,
        rd: Vreg,
        rn: Vreg,
        rm: Vreg,
    },
    /// `fmadd`/`fmsub`/`fnmadd`/`fnmsub rd, rn, rm, ra`.
    Fma {
        op: FmaOp,
        double: bool,
        rd: Vreg,
        rn: Vreg,
        rm: Vreg,
        ra: Vreg,
    },
    Fpu1 {
        op: FpuOp1,
        double: bool,
        rd: Vreg,
        rn: Vreg,
    },
    /// `fcmp rn, rm`: unordered sets C and V (NZCV = 0011).
    Fcmp {
        double: bool,
        rn: Vreg,
        rm: Vreg,
    },
    /// `scvtf`/`ucvtf rd, rn` from a 32- or 64-bit integer.
    IntToFloat {
        signed: bool,
        size: Size,
        double: bool,
        rd: Vreg,
        rn: Xreg,
    },
    /// `fcvtzs`/`fcvtzu rd, rn`: truncating, saturating at the integer's range,
    /// NaN giving 0.
    FloatToInt {
        signed: bool,
        size: Size,
        double: bool,
        rd: Xreg,
        rn: Vreg,
    },
    /// `fcvt dN, sM` (`to_double`) or `fcvt sN, dM`.
    FloatToFloat {
        to_double: bool,
        rd: Vreg,
        rn: Vreg,
    },
}

fn load_store_name(store: bool, size: MemSize, signed: bool, unscaled: bool) -> String {
    let base = match (store, unscaled) {
        (true, false) => "str",
        (true, true) => "stur",
        (false, false) => "ldr",
        (false, true) => "ldur",
    };
    let sign = if signed && !store { "s" } else { "" };
    match size {
        MemSize::B => format!("{base}{sign}b"),
        MemSize::H => format!("{base}{sign}h"),
        MemSize::W if signed && !store => format!("{base}sw"),
        MemSize::W | MemSize::X => base.into(),
    }
}

impl Inst {
    /// The instruction as LLVM's assembler reads it (labels as `L<n>`, symbols by
    /// name).
    pub fn text(&self) -> String {
        let mem = |a: &Amode| match a {
            Amode::Scaled { base, off: 0 } | Amode::Unscaled { base, off: 0 } => {
                format!("[{}]", base.name(64))
            }
            Amode::Scaled { base, off } => format!("[{}, #{off}]", base.name(64)),
            Amode::Unscaled { base, off } => format!("[{}, #{off}]", base.name(64)),
            Amode::Reg { base, index } => format!("[{}, {}]", base.name(64), index.name(64)),
            Amode::RegScaled { .. } => String::new(),
        };
        // A register-offset operand scaled by the access size (ldrb's has no shift).
        let mem_sized = |a: &Amode, bytes: u32| match a {
            Amode::RegScaled { base, index } if bytes > 1 => {
                format!("[{}, {}, lsl #{}]", base.name(64), index.name(64), bytes.trailing_zeros())
            }
            Amode::RegScaled { base, index } => format!("[{}, {}]", base.name(64), index.name(64)),
            a => mem(a),
        };
        match self {
            Inst::Alu { op: AluOp::Subs, size, rd: Xreg::ZR, rn, rm } => {
                format!("cmp {}, {}", rn.name(size.bits()), rm.name(size.bits()))
            }
            Inst::Alu { op: AluOp::Orr, size, rd, rn: Xreg::ZR, rm } => {
                format!("mov {}, {}", rd.name(size.bits()), rm.name(size.bits()))
            }
            Inst::Alu { op: AluOp::Orn, size, rd, rn: Xreg::ZR, rm } => {
                format!("mvn {}, {}", rd.name(size.bits()), rm.name(size.bits()))
            }
            Inst::Alu { op, size, rd, rn, rm } => {
                let b = size.bits();
                format!("{} {}, {}, {}", op.name(), rd.name(b), rn.name(b), rm.name(b))
            }
            Inst::AluShifted { op, size, rd, rn, rm, shift, amount } => {
                let b = size.bits();
                let (rd, rn, rm) = (rd.name(b), rn.name(b), rm.name(b));
                format!("{} {rd}, {rn}, {rm}, {} #{amount}", op.name(), shift.name())
            }
            Inst::AddSubExt { sub, rd, rn, rm } => {
                let name = if *sub { "sub" } else { "add" };
                format!("{name} {}, {}, {}", rd.name(64), rn.name(64), rm.name(64))
            }
            Inst::LogicImm { op, size, rd, rn, imm } => {
                let b = size.bits();
                format!("{} {}, {}, #{:#x}", op.name(), rd.name(b), rn.name(b), imm.value)
            }
            Inst::Extend { signed, from, size, rd, rn } => {
                let name = match (signed, from) {
                    (true, MemSize::B) => "sxtb",
                    (true, MemSize::H) => "sxth",
                    (true, _) => "sxtw",
                    (false, MemSize::B) => "uxtb",
                    (false, _) => "uxth",
                };
                format!("{name} {}, {}", rd.name(size.bits()), rn.name(32))
            }
            Inst::AddSubImm { op, size, rd, rn, imm12, shift12 } => {
                let b = size.bits();
                let sh = if *shift12 { ", lsl #12" } else { "" };
                match op {
                    AddSubOp::Subs if *rd == Xreg::ZR => format!("cmp {}, #{imm12}{sh}", rn.name(b)),
                    AddSubOp::Adds if *rd == Xreg::ZR => format!("cmn {}, #{imm12}{sh}", rn.name(b)),
                    AddSubOp::Add if *imm12 == 0 && (*rd == Xreg::SP || *rn == Xreg::SP) => {
                        format!("mov {}, {}", rd.name(b), rn.name(b))
                    }
                    AddSubOp::Add => format!("add {}, {}, #{imm12}{sh}", rd.name(b), rn.name(b)),
                    AddSubOp::Sub => format!("sub {}, {}, #{imm12}{sh}", rd.name(b), rn.name(b)),
                    AddSubOp::Subs => format!("subs {}, {}, #{imm12}{sh}", rd.name(b), rn.name(b)),
                    AddSubOp::Adds => format!("adds {}, {}, #{imm12}{sh}", rd.name(b), rn.name(b)),
                }
            }
            Inst::MovWide { op, size, rd, imm16, shift } => {
                let name = match op {
                    MoveWide::Z => "movz",
                    MoveWide::N => "movn",
                    MoveWide::K => "movk",
                };
                format!("{name} {}, #{imm16}, lsl #{shift}", rd.name(size.bits()))
            }
            Inst::MulAdd { sub: false, size, rd, rn, rm, ra: Xreg::ZR } => {
                let b = size.bits();
                format!("mul {}, {}, {}", rd.name(b), rn.name(b), rm.name(b))
            }
            Inst::MulAdd { sub, size, rd, rn, rm, ra } => {
                let b = size.bits();
                let name = if *sub { "msub" } else { "madd" };
                format!("{name} {}, {}, {}, {}", rd.name(b), rn.name(b), rm.name(b), ra.name(b))
            }
            Inst::Div { signed, size, rd, rn, rm } => {
                let b = size.bits();
                let name = if *signed { "sdiv" } else { "udiv" };
                format!("{name} {}, {}, {}", rd.name(b), rn.name(b), rm.name(b))
            }
            Inst::Shift { op, size, rd, rn, rm } => {
                let b = size.bits();
                format!("{}v {}, {}, {}", op.name(), rd.name(b), rn.name(b), rm.name(b))
            }
            Inst::ShiftImm { op, size, rd, rn, imm } => {
                let b = size.bits();
                format!("{} {}, {}, #{imm}", op.name(), rd.name(b), rn.name(b))
            }
            Inst::Clz { size, rd, rn } => format!("clz {}, {}", rd.name(size.bits()), rn.name(size.bits())),
            Inst::Rbit { size, rd, rn } => format!("rbit {}, {}", rd.name(size.bits()), rn.name(size.bits())),
            Inst::Csel { size, rd, rn, rm, cond } => {
                let b = size.bits();
                format!("csel {}, {}, {}, {}", rd.name(b), rn.name(b), rm.name(b), cond.name())
            }
            Inst::Cset { size, rd, cond } => format!("cset {}, {}", rd.name(size.bits()), cond.name()),
            Inst::Load { size, signed, rd, addr } => {
                let bits = if *signed || *size == MemSize::X { 64 } else { 32 };
                let name = load_store_name(false, *size, *signed, matches!(addr, Amode::Unscaled { .. }));
                format!("{name} {}, {}", rd.name(bits), mem_sized(addr, size.bytes()))
            }
            Inst::Store { size, rt, addr } => {
                let bits = if *size == MemSize::X { 64 } else { 32 };
                let name = load_store_name(true, *size, false, matches!(addr, Amode::Unscaled { .. }));
                format!("{name} {}, {}", rt.name(bits), mem_sized(addr, size.bytes()))
            }
            Inst::StpPre { rt, rt2, base, off } => {
                format!("stp {}, {}, [{}, #{off}]!", rt.name(64), rt2.name(64), base.name(64))
            }
            Inst::LdpPost { rt, rt2, base, off } => {
                format!("ldp {}, {}, [{}], #{off}", rt.name(64), rt2.name(64), base.name(64))
            }
            Inst::Adrp { rd, symbol } => format!("adrp {}, {symbol}", rd.name(64)),
            Inst::AddLo12 { rd, rn, symbol } => {
                format!("add {}, {}, :lo12:{symbol}", rd.name(64), rn.name(64))
            }
            Inst::B { target } => format!("b L{}", target.0),
            Inst::BCond { cond, target } => format!("b.{} L{}", cond.name(), target.0),
            Inst::Cbz { nonzero, size, rt, target } => {
                format!("{} {}, L{}", if *nonzero { "cbnz" } else { "cbz" }, rt.name(size.bits()), target.0)
            }
            Inst::Bl { symbol } => format!("bl {symbol}"),
            Inst::Blr { rn } => format!("blr {}", rn.name(64)),
            Inst::Ret => "ret".into(),
            Inst::Svc => "svc #0".into(),
            Inst::Udf => "udf #0".into(),
            Inst::FLoad { double, rd, addr } => {
                let name = if matches!(addr, Amode::Unscaled { .. }) { "ldur" } else { "ldr" };
                format!("{name} {}, {}", rd.name(*double), mem_sized(addr, if *double { 8 } else { 4 }))
            }
            Inst::FStore { double, rt, addr } => {
                let name = if matches!(addr, Amode::Unscaled { .. }) { "stur" } else { "str" };
                format!("{name} {}, {}", rt.name(*double), mem_sized(addr, if *double { 8 } else { 4 }))
            }
            Inst::FmovRR { double, rd, rn } => format!("fmov {}, {}", rd.name(*double), rn.name(*double)),
            Inst::FmovImm { double, rd, imm } => {
                format!("fmov {}, #{:?}", rd.name(*double), f64::from_bits(imm.bits))
            }
            Inst::FCsel { double, rd, rn, rm, cond } => {
                let d = *double;
                format!("fcsel {}, {}, {}, {}", rd.name(d), rn.name(d), rm.name(d), cond.name())
            }
            Inst::Cnt { rd, rn } => format!("cnt v{}.8b, v{}.8b", rd.enc(), rn.enc()),
            Inst::Addv { rd, rn } => format!("addv b{}, v{}.8b", rd.enc(), rn.enc()),
            Inst::FmovToFp { double, rd, rn } => {
                format!("fmov {}, {}", rd.name(*double), rn.name(if *double { 64 } else { 32 }))
            }
            Inst::FmovFromFp { double, rd, rn } => {
                format!("fmov {}, {}", rd.name(if *double { 64 } else { 32 }), rn.name(*double))
            }
            Inst::Fpu2 { op, double, rd, rn, rm } => {
                format!("{} {}, {}, {}", op.name(), rd.name(*double), rn.name(*double), rm.name(*double))
            }
            Inst::Fma { op, double, rd, rn, rm, ra } => format!(
                "{} {}, {}, {}, {}",
                op.name(),
                rd.name(*double),
                rn.name(*double),
                rm.name(*double),
                ra.name(*double)
            ),
            Inst::Fpu1 { op, double, rd, rn } => {
                format!("{} {}, {}", op.name(), rd.name(*double), rn.name(*double))
            }
            Inst::Fcmp { double, rn, rm } => format!("fcmp {}, {}", rn.name(*double), rm.name(*double)),
            Inst::IntToFloat { signed, size, double, rd, rn } => format!(
                "{} {}, {}",
                if *signed { "scvtf" } else { "ucvtf" },
                rd.name(*double),
                rn.name(size.bits())
            ),
            Inst::FloatToInt { signed, size, double, rd, rn } => format!(
                "{} {}, {}",
                if *signed { "fcvtzs" } else { "fcvtzu" },
                rd.name(size.bits()),
                rn.name(*double)
            ),
            Inst::FloatToFloat { to_double, rd, rn } => {
                format!("fcvt {}, {}", rd.name(*to_double), rn.name(!*to_double))
            }
        }
    }
}
