//! Build IDs as Go's toolchain writes and reads them (`cmd/internal/buildid`,
//! reference/go-semantics.md §7.4): where each container keeps the ID, the host
//! build ID derived from it (ELF `NT_GNU_BUILD_ID`, the Mach-O `LC_UUID`), and the
//! content ID — the SHA-256 of the finished file with every occurrence of the ID,
//! the host build ID and the Mach-O code signature read as zeros — which replaces
//! the ID's placeholder last part, as `cmd/go` does after linking. So `go tool
//! buildid FILE` reads crossplay's IDs, and `go tool buildid -w FILE`, which
//! recomputes the content ID, leaves a crossplay binary unchanged.

use core::ops::Range;

/// The build ID a link writes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BuildId {
    /// The ID as the linker receives it (`-buildid`); empty writes none.
    pub id: String,
    /// Whether the ID's last `/`-separated part is a placeholder to replace with
    /// the content ID once the file is written (`cmd/go`'s own IDs; not one
    /// given with `-ldflags=-buildid=`).
    pub content_placeholder: bool,
    /// The host build ID (`-B`).
    pub host: HostBuildId,
}

/// The host build ID `-B` asks for: ELF's `NT_GNU_BUILD_ID` note, the Mach-O
/// `LC_UUID` (PE and Wasm have none).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum HostBuildId {
    /// Derived from the Go build ID (`-B gobuildid`, what the linker does when
    /// `-B` is unset and there is an ID); without an ID there is no note, and the
    /// Mach-O UUID comes from the file's hash.
    #[default]
    Derived,
    /// `-B none`: no note, no `LC_UUID`.
    None,
    /// `-B 0xHEX`: these bytes (empty: no note; a Mach-O UUID takes the first 16,
    /// or the file's hash when there are fewer).
    Given(Vec<u8>),
}

impl BuildId {
    /// The `NT_GNU_BUILD_ID` descriptor; empty: no note.
    pub fn gnu_note(&self) -> Vec<u8> {
        match &self.host {
            HostBuildId::Derived if !self.id.is_empty() => gnu_build_id(&self.id).to_vec(),
            HostBuildId::Given(b) => b.clone(),
            _ => vec![],
        }
    }

    /// The Mach-O UUID: `None` for no `LC_UUID`, else the UUID when `-B` decides
    /// it, or `Some(None)` for one from the hash of the file before it.
    pub fn macho_uuid(&self) -> Option<Option<[u8; 16]>> {
        match &self.host {
            HostBuildId::None => None,
            HostBuildId::Derived if !self.id.is_empty() => Some(Some(uuid(&sum32(self.id.as_bytes())))),
            HostBuildId::Given(b) if b.len() >= 16 => Some(b[..16].try_into().ok()),
            _ => Some(None),
        }
    }
}

/// The bytes non-ELF containers carry the ID in (the `go:buildid` symbol at the
/// start of the text, the Wasm custom section): `\xff Go build ID: "ID"\n \xff`.
pub fn marker(id: &str) -> Vec<u8> {
    let mut b = b"\xff Go build ID: ".to_vec();
    b.extend_from_slice(base::quote::go_quote(id).as_bytes());
    b.extend_from_slice(b"\n \xff");
    b
}

/// `cmd/internal/hash.Sum32`: SHA-256 with the first byte inverted, what the linker
/// derives the host build ID from.
pub fn sum32(data: &[u8]) -> [u8; 32] {
    let mut h = base::sha256::sha256(data);
    h[0] ^= 0xff;
    h
}

/// The ELF `NT_GNU_BUILD_ID` for a Go build ID (`-B gobuildid`).
pub fn gnu_build_id(id: &str) -> [u8; 20] {
    let h = sum32(id.as_bytes());
    let mut out = [0u8; 20];
    out.copy_from_slice(&h[..20]);
    out
}

/// The Mach-O `LC_UUID` for a hash: its first 16 bytes as an RFC 4122 version 3
/// UUID (the linker's `uuidFromHash`).
pub fn uuid(hash: &[u8; 32]) -> [u8; 16] {
    let mut u = [0u8; 16];
    u.copy_from_slice(&hash[..16]);
    u[6] = (u[6] & 0x0f) | 0x30;
    u[8] = (u[8] & 0x3f) | 0x80;
    u
}

/// `buildid.HashToString`: the first 15 bytes of a hash as 20 URL-safe base64
/// characters.
pub fn hash_to_string(h: &[u8; 32]) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut s = String::with_capacity(20);
    for c in h[..15].chunks(3) {
        let v = u32::from(c[0]) << 16 | u32::from(c[1]) << 8 | u32::from(c[2]);
        for shift in [18, 12, 6, 0] {
            s.push(B64[(v >> shift) as usize & 0x3f] as char);
        }
    }
    s
}

