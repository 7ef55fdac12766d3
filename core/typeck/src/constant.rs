//! Exact constant values and arithmetic, after go/constant: integers are unbounded,
//! floats are exact rationals, and values are rounded only when they become typed.

use crate::bigint::BigInt;
use core::cmp::Ordering;
use std::rc::Rc;

/// An exact rational, `num / den` with `den > 0` and the fraction reduced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rat {
    pub num: BigInt,
    pub den: BigInt,
}

impl Rat {
    pub fn new(num: BigInt, den: BigInt) -> Rat {
        let (num, den) = if den.is_neg() { (num.neg(), den.neg()) } else { (num, den) };
        let g = num.gcd(&den);
        if g.is_zero() || g == BigInt::from_u64(1) {
            return Rat { num, den };
        }
        Rat { num: num.quo_rem(&g).0, den: den.quo_rem(&g).0 }
    }

    pub fn from_int(i: BigInt) -> Rat {
        Rat { num: i, den: BigInt::from_u64(1) }
    }

    pub fn is_int(&self) -> bool {
        self.den == BigInt::from_u64(1)
    }

    pub fn is_zero(&self) -> bool {
        self.num.is_zero()
    }

    pub fn add(&self, o: &Rat) -> Rat {
        Rat::new(self.num.mul(&o.den).add(&o.num.mul(&self.den)), self.den.mul(&o.den))
    }

    pub fn sub(&self, o: &Rat) -> Rat {
        self.add(&o.neg())
    }

    pub fn mul(&self, o: &Rat) -> Rat {
        Rat::new(self.num.mul(&o.num), self.den.mul(&o.den))
    }

    pub fn quo(&self, o: &Rat) -> Rat {
        Rat::new(self.num.mul(&o.den), self.den.mul(&o.num))
    }

    pub fn neg(&self) -> Rat {
        Rat { num: self.num.neg(), den: self.den.clone() }
    }

    pub fn cmp(&self, o: &Rat) -> Ordering {
        self.num.mul(&o.den).cmp(&o.num.mul(&self.den))
    }

    pub fn to_f64(&self) -> f64 {
        ratio_to_float(&self.num, &self.den, 53, -1022, 1023)
    }

    pub fn to_f32(&self) -> f64 {
        ratio_to_float(&self.num, &self.den, 24, -126, 127)
    }

    /// The exact value of a finite f64.
    pub fn from_f64(f: f64) -> Rat {
        if f == 0.0 {
            return Rat::from_int(BigInt::zero());
        }
        let bits = f.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1 << 52) - 1);
        let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1 << 52), exp - 1075) };
        let mut num = BigInt::from_u64(m);
        if f < 0.0 {
            num = num.neg();
        }
        if e >= 0 {
            Rat::from_int(num.shl(e as u32))
        } else {
            Rat::new(num, BigInt::from_u64(1).shl((-e) as u32))
        }
    }
}

/// `m * 2^k` without intermediate overflow or underflow.
fn ldexp(m: f64, mut k: i64) -> f64 {
    let mut v = m;
    while k > 1000 {
        v *= 2f64.powi(1000);
        k -= 1000;
    }
    while k < -1000 {
        v *= 2f64.powi(-1000);
        k += 1000;
    }
    v * 2f64.powi(k as i32)
}

