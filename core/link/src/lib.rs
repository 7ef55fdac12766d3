//! The linker. `wasm` links the IR modules of a build (one per package) into a Wasm
//! module for js/wasm or wasip1/wasm. `native` links them with an ISA's machine code
//! into an `image::Input`, which a container writer lays out: `elf` (static linux
//! executables), `pe` (windows), `macho` (darwin, signed). What differs per
//! architecture — compiling, stubs, machine numbers, padding, relocation
//! arithmetic — the ISA's `codegen::isa::IsaDesc` answers: this crate knows no
//! ISA. `buildid` is where each keeps Go's build ID and how the content ID is
//! computed.

pub mod buildid;
pub mod elf;
pub mod image;
pub mod macho;
pub mod native;
pub mod pe;
mod symbols;
pub mod wasm;

/// Where a program is entered, which decides what it reaches.
#[derive(Clone, Copy, Debug)]
pub enum Entry<'a> {
    /// At the ISA's stubs for the OS (`_start`, the system-call primitive).
    Native(&'a codegen::isa::IsaDesc, codegen::OsAbi),
    /// At the Wasm module's exports.
    Wasm,
}

/// The roots of reachability from `entry`: (whether a function, its name).
fn roots<'m>(
    modules: &'m [ir::Module],
    stubs: &'m [(String, codegen::Code)],
    entry: Entry<'_>,
) -> Vec<(bool, &'m str)> {
    match entry {
        Entry::Native(..) => stubs
            .iter()
            .flat_map(|(_, code)| &code.relocs)
            .map(|r| (modules.iter().any(|m| m.funcs.iter().any(|f| f.name == r.symbol)), r.symbol.as_str()))
            .collect(),
        Entry::Wasm => modules
            .iter()
            .flat_map(|m| &m.funcs)
            .filter(|f| f.export.is_some())
            .map(|f| (true, f.name.as_str()))
            .collect(),
    }
}

/// The IR functions of `modules` a program entered at `entry` reaches, as the
/// link keeps them: what the driver needs to optimize and compile. Symbols that
/// are not defined are left for the link to report.
pub fn reachable_functions(modules: &[ir::Module], entry: Entry<'_>) -> std::collections::BTreeSet<String> {
    let mut errs = Vec::new();
    let index = symbols::Index::new(modules, &mut errs);
    let stubs = match entry {
        Entry::Native(isa, os) => (isa.stubs)(os),
        Entry::Wasm => Vec::new(),
    };
    let roots = roots(modules, &stubs, entry);
    let live = index.reach(roots, &|_| true, &|_| false, &mut errs);
    live.funcs.iter().filter(|n| index.funcs.contains_key(**n)).map(|n| (*n).to_owned()).collect()
}

/// A link error, worded as Go's linker words it where it has a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError(pub String);

impl core::fmt::Display for LinkError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The error for a container `isa` gives no values for.
fn no_values(isa: &codegen::isa::IsaDesc, container: &str) -> LinkError {
    LinkError(format!("crossplay cannot write {} code in {container}", isa.arch.name()))
}
