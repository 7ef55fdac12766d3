//! The Wasm linker: a hand-written IR program links into a module that a real WASI
//! host (node:wasi) runs.

use std::path::{Path, PathBuf};
use std::process::Command;

const HELLO: &str = r#"import @"fd_write" = "wasi_snapshot_preview1" "fd_write" (i32, i32, i32, i32) -> (i32)
import @"proc_exit" = "wasi_snapshot_preview1" "proc_exit" (i32) -> ()
data @"msg" size 14 align 1 ro "hello, wasip1\x0a"
data @"unused" size 4 align 4 ro "zzzz"
func @"main.loop"(i64) -> (i64) {
  var x0 i64
  var x1 i64
b0(v0:i64):
  set x0, v0
  v1:i64 = iconst 0
  set x1, v1
  jump b1
b1:
  v2:i64 = get x0
  v3:i64 = iconst 0
  v4:i32 = gts v2, v3
  br v4, b2, b3
b2:
  v5:i64 = get x1
  v6:i64 = get x0
  v7:i64 = add v5, v6
  set x1, v7
  v8:i64 = iconst 1
  v9:i64 = sub v6, v8
  set x0, v9
  jump b1
b3:
  v10:i64 = get x1
  ret v10
}
func @"_start"() -> () export "_start" {
  slot s0 16 8
b0:
  v0:i64 = slotaddr s0
  v1:i64 = symaddr @"msg"
  store.i32 v0+0, v1
  v2:i64 = iconst 14
  store.i32 v0+4, v2
  v3:i32 = wrap v0
  v4:i32 = iconst 1
  v5:i64 = iconst 8
  v6:i64 = add v0, v5
  v7:i32 = wrap v6
  v8:i32 = call @"fd_write"(v4, v3, v4, v7)
  v9:i64 = iconst 10
  v10:i64 = call @"main.loop"(v9)
  v11:i32 = wrap v10
  call @"proc_exit"(v11)
  unreachable
}
"#;

