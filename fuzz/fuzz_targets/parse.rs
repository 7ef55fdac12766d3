//! Any bytes through the front end: the parser (and, as it lands, the type checker)
//! must return a tree or diagnostics, never panic, and print what it parsed.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Parsing runs on a thread with a large stack, as the compiler does.
    let data = data.to_vec();
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || parse(&data))
        .expect("thread")
        .join()
        .expect("no panic");
});

fn parse(data: &[u8]) {
    let (file, errors) = syntax::parse_file(data);
    for e in &errors {
        assert!(!e.message.is_empty());
        assert!(e.offset as usize <= data.len());
    }
    if let Some(file) = file {
        let printed = syntax::printer::file_string(&file);
        if errors.is_empty() {
            // A clean file prints to a file that parses.
            let (_, again) = syntax::parse_file(printed.as_bytes());
            assert!(again.is_empty(), "printed file does not parse: {again:?}\n{printed}");
        }
    }
}
