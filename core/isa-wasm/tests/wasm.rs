//! The back end's file tests: each `funcs/*.ir` holds an IR module, a `; shape:`
//! line (`structured`: no `br_table` dispatch; `dispatch`: the fallback loop),
//! `; run:` lines (`f(1, 2) = 3`: a call and what it returns), and after
//! `; expect:` the compiled bodies as text. The bodies are compiled into one
//! module, which `wasmparser` validates, which prints them, and which node runs
//! for the `; run:` lines (when node is present). `UPDATE_EXPECT=1` rewrites the
//! expectations.

use ir::{Module, Sig, Ty};
use isa_wasm::{RelocTarget, WasmFunc, val_type, write_padded_i64, write_padded_u32};
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;
use wasm_encoder::{
    CodeSection, ConstExpr, ExportKind, ExportSection, Function, FunctionSection, GlobalSection, GlobalType,
    MemorySection, MemoryType, TypeSection, ValType,
};
use wasmparser::{Operator, Parser, Payload, Validator, WasmFeatures};

const MARK: &str = "; expect:\n";

/// The module of a test: every function compiled, calls between them resolved,
/// each exported under its name; one page of memory and the stack pointer.
fn module(m: &Module, compiled: &[WasmFunc]) -> Vec<u8> {
    let mut types: Vec<Sig> = Vec::new();
    let mut type_index = |s: &Sig| match types.iter().position(|t| t == s) {
        Some(i) => i as u32,
        None => {
            types.push(s.clone());
            types.len() as u32 - 1
        }
    };
    let mut funcs = FunctionSection::new();
    let mut code = CodeSection::new();
    let mut exports = ExportSection::new();
    for (i, wf) in compiled.iter().enumerate() {
        funcs.function(type_index(&wf.sig));
        exports.export(&wf.name, ExportKind::Func, i as u32);
        let mut bytes = wf.code.clone();
        for r in &wf.relocs {
            let at = &mut bytes[r.off..r.off + 5];
            match &r.target {
                RelocTarget::Func(n) => {
                    let i = m.funcs.iter().position(|f| &f.name == n).unwrap_or_else(|| panic!("no {n}"));
                    write_padded_u32(at, i as u32);
                }
                RelocTarget::Type(s) => write_padded_u32(at, type_index(s)),
                // The tests have no data and no table: every address is 0.
                RelocTarget::Data(_) | RelocTarget::Table(_) => write_padded_i64(at, 0),
            }
        }
        let mut f = Function::new(wf.locals.iter().copied());
        f.raw(bytes);
        code.function(&f);
    }
    let mut ts = TypeSection::new();
    for s in &types {
        ts.ty().function(s.params.iter().map(|&t| val_type(t)), s.results.iter().map(|&t| val_type(t)));
    }
    let mut mem = MemorySection::new();
    mem.memory(MemoryType {
        minimum: 1,
        maximum: None,
        memory64: false,
        shared: false,
        page_size_log2: None,
    });
    let mut globals = GlobalSection::new();
    globals.global(
        GlobalType { val_type: ValType::I64, mutable: true, shared: false },
        &ConstExpr::i64_const(65536),
    );
    // The running goroutine (isa_wasm::G_GLOBAL): a zeroed `g` low in memory, so
    // no panic is ever under way.
    globals.global(
        GlobalType { val_type: ValType::I64, mutable: true, shared: false },
        &ConstExpr::i64_const(1024),
    );
    let mut module = wasm_encoder::Module::new();
    module.section(&ts).section(&funcs).section(&mem).section(&globals).section(&exports).section(&code);
    module.finish()
}

/// The text of one operator: its name as the Wasm text format spells it and its
/// immediates.
fn op_text(op: &Operator<'_>) -> String {
    let debug = format!("{op:?}");
    let (name, fields) = debug.split_once(" {").unwrap_or((&debug, ""));
    let mut text = String::new();
    // I64ExtendI32S -> i64.extend_i32_s
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            text.push(if i == 3 && name.as_bytes()[1].is_ascii_digit() { '.' } else { '_' });
        }
        text.push(ch.to_ascii_lowercase());
    }
    let text = text
        .replacen("local_", "local.", 1)
        .replacen("global_", "global.", 1)
        .replacen("memory_", "memory.", 1);
    match op {
        Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => text,
        Operator::I32Const { value } => format!("{text} {value}"),
        Operator::I64Const { value } => format!("{text} {value}"),
        Operator::BrTable { targets } => {
            let ts: Vec<String> =
                targets.targets().map(|t| t.map_or_else(|e| e.to_string(), |t| t.to_string())).collect();
            format!("{text} [{}] {}", ts.join(" "), targets.default())
        }
        _ if fields.contains("memarg") => {
            let off = fields.split("offset: ").nth(1).and_then(|s| s.split(',').next()).unwrap_or("0");
            if off == "0" { text } else { format!("{text} offset={off}") }
        }
        _ => {
            // Other immediates are plain numbers: "{ local_index: 3 }" -> " 3".
            let nums: Vec<&str> =
                fields.split([',', '}']).filter_map(|f| f.split(": ").nth(1)).map(str::trim).collect();
            if nums.is_empty() { text } else { format!("{text} {}", nums.join(" ")) }
        }
    }
}