/// Replaces the placeholder last part of `b.id` in `file` with the content ID:
/// the SHA-256 of the file with the ranges in `excluded` (the host build ID) and
/// every occurrence of the ID read as zeros, followed by `trailing_zeros` zero
/// bytes (a code signature still to be appended, which the hash also reads as
/// zeros). What `cmd/go`'s `updateBuildID` does; without a placeholder the file
/// is left as it is.
pub fn finish(file: &mut [u8], b: &BuildId, excluded: &[Range<usize>], trailing_zeros: usize) {
    if b.id.is_empty() || !b.content_placeholder {
        return;
    }
    let id = b.id.as_bytes();
    let mut view = file.to_vec();
    for r in excluded {
        view[r.clone()].fill(0);
    }
    let mut matches = Vec::new();
    let mut at = 0;
    while let Some(i) = find(&view[at..], id) {
        matches.push(at + i);
        view[at + i..at + i + id.len()].fill(0);
        at += i + id.len();
    }
    let mut h = base::sha256::Sha256::new();
    h.update(&view);
    h.update(&vec![0u8; trailing_zeros]);
    let content = hash_to_string(&h.finish());
    let prefix = b.id.rsplit_once('/').map_or("", |(p, _)| p);
    let new_id = if prefix.is_empty() { content } else { format!("{prefix}/{content}") };
    // The content ID has the placeholder's length, so nothing moves.
    if new_id.len() != id.len() {
        return;
    }
    for m in matches {
        file[m..m + id.len()].copy_from_slice(new_id.as_bytes());
    }
}

/// The build ID a binary carries, as `go tool buildid` reads it: an ELF file's
/// `Go` note of type 4 (found through its `PT_NOTE` headers), else the quoted ID
/// after the marker in the first 32 KiB (PE, Mach-O, Wasm). None when there is none.
pub fn read(file: &[u8]) -> Option<String> {
    if file.starts_with(b"\x7fELF") {
        return read_elf(file);
    }
    let head = &file[..file.len().min(32 << 10)];
    let start = find(head, b"\xff Go build ID: \"")? + 16;
    let len = find(&head[start..], b"\"\n \xff")?;
    unquote(std::str::from_utf8(&head[start..start + len]).ok()?)
}

fn read_elf(f: &[u8]) -> Option<String> {
    let u16_at = |o: usize| Some(u16::from_le_bytes(f.get(o..o + 2)?.try_into().ok()?));
    let u32_at = |o: usize| Some(u32::from_le_bytes(f.get(o..o + 4)?.try_into().ok()?));
    let u64_at = |o: usize| Some(u64::from_le_bytes(f.get(o..o + 8)?.try_into().ok()?));
    // 64-bit little-endian only: what crossplay writes.
    if f.get(4..6)? != [2, 1] {
        return None;
    }
    let phoff = usize::try_from(u64_at(0x20)?).ok()?;
    let (phentsize, phnum) = (usize::from(u16_at(0x36)?), usize::from(u16_at(0x38)?));
    for i in 0..phnum {
        let ph = phoff.checked_add(i.checked_mul(phentsize)?)?;
        if u32_at(ph)? != 4 {
            continue;
        }
        let off = usize::try_from(u64_at(ph + 8)?).ok()?;
        let end = off.checked_add(usize::try_from(u64_at(ph + 0x20)?).ok()?)?;
        let mut at = off;
        while at + 12 <= end {
            let (namesz, descsz, kind) = (u32_at(at)? as usize, u32_at(at + 4)? as usize, u32_at(at + 8)?);
            let name = at + 12;
            let desc = name.checked_add(namesz.div_ceil(4) * 4)?;
            if kind == 4 && f.get(name..name + namesz)? == b"Go\0\0" {
                return String::from_utf8(f.get(desc..desc.checked_add(descsz)?)?.to_vec()).ok();
            }
            at = desc.checked_add(descsz.div_ceil(4) * 4)?;
        }
    }
    None
}

/// The inverse of `go_quote`.
fn unquote(q: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = q.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'a' => '\x07',
            'b' => '\x08',
            'f' => '\x0c',
            'v' => '\x0b',
            'x' => {
                let hex: String = chars.by_ref().take(2).collect();
                char::from(u8::from_str_radix(&hex, 16).ok()?)
            }
            _ => return None,
        });
    }
    Some(out)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_to_string_is_go_s() {
        // HashToString of sha256("") in Go: 47DEQpj8HBSa-_TImW-5.
        assert_eq!(hash_to_string(&base::sha256::sha256(b"")), "47DEQpj8HBSa-_TImW-5");
    }

    #[test]
    fn read_finds_the_marker_and_unquotes() {
        let id = "a\"b\\c\nd\x01";
        let file = [&b"\0\0prefix"[..], &marker(id), b"rest"].concat();
        assert_eq!(read(&file).as_deref(), Some(id));
        assert_eq!(read(b"no id here"), None);
        assert_eq!(read(b"\x7fELF\x02\x01 truncated"), None);
    }

    #[test]
    fn finish_replaces_every_occurrence() {
        let ph = "AAAAAAAAAAAAAAAAAAAA/BBBBBBBBBBBBBBBBBBBB";
        let mut file = format!("x{ph}y{ph}z").into_bytes();
        let b = BuildId { id: ph.into(), content_placeholder: true, ..BuildId::default() };
        finish(&mut file, &b, &[0..1], 0);
        let text = String::from_utf8(file).unwrap_or_default();
        let zeros = [&[0u8][..], &[0; 41], b"y", &[0; 41], b"z"].concat();
        let want = format!("AAAAAAAAAAAAAAAAAAAA/{}", hash_to_string(&base::sha256::sha256(&zeros)));
        assert_eq!(text, format!("x{want}y{want}z"));
    }
}
