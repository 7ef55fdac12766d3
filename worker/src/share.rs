//! Share links and txtar. A share link's fragment is `#x=` and the base64url of
//! the raw-DEFLATE-compressed txtar archive of the module, whose comment carries
//! the whole configuration and the toolchain identity; opening one gives back the
//! same files and settings, so the same build. Everything read from a fragment is
//! bounded and checked: a hostile link is an error, never a crash or a page.

use protocol::{File, Settings};

/// The largest fragment accepted, in characters.
pub const MAX_FRAGMENT: usize = 1 << 20;
/// The largest archive a fragment may expand to.
pub const MAX_ARCHIVE: usize = 4 << 20;
/// The most files a module may have.
pub const MAX_FILES: usize = 256;

const MAGIC: &str = "crossplay share v1";

/// Formats files as a txtar archive with `comment` first. A file's text that
/// does not end in a newline gets one, as txtar.Format does.
pub fn format_txtar(comment: &str, files: &[File]) -> String {
    let mut out = String::new();
    out.push_str(comment);
    if !comment.is_empty() && !comment.ends_with('\n') {
        out.push('\n');
    }
    for f in files {
        out.push_str(&format!("-- {} --\n", f.name));
        out.push_str(&f.text);
        if !f.text.is_empty() && !f.text.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// Parses a txtar archive: the comment, and the files in order (txtar.Parse).
pub fn parse_txtar(text: &str) -> (String, Vec<File>) {
    let mut comment = String::new();
    let mut files: Vec<File> = Vec::new();
    for line in text.split_inclusive('\n') {
        let bare = line.strip_suffix('\n').unwrap_or(line);
        if let Some(name) = bare.strip_prefix("-- ").and_then(|r| r.strip_suffix(" --")) {
            let name = name.trim();
            if !name.is_empty() {
                files.push(File { name: name.to_owned(), text: String::new() });
                continue;
            }
        }
        match files.last_mut() {
            Some(f) => f.text.push_str(line),
            None => comment.push_str(line),
        }
    }
    (comment, files)
}

/// Checks files from outside (a link, an imported archive): a bounded number of
/// distinct names, each valid by `protocol::check_file_name`.
pub fn check_files(files: &[File]) -> Result<(), String> {
    if files.len() > MAX_FILES {
        return Err(format!("too many files ({}; at most {MAX_FILES})", files.len()));
    }
    let mut seen = std::collections::BTreeSet::new();
    for f in files {
        let n = &f.name;
        protocol::check_file_name(n)?;
        if !seen.insert(n.as_str()) {
            return Err(format!("duplicate file {n:?}"));
        }
    }
    Ok(())
}

/// The fragment (without `#`) for a module and its settings.
pub fn encode(files: &[File], s: &Settings, toolchain: &str) -> String {
    let comment = format!(
        "{MAGIC}\ntoolchain={toolchain}\nGOOS={}\nGOARCH={}\nsubarch={}\nCGO_ENABLED={}\ntags={}\nldflags={}\ntrimpath={}\nbuildvcs={}\noutput={}\n",
        s.goos,
        s.goarch,
        s.subarch,
        s.cgo_enabled,
        one_line(&s.tags),
        one_line(&s.ldflags),
        s.trimpath,
        s.buildvcs,
        one_line(&s.output)
    );
    let archive = format_txtar(&comment, files);
    let packed = miniz_oxide::deflate::compress_to_vec(archive.as_bytes(), 9);
    format!("x={}", base64url(&packed))
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// What a fragment holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub files: Vec<File>,
    pub settings: Settings,
    /// The toolchain that made the link.
    pub toolchain: String,
}

/// Reads a fragment made by `encode` (with or without the leading `#`).
pub fn decode(fragment: &str) -> Result<Opened, String> {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    if f.len() > MAX_FRAGMENT {
        return Err(format!("the link is too long ({} characters; at most {MAX_FRAGMENT})", f.len()));
    }
    let Some(data) = f.strip_prefix("x=") else { return Err("not a crossplay share link".into()) };
    let packed = unbase64url(data).ok_or("the link is damaged: not base64url")?;
    let archive = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_ARCHIVE).map_err(|e| {
        if matches!(e.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
            format!("the link expands to more than {MAX_ARCHIVE} bytes")
        } else {
            "the link is damaged: not compressed data".to_owned()
        }
    })?;
    let text = String::from_utf8(archive).map_err(|_| "the link is damaged: not UTF-8")?;
    let (comment, files) = parse_txtar(&text);
    let mut lines = comment.lines();
    if lines.next() != Some(MAGIC) {
        return Err("not a crossplay share link (unknown version)".into());
    }
    let mut s = crate::default_settings();
    let mut toolchain = String::new();
    for line in lines {
        let Some((k, v)) = line.split_once('=') else { return Err(format!("the link is damaged: {line:?}")) };
        let v = v.to_owned();
        match k {
            "toolchain" => toolchain = v,
            "GOOS" => s.goos = v,
            "GOARCH" => s.goarch = v,
            "subarch" => s.subarch = v,
            "CGO_ENABLED" => s.cgo_enabled = v,
            "tags" => s.tags = v,
            "ldflags" => s.ldflags = v,
            "trimpath" => s.trimpath = v == "true",
            "buildvcs" => s.buildvcs = v,
            "output" => s.output = v,
            _ => return Err(format!("the link is damaged: unknown setting {k:?}")),
        }
    }
    if target::ports::lookup(&s.goos, &s.goarch).is_none() {
        return Err(format!("the link names an unknown target {:?}", format!("{}/{}", s.goos, s.goarch)));
    }
    check_files(&files)?;
    Ok(Opened { files, settings: s, toolchain })
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn base64url(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn unbase64url(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes() {
        let v = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero padding of fewer than 6 bits.
    (bits < 6 && acc == 0).then_some(out)
}
