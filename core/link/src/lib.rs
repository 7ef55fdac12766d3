//! The linker. It never compiles: it consumes package `object`s, one per package
//! of a build. `wasm` links them into a Wasm module for js/wasm or wasip1/wasm;
//! `native` links their machine code with an ISA's stubs into an `image::Input`,
//! which a container writer lays out: `elf` (static linux
//! executables), `pe` (windows), `macho` (darwin, signed). What differs per
//! architecture — stubs, machine numbers, padding, relocation arithmetic — the ISA's `codegen::isa::IsaDesc` answers: this crate knows no
//! ISA. `buildid` is where each keeps Go's build ID and how the content ID is
//! computed.

pub mod buildid;
pub mod elf;
pub mod image;
pub mod macho;
pub mod native;
pub mod object;
pub mod pe;
mod symbols;
pub mod wasm;
pub mod xdef;

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
