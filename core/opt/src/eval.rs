//! The IR's operations on constants, with the machine's semantics every back end
//! implements (the Wasm 2.0 numeric instructions, §4.3.2 "Integer Operations"
//! and §4.3.3 "Floating-Point Operations", which the native lowerings match):
//! integers wrap; shift counts are taken modulo the width (Wasm's `ishl`, x86-64's
//! `SHL` masks the count to 5 or 6 bits, arm64's `LSLV` takes it modulo the
//! register size); float-to-integer conversions saturate.
//!
//! What the back ends do not agree on, or what could differ between the machine
//! running the compiler and the one running the program, is not evaluated (the
//! result is `None`): a division by zero or of the smallest integer by -1 (Wasm
//! traps on both, x86-64's `IDIV` too), any result that is a NaN (payloads are not
//! portable: Wasm §4.3.3 lets them vary), conversions that round or saturate.

use ir::{BinOp, CmpOp, ConvOp, Op, Ty, UnOp};

/// A constant: its type and its bits (an `I32`'s or `F32`'s in the low 32, the
/// high 32 zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Const {
    pub ty: Ty,
    pub bits: u64,
}

impl Const {
    pub fn new(ty: Ty, bits: u64) -> Const {
        let bits = if ty.bytes() == 4 { bits & 0xffff_ffff } else { bits };
        Const { ty, bits }
    }

    pub fn int(ty: Ty, v: i64) -> Const {
        Const::new(ty, v as u64)
    }

    /// The constant an instruction defines.
    pub fn of(op: &Op) -> Option<Const> {
        match *op {
            Op::IConst(ty, v) => Some(Const::int(ty, v)),
            Op::FConst(ty, bits) => Some(Const::new(ty, bits)),
            _ => None,
        }
    }

    /// The instruction that defines it (an `I32` written sign-extended, as the
    /// generator writes negative constants).
    pub fn op(self) -> Op {
        match self.ty {
            Ty::I32 | Ty::I64 | Ty::Ptr => Op::IConst(self.ty, self.signed()),
            Ty::F32 | Ty::F64 => Op::FConst(self.ty, self.bits),
        }
    }

    /// The integer's value as a signed number of its width.
    pub fn signed(self) -> i64 {
        match self.ty {
            Ty::I32 => self.bits as u32 as i32 as i64,
            _ => self.bits as i64,
        }
    }

    fn width(self) -> u32 {
        self.ty.bytes() * 8
    }

    fn f32(self) -> f32 {
        f32::from_bits(self.bits as u32)
    }

    fn f64(self) -> f64 {
        f64::from_bits(self.bits)
    }

    fn from_f32(x: f32) -> Option<Const> {
        (!x.is_nan()).then(|| Const::new(Ty::F32, u64::from(x.to_bits())))
    }

    fn from_f64(x: f64) -> Option<Const> {
        (!x.is_nan()).then(|| Const::new(Ty::F64, x.to_bits()))
    }

    fn bool(b: bool) -> Const {
        Const::new(Ty::I32, u64::from(b))
    }

    /// Whether it is the integer `v`.
    pub fn is(self, v: i64) -> bool {
        self.ty.is_int() && self.bits == Const::int(self.ty, v).bits
    }
}

pub fn bin(op: BinOp, a: Const, b: Const) -> Option<Const> {
    if a.ty.class() != b.ty.class() {
        return None;
    }
    match a.ty {
        Ty::I32 | Ty::I64 | Ty::Ptr => int_bin(op, a, b),
        Ty::F32 => {
            let (x, y) = (a.f32(), b.f32());
            Const::from_f32(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::Div => x / y,
                BinOp::Min | BinOp::Max => return min_max(op, a, b, x < y, y < x, x.is_nan() || y.is_nan()),
                BinOp::Copysign => return Some(copysign(a, b)),
                _ => return None,
            })
        }
        Ty::F64 => {
            let (x, y) = (a.f64(), b.f64());
            Const::from_f64(match op {
                BinOp::Add => x + y,
                BinOp::Sub => x - y,
                BinOp::Mul => x * y,
                BinOp::Div => x / y,
                BinOp::Min | BinOp::Max => return min_max(op, a, b, x < y, y < x, x.is_nan() || y.is_nan()),
                BinOp::Copysign => return Some(copysign(a, b)),
                _ => return None,
            })
        }
    }
}

