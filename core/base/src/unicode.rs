//! Go's `unicode.IsLetter` and `unicode.IsDigit`: membership in the Unicode categories
//! L and Nd, from the same tables as Go's (`unicode_tables.rs`, generated). Rust's
//! `char::is_alphabetic` and `is_numeric` test other properties (Alphabetic, N), so Go's
//! rules for identifiers and build tags need these.

use crate::unicode_tables::{DIGIT, LETTER};

fn in_table(table: &[(u32, u32, u32)], c: char) -> bool {
    let c = c as u32;
    // Ranges are sorted and disjoint: find the last one starting at or before c.
    let idx = table.partition_point(|&(lo, _, _)| lo <= c);
    let Some(&(lo, hi, stride)) = idx.checked_sub(1).and_then(|i| table.get(i)) else {
        return false;
    };
    c <= hi && (c - lo).is_multiple_of(stride)
}

/// `unicode.IsLetter`: category L (Lu, Ll, Lt, Lm, Lo).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(&LETTER, c)
}

/// `unicode.IsDigit`: category Nd.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_table(&DIGIT, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories() {
        for (c, letter, digit) in [
            ('a', true, false),
            ('Z', true, false),
            ('_', false, false),
            ('7', false, true),
            ('ª', true, false),  // U+00AA, Lo, first of a stride-11 range
            ('«', false, false), // U+00AB, inside that range's gap
            ('µ', true, false),  // U+00B5, its last member
            ('é', true, false),
            ('٣', false, true),  // ARABIC-INDIC DIGIT THREE
            ('Ⅳ', false, false), // Nl: alphabetic for Rust, not a letter for Go
            ('²', false, false), // No: numeric for Rust, not a digit for Go
            ('世', true, false),
            ('\u{FFFD}', false, false),
        ] {
            assert_eq!((is_letter(c), is_digit(c)), (letter, digit), "{c:?}");
        }
    }
}
