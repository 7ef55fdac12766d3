//! The lowering's file tests: each `lower/*.ir` holds an IR module and, after
//! `; expect:`, the listing `lower::listing` makes of each of its functions — the
//! instructions selected and the registers allocated. `UPDATE_EXPECT=1` rewrites
//! the expectations.

use std::path::Path;

const MARK: &str = "; expect:\n";

#[test]
fn lowering_file_tests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lower");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut entries: Vec<_> =
        std::fs::read_dir(&dir).expect("tests/lower").flatten().map(|e| e.path()).collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut n = 0;
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "ir")) {
        n += 1;
        let text = std::fs::read_to_string(path).expect("readable");
        let (input, expect) = text.split_once(MARK).unwrap_or((text.as_str(), ""));
        let m = ir::text::parse(input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        ir::verify::verify(&m, ir::Ty::I64).unwrap_or_else(|e| panic!("{}: input: {e:?}", path.display()));
        let got: String = m
            .funcs
            .iter()
            .map(|f| isa_arm64::lower::listing(f).unwrap_or_else(|e| format!("; error: {}\n", e.0)))
            .collect();
        if got != expect {
            if update {
                std::fs::write(path, format!("{input}{MARK}{got}")).expect("writable");
            } else {
                failures.push(format!("{}:\n--- want\n{expect}--- got\n{got}", path.display()));
            }
        }
    }
    assert!(n > 0, "no lowering tests found");
    assert!(
        failures.is_empty(),
        "{} of {n} lowering tests differ (UPDATE_EXPECT=1 rewrites):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