fn int_bin(op: BinOp, a: Const, b: Const) -> Option<Const> {
    let ty = a.ty;
    let w = a.width();
    let (x, y) = (a.bits, b.bits);
    let (sx, sy) = (a.signed(), b.signed());
    let min = if w == 32 { i64::from(i32::MIN) } else { i64::MIN };
    let count = (y % u64::from(w)) as u32;
    let r = match op {
        BinOp::Add => x.wrapping_add(y),
        BinOp::Sub => x.wrapping_sub(y),
        BinOp::Mul => x.wrapping_mul(y),
        BinOp::DivU | BinOp::RemU if y == 0 => return None,
        BinOp::DivS | BinOp::RemS if y == 0 || (sx == min && sy == -1) => return None,
        BinOp::DivU => x / y,
        BinOp::RemU => x % y,
        BinOp::DivS => sx.wrapping_div(sy) as u64,
        BinOp::RemS => sx.wrapping_rem(sy) as u64,
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::Shl => x << count,
        BinOp::ShrU => x >> count,
        BinOp::ShrS => (sx >> count) as u64,
        BinOp::Div | BinOp::Min | BinOp::Max | BinOp::Copysign => return None,
    };
    Some(Const::new(ty, r))
}

/// `fmin`/`fmax` as Wasm defines them: a NaN operand gives a NaN (not folded), and
/// -0 is less than +0.
fn min_max(op: BinOp, a: Const, b: Const, a_lt: bool, b_lt: bool, nan: bool) -> Option<Const> {
    if nan {
        return None;
    }
    let min = op == BinOp::Min;
    Some(match (a_lt, b_lt) {
        (true, _) => {
            if min {
                a
            } else {
                b
            }
        }
        (_, true) => {
            if min {
                b
            } else {
                a
            }
        }
        // Equal: the same bits, or zeros of either sign (min takes -0, max +0).
        _ => Const::new(a.ty, if min { a.bits | b.bits } else { a.bits & b.bits }),
    })
}

fn copysign(a: Const, b: Const) -> Const {
    let sign = 1u64 << (a.width() - 1);
    Const::new(a.ty, (a.bits & !sign) | (b.bits & sign))
}

pub fn cmp(op: CmpOp, a: Const, b: Const) -> Option<Const> {
    if a.ty.class() != b.ty.class() {
        return None;
    }
    let r = if a.ty.is_int() {
        let (x, y, sx, sy) = (a.bits, b.bits, a.signed(), b.signed());
        match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::LtS => sx < sy,
            CmpOp::LtU => x < y,
            CmpOp::LeS => sx <= sy,
            CmpOp::LeU => x <= y,
            CmpOp::GtS => sx > sy,
            CmpOp::GtU => x > y,
            CmpOp::GeS => sx >= sy,
            CmpOp::GeU => x >= y,
            CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge => return None,
        }
    } else {
        let (x, y) =
            if a.ty == Ty::F32 { (f64::from(a.f32()), f64::from(b.f32())) } else { (a.f64(), b.f64()) };
        // IEEE comparisons: false with a NaN on either side, but `ne` true.
        match op {
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
            _ => return None,
        }
    };
    Some(Const::bool(r))
}

pub fn un(op: UnOp, a: Const) -> Option<Const> {
    let w = a.width();
    match a.ty {
        Ty::I32 | Ty::I64 | Ty::Ptr => {
            let x = a.bits;
            Some(match op {
                // Counted within the width (the high bits of an I32's are zero).
                UnOp::Clz => Const::new(a.ty, u64::from(x.leading_zeros() - (64 - w))),
                UnOp::Ctz => Const::new(a.ty, u64::from(x.trailing_zeros().min(w))),
                UnOp::Popcnt => Const::new(a.ty, u64::from(x.count_ones())),
                UnOp::Eqz => Const::bool(x == 0),
                _ => return None,
            })
        }
        Ty::F32 | Ty::F64 => {
            let sign = 1u64 << (w - 1);
            match op {
                // Sign-bit operations, exact for every input.
                UnOp::Neg => Some(Const::new(a.ty, a.bits ^ sign)),
                UnOp::Abs => Some(Const::new(a.ty, a.bits & !sign)),
                _ if a.ty == Ty::F32 => {
                    let x = a.f32();
                    Const::from_f32(match op {
                        UnOp::Sqrt => x.sqrt(),
                        UnOp::Floor => x.floor(),
                        UnOp::Ceil => x.ceil(),
                        UnOp::Trunc => x.trunc(),
                        UnOp::Nearest => x.round_ties_even(),
                        _ => return None,
                    })
                }
                _ => {
                    let x = a.f64();
                    Const::from_f64(match op {
                        UnOp::Sqrt => x.sqrt(),
                        UnOp::Floor => x.floor(),
                        UnOp::Ceil => x.ceil(),
                        UnOp::Trunc => x.trunc(),
                        UnOp::Nearest => x.round_ties_even(),
                        _ => return None,
                    })
                }
            }
        }
    }
}

