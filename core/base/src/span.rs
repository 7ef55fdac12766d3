//! File ids, byte spans, and the line index that turns a byte offset into `line:col`.

use core::fmt;

/// Identifies one source file within a build. Files are numbered by the caller in a
/// deterministic order (sorted paths), so ids are stable across runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A half-open byte range `[start, end)` in one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, start: u32, end: u32) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { file, start, end }
    }

    pub fn len(&self) -> u32 {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A 1-based line and a 1-based column counted in bytes, as Go's `go/token` reports
/// positions (`main.go:5:2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// The byte offsets at which each line of a text starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                // Offsets fit in u32: sources larger than 4 GiB are rejected before indexing.
                line_starts.push(i as u32 + 1);
            }
        }
        LineIndex { line_starts, len: text.len() as u32 }
    }

    /// The line starts and the text's length.
    pub fn parts(&self) -> (&[u32], u32) {
        (&self.line_starts, self.len)
    }

    /// The index `parts` describes; None if it is not one.
    pub fn from_parts(line_starts: Vec<u32>, len: u32) -> Option<LineIndex> {
        let ok = line_starts.first() == Some(&0)
            && line_starts.windows(2).all(|w| w[0] < w[1])
            && line_starts.last().is_some_and(|&l| l <= len);
        ok.then_some(LineIndex { line_starts, len })
    }

    /// The position of `offset`; an offset past the end clamps to the end.
    pub fn line_col(&self, offset: u32) -> LineCol {
        let offset = offset.min(self.len);
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        LineCol { line: line as u32 + 1, col: offset - self.line_starts[line] + 1 }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_bytes_from_one() {
        let index = LineIndex::new("package main\n\nfunc main() {\n\tx := 1\n}\n");
        assert_eq!(index.line_col(0), LineCol { line: 1, col: 1 });
        assert_eq!(index.line_col(13), LineCol { line: 2, col: 1 });
        assert_eq!(index.line_col(29), LineCol { line: 4, col: 2 });
        assert_eq!(index.line_col(1000), LineCol { line: 6, col: 1 });
        assert_eq!(index.line_count(), 6);
        assert_eq!(LineCol { line: 5, col: 2 }.to_string(), "5:2");
    }
}