/// The compiled bodies as text, and whether each uses `br_table`.
fn print(bytes: &[u8], names: &[String]) -> (String, Vec<bool>) {
    let mut out = String::new();
    let mut tables = Vec::new();
    let mut i = 0;
    for payload in Parser::new(0).parse_all(bytes) {
        let Payload::CodeSectionEntry(body) = payload.expect("parses") else { continue };
        let mut locals = Vec::new();
        for l in body.get_locals_reader().expect("locals") {
            let (n, t) = l.expect("local");
            locals.push(format!("{n} {t}"));
        }
        let _ = writeln!(
            out,
            "func {} (locals: {})",
            names[i],
            if locals.is_empty() { "none".into() } else { locals.join(", ") }
        );
        let mut depth = 1;
        let mut table = false;
        let mut reader = body.get_operators_reader().expect("operators");
        while !reader.eof() {
            let op = reader.read().expect("operator");
            table |= matches!(op, Operator::BrTable { .. });
            if matches!(op, Operator::End | Operator::Else) {
                depth -= 1;
            }
            if depth > 0 {
                let _ = writeln!(out, "{}{}", "  ".repeat(depth), op_text(&op));
            }
            if matches!(
                op,
                Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } | Operator::Else
            ) {
                depth += 1;
            }
        }
        tables.push(table);
        i += 1;
    }
    (out, tables)
}

/// Runs `; run:` calls under node; each line's result as node prints it.
fn run(bytes: &[u8], m: &Module, calls: &[(String, String)], dir: &Path, name: &str) -> Option<Vec<String>> {
    if !Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()) {
        assert!(std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"), "node is missing");
        return None;
    }
    let wasm = dir.join(format!("{name}.wasm"));
    std::fs::write(&wasm, bytes).expect("write");
    let mut script = String::from(
        "const fs=require('fs');const m=new WebAssembly.Module(fs.readFileSync(process.argv[1]));\
         const x=new WebAssembly.Instance(m,{}).exports;const show=r=>Array.isArray(r)?r.join(', '):String(r);",
    );
    for (func, args) in calls {
        let sig = m.sig_of(func).unwrap_or_else(|| panic!("{name}: no function {func}"));
        let args: Vec<String> = args
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .zip(&sig.params)
            .map(|(a, t)| if *t == Ty::I64 { format!("{a}n") } else { a.to_string() })
            .collect();
        let _ = write!(script, "console.log(show(x[{func:?}]({})));", args.join(","));
    }
    let out = Command::new("node").args(["--no-warnings", "-e", &script]).arg(&wasm).output().expect("node");
    assert!(out.status.success(), "{name}: node: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect())
}

#[test]
fn func_file_tests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/funcs");
    let tmp = std::env::temp_dir().join(format!("crossplay-isa-wasm-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut entries: Vec<_> =
        std::fs::read_dir(&dir).expect("tests/funcs").flatten().map(|e| e.path()).collect();
    entries.sort();
    let mut failures = Vec::new();
    let mut n = 0;
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "ir")) {
        n += 1;
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or("test").to_owned();
        let text = std::fs::read_to_string(path).expect("readable");
        let (input, expect) = text.split_once(MARK).unwrap_or((&text, ""));
        let m = ir::text::parse(input).unwrap_or_else(|e| panic!("{name}: {e}"));
        ir::verify::verify(&m, Ty::I64).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let compiled: Vec<WasmFunc> = m.funcs.iter().map(isa_wasm::compile).collect();
        // Compiling twice gives the same bytes.
        for (f, wf) in m.funcs.iter().zip(&compiled) {
            assert_eq!(isa_wasm::compile(f).code, wf.code, "{name}: {} is not deterministic", f.name);
        }
        let bytes = module(&m, &compiled);
        let mut validator = Validator::new_with_features(WasmFeatures::default());
        if let Err(e) = validator.validate_all(&bytes) {
            failures.push(format!("{name}: invalid Wasm: {e}"));
            continue;
        }
        let names: Vec<String> = m.funcs.iter().map(|f| f.name.clone()).collect();
        let (got, tables) = print(&bytes, &names);
        let shape = input.lines().find_map(|l| l.strip_prefix("; shape: ")).map(str::trim);
        for (f, &table) in names.iter().zip(&tables) {
            match (shape, table) {
                (Some("structured"), true) => failures.push(format!("{name}: {f} uses the dispatch loop")),
                (Some("dispatch"), false) => {
                    failures.push(format!("{name}: {f} does not use the dispatch loop"))
                }
                (Some("structured" | "dispatch"), _) => {}
                _ => failures.push(format!("{name}: no '; shape: structured|dispatch' line")),
            }
        }
        let calls: Vec<(String, String, String)> = input
            .lines()
            .filter_map(|l| l.strip_prefix("; run: "))
            .filter_map(|l| {
                let (call, want) = l.split_once(" = ")?;
                let (func, args) = call.split_once('(')?;
                Some((func.trim().to_owned(), args.trim_end_matches(')').to_owned(), want.trim().to_owned()))
            })
            .collect();
        let pairs: Vec<(String, String)> = calls.iter().map(|(f, a, _)| (f.clone(), a.clone())).collect();
        if let Some(results) = run(&bytes, &m, &pairs, &tmp, &name) {
            for ((f, a, want), got) in calls.iter().zip(&results) {
                if want != got {
                    failures.push(format!("{name}: {f}({a}) = {got}, want {want}"));
                }
            }
        }
        if got != expect {
            if update {
                std::fs::write(path, format!("{input}{MARK}{got}")).expect("writable");
            } else {
                failures.push(format!("{name}:\n--- want\n{expect}--- got\n{got}"));
            }
        }
    }
    std::fs::remove_dir_all(&tmp).ok();
    assert!(n > 0, "no tests found");
    assert!(
        failures.is_empty(),
        "{} of {n} tests fail (UPDATE_EXPECT=1 rewrites expectations):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