pub fn conv(op: ConvOp, to: Ty, a: Const) -> Option<Const> {
    let from = a.ty.class();
    let r = match op {
        ConvOp::Ext8S if from.is_int() => Const::int(to, a.bits as u8 as i8 as i64),
        ConvOp::Ext16S if from.is_int() => Const::int(to, a.bits as u16 as i16 as i64),
        ConvOp::Ext32S if from == Ty::I64 => Const::int(to, a.bits as u32 as i32 as i64),
        ConvOp::ExtendS if from == Ty::I32 => Const::int(to, a.signed()),
        ConvOp::ExtendU if from == Ty::I32 => Const::new(to, a.bits),
        ConvOp::Wrap if from == Ty::I64 => Const::new(to, a.bits),
        ConvOp::Bitcast if from.bytes() == to.bytes() => Const::new(to, a.bits),
        ConvOp::TruncS | ConvOp::TruncU if !from.is_int() && to.is_int() => {
            return trunc(op == ConvOp::TruncS, to, a);
        }
        ConvOp::ConvertS | ConvOp::ConvertU if from.is_int() && !to.is_int() => {
            return convert(op == ConvOp::ConvertS, to, a);
        }
        ConvOp::Promote if from == Ty::F32 => Const::from_f64(f64::from(a.f32()))?,
        ConvOp::Demote if from == Ty::F64 => {
            let x = a.f64();
            let y = x as f32;
            // Only when exact: rounding is left to the machine.
            if f64::from(y) != x {
                return None;
            }
            Const::from_f32(y)?
        }
        // The value is already of its precision.
        ConvOp::Round if from == to && !from.is_int() => {
            if a.ty == Ty::F32 {
                Const::from_f32(a.f32())?
            } else {
                Const::from_f64(a.f64())?
            }
        }
        _ => return None,
    };
    Some(r)
}

/// A float truncated toward zero to an integer, when the result is in range (the
/// saturating cases are left to the machine).
fn trunc(signed: bool, to: Ty, a: Const) -> Option<Const> {
    let x = if a.ty == Ty::F32 { f64::from(a.f32()) } else { a.f64() };
    if x.is_nan() {
        return None;
    }
    let t = x.trunc();
    // The bounds are powers of two, exact in f64.
    let (lo, hi) = match (signed, to) {
        (true, Ty::I32) => (-2_147_483_648.0, 2_147_483_648.0),
        (true, _) => (-9_223_372_036_854_775_808.0, 9_223_372_036_854_775_808.0),
        (false, Ty::I32) => (0.0, 4_294_967_296.0),
        (false, _) => (0.0, 18_446_744_073_709_551_616.0),
    };
    if !(t >= lo && t < hi) {
        return None;
    }
    Some(if signed { Const::int(to, t as i64) } else { Const::new(to, t as u64) })
}

/// An integer converted to a float, when the float holds it exactly.
fn convert(signed: bool, to: Ty, a: Const) -> Option<Const> {
    let (v, back): (f64, bool) = if signed {
        let v = a.signed();
        if to == Ty::F32 {
            let y = v as f32;
            return (y as i64 == v && y.is_finite() && v != i64::MAX)
                .then(|| Const::new(to, u64::from(y.to_bits())));
        }
        let y = v as f64;
        (y, y as i64 == v && v != i64::MAX)
    } else {
        let v = a.bits;
        if to == Ty::F32 {
            let y = v as f32;
            return (y as u64 == v && v != u64::MAX).then(|| Const::new(to, u64::from(y.to_bits())));
        }
        let y = v as f64;
        (y, y as u64 == v && v != u64::MAX)
    };
    back.then(|| Const::new(to, v.to_bits()))
}
