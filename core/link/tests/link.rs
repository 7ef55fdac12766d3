//! The Wasm linker: a hand-written IR program links into a module that a real WASI
//! host (node:wasi) runs.

use std::path::PathBuf;
use std::process::Command;

const HELLO: &str = r#"import @"fd_write" = "wasi_snapshot_preview1" "fd_write" (i32, i32, i32, i32) -> (i32)
import @"proc_exit" = "wasi_snapshot_preview1" "proc_exit" (i32) -> ()
data @"msg" size 14 align 1 ro "hello, wasip1\x0a"
data @"unused" size 4 align 4 ro "zzzz"
func @"main.loop"(i64) -> (i64) {
  var x0 i64
  var x1 i64
b0:
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
        build_id: "test".into(),
        strip: false,
    };
    let (bytes, report) = link::wasm::link(&[m], &opts).unwrap_or_else(|e| panic!("{e:?}"));
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
    assert_eq!(String::from_utf8_lossy(&out.stdout), "hello, wasip1\n", "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(55));
}
