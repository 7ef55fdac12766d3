//! The cache's action texts (snapshots: a change of what keys an action must be
//! deliberate, and bump its VERSION) and its stores' verification.

use std::cell::RefCell;
use std::collections::BTreeMap;

use cache::{CompileAction, DirStore, Fs, LinkAction, MemStore, Store};

#[test]
fn compile_action_text_is_stable() {
    let a = CompileAction {
        import_path: "fmt".into(),
        goos: "linux".into(),
        goarch: "amd64".into(),
        archvar: "GOAMD64=v1".into(),
        cgo_enabled: false,
        gcflags: vec!["-N".into()],
        trimpath: true,
        tags: vec!["netgo".into()],
        go_version: "1.21".into(),
        experiment: String::new(),
        files: vec![("$GOROOT/src/fmt/print.go".into(), [1; 32])],
        deps: vec![("runtime".into(), [2; 32])],
    };
    assert_eq!(
        a.text(),
        "compile v1\nimport \"fmt\"\ngoos linux goarch amd64\nGOAMD64=v1\nCGO_ENABLED=0\ngcflags [\"-N\"]\ntrimpath\ntags [\"netgo\"]\ngo 1.21\n\
file $GOROOT/src/fmt/print.go 0101010101010101010101010101010101010101010101010101010101010101\n\
import runtime 0202020202020202020202020202020202020202020202020202020202020202\n"
    );
    // Every field keys the action.
    let base = a.id();
    let changed = [
        CompileAction { goarch: "arm64".into(), ..a.clone() },
        CompileAction { archvar: "GOAMD64=v3".into(), ..a.clone() },
        CompileAction { cgo_enabled: true, ..a.clone() },
        CompileAction { gcflags: vec![], ..a.clone() },
        CompileAction { trimpath: false, ..a.clone() },
        CompileAction { tags: vec![], ..a.clone() },
        CompileAction { go_version: "1.22".into(), ..a.clone() },
        CompileAction { experiment: "x".into(), ..a.clone() },
        CompileAction { files: vec![], ..a.clone() },
        CompileAction { deps: vec![("runtime".into(), [3; 32])], ..a.clone() },
    ];
    for c in changed {
        assert_ne!(c.id(), base, "{}", c.text());
    }
}

#[test]
fn types_action_text_is_stable() {
    let a = cache::TypesAction { packages: vec![("runtime".into(), [5; 32]), ("fmt".into(), [6; 32])] };
    assert_eq!(
        a.text(),
        "types v1\npackage runtime 0505050505050505050505050505050505050505050505050505050505050505\n\
package fmt 0606060606060606060606060606060606060606060606060606060606060606\n"
    );
}

#[test]
fn link_action_text_is_stable() {
    let a = LinkAction {
        import_path: "command-line-arguments".into(),
        goos: "js".into(),
        goarch: "wasm".into(),
        archvar: "GOWASM=".into(),
        experiment: String::new(),
        ldflags: "[\"-s\"]".into(),
        xdefs: vec![("main.v".into(), "1".into())],
        buildinfo: "path command-line-arguments\n".into(),
        objects: vec![("main".into(), [4; 32])],
    };
    assert_eq!(
        a.text(),
        "link v1\nimport \"command-line-arguments\"\ngoos js goarch wasm\nGOWASM=\nlinkflags [\"-s\"]\n\
X \"main.v\"=\"1\"\nbuildinfo \"path command-line-arguments\\n\"\n\
packagefile main=0404040404040404040404040404040404040404040404040404040404040404\n"
    );
    assert_ne!(LinkAction { xdefs: vec![], ..a.clone() }.id(), a.id());
}

#[test]
fn memory_store_serves_only_whole_entries() {
    let mut s = MemStore::new();
    let id = [7; 32];
    assert_eq!(s.get(&id), None);
    s.put(&id, b"object");
    assert_eq!(s.get(&id).as_deref(), Some(&b"object"[..]));
    let (a, o, _) = s.entries().next().map(|(a, o, b)| (*a, *o, b.to_vec())).unwrap();
    s.insert_raw(a, o, b"objecT".to_vec());
    assert_eq!(s.get(&id), None, "a flipped entry is a miss");
    assert!(s.is_empty(), "and is dropped");
}

#[derive(Default)]
struct MemFs(RefCell<BTreeMap<String, Vec<u8>>>);

impl Fs for &MemFs {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.0.borrow().get(path).cloned()
    }
    fn write(&self, path: &str, bytes: &[u8]) -> bool {
        self.0.borrow_mut().insert(path.into(), bytes.to_vec());
        true
    }
    fn create_dir_all(&self, _: &str) -> bool {
        true
    }
}

#[test]
fn directory_store_uses_gos_layout_and_rejects_corruption() {
    let fs = MemFs::default();
    let mut s = DirStore { dir: "/c".into(), fs: &fs, now: 1_700_000_000_000_000_000 };
    let id = [0xab; 32];
    s.put(&id, b"package object bytes");
    assert_eq!(s.get(&id).as_deref(), Some(&b"package object bytes"[..]));
    let files: Vec<String> = fs.0.borrow().keys().cloned().collect();
    let entry = files.iter().find(|f| f.ends_with("-a")).unwrap().clone();
    let data = files.iter().find(|f| f.ends_with("-d")).unwrap().clone();
    assert!(entry.starts_with("/c/ab/abab"), "{entry}");
    assert!(files.contains(&"/c/README".to_string()));
    assert_eq!(fs.0.borrow()[&entry].len(), 175);
    // Truncated, flipped, or missing output: a miss.
    for bad in [b"package object".to_vec(), b"package object byteZ".to_vec()] {
        fs.0.borrow_mut().insert(data.clone(), bad);
        assert_eq!(s.get(&id), None);
    }
    fs.0.borrow_mut().remove(&data);
    assert_eq!(s.get(&id), None);
    // A damaged index entry: a miss; a new put repairs it.
    fs.0.borrow_mut().insert(entry.clone(), b"v1 garbage".to_vec());
    assert_eq!(s.get(&id), None);
    s.put(&id, b"package object bytes");
    assert_eq!(s.get(&id).as_deref(), Some(&b"package object bytes"[..]));
}