fn node() -> Option<PathBuf> {
    let ok = Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if ok {
        return Some(PathBuf::from("node"));
    }
    assert!(std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"), "node is missing");
    None
}

#[test]
fn hand_written_ir_runs_under_node_wasi() {
    let m = ir::text::parse(HELLO).unwrap_or_else(|e| panic!("{e}"));
    ir::verify::verify(&m, ir::Ty::I64).unwrap_or_else(|e| panic!("{e:?}"));
    let opts = link::wasm::Options {
        memory_export: link::wasm::MemoryExport::Memory,
        stack_size: 65536,
        build_id: link::buildid::BuildId { id: "test".into(), ..Default::default() },
        strip: false,
    };
    let funcs = m
        .funcs
        .iter()
        .map(|f| link::object::Func {
            name: f.name.clone(),
            code: link::object::FuncCode::Wasm(isa_wasm::compile(f)),
        })
        .collect();
    let obj = link::object::Object::new("main", &m, funcs, String::new());
    // The object goes through its encoding, as a cached one would.
    let obj = link::object::decode(&link::object::encode(&obj)).expect("decode");
    let (bytes, report) = link::wasm::link(&[obj], &opts).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!((report.funcs, report.imports), (2, 2));
    // The unreferenced data symbol is dropped.
    assert!(!bytes.windows(4).any(|w| w == b"zzzz"));
    let Some(node) = node() else { return };
    let dir = std::env::temp_dir().join(format!("crossplay-link-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let wasm = dir.join("hello.wasm");
    std::fs::write(&wasm, &bytes).expect("write");
    let script = "const {WASI}=require('node:wasi');const fs=require('fs');\
        const w=new WASI({version:'preview1',args:[],env:{}});\
        WebAssembly.instantiate(fs.readFileSync(process.argv[1]),w.getImportObject())\
        .then(r=>{process.exitCode=w.start(r.instance)});";
    let out = Command::new(node).args(["--no-warnings", "-e", script]).arg(&wasm).output().expect("node");
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "hello, wasip1\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(55));
}

/// A static linux/amd64 executable from amd64 instructions: it writes through a
/// RIP-relative pointer to its data, calls a function, and exits with a status;
/// it runs natively (on an amd64 linux host) and `llvm-readobj` reads it cleanly.
#[test]
fn elf_amd64_executable_runs() {
    use codegen::CodeBuffer;
    use isa_amd64::DESC;
    use isa_amd64::inst::emit::emit;
    use isa_amd64::inst::{Amode, Gpr, Inst, Size};
    use isa_amd64::reloc::{ABS64, PC_REL32};
    use link::elf::{Input, Symbol};

    let mut buf = CodeBuffer::new();
    let start = buf.offset();
    for inst in [
        Inst::MovImm { dst: Gpr::Rax, imm: 1 }, // write(1, msg, 14)
        Inst::MovImm { dst: Gpr::Rdi, imm: 1 },
        Inst::Lea { dst: Gpr::Rsi, addr: Amode::Rip { symbol: "msg".into(), addend: 0 } },
        Inst::MovImm { dst: Gpr::Rdx, imm: 14 },
        Inst::Syscall,
        Inst::Call { symbol: "status".into() }, // eax = 42 via a pointer in data
        Inst::MovRR { size: Size::S32, dst: Gpr::Rdi, src: Gpr::Rax },
        Inst::MovImm { dst: Gpr::Rax, imm: 231 }, // exit_group
        Inst::Syscall,
        Inst::Ud2,
    ] {
        emit(&inst, &mut buf);
    }
    let status = buf.offset();
    let status_off = status as u64;
    for inst in [
        Inst::Lea { dst: Gpr::Rcx, addr: Amode::Rip { symbol: "ptr".into(), addend: 0 } },
        Inst::Load {
            size: Size::S64,
            signed: false,
            dst: Gpr::Rcx,
            addr: Amode::BaseDisp { base: Gpr::Rcx, disp: 0 },
        },
        Inst::Load {
            size: Size::S8,
            signed: false,
            dst: Gpr::Rax,
            addr: Amode::BaseDisp { base: Gpr::Rcx, disp: 0 },
        },
        Inst::Ret,
    ] {
        emit(&inst, &mut buf);
    }
    let code = buf.finish().expect("labels");
    let mut data = b"hello, native\n\x2a".to_vec();
    data.resize(16, 0);
    data.extend_from_slice(&[0; 8]);
    let input = Input {
        text_symbols: vec![
            Symbol { name: "_start".into(), offset: start as u64, size: status as u64 },
            Symbol { name: "status".into(), offset: status as u64, size: (code.bytes.len() - status) as u64 },
        ],
        text: code.bytes,
        text_relocs: code.relocs,
        data_symbols: vec![
            Symbol { name: "msg".into(), offset: 0, size: 14 },
            Symbol { name: "ptr".into(), offset: 16, size: 8 },
        ],
        // ptr = &msg[14], the byte 42.
        data_relocs: vec![codegen::Reloc { offset: 16, kind: ABS64, symbol: "msg".into(), addend: 14 }],
        data,
        bss_size: 64,
        bss_symbols: vec![Symbol { name: "zeros".into(), offset: 0, size: 64 }],
        entry: "_start".into(),
        buildinfo: b"\xff Go buildinf:\x08\x02".iter().copied().chain([0; 18]).collect(),
        ..Input::default()
    };
    let elf = link::elf::write(&DESC, &input).expect("link");
    let dir = scratch("elf-amd64");
    let path = dir.join("hello");
    std::fs::write(&path, &elf).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        let out = Command::new(&path).output().expect("run the executable");
        assert_eq!((out.status.code(), out.stdout.as_slice()), (Some(42), b"hello, native\n".as_slice()));
    }
    readobj_clean(
        &path,
        &[
            "Type: Executable",
            "Machine: EM_X86_64",
            "Entry: 0x401000",
            "PT_GNU_STACK",
            "Name: .text",
            "Name: status",
        ],
    );
    // The object crate reads it: the segments, sections and symbols written.
    {
        use object::{Object, ObjectSection, ObjectSegment, ObjectSymbol};
        let file = object::File::parse(&*elf).expect("object parses the executable");
        assert_eq!(file.entry(), 0x40_1000);
        assert_eq!(file.architecture(), object::Architecture::X86_64);
        let sections: Vec<String> = file.sections().map(|s| s.name().unwrap_or("?").to_owned()).collect();
        assert_eq!(sections, [".text", ".go.buildinfo", ".data", ".bss", ".symtab", ".strtab", ".shstrtab"]);
        let text = file.section_by_name(".text").expect(".text");
        assert_eq!(text.address(), 0x40_1000);
        let loads: Vec<(u64, u64)> = file.segments().map(|s| (s.address(), s.file_range().0)).collect();
        assert_eq!(loads[0], (0x40_0000, 0), "the text segment maps the headers");
        let status = file.symbols().find(|s| s.name() == Ok("status")).expect("status symbol");
        assert_eq!(status.address(), 0x40_1000 + status_off);
    }
    // An undefined symbol is Go's link error.
    let mut bad = input.clone();
    bad.text_relocs.push(codegen::Reloc {
        offset: 0,
        kind: PC_REL32,
        symbol: "main.missing".into(),
        addend: 0,
    });
    assert_eq!(
        link::elf::write(&DESC, &bad).map(|_| ()),
        Err(link::LinkError("relocation target main.missing not defined".into()))
    );
}

/// A static linux/arm64 executable from arm64 instructions: it writes through an
/// `adrp`/`add` address of its data, calls a function that reads a pointer in
/// data, and exits with a status; it runs under `qemu-aarch64` (Debian
/// qemu-user), and `llvm-readobj` and the `object` crate read it cleanly.
#[test]
fn elf_arm64_executable_runs() {
    use codegen::CodeBuffer;
    use isa_arm64::DESC;
    use isa_arm64::inst::emit::emit;
    use isa_arm64::inst::{Amode, Inst, MemSize, Xreg};
    use isa_arm64::lower::mov_imm;
    use isa_arm64::reloc::ABS64;
    use link::elf::{Input, Symbol};

    let x = Xreg::x;
    let mut buf = CodeBuffer::new();
    let mut insts = Vec::new();
    insts.extend(mov_imm(x(8), 64)); // write(1, msg, 14)
    insts.extend(mov_imm(x(0), 1));
    insts.push(Inst::Adrp { rd: x(1), symbol: "msg".into() });
    insts.push(Inst::AddLo12 { rd: x(1), rn: x(1), symbol: "msg".into() });
    insts.extend(mov_imm(x(2), 14));
    insts.push(Inst::Svc);
    insts.push(Inst::Bl { symbol: "status".into() }); // w0 = 42 via a pointer in data
    insts.extend(mov_imm(x(8), 94)); // exit_group
    insts.extend([Inst::Svc, Inst::Udf]);
    for inst in &insts {
        emit(inst, &mut buf);
    }
    let status = buf.offset();
    for inst in [
        Inst::Adrp { rd: x(9), symbol: "ptr".into() },
        Inst::AddLo12 { rd: x(9), rn: x(9), symbol: "ptr".into() },
        Inst::Load { size: MemSize::X, signed: false, rd: x(9), addr: Amode::Scaled { base: x(9), off: 0 } },
        Inst::Load { size: MemSize::B, signed: false, rd: x(0), addr: Amode::Scaled { base: x(9), off: 0 } },
        Inst::Ret,
    ] {
        emit(&inst, &mut buf);
    }
    let code = buf.finish().expect("labels");
    let mut data = b"hello, arm64!\n\x2a".to_vec();
    data.resize(16, 0);
    data.extend_from_slice(&[0; 8]);
    let input = Input {
        text_symbols: vec![
            Symbol { name: "_start".into(), offset: 0, size: status as u64 },
            Symbol { name: "status".into(), offset: status as u64, size: (code.bytes.len() - status) as u64 },
        ],
        text: code.bytes,
        text_relocs: code.relocs,
        data_symbols: vec![
            Symbol { name: "msg".into(), offset: 0, size: 14 },
            Symbol { name: "ptr".into(), offset: 16, size: 8 },
        ],
        data_relocs: vec![codegen::Reloc { offset: 16, kind: ABS64, symbol: "msg".into(), addend: 14 }],
        data,
        entry: "_start".into(),
        ..Input::default()
    };
    let elf = link::elf::write(&DESC, &input).expect("link");
    let dir = scratch("elf-arm64");
    let path = dir.join("hello");
    std::fs::write(&path, &elf).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    match Command::new("qemu-aarch64").arg(&path).output() {
        Ok(out) => {
            assert_eq!((out.status.code(), out.stdout.as_slice()), (Some(42), b"hello, arm64!\n".as_slice()));
        }
        Err(_) => {
            assert!(
                std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"),
                "qemu-aarch64 is missing"
            );
            eprintln!("SKIPPED: qemu-aarch64 not found (Debian package qemu-user)");
        }
    }
    readobj_clean(
        &path,
        &["Type: Executable", "Machine: EM_AARCH64", "Entry: 0x11000", "PT_GNU_STACK", "Name: status"],
    );
    {
        use object::{Object, ObjectSegment};
        let file = object::File::parse(&*elf).expect("object parses the executable");
        assert_eq!(file.architecture(), object::Architecture::Aarch64);
        assert_eq!(file.entry(), 0x1_1000);
        let aligns: Vec<u64> = file.segments().map(|s| s.align()).collect();
        assert!(aligns.contains(&0x1_0000), "64 KiB segments: {aligns:?}");
    }
}

/// The linker asks the ISA what a container needs: a container the descriptor
/// gives no values for is no format, and its writer refuses it.
#[test]
fn container_values_come_from_the_isa() {
    use link::native::Format;
    use target::Container;

    let elf_only = codegen::isa::IsaDesc { pe: None, macho: None, ..isa_arm64::DESC };
    let formats = [Container::Elf, Container::Pe, Container::MachO, Container::Wasm]
        .map(|c| (Format::of(c, &isa_arm64::DESC), Format::of(c, &elf_only)));
    assert_eq!(
        formats,
        [
            (Some(Format::Elf), Some(Format::Elf)),
            (Some(Format::Pe), None),
            (Some(Format::MachO), None),
            (None, None)
        ]
    );
    let input = link::image::Input { entry: "_start".into(), ..Default::default() };
    assert_eq!(
        link::pe::write(&elf_only, &input).map(|_| ()),
        Err(link::LinkError("crossplay cannot write arm64 code in PE".into()))
    );
}

/// `llvm-readobj` reads the executable at `path` without a warning, and its
/// headers, sections and symbols show each of `wants`.
fn readobj_clean(path: &Path, wants: &[&str]) {
    let Ok(o) = Command::new("llvm-readobj")
        .args(["--file-headers", "--program-headers", "--sections", "--symbols"])
        .arg(path)
        .output()
    else {
        assert!(std::env::var("CROSSPLAY_REQUIRE_ORACLES").as_deref() != Ok("1"), "llvm-readobj is missing");
        eprintln!("SKIPPED: llvm-readobj not found (Debian package llvm)");
        return;
    };
    let text = String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success() && !text.contains("warning"), "{text}");
    for want in wants {
        assert!(text.contains(want), "{want} in\n{text}");
    }
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossplay-link-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A package object survives its encoding byte for byte, and any truncation or
/// flipped byte is rejected or read back as some object, never a panic.
#[test]
fn objects_encode_deterministically_and_reject_corruption() {
    use link::object::{Func, FuncCode, Object, decode, encode};
    let m = ir::text::parse(HELLO).unwrap_or_else(|e| panic!("{e}"));
    let mut funcs: Vec<Func> = m
        .funcs
        .iter()
        .map(|f| Func { name: f.name.clone(), code: FuncCode::Wasm(isa_wasm::compile(f)) })
        .collect();
    funcs.push(Func {
        name: "native".into(),
        code: FuncCode::Native(codegen::Code {
            bytes: vec![0x90, 0xc3],
            relocs: vec![codegen::Reloc {
                offset: 1,
                kind: codegen::RelocKind(3),
                symbol: "msg".into(),
                addend: -4,
            }],
        }),
    });
    funcs.push(Func { name: "bad".into(), code: FuncCode::Error("something".into()) });
    let mut o = Object::new("example.com/p", &m, funcs, "export text".into());
    o.dynimports.push(ir::DynImport { symbol: "s".into(), name: "n".into(), library: "l.dll".into() });
    let bytes = encode(&o);
    let back = decode(&bytes).expect("decode");
    assert_eq!(encode(&back), bytes);
    assert_eq!(
        back.funcs.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        ["_start", "bad", "main.loop", "native"]
    );
    assert_eq!(back.host_imports.len(), 2);
    for n in 0..bytes.len() {
        assert!(decode(&bytes[..n]).is_err(), "truncated to {n}");
    }
    for i in 0..bytes.len() {
        let mut b = bytes.clone();
        b[i] ^= 0x5a;
        let _ = decode(&b);
    }
}
