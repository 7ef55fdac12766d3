//! The registers: thirty-one general-purpose (x0–x30), the zero register and the
//! stack pointer, which share the encoding 31 (the instruction decides which it
//! means), and thirty-two floating-point registers (d0–d31, s0–s31 as singles).

/// A general-purpose register, the zero register or the stack pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Xreg(u8);

impl Xreg {
    pub const ZR: Xreg = Xreg(31);
    pub const SP: Xreg = Xreg(32);
    /// The frame pointer and the link register.
    pub const FP: Xreg = Xreg(29);
    pub const LR: Xreg = Xreg(30);

    /// `x<n>`, for n in 0..=30.
    pub const fn x(n: u8) -> Xreg {
        assert!(n <= 30, "x0–x30");
        Xreg(n)
    }

    /// The 5-bit field value.
    pub fn enc(self) -> u32 {
        u32::from(self.0.min(31))
    }

    /// The assembler's name at a width of 32 or 64 bits.
    pub fn name(self, bits: u32) -> String {
        match (self.0, bits) {
            (31, 64) => "xzr".into(),
            (31, _) => "wzr".into(),
            (32, 64) => "sp".into(),
            (32, _) => "wsp".into(),
            (n, 64) => format!("x{n}"),
            (n, _) => format!("w{n}"),
        }
    }
}

/// A floating-point register, used as a double (`d<n>`) or a single (`s<n>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Vreg(pub u8);

impl Vreg {
    pub fn enc(self) -> u32 {
        u32::from(self.0 & 31)
    }

    pub fn name(self, double: bool) -> String {
        format!("{}{}", if double { 'd' } else { 's' }, self.0 & 31)
    }
}