/// `num / den` rounded to nearest-even with `mant` mantissa bits and the given
/// exponent range; infinite when it overflows.
fn ratio_to_float(num: &BigInt, den: &BigInt, mant: i64, emin: i64, emax: i64) -> f64 {
    if num.is_zero() {
        return 0.0;
    }
    let (a, b) = (num.abs(), den.abs());
    let want = mant + 1;
    let mut s: i64 = want - (i64::from(a.bit_len()) - i64::from(b.bit_len()));
    let (q, sticky) = loop {
        let (n, d) = if s >= 0 { (a.shl(s as u32), b.clone()) } else { (a.clone(), b.shl((-s) as u32)) };
        let (q, r) = n.quo_rem(&d);
        let bl = i64::from(q.bit_len());
        if bl < want {
            s += 1;
        } else if bl > want {
            s -= 1;
        } else {
            break (q.to_u64().unwrap_or(0), !r.is_zero());
        }
    };
    // q has `want` bits; its top bit weighs 2^(want-1-s).
    let exp = want - 1 - s;
    if exp > emax {
        return if num.is_neg() { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    let mut drop = 1i64;
    if exp < emin {
        drop += emin - exp;
    }
    if drop > 62 {
        return 0.0;
    }
    let half = 1u64 << (drop - 1);
    let low = q & ((1u64 << drop) - 1);
    let mut m = q >> drop;
    if low > half || (low == half && (sticky || m & 1 == 1)) {
        m += 1;
    }
    let v = ldexp(m as f64, drop - s);
    let v = if exp >= emax && v >= ldexp(1.0, emax + 1) { f64::INFINITY } else { v };
    if num.is_neg() { -v } else { v }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// The value of an erroneous expression.
    Unknown,
    Bool(bool),
    String(Rc<[u8]>),
    Int(BigInt),
    Float(Rat),
    /// A float too large or small for exact rationals to stay cheap (a literal like
    /// `1e10120000`): `±mant × 10^exp10` with `1 <= mant < 10`. Go keeps such values
    /// in 512-bit floats; only their magnitude matters to a program (they overflow or
    /// round to zero when typed), so an f64 mantissa is kept.
    Huge {
        neg: bool,
        mant: f64,
        exp10: i64,
    },
    Complex(Rat, Rat),
}

/// Decimal exponents beyond this make a literal `Huge` rather than an exact rational.
pub const HUGE_EXP10: i64 = 1200;

impl Value {
    /// `±mant × 10^exp10` for a non-zero value.
    pub fn huge(neg: bool, mant: f64, exp10: i64) -> Value {
        let (mut m, mut e) = (mant.abs(), exp10);
        if m == 0.0 || !m.is_finite() {
            return Value::Float(Rat::from_int(BigInt::zero()));
        }
        while m >= 10.0 {
            m /= 10.0;
            e += 1;
        }
        while m < 1.0 {
            m *= 10.0;
            e -= 1;
        }
        Value::Huge { neg, mant: m, exp10: e }
    }

    /// The value as (sign, mantissa, decimal exponent), for mixing with `Huge`.
    pub fn to_sci(&self) -> Option<(bool, f64, i64)> {
        match self {
            Value::Huge { neg, mant, exp10 } => Some((*neg, *mant, *exp10)),
            v => {
                let r = v.to_rat()?;
                if r.is_zero() {
                    return Some((false, 0.0, 0));
                }
                let f = r.to_f64();
                if f.is_finite() && f != 0.0 {
                    let e = f.abs().log10().floor() as i64;
                    return Some((f < 0.0, f.abs() / 10f64.powi(e as i32), e));
                }
                None
            }
        }
    }
}

fn rat_of(v: &Value) -> Option<Rat> {
    match v {
        Value::Int(i) => Some(Rat::from_int(i.clone())),
        Value::Float(r) => Some(r.clone()),
        _ => None,
    }
}

impl Value {
    pub fn int(i: i64) -> Value {
        Value::Int(BigInt::from_i64(i))
    }

    /// The value as an integer, if it is one exactly.
    pub fn to_int(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(i.clone()),
            Value::Float(r) if r.is_int() => Some(r.num.clone()),
            Value::Complex(re, im) if im.is_zero() && re.is_int() => Some(re.num.clone()),
            _ => None,
        }
    }

    pub fn to_rat(&self) -> Option<Rat> {
        match self {
            Value::Complex(re, im) if im.is_zero() => Some(re.clone()),
            v => rat_of(v),
        }
    }

    pub fn to_complex(&self) -> Option<(Rat, Rat)> {
        match self {
            Value::Complex(re, im) => Some((re.clone(), im.clone())),
            v => rat_of(v).map(|r| (r, Rat::from_int(BigInt::zero()))),
        }
    }

    pub fn is_numeric(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Float(_) | Value::Complex(..))
    }

    /// A float value that is integral becomes an Int, a complex with zero imaginary
    /// part a Float or Int (go/constant's normalization for untyped results).
    pub fn normalize(self) -> Value {
        match self {
            Value::Float(r) if r.is_int() => Value::Int(r.num),
            v => v,
        }
    }

    /// Go's short text of the value, as go/constant's `String` prints it.
    pub fn to_go_string(&self) -> String {
        match self {
            Value::Unknown => "unknown".into(),
            Value::Bool(b) => b.to_string(),
            Value::String(s) => {
                let q = quote(s);
                if q.chars().count() > 72 {
                    let chars: Vec<char> = q.chars().collect();
                    let head: String = chars.iter().take(69).collect();
                    format!("{head}...")
                } else {
                    q
                }
            }
            Value::Int(i) => i.to_string(),
            Value::Float(r) => float_string(r),
            Value::Huge { neg, mant, exp10 } => {
                let digits = format!("{:.5}", mant);
                let digits = trim_zeros(&digits);
                format!(
                    "{}{}e{}{:02}",
                    if *neg { "-" } else { "" },
                    digits,
                    if *exp10 < 0 { '-' } else { '+' },
                    exp10.abs()
                )
            }
            Value::Complex(re, im) => format!("({} + {}i)", float_string(re), float_string(im)),
        }
    }
}

