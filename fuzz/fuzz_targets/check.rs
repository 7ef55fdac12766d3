//! Any bytes through parse + branch checks + type check: every stage returns
//! diagnostics with positions inside the file, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The compiler runs on a thread with a large stack (nesting is bounded by
    // syntax::parser::MAX_NESTING, not by the default stack).
    let data = data.to_vec();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || check(&data))
        .expect("thread")
        .join()
        .expect("no panic");
});

fn check(data: &[u8]) {
    let (file, mut errors) = syntax::parse_file(data);
    let Some(file) = file else { return };
    if errors.is_empty() {
        errors = syntax::branches::check_file(&file, &|off| format!("./main.go:{off}"));
    }
    for e in &errors {
        assert!(!e.message.is_empty());
        assert!(e.offset as usize <= data.len());
    }
    if !errors.is_empty() {
        return;
    }
    let mut w = typeck::World::new(8);
    let files = [typeck::CheckFile { name: "./main.go".into(), src: data, ast: &file }];
    let type_errors = typeck::check_package(&mut w, "main", &files).errors;
    for e in &type_errors {
        assert!(!e.message.is_empty());
        assert!(e.pos.off as usize <= data.len(), "{e:?}");
    }
    let _ = typeck::format_errors(&w, &type_errors);
}
