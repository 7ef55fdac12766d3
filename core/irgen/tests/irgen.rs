//! What the IR generator still reports as "crossplay does not support … yet":
//! the list below is every such diagnostic in its source, so a new one (a
//! language construct left out) fails this test until it is listed here, and a
//! construct implemented is struck from it. The whole-language work ends with
//! the list empty.

use std::collections::BTreeSet;

const REMAINING: &[&str] = &[
    "a multi-value argument to this builtin",
    "capturing this variable",
    "channel receives",
    "channel sends",
    "channels",
    "clear of this type",
    "complex numbers",
    "constants converted to interfaces",
    "functions without bodies (assembly)",
    "generic code",
    "generic functions",
    "go statements",
    "method values",
    "printing this value",
    "select statements",
    "taking this address",
    "the builtin {}",
    "this array index",
    "this assignment",
    "this call",
    "this comparison",
    "this composite literal",
    "this constant",
    "this expression",
    "this fallthrough",
    "this field selection",
    "this index expression",
    "this interface conversion",
    "this method call",
    "this method expression",
    "this multi-value expression",
    "this name",
    "this operator",
    "this range loop",
    "this selector",
    "this slice expression",
    "this type",
    "this untyped value",
    "this variable",
];

#[test]
fn remaining_unsupported_diagnostics_are_listed() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeSet::new();
    for entry in std::fs::read_dir(&src).expect("src") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("source");
        for (i, _) in text.match_indices("unsupported(") {
            let rest = &text[i..];
            let Some(q) = rest.find('"') else { continue };
            // The message is the first string literal of the call (a plain
            // literal or a format! string).
            let close = rest[..q].find(')');
            if close.is_some() {
                continue;
            }
            let lit = &rest[q + 1..];
            let Some(end) = lit.find('"') else { continue };
            found.insert(lit[..end].to_string());
        }
    }
    let listed: BTreeSet<String> = REMAINING.iter().map(|s| (*s).to_string()).collect();
    let new: Vec<&String> = found.difference(&listed).collect();
    let gone: Vec<&String> = listed.difference(&found).collect();
    assert!(new.is_empty(), "new 'not supported yet' diagnostics: {new:?}");
    assert!(gone.is_empty(), "diagnostics no longer in the source (strike them): {gone:?}");
}