fn float_string(r: &Rat) -> String {
    let f = r.to_f64();
    if f.is_finite() && (f == 0.0) == r.is_zero() {
        let s = format_g(f, 6);
        return s;
    }
    // Out of float64 range: a decimal mantissa and exponent.
    let neg = r.num.is_neg();
    let (a, b) = (r.num.abs(), r.den.clone());
    // Find e with 10^e <= a/b < 10^(e+1), then six significant digits.
    let mut e: i64 = (i64::from(a.bit_len()) - i64::from(b.bit_len())) * 30103 / 100000;
    let val = |e: i64| -> Ordering {
        if e >= 0 {
            a.cmp(&b.mul(&BigInt::pow10(e as u32)))
        } else {
            a.mul(&BigInt::pow10((-e) as u32)).cmp(&b)
        }
    };
    while val(e) == Ordering::Less {
        e -= 1;
    }
    while val(e + 1) != Ordering::Less {
        e += 1;
    }
    let shift = 5 - e;
    let (n, d) = if shift >= 0 {
        (a.mul(&BigInt::pow10(shift as u32)), b)
    } else {
        (a, b.mul(&BigInt::pow10((-shift) as u32)))
    };
    let (q, rem) = n.quo_rem(&d);
    let mut digits = q.to_u64().unwrap_or(0);
    if rem.shl(1) >= d {
        digits += 1;
    }
    if digits >= 1_000_000 {
        digits /= 10;
        e += 1;
    }
    let mut ds = digits.to_string();
    while ds.len() > 1 && ds.ends_with('0') {
        ds.pop();
    }
    let mant = if ds.len() > 1 { format!("{}.{}", &ds[..1], &ds[1..]) } else { ds };
    format!("{}{}e{}{:02}", if neg { "-" } else { "" }, mant, if e < 0 { '-' } else { '+' }, e.abs())
}

/// Go's `%.{prec}g`.
pub fn format_g(f: f64, prec: usize) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = format!("{:.*e}", prec - 1, f);
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if exp < -4 || exp >= prec as i32 {
        let mant = trim_zeros(mant);
        format!("{}e{}{:02}", mant, if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        let decimals = (prec as i32 - 1 - exp).max(0) as usize;
        trim_zeros(&format!("{f:.decimals$}"))
    }
}

