//! Static ELF executables (ET_EXEC) for linux: the shape Go 1.27.3 gives a pure-Go
//! binary (reference/binary-formats.md §1.1): the headers in a reserved first 4 KiB
//! mapped with the text by one R+X `PT_LOAD` at the base address, the data and bss
//! in an RW `PT_LOAD`, `PT_PHDR` first and `PT_GNU_STACK` (RW) last; section
//! headers for `.text`, `.data`, `.bss`, `.symtab`, `.strtab`, `.shstrtab`. With a
//! build ID, the notes `.note.go.buildid` and `.note.gnu.build-id` (derived from
//! it, as `-B gobuildid` does, or `-B`'s own bytes) end the header page right
//! before the text, the first of them under a `PT_NOTE` second in the program
//! headers, as in Go's output. Code
//! relocations are applied here; nothing is left for a dynamic loader.

use codegen::isa::IsaDesc;

use crate::LinkError;
use crate::buildid;
pub use crate::image::{Input, Symbol};
use crate::image::{addresses, align_up, apply};

/// The reserved first block holding the headers (`ELFRESERVE`).
const HEADR: u64 = 0x1000;

/// Lays out, relocates and writes the executable, with `isa`'s ELF values
/// (reference/binary-formats.md §1.1.3).
pub fn write(isa: &IsaDesc, input: &Input) -> Result<Vec<u8>, LinkError> {
    let Some(arch) = isa.elf else { return Err(crate::no_values(isa, "ELF")) };
    // Layout: text right after the headers; data on the next segment boundary, at a
    // file offset congruent to its address modulo the alignment.
    let text_off = HEADR;
    let text_addr = arch.base + HEADR;
    let rw_off = align_up(text_off + input.text.len() as u64, arch.align);
    let rw_addr = align_up(text_addr + input.text.len() as u64, arch.align);
    let bi_len = align_up(input.buildinfo.len() as u64, 16);
    let (data_off, data_addr) = (rw_off + bi_len, rw_addr + bi_len);
    let bss_addr = data_addr + input.data.len() as u64;
    if let Some(i) = input.imports.first() {
        return Err(LinkError(format!(
            "{}: linux executables are static; nothing imports {}",
            i.symbol, i.name
        )));
    }

    // Symbol addresses.
    let addrs = addresses(&[
        (&input.text_symbols, text_addr),
        (&input.data_symbols, data_addr),
        (&input.bss_symbols, bss_addr),
    ])?;
    let Some(&entry) = addrs.get(input.entry.as_str()) else {
        return Err(LinkError(format!("entry symbol {} not defined", input.entry)));
    };
    let mut text = input.text.clone();
    let mut data = input.data.clone();
    apply(isa, &mut text, text_addr, &input.text_relocs, &addrs)?;
    apply(isa, &mut data, data_addr, &input.data_relocs, &addrs)?;

    // The notes: name size, descriptor size, type, name, descriptor, each padded to 4.
    let note = |name: &[u8; 4], ty: u32, desc: &[u8]| {
        let mut n = Vec::new();
        for v in [4, desc.len() as u32, ty] {
            n.extend_from_slice(&v.to_le_bytes());
        }
        n.extend_from_slice(name);
        n.extend_from_slice(desc);
        n.resize(align_up(n.len() as u64, 4) as usize, 0);
        n
    };
    // The Go note when there is a build ID, the GNU note when `-B` gives one
    // (derived from the ID by default).
    let id = &input.build_id.id;
    let gnu = input.build_id.gnu_note();
    let mut notes: Vec<(Vec<u8>, &str)> = vec![];
    if !id.is_empty() {
        notes.push((note(b"Go\0\0", 4, id.as_bytes()), ".note.go.buildid"));
    }
    if !gnu.is_empty() {
        notes.push((note(b"GNU\0", 3, &gnu), ".note.gnu.build-id"));
    }
    let notes_len: u64 = notes.iter().map(|(n, _)| n.len() as u64).sum();
    let notes_off = HEADR - notes_len;

    // Section names and the symbol table.
    let mut shstrtab = vec![0u8];
    let mut name = |s: &str| {
        let at = shstrtab.len() as u32;
        shstrtab.extend_from_slice(s.as_bytes());
        shstrtab.push(0);
        at
    };
    let has_bi = !input.buildinfo.is_empty();
    let note_names: Vec<u32> = notes.iter().map(|(_, n)| name(n)).collect();
    let names = [
        name(".text"),
        name(".data"),
        name(".bss"),
        name(".symtab"),
        name(".strtab"),
        name(".shstrtab"),
        name(".go.buildinfo"),
    ];
    // Section indices: the notes (when present) before .text, .go.buildinfo (when
    // present) right after it.
    let text_idx = 1 + notes.len() as u16;
    let shift = text_idx - 1 + u16::from(has_bi);
    let (data_idx, bss_idx) = (2 + shift, 3 + shift);
    let mut strtab = vec![0u8];
    let mut symtab = vec![0u8; 24]; // the null symbol
    for (syms, shndx, base, ty) in [
        (&input.text_symbols, text_idx, text_addr, 2u8), // STT_FUNC
        (&input.data_symbols, data_idx, data_addr, 1),   // STT_OBJECT
        (&input.bss_symbols, bss_idx, bss_addr, 1),
    ] {
        for s in syms {
            let n = strtab.len() as u32;
            strtab.extend_from_slice(s.name.as_bytes());
            strtab.push(0);
            symtab.extend_from_slice(&n.to_le_bytes());
            symtab.push(1 << 4 | ty); // STB_GLOBAL
            symtab.push(0);
            symtab.extend_from_slice(&shndx.to_le_bytes());
            symtab.extend_from_slice(&(base + s.offset).to_le_bytes());
            symtab.extend_from_slice(&s.size.to_le_bytes());
        }
    }

    // The file: headers, text, data, then the non-loaded tables and the section headers.
    let phnum = 4 + u16::from(!notes.is_empty());
    let phoff = 64u64;
    let mut out = vec![0u8; rw_off as usize];
    out.extend_from_slice(&input.buildinfo);
    out.resize(data_off as usize, 0);
    out.extend_from_slice(&data);
    // -s leaves out .symtab and .strtab.
    let keep = u16::from(!input.strip);
    let symtab_off = align_up(out.len() as u64, 8);
    let strtab_off = symtab_off + symtab.len() as u64;
    if !input.strip {
        out.resize(symtab_off as usize, 0);
        out.extend_from_slice(&symtab);
        out.extend_from_slice(&strtab);
    }
    let shstrtab_off = out.len() as u64;
    out.extend_from_slice(&shstrtab);
    let shoff = align_up(out.len() as u64, 8);
    out.resize(shoff as usize, 0);

    let mut h = Vec::with_capacity(64);
    h.extend_from_slice(&[0x7f, b'E', b'L', b'F', 2, 1, 1, 0]); // 64-bit, LE, version 1, OSABI none
    h.extend_from_slice(&[0; 8]);
    h.extend_from_slice(&2u16.to_le_bytes()); // ET_EXEC
    h.extend_from_slice(&arch.machine.to_le_bytes());
    h.extend_from_slice(&1u32.to_le_bytes());
    h.extend_from_slice(&entry.to_le_bytes());
    h.extend_from_slice(&phoff.to_le_bytes());
    h.extend_from_slice(&shoff.to_le_bytes());
    h.extend_from_slice(&arch.flags.to_le_bytes());
    h.extend_from_slice(&64u16.to_le_bytes());
    h.extend_from_slice(&56u16.to_le_bytes());
    h.extend_from_slice(&phnum.to_le_bytes());
    h.extend_from_slice(&64u16.to_le_bytes());
    h.extend_from_slice(&(5 + shift + 2 * keep).to_le_bytes()); // section headers
    h.extend_from_slice(&(4 + shift + 2 * keep).to_le_bytes()); // .shstrtab's index
    let phdr = |ty: u32, flags: u32, off: u64, addr: u64, filesz: u64, memsz: u64, align: u64| {
        let mut p = Vec::with_capacity(56);
        for v in [ty, flags] {
            p.extend_from_slice(&v.to_le_bytes());
        }
        for v in [off, addr, addr, filesz, memsz, align] {
            p.extend_from_slice(&v.to_le_bytes());
        }
        p
    };
    let (r, w, x) = (4, 2, 1);
    let phsize = u64::from(phnum) * 56;
    h.extend(phdr(6, r, phoff, arch.base + phoff, phsize, phsize, 8)); // PT_PHDR
    if let Some((first, _)) = notes.first() {
        let len = first.len() as u64;
        h.extend(phdr(4, r, notes_off, arch.base + notes_off, len, len, 4)); // PT_NOTE
    }
    let text_end = text_off + text.len() as u64;
    h.extend(phdr(1, r | x, 0, arch.base, text_end, text_end, arch.align)); // PT_LOAD text
    let rw_file = bi_len + data.len() as u64;
    h.extend(phdr(1, r | w, rw_off, rw_addr, rw_file, rw_file + input.bss_size, arch.align)); // PT_LOAD data
    h.extend(phdr(0x6474_e551, r | w, 0, 0, 0, 0, 8)); // PT_GNU_STACK
    if h.len() as u64 > notes_off {
        return Err(LinkError("ELF headers too large".into()));
    }
    out[..h.len()].copy_from_slice(&h);
    let mut at = notes_off as usize;
    for (n, _) in &notes {
        out[at..at + n.len()].copy_from_slice(n);
        at += n.len();
    }
    out[text_off as usize..text_end as usize].copy_from_slice(&text);

    let shdr = |out: &mut Vec<u8>,
                name: u32,
                ty: u32,
                flags: u64,
                addr: u64,
                off: u64,
                size: u64,
                link: u32,
                info: u32,
                align: u64,
                entsize: u64| {
        for v in [name, ty] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [flags, addr, off, size] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [link, info] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for v in [align, entsize] {
            out.extend_from_slice(&v.to_le_bytes());
        }
    };
    let (alloc, write_, exec) = (2u64, 1u64, 4u64);
    shdr(&mut out, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    let mut at = notes_off;
    for ((n, _), &name) in notes.iter().zip(&note_names) {
        shdr(&mut out, name, 7, alloc, arch.base + at, at, n.len() as u64, 0, 0, 4, 0); // SHT_NOTE
        at += n.len() as u64;
    }
    shdr(&mut out, names[0], 1, alloc | exec, text_addr, text_off, text.len() as u64, 0, 0, 16, 0);
    if has_bi {
        shdr(
            &mut out,
            names[6],
            1,
            alloc | write_,
            rw_addr,
            rw_off,
            input.buildinfo.len() as u64,
            0,
            0,
            16,
            0,
        );
    }
    shdr(&mut out, names[1], 1, alloc | write_, data_addr, data_off, data.len() as u64, 0, 0, 8, 0);
    shdr(
        &mut out,
        names[2],
        8,
        alloc | write_,
        bss_addr,
        data_off + data.len() as u64,
        input.bss_size,
        0,
        0,
        8,
        0,
    );
    if !input.strip {
        shdr(&mut out, names[3], 2, 0, 0, symtab_off, symtab.len() as u64, 5 + u32::from(shift), 1, 8, 24);
        shdr(&mut out, names[4], 3, 0, 0, strtab_off, strtab.len() as u64, 0, 0, 1, 0);
    }
    shdr(&mut out, names[5], 3, 0, 0, shstrtab_off, shstrtab.len() as u64, 0, 0, 1, 0);
    // The content ID reads the GNU note's descriptor as zeros (`go tool buildid`'s
    // `excludeHostBuildID`).
    let gnu_at = (HEADR - align_up(gnu.len() as u64, 4)) as usize;
    buildid::finish(&mut out, &input.build_id, core::slice::from_ref(&(gnu_at..gnu_at + gnu.len())), 0);
    Ok(out)
}
