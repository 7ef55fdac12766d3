//! The IR's text form round-trips, and the verifier rejects broken functions.

use ir::text::{parse, print};
use ir::verify::verify;
use ir::{Builder, CmpOp, Func, Module, Sig, Term, Ty};

const SAMPLE: &str = r#"declare @"fmt.Println"(i64, i64) -> (i64, i64)
declare @"runtime.panicIndex"(i64, i64, i64) -> ()
import @"runtime.fd_write" = "wasi_snapshot_preview1" "fd_write" (i32, i32, i32, i32) -> (i32)
data @"go:str.0" size 8 align 1 ro "hi\x00\"\\"
data @"main.p" size 16 align 8 ""
  reloc 0 addr8 @"go:str.0" +2
  reloc 8 func8 @"main.sum" -1
data @"runtime._WriteFile" size 8 align 8 ""
dynimport @"runtime._WriteFile" = "WriteFile" "kernel32.dll"
func @"main.sum"(i64, i64) -> (i64) noinline export "sum" {
  var x0 i64
  slot s0 16 8
b0(v0:i64, v1:i64):
  v2:i64 = add v0, v1
  set x0, v2
  v3:i32 = lts v0, v1
  br v3, b1, b2(v2)
b1:
  v4:i64 = get x0
  v5:i64 = slotaddr s0
  store.i8 v5+3, v4
  v6:i64 = load.i8s v5+3
  v7:f64 = fconst 0x3ff0000000000000
  v8:i64 = ftosi v7
  v9:i64, v10:i64 = call @"fmt.Println"(v6, v8)
  v11:i64 = funcaddr @"main.sum"
  v12:i64 = call_indirect (i64, i64) -> (i64) v11(v9, v10)
  ret v12
b2(v13:i64):
  v14:i64 = iconst -9223372036854775808
  v15:i64 = add v13, v14
  ret v15
}
func @"main.deferring"(i64) -> () catches {
b0(v0:i64):
  v1:ptr = getg
  v2:i32 = load.i32 v1+0
  v3:i32 = geu v0, v0
  check v3, @"runtime.panicIndex"(v0, v0)
  ret
}
"#;

#[test]
fn text_round_trips() {
    let m = parse(SAMPLE).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(print(&m), SAMPLE);
    verify(&m, Ty::I64).unwrap_or_else(|e| panic!("{e:?}"));
}

#[test]
fn builder_output_prints_and_verifies() {
    let mut m = Module::default();
    let mut f = Func::new("main.max", Sig { params: vec![Ty::I64, Ty::I64], results: vec![Ty::I64] });
    let (a, b) = (f.param(0), f.param(1));
    let x = f.new_var(Ty::I64);
    let y = f.new_var(Ty::I64);
    let mut bl = Builder::new(&mut f);
    bl.set(x, a);
    bl.set(y, b);
    let c = bl.cmp(CmpOp::GtS, b, a);
    let then = bl.func.new_block();
    let done = bl.func.new_block();
    bl.term(Term::br(c, then, done));
    bl.switch_to(then);
    let b = bl.get(y);
    bl.set(x, b);
    bl.term(Term::jump(done));
    bl.switch_to(done);
    let r = bl.get(x);
    bl.term(Term::Ret(vec![r]));
    m.funcs.push(f);
    verify(&m, Ty::I64).unwrap_or_else(|e| panic!("{e:?}"));
    let text = print(&m);
    assert_eq!(parse(&text).map(|m| print(&m)), Ok(text));
}

fn errors(src: &str) -> Vec<String> {
    let m = parse(src).unwrap_or_else(|e| panic!("{e}"));
    match verify(&m, Ty::I64) {
        Ok(()) => vec![],
        Err(es) => es.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn verifier_rejects_broken_functions() {
    let cases = [
        ("func @\"f\"(i64) -> (i32) {\nb0(v0:i64):\n  ret v0\n}\n", "f: b0 terminator: v0 is i64, want i32"),
        (
            "func @\"f\"() -> () {\nb0:\n  v0:i64 = iconst 1\n  v1:f64 = add v0, v0\n  ret\n}\n",
            "results (f64), want (i64)",
        ),
        (
            "func @\"f\"() -> () {\nb0:\n  v0:i64 = call @\"g\"()\n  ret\n}\n",
            "call of unknown function \"g\"",
        ),
        ("func @\"f\"() -> () {\nb0:\n  jump b7\n}\n", "jump to missing b7"),
        ("func @\"f\"(f64) -> () {\nb0(v0:f64):\n  v1:f64 = divs v0, v0\n  ret\n}\n", "divs on f64"),
        (
            "func @\"f\"(i32) -> () {\nb0(v0:i32):\n  v1:i32 = load.i32 v0+0\n  ret\n}\n",
            "v0 is i32, want i64",
        ),
        ("func @\"f\"() -> () {\nb0:\n  v0:i64 = get x3\n  ret\n}\n", "missing variable x3"),
        (
            "func @\"f\"(i32) -> () {\nb0(v0:i32):\n  br v0, b1, b2\nb1:\n  v1:i32 = iconst 1\n  jump b2\nb2:\n  v2:i32 = add v1, v1\n  ret\n}\n",
            "f: b2[0]: v1 used where it is not defined",
        ),
        (
            "func @\"f\"(i32) -> () {\nb0(v0:i32):\n  jump b1(v0, v0)\nb1(v1:i32):\n  ret\n}\n",
            "2 arguments to b1, which takes 1",
        ),
        (
            "func @\"f\"(i32) -> () {\nb0(v0:i32):\n  jump b1(v0)\nb1(v1:i64):\n  ret\n}\n",
            "v0 is i32, want i64",
        ),
        ("func @\"f\"(i32) -> () {\nb0(v0:i32):\n  jump b0(v0)\n}\n", "jump to the entry block"),
        ("func @\"f\"(i32) -> () {\nb0(v0:i64):\n  ret\n}\n", "parameters do not match the signature"),
    ];
    for (src, want) in cases {
        let errs = errors(src);
        assert!(errs.iter().any(|e| e.contains(want)), "{src}\nwant {want:?}, got {errs:?}");
    }
}

#[test]
fn parser_reports_lines() {
    let e = parse("func @\"f\"() -> () {\nb0:\n  v0:i64 = frobnicate\n}\n").unwrap_err();
    assert_eq!(e.to_string(), "line 3: unknown instruction \"frobnicate\"");
    let e = parse("func @\"f\"() -> () {\nb0:\n  v0:i64 = iconst 1\n  v0:i64 = iconst 2\n  ret\n}\n")
        .unwrap_err();
    assert_eq!(e.to_string(), "line 4: v0 defined twice");
}