fn trim_zeros(s: &str) -> String {
    if !s.contains('.') {
        return s.to_string();
    }
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Go's strconv.Quote of a byte string.
pub fn quote(s: &[u8]) -> String {
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let Some((r, n)) = syntax::scanner::decode_rune(&s[i..]) else {
            out.push_str(&format!("\\x{:02x}", s[i]));
            i += 1;
            continue;
        };
        i += n;
        let c = char::from_u32(r).unwrap_or('\u{fffd}');
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            c if syntax::scanner::is_print(c) => out.push(c),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// Parses a Go literal's text (already checked by the scanner).
pub fn parse_literal(kind: syntax::token::LitKind, text: &str) -> Value {
    use syntax::token::LitKind;
    match kind {
        LitKind::Int => parse_int(text).map_or(Value::Unknown, Value::Int),
        LitKind::Float => match huge_literal(text) {
            Some(v) => v,
            None => parse_float(text).map_or(Value::Unknown, Value::Float),
        },
        LitKind::Imag => {
            let body = &text[..text.len() - 1];
            let im = if body.contains(['.', 'e', 'E', 'p', 'P'])
                && !body.starts_with("0x")
                && !body.starts_with("0X")
                || body.starts_with("0x") && body.contains(['p', 'P'])
            {
                parse_float(body)
            } else {
                // 0123i is decimal 123i for backward compatibility.
                let b = body.trim_start_matches('0');
                if body.starts_with("0x")
                    || body.starts_with("0X")
                    || body.starts_with("0b")
                    || body.starts_with("0B")
                    || body.starts_with("0o")
                    || body.starts_with("0O")
                {
                    parse_int(body).map(Rat::from_int)
                } else {
                    BigInt::parse(if b.is_empty() { "0" } else { b }, 10).map(Rat::from_int)
                }
            };
            im.map_or(Value::Unknown, |im| Value::Complex(Rat::from_int(BigInt::zero()), im))
        }
        LitKind::Rune => unquote_char(text).map_or(Value::Unknown, |c| Value::int(i64::from(c))),
        LitKind::String => unquote(text).map_or(Value::Unknown, |s| Value::String(s.into())),
    }
}

fn parse_int(text: &str) -> Option<BigInt> {
    let t = text.replace('_', "");
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        BigInt::parse(h, 16)
    } else if let Some(b) = lower.strip_prefix("0b") {
        BigInt::parse(b, 2)
    } else if let Some(o) = lower.strip_prefix("0o") {
        BigInt::parse(o, 8)
    } else if lower.len() > 1 && lower.starts_with('0') {
        BigInt::parse(&lower[1..], 8)
    } else {
        BigInt::parse(&lower, 10)
    }
}

/// A decimal or hex float literal whose exponent is too large for an exact rational.
fn huge_literal(text: &str) -> Option<Value> {
    let t = text.replace('_', "").to_ascii_lowercase();
    let hex = t.starts_with("0x");
    let body = if hex { &t[2..] } else { &t[..] };
    let (mant, exp) = body.split_once(if hex { 'p' } else { 'e' })?;
    let exp: i64 = exp.parse().unwrap_or(if exp.starts_with('-') { i64::MIN / 4 } else { i64::MAX / 4 });
    let limit = if hex { HUGE_EXP10 * 10 / 3 } else { HUGE_EXP10 };
    if exp.abs() <= limit {
        return None;
    }
    let (ip, fp) = mant.split_once('.').unwrap_or((mant, ""));
    let digits = format!("{ip}{fp}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some(Value::Float(Rat::from_int(BigInt::zero())));
    }
    // Leading digits give the mantissa; the rest only shift the exponent.
    let lead: String = digits.chars().take(17).collect();
    let base = if hex { 16f64 } else { 10f64 };
    let mut m = 0f64;
    for c in lead.chars() {
        m = m * base + f64::from(c.to_digit(base as u32).unwrap_or(0));
    }
    let int_digits = ip.trim_start_matches('0').len() as i64;
    if hex {
        // m × 16^(len(lead) ... ) × 2^exp, as a decimal exponent.
        let shift4 = if int_digits > 0 {
            int_digits - lead.len() as i64
        } else {
            -(fp.len() as i64 - digits.len() as i64) - lead.len() as i64
        };
        let log10 = m.log10() + (4 * shift4 + exp) as f64 * 2f64.log10();
        let e = log10.floor();
        return Some(Value::huge(false, 10f64.powf(log10 - e), e as i64));
    }
    let shift = if int_digits > 0 {
        int_digits - lead.len() as i64
    } else {
        -(fp.len() as i64 - digits.len() as i64) - lead.len() as i64
    };
    Some(Value::huge(false, m, exp.saturating_add(shift)))
}

fn parse_float(text: &str) -> Option<Rat> {
    let t = text.replace('_', "").to_ascii_lowercase();
    let (hex, body) = match t.strip_prefix("0x") {
        Some(b) => (true, b.to_string()),
        None => (false, t),
    };
    let (mant, exp) = match body.split_once(if hex { 'p' } else { 'e' }) {
        Some((m, e)) => (m.to_string(), e.parse::<i64>().ok()?),
        None => (body, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((&mant, ""));
    let base = if hex { 16 } else { 10 };
    let digits = format!("{int_part}{frac_part}");
    let m = BigInt::parse(if digits.is_empty() { "0" } else { &digits }, base)?;
    let one = BigInt::from_u64(1);
    let exp = exp.clamp(-100_000, 100_000);
    if hex {
        let e2 = exp - 4 * frac_part.len() as i64;
        Some(if e2 >= 0 { Rat::from_int(m.shl(e2 as u32)) } else { Rat::new(m, one.shl((-e2) as u32)) })
    } else {
        let e10 = exp - frac_part.len() as i64;
        Some(if e10 >= 0 {
            Rat::from_int(m.mul(&BigInt::pow10(e10 as u32)))
        } else {
            Rat::new(m, BigInt::pow10((-e10) as u32))
        })
    }
}

fn unescape(
    chars: &mut core::iter::Peekable<core::str::Chars<'_>>,
    quote: char,
    out: &mut Vec<u8>,
) -> Option<()> {
    let c = chars.next()?;
    if c != '\\' {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        return Some(());
    }
    let e = chars.next()?;
    let simple = match e {
        'a' => Some(7u8),
        'b' => Some(8),
        'f' => Some(12),
        'n' => Some(10),
        'r' => Some(13),
        't' => Some(9),
        'v' => Some(11),
        '\\' => Some(b'\\'),
        c if c == quote => Some(c as u8),
        _ => None,
    };
    if let Some(b) = simple {
        out.push(b);
        return Some(());
    }
    let (n, base, byte) = match e {
        'x' => (2, 16, true),
        'u' => (4, 16, false),
        'U' => (8, 16, false),
        '0'..='7' => (2, 8, true),
        _ => return None,
    };
    let mut v: u32 = if e.is_digit(8) && base == 8 { e.to_digit(8)? } else { 0 };
    for _ in 0..n {
        v = v.checked_mul(base)?.checked_add(chars.next()?.to_digit(base)?)?;
    }
    if byte {
        out.push(u8::try_from(v).ok()?);
    } else {
        let c = char::from_u32(v)?;
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    Some(())
}

/// The bytes of a string literal (interpreted or raw).
pub fn unquote(text: &str) -> Option<Vec<u8>> {
    if let Some(raw) = text.strip_prefix('`') {
        return Some(raw.strip_suffix('`')?.replace('\r', "").into_bytes());
    }
    let inner = text.strip_prefix('"')?.strip_suffix('"')?;
    let mut chars = inner.chars().peekable();
    let mut out = Vec::new();
    while chars.peek().is_some() {
        unescape(&mut chars, '"', &mut out)?;
    }
    Some(out)
}

fn unquote_char(text: &str) -> Option<u32> {
    let inner = text.strip_prefix('\'')?.strip_suffix('\'')?;
    let mut chars = inner.chars().peekable();
    if inner.starts_with('\\') {
        let esc = inner.as_bytes().get(1).copied();
        let mut out = Vec::new();
        unescape(&mut chars, '\'', &mut out)?;
        if matches!(esc, Some(b'x') | Some(b'0'..=b'7')) {
            return out.first().map(|&b| u32::from(b));
        }
        return core::str::from_utf8(&out).ok()?.chars().next().map(|c| c as u32);
    }
    chars.next().map(|c| c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_and_print_like_go() {
        let v = parse_literal(syntax::token::LitKind::Float, "1e100");
        assert_eq!(v.to_go_string(), "1e+100");
        let Value::Float(r) = parse_literal(syntax::token::LitKind::Float, "0.1") else { panic!() };
        assert_eq!(r.to_f64(), 0.1);
        assert_eq!(r.to_f32(), f64::from(0.1f32));
        assert_eq!(format_g(1.5, 6), "1.5");
        assert_eq!(format_g(1e6, 6), "1e+06");
        assert_eq!(format_g(123456.0, 6), "123456");
        assert_eq!(format_g(0.0001, 6), "0.0001");
        let Value::Float(big) = parse_literal(syntax::token::LitKind::Float, "1e400") else { panic!() };
        assert_eq!(Value::Float(big).to_go_string(), "1e+400");
        let Value::Float(h) = parse_literal(syntax::token::LitKind::Float, "0x1.8p1") else { panic!() };
        assert_eq!(h.to_f64(), 3.0);
        assert_eq!(Rat::from_f64(0.1).to_f64(), 0.1);
        assert_eq!(Rat::from_f64(5e-324).to_f64(), 5e-324);
    }

    #[test]
    fn literals() {
        use syntax::token::LitKind;
        assert_eq!(parse_literal(LitKind::Int, "0x_ff"), Value::int(255));
        assert_eq!(parse_literal(LitKind::Int, "0777"), Value::int(511));
        assert_eq!(parse_literal(LitKind::Rune, "'世'"), Value::int(19990));
        assert_eq!(parse_literal(LitKind::Rune, r"'\x80'"), Value::int(128));
        assert_eq!(parse_literal(LitKind::String, r#""a\tb""#), Value::String(b"a\tb".as_slice().into()));
        assert_eq!(Value::String(b"a\nb".as_slice().into()).to_go_string(), r#""a\nb""#);
    }
}
