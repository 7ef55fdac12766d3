//! The passes' file tests: each `passes/*.ir` holds a `; run:` line naming passes,
//! an input module, and after `; expect:` the module the passes make of it, as the
//! IR prints. `UPDATE_EXPECT=1` rewrites the expectations.

use std::path::Path;

const MARK: &str = "; expect:\n";

#[test]
fn pass_file_tests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/passes");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut entries: Vec<_> =
        std::fs::read_dir(&dir).expect("tests/passes").flatten().map(|e| e.path()).collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut n = 0;
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "ir")) {
        n += 1;
        let text = std::fs::read_to_string(path).expect("readable");
        let (input, expect) = match text.split_once(MARK) {
            Some((i, e)) => (i, e),
            None => (text.as_str(), ""),
        };
        let passes: Vec<&str> = input
            .lines()
            .find_map(|l| l.strip_prefix("; run:"))
            .map(|l| l.split_whitespace().collect())
            .unwrap_or_default();
        let mut m = ir::text::parse(input).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        ir::verify::verify(&m, ir::Ty::I64).unwrap_or_else(|e| panic!("{}: input: {e:?}", path.display()));
        let got = match opt::run_named(&mut m, &passes, ir::Ty::I64) {
            Ok(()) => ir::text::print(&m),
            Err(e) => format!("; error: {e}\n"),
        };
        if got != expect {
            if update {
                std::fs::write(path, format!("{input}{MARK}{got}")).expect("writable");
            } else {
                failures.push(format!("{}:\n--- want\n{expect}--- got\n{got}", path.display()));
            }
        }
    }
    assert!(n > 0, "no pass tests found");
    assert!(
        failures.is_empty(),
        "{} of {n} pass tests differ (UPDATE_EXPECT=1 rewrites):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
