//! Arbitrary-precision integers for Go's exact constant arithmetic: a sign and a
//! little-endian magnitude of 32-bit limbs, always normalized (no high zero limbs,
//! zero is non-negative).

use core::cmp::Ordering;
use core::fmt;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct BigInt {
    neg: bool,
    mag: Vec<u32>,
}

fn trim(mag: &mut Vec<u32>) {
    while mag.last() == Some(&0) {
        mag.pop();
    }
}

fn cmp_mag(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

fn add_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len().max(b.len()) + 1);
    let mut carry = 0u64;
    for i in 0..a.len().max(b.len()) {
        let s = u64::from(*a.get(i).unwrap_or(&0)) + u64::from(*b.get(i).unwrap_or(&0)) + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// a - b where |a| >= |b|.
fn sub_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for i in 0..a.len() {
        let mut d = i64::from(a[i]) - i64::from(*b.get(i).unwrap_or(&0)) - borrow;
        borrow = 0;
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        }
        out.push(d as u32);
    }
    trim(&mut out);
    out
}

fn mul_mag(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    for (i, &x) in a.iter().enumerate() {
        let mut carry = 0u64;
        for (j, &y) in b.iter().enumerate() {
            let t = u64::from(x) * u64::from(y) + u64::from(out[i + j]) + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let t = u64::from(out[k]) + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    trim(&mut out);
    out
}

/// Quotient and remainder of magnitudes, by shift-and-subtract on bits for short
/// divisors' generality; constants are small enough that this is fast.
fn divrem_mag(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if cmp_mag(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let d = u64::from(b[0]);
        let mut q = vec![0u32; a.len()];
        let mut r = 0u64;
        for i in (0..a.len()).rev() {
            let cur = (r << 32) | u64::from(a[i]);
            q[i] = (cur / d) as u32;
            r = cur % d;
        }
        trim(&mut q);
        let mut rem = vec![r as u32];
        trim(&mut rem);
        return (q, rem);
    }
    let bits = a.len() * 32;
    let mut q = vec![0u32; a.len()];
    let mut r: Vec<u32> = Vec::new();
    for i in (0..bits).rev() {
        // r = r << 1 | bit i of a
        let bit = (a[i / 32] >> (i % 32)) & 1;
        let mut carry = bit;
        for limb in r.iter_mut() {
            let next = *limb >> 31;
            *limb = (*limb << 1) | carry;
            carry = next;
        }
        if carry != 0 {
            r.push(carry);
        }
        if cmp_mag(&r, b) != Ordering::Less {
            r = sub_mag(&r, b);
            q[i / 32] |= 1 << (i % 32);
        }
    }
    trim(&mut q);
    (q, r)
}

impl BigInt {
    /// The sign and the little-endian 32-bit limbs of the magnitude.
    pub fn parts(&self) -> (bool, &[u32]) {
        (self.neg, &self.mag)
    }

    /// The integer of `parts`' output (normalized).
    pub fn from_parts(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        BigInt { neg: neg && !mag.is_empty(), mag }
    }

    pub fn zero() -> BigInt {
        BigInt::default()
    }

    pub fn from_u64(v: u64) -> BigInt {
        let mut mag = vec![v as u32, (v >> 32) as u32];
        trim(&mut mag);
        BigInt { neg: false, mag }
    }

    pub fn from_i64(v: i64) -> BigInt {
        let mut b = BigInt::from_u64(v.unsigned_abs());
        b.neg = v < 0 && !b.mag.is_empty();
        b
    }

    fn make(neg: bool, mut mag: Vec<u32>) -> BigInt {
        trim(&mut mag);
        let neg = neg && !mag.is_empty();
        BigInt { neg, mag }
    }

    pub fn is_zero(&self) -> bool {
        self.mag.is_empty()
    }

    pub fn is_neg(&self) -> bool {
        self.neg
    }

    pub fn sign(&self) -> i32 {
        if self.neg {
            -1
        } else if self.mag.is_empty() {
            0
        } else {
            1
        }
    }

    pub fn abs(&self) -> BigInt {
        BigInt { neg: false, mag: self.mag.clone() }
    }

    pub fn neg(&self) -> BigInt {
        BigInt::make(!self.neg, self.mag.clone())
    }

    /// The number of bits of the magnitude.
    pub fn bit_len(&self) -> u32 {
        match self.mag.last() {
            None => 0,
            Some(&top) => (self.mag.len() as u32 - 1) * 32 + (32 - top.leading_zeros()),
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        if self.bit_len() > 64 {
            return None;
        }
        let m = self.to_u64_mag();
        if self.neg {
            if m <= 1u64 << 63 { Some((m as i64).wrapping_neg()) } else { None }
        } else {
            i64::try_from(m).ok()
        }
    }

    pub fn to_u64(&self) -> Option<u64> {
        if self.neg || self.bit_len() > 64 { None } else { Some(self.to_u64_mag()) }
    }

    fn to_u64_mag(&self) -> u64 {
        u64::from(*self.mag.first().unwrap_or(&0)) | (u64::from(*self.mag.get(1).unwrap_or(&0)) << 32)
    }

    pub fn add(&self, o: &BigInt) -> BigInt {
        if self.neg == o.neg {
            return BigInt::make(self.neg, add_mag(&self.mag, &o.mag));
        }
        match cmp_mag(&self.mag, &o.mag) {
            Ordering::Less => BigInt::make(o.neg, sub_mag(&o.mag, &self.mag)),
            _ => BigInt::make(self.neg, sub_mag(&self.mag, &o.mag)),
        }
    }

    pub fn sub(&self, o: &BigInt) -> BigInt {
        self.add(&o.neg())
    }

    pub fn mul(&self, o: &BigInt) -> BigInt {
        BigInt::make(self.neg != o.neg, mul_mag(&self.mag, &o.mag))
    }

    /// Truncated division (Go's `/` and `%` on integers); `o` must not be zero.
    pub fn quo_rem(&self, o: &BigInt) -> (BigInt, BigInt) {
        let (q, r) = divrem_mag(&self.mag, &o.mag);
        (BigInt::make(self.neg != o.neg, q), BigInt::make(self.neg, r))
    }

    /// Binary GCD (shifts and subtractions: quadratic in the limb count, no division).
    pub fn gcd(&self, o: &BigInt) -> BigInt {
        let (mut a, mut b) = (self.abs(), o.abs());
        if a.is_zero() {
            return b;
        }
        if b.is_zero() {
            return a;
        }
        let (za, zb) = (a.trailing_zeros(), b.trailing_zeros());
        let k = za.min(zb);
        a = a.shr(za);
        b = b.shr(zb);
        loop {
            // a and b are odd.
            if a > b {
                core::mem::swap(&mut a, &mut b);
            }
            b = BigInt::make(false, sub_mag(&b.mag, &a.mag));
            if b.is_zero() {
                return a.shl(k);
            }
            let z = b.trailing_zeros();
            b = b.shr(z);
        }
    }

    fn trailing_zeros(&self) -> u32 {
        let mut n = 0;
        for &l in &self.mag {
            if l == 0 {
                n += 32;
            } else {
                return n + l.trailing_zeros();
            }
        }
        n
    }

    pub fn shl(&self, n: u32) -> BigInt {
        if self.is_zero() {
            return self.clone();
        }
        let (limbs, bits) = ((n / 32) as usize, n % 32);
        let mut mag = vec![0u32; limbs];
        let mut carry = 0u32;
        for &l in &self.mag {
            if bits == 0 {
                mag.push(l);
            } else {
                mag.push((l << bits) | carry);
                carry = l >> (32 - bits);
            }
        }
        if carry != 0 {
            mag.push(carry);
        }
        BigInt::make(self.neg, mag)
    }

    /// Arithmetic shift right (rounds toward negative infinity, as Go's `>>`).
    pub fn shr(&self, n: u32) -> BigInt {
        if self.neg {
            // -((-x - 1) >> n) - 1
            let t = self.neg().sub(&BigInt::from_u64(1)).shr(n);
            return t.neg().sub(&BigInt::from_u64(1));
        }
        let (limbs, bits) = ((n / 32) as usize, n % 32);
        if limbs >= self.mag.len() {
            return BigInt::zero();
        }
        let src = &self.mag[limbs..];
        let mut mag = Vec::with_capacity(src.len());
        for i in 0..src.len() {
            let lo = src[i] >> bits;
            let hi = if bits == 0 { 0 } else { src.get(i + 1).map_or(0, |&h| h << (32 - bits)) };
            mag.push(lo | hi);
        }
        BigInt::make(false, mag)
    }

    /// Two's complement limbs of `self` with `n` limbs (n large enough).
    fn twos(&self, n: usize) -> Vec<u32> {
        let mut v = self.mag.clone();
        v.resize(n, 0);
        if self.neg {
            let mut carry = 1u64;
            for l in v.iter_mut() {
                let t = u64::from(!*l) + carry;
                *l = t as u32;
                carry = t >> 32;
            }
        }
        v
    }

    fn from_twos(mut v: Vec<u32>) -> BigInt {
        let neg = v.last().is_some_and(|&l| l >> 31 == 1);
        if neg {
            let mut carry = 1u64;
            for l in v.iter_mut() {
                let t = u64::from(!*l) + carry;
                *l = t as u32;
                carry = t >> 32;
            }
        }
        BigInt::make(neg, v)
    }

    pub fn bitop(&self, o: &BigInt, f: impl Fn(u32, u32) -> u32) -> BigInt {
        let n = self.mag.len().max(o.mag.len()) + 1;
        let (a, b) = (self.twos(n), o.twos(n));
        BigInt::from_twos(a.iter().zip(&b).map(|(&x, &y)| f(x, y)).collect())
    }

    /// `^x` for an unbounded integer: -x - 1.
    pub fn not(&self) -> BigInt {
        self.neg().sub(&BigInt::from_u64(1))
    }

    pub fn parse(digits: &str, base: u32) -> Option<BigInt> {
        let mut v = BigInt::zero();
        let b = BigInt::from_u64(u64::from(base));
        for c in digits.chars() {
            if c == '_' {
                continue;
            }
            let d = c.to_digit(base)?;
            v = v.mul(&b).add(&BigInt::from_u64(u64::from(d)));
        }
        Some(v)
    }

    pub fn pow10(n: u32) -> BigInt {
        let mut v = BigInt::from_u64(1);
        let ten = BigInt::from_u64(10);
        for _ in 0..n {
            v = v.mul(&ten);
        }
        v
    }

    /// The nearest f64 (ties to even); infinite past f64's range.
    pub fn to_f64(&self) -> f64 {
        let bl = self.bit_len();
        let v = if bl <= 64 {
            self.to_u64_mag() as f64
        } else {
            // Keep 64 significant bits plus a sticky bit, then let the hardware round.
            let shift = bl - 64;
            let top = self.abs().shr(shift);
            let sticky = !self.abs().sub(&top.shl(shift)).is_zero();
            let m = top.to_u64_mag() | u64::from(sticky);
            // m has 64 bits; converting rounds once more, so fold the sticky bit in below
            // the f64 mantissa before conversion.
            let r = (m as f64) * 2f64.powi(shift.min(2000) as i32);
            if shift > 2000 { f64::INFINITY } else { r }
        };
        if self.neg { -v } else { v }
    }
}

impl PartialOrd for BigInt {
    fn partial_cmp(&self, o: &BigInt) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for BigInt {
    fn cmp(&self, o: &BigInt) -> Ordering {
        match (self.neg, o.neg) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => cmp_mag(&self.mag, &o.mag),
            (true, true) => cmp_mag(&o.mag, &self.mag),
        }
    }
}

impl fmt::Display for BigInt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mag.is_empty() {
            return f.write_str("0");
        }
        let mut parts = Vec::new();
        let mut cur = self.mag.clone();
        while !cur.is_empty() {
            let (q, r) = divrem_mag(&cur, &[1_000_000_000]);
            parts.push(r.first().copied().unwrap_or(0));
            cur = q;
        }
        let mut s = String::new();
        if self.neg {
            s.push('-');
        }
        s.push_str(&parts.pop().unwrap_or(0).to_string());
        for p in parts.iter().rev() {
            s.push_str(&format!("{p:09}"));
        }
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(s: &str) -> BigInt {
        match s.strip_prefix('-') {
            Some(rest) => BigInt::parse(rest, 10).unwrap().neg(),
            None => BigInt::parse(s, 10).unwrap(),
        }
    }

    #[test]
    fn arithmetic() {
        assert_eq!(BigInt::from_u64(1).shl(70).to_string(), "1180591620717411303424");
        assert_eq!(
            b("123456789012345678901234567890").mul(&b("-987654321")).to_string(),
            "-121932631124828532112482853211126352690"
        );
        let (q, r) = b("-7").quo_rem(&b("2"));
        assert_eq!((q.to_string(), r.to_string()), ("-3".into(), "-1".into()));
        let (q, r) = b("1180591620717411303424").quo_rem(&b("12345678901"));
        assert_eq!(q.mul(&b("12345678901")).add(&r), b("1180591620717411303424"));
        assert_eq!(b("-5").shr(1).to_string(), "-3");
        assert_eq!(b("-1").bitop(&b("255"), |x, y| x & y).to_string(), "255");
        assert_eq!(b("5").not().to_string(), "-6");
        assert_eq!(b("-9223372036854775808").to_i64(), Some(i64::MIN));
        assert_eq!(b("9223372036854775808").to_i64(), None);
        assert_eq!(BigInt::from_u64(1).shl(70).to_f64(), 2f64.powi(70));
        assert_eq!(b("1180591620717411303424").gcd(&b("-3000000000000000000000")).to_string(), "2097152");
        assert_eq!(b("462").gcd(&b("1071")).to_string(), "21");
    }
}
