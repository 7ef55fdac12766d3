//! `-ldflags=-X importpath.name=value`, as cmd/link's `addstrdata` does it: the
//! string variable's data becomes a header pointing at the value's bytes (a new
//! read-only symbol, `importpath.name.str`), whatever its initializer was; an
//! initializer that runs code still overwrites it when the package initializes.
//! A name no object defines as a variable is ignored; one of another type is
//! Go's error.

use crate::LinkError;
use crate::object::Object;

/// Applies `defs` (the last definition of a name wins) to `objects`, whose
/// pointers are `word` bytes.
pub fn apply(objects: &mut [Object], defs: &[(String, String)], word: u8) -> Result<(), Vec<LinkError>> {
    let mut errs = Vec::new();
    for (i, (name, value)) in defs.iter().enumerate() {
        if defs[i + 1..].iter().any(|(n, _)| n == name) {
            continue;
        }
        let Some(o) = objects.iter_mut().find(|o| o.vars.iter().any(|(v, _)| v == name)) else { continue };
        let ty = o.vars.iter().find(|(v, _)| v == name).map(|(_, t)| t.as_str()).unwrap_or_default();
        if ty != "type:string" {
            errs.push(LinkError(format!("{name}: cannot set with -X: not a var of type string ({ty})")));
            continue;
        }
        let ws = usize::from(word);
        let mut init = vec![0u8; 2 * ws];
        init[ws..].copy_from_slice(&(value.len() as u64).to_le_bytes()[..ws]);
        let mut relocs = Vec::new();
        if !value.is_empty() {
            let str_sym = format!("{name}.str");
            o.data.retain(|d| d.name != str_sym);
            o.data.push(ir::Data {
                name: str_sym.clone(),
                size: value.len() as u32,
                align: 1,
                readonly: true,
                init: value.as_bytes().to_vec(),
                relocs: vec![],
            });
            relocs.push(ir::Reloc {
                off: 0,
                kind: ir::RelocKind::Addr { width: word },
                target: str_sym,
                addend: 0,
            });
        }
        if let Some(d) = o.data.iter_mut().find(|d| d.name == *name) {
            d.init = init;
            d.relocs = relocs;
        }
    }
    if errs.is_empty() { Ok(()) } else { Err(errs) }
}
