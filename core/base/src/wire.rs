//! A compact, deterministic byte encoding for the toolchain's own files (package
//! objects, type export data): unsigned LEB128 lengths, zig-zag integers,
//! length-prefixed bytes and strings. `Reader` never panics: anything short or
//! malformed is `Corrupt`.

/// Bytes that are not what the reader expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Corrupt;

impl core::fmt::Display for Corrupt {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("corrupt data")
    }
}

#[derive(Clone, Debug, Default)]
pub struct Writer(pub Vec<u8>);

impl Writer {
    pub fn u8(&mut self, b: u8) {
        self.0.push(b);
    }

    pub fn bool(&mut self, b: bool) {
        self.0.push(u8::from(b));
    }

    pub fn u64(&mut self, mut n: u64) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(b);
                return;
            }
            self.0.push(b | 0x80);
        }
    }

    pub fn len(&mut self, n: usize) {
        self.u64(n as u64);
    }

    pub fn u32(&mut self, n: u32) {
        self.u64(u64::from(n));
    }

    pub fn int(&mut self, v: i64) {
        self.u64(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.0.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
}

#[derive(Clone, Debug)]
pub struct Reader<'a>(pub &'a [u8]);

impl Reader<'_> {
    pub fn u8(&mut self) -> Result<u8, Corrupt> {
        let (&b, rest) = self.0.split_first().ok_or(Corrupt)?;
        self.0 = rest;
        Ok(b)
    }

    pub fn bool(&mut self) -> Result<bool, Corrupt> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt),
        }
    }

    pub fn u64(&mut self) -> Result<u64, Corrupt> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Corrupt)
    }

    pub fn len(&mut self) -> Result<usize, Corrupt> {
        usize::try_from(self.u64()?).map_err(|_| Corrupt)
    }

    pub fn u32(&mut self) -> Result<u32, Corrupt> {
        u32::try_from(self.u64()?).map_err(|_| Corrupt)
    }

    pub fn int(&mut self) -> Result<i64, Corrupt> {
        let u = self.u64()?;
        Ok((u >> 1) as i64 ^ -((u & 1) as i64))
    }

    pub fn bytes(&mut self) -> Result<Vec<u8>, Corrupt> {
        let n = self.len()?;
        if n > self.0.len() {
            return Err(Corrupt);
        }
        let (b, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(b.to_vec())
    }

    pub fn str(&mut self) -> Result<String, Corrupt> {
        String::from_utf8(self.bytes()?).map_err(|_| Corrupt)
    }

    pub fn opt_str(&mut self) -> Result<Option<String>, Corrupt> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.str()?)),
            _ => Err(Corrupt),
        }
    }

    /// Whether everything has been read.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
