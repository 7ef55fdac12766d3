//! PE32+ executables for windows/amd64 and windows/arm64, with the header values
//! Go 1.27.3 writes (reference/binary-formats.md §1.2.2): image base 0x140000000,
//! sections aligned to 4 KiB in memory and 512 bytes in the file, console
//! subsystem 10.0 (GUI with `-H windowsgui`), `DYNAMIC_BASE | HIGH_ENTROPY_VA | NX_COMPAT |
//! TERMINAL_SERVER_AWARE`, 2 MiB of stack reserve, time stamp and checksum 0.
//!
//! Sections: `.text`; `.data` (the build info first, where `debug/buildinfo` looks:
//! the first section that is exactly initialized, readable and writable data —
//! then the data and, as virtual size only, the bss); `.idata` (import
//! descriptors, lookup tables, the import address table the loader fills, hint/name
//! entries and library names); `.reloc` (a `DIR64` base relocation for every
//! absolute address, since the image may be placed anywhere). Unless stripped, a
//! COFF symbol table (functions and data by section and offset) and its string
//! table follow the sections, as in Go's output. A build ID is the `go:buildid`
//! symbol at the start of `.text`.
//!
//! Go puts the import address table in `.data` and also writes `.rdata`,
//! `.pdata`/`.xdata` (SEH unwind data) and DWARF; crossplay has no unwinder and
//! keeps constants in `.data`.

use std::collections::BTreeMap;

use codegen::isa::IsaDesc;

use crate::LinkError;
use crate::image::{Input, absolute, addresses, align_up, apply};

pub const IMAGE_BASE: u64 = 0x1_4000_0000;
const SECTION_ALIGN: u64 = 0x1000;
const FILE_ALIGN: u64 = 0x200;

/// The 64-byte DOS header (`e_lfanew` = 0x80) and the stub that prints "This
/// program cannot be run in DOS mode.", as every Windows linker writes them.
const DOS: [u8; 128] = {
    let mut b = [0u8; 128];
    let head: [u8; 32] = [
        0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0, 0x8b, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0,
        0, 0, 0, 0, 0,
    ];
    let mut i = 0;
    while i < 32 {
        b[i] = head[i];
        i += 1;
    }
    b[0x3c] = 0x80;
    let code: [u8; 14] = [0x0e, 0x1f, 0xba, 0x0e, 0x00, 0xb4, 0x09, 0xcd, 0x21, 0xb8, 0x01, 0x4c, 0xcd, 0x21];
    let text = b"This program cannot be run in DOS mode.\r\r\n$";
    let mut j = 0;
    while j < 14 {
        b[0x40 + j] = code[j];
        j += 1;
    }
    let mut k = 0;
    while k < text.len() {
        b[0x4e + k] = text[k];
        k += 1;
    }
    b
};

// Section characteristics.
const CODE: u32 = 0x6000_0020; // CNT_CODE | MEM_EXECUTE | MEM_READ
const DATA: u32 = 0xc000_0040; // CNT_INITIALIZED_DATA | MEM_READ | MEM_WRITE
const RELOC: u32 = 0x4200_0040; // CNT_INITIALIZED_DATA | MEM_DISCARDABLE | MEM_READ

struct Section {
    name: &'static [u8],
    rva: u64,
    vsize: u64,
    bytes: Vec<u8>,
    flags: u32,
}

/// The import directory's bytes, the address table's place and size, and each
/// import symbol's slot address.
type Idata = (Vec<u8>, (u64, u64), Vec<(String, u64)>);

/// The import directory for `input.imports`, placed at `rva`.
fn idata(input: &Input, rva: u64) -> Idata {
    let mut libs: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for i in &input.imports {
        libs.entry(i.library.as_str()).or_default().push((i.symbol.as_str(), i.name.as_str()));
    }
    let thunks: u64 = libs.values().map(|v| v.len() as u64 + 1).sum();
    let desc_size = (libs.len() as u64 + 1) * 20;
    let ilt = desc_size;
    let iat = ilt + thunks * 8;
    let names = iat + thunks * 8;
    // Hint/name entries, then the library names.
    let mut strings = Vec::new();
    let mut name_rva = Vec::new();
    for funcs in libs.values() {
        for (_, name) in funcs {
            name_rva.push(rva + names + strings.len() as u64);
            strings.extend_from_slice(&[0, 0]);
            strings.extend_from_slice(name.as_bytes());
            strings.push(0);
            if strings.len() % 2 == 1 {
                strings.push(0);
            }
        }
    }
    let mut lib_rva = Vec::new();
    for lib in libs.keys() {
        lib_rva.push(rva + names + strings.len() as u64);
        strings.extend_from_slice(lib.as_bytes());
        strings.push(0);
    }
    let mut out = vec![0u8; names as usize];
    out.extend_from_slice(&strings);
    let mut slots = Vec::new();
    let (mut thunk, mut n) = (0u64, 0usize);
    for (li, funcs) in libs.values().enumerate() {
        let d = li * 20;
        let put = |out: &mut Vec<u8>, at: usize, v: u32| out[at..at + 4].copy_from_slice(&v.to_le_bytes());
        put(&mut out, d, (rva + ilt + thunk * 8) as u32); // OriginalFirstThunk
        put(&mut out, d + 12, lib_rva[li] as u32); // Name
        put(&mut out, d + 16, (rva + iat + thunk * 8) as u32); // FirstThunk
        for (symbol, _) in funcs {
            for table in [ilt, iat] {
                let at = (table + thunk * 8) as usize;
                out[at..at + 8].copy_from_slice(&name_rva[n].to_le_bytes());
            }
            slots.push((symbol.to_string(), IMAGE_BASE + rva + iat + thunk * 8));
            thunk += 1;
            n += 1;
        }
        thunk += 1; // the zero thunk ending the library's tables
    }
    (out, (rva + iat, thunks * 8), slots)
}

/// `.reloc`: one block per 4 KiB page holding absolute addresses, each entry a
/// `DIR64` (type 10) offset in the page, blocks padded to an even entry count.
fn base_relocs(mut rvas: Vec<u64>) -> Vec<u8> {
    rvas.sort_unstable();
    let mut out = Vec::new();
    let mut i = 0;
    while i < rvas.len() {
        let page = rvas[i] & !0xfff;
        let mut entries: Vec<u16> = Vec::new();
        while i < rvas.len() && rvas[i] & !0xfff == page {
            entries.push(10 << 12 | (rvas[i] & 0xfff) as u16);
            i += 1;
        }
        if entries.len() % 2 == 1 {
            entries.push(0); // IMAGE_REL_BASED_ABSOLUTE: padding
        }
        out.extend_from_slice(&(page as u32).to_le_bytes());
        out.extend_from_slice(&(8 + 2 * entries.len() as u32).to_le_bytes());
        for e in entries {
            out.extend_from_slice(&e.to_le_bytes());
        }
    }
    out
}

/// Lays out, relocates and writes the executable, with `isa`'s PE values.
pub fn write(isa: &IsaDesc, input: &Input) -> Result<Vec<u8>, LinkError> {
    let Some(arch) = isa.pe else { return Err(crate::no_values(isa, "PE")) };
    let text_rva = SECTION_ALIGN;
    let data_rva = align_up(text_rva + input.text.len() as u64, SECTION_ALIGN);
    let bi_len = align_up(input.buildinfo.len() as u64, 16);
    let data_at = data_rva + bi_len;
    let bss_at = data_at + input.data.len() as u64;
    let data_vsize = bi_len + input.data.len() as u64 + input.bss_size;
    let idata_rva = align_up(data_rva + data_vsize.max(1), SECTION_ALIGN);
    let (idata, iat, slots) = idata(input, idata_rva);
    let reloc_rva = align_up(idata_rva + idata.len() as u64, SECTION_ALIGN);

    let mut addrs = addresses(&[
        (&input.text_symbols, IMAGE_BASE + text_rva),
        (&input.data_symbols, IMAGE_BASE + data_at),
        (&input.bss_symbols, IMAGE_BASE + bss_at),
    ])?;
    for (symbol, at) in &slots {
        if addrs.insert(symbol, *at).is_some() {
            return Err(LinkError(format!("duplicated definition of symbol {symbol}")));
        }
    }
    let Some(&entry) = addrs.get(input.entry.as_str()) else {
        return Err(LinkError(format!("entry symbol {} not defined", input.entry)));
    };
    let mut text = input.text.clone();
    let mut data = input.buildinfo.clone();
    data.resize(bi_len as usize, 0);
    let mut own = input.data.clone();
    apply(isa, &mut text, IMAGE_BASE + text_rva, &input.text_relocs, &addrs)?;
    apply(isa, &mut own, IMAGE_BASE + data_at, &input.data_relocs, &addrs)?;
    data.extend_from_slice(&own);
    let rvas = absolute(isa, &input.text_relocs)
        .map(|o| text_rva + o as u64)
        .chain(absolute(isa, &input.data_relocs).map(|o| data_at + o as u64))
        .collect::<Vec<_>>();
    let relocs = base_relocs(rvas);

    let mut sections = vec![
        Section { name: b".text", rva: text_rva, vsize: text.len() as u64, bytes: text, flags: CODE },
        Section { name: b".data", rva: data_rva, vsize: data_vsize, bytes: data, flags: DATA },
    ];
    if !input.imports.is_empty() {
        sections.push(Section {
            name: b".idata",
            rva: idata_rva,
            vsize: idata.len() as u64,
            bytes: idata,
            flags: DATA,
        });
    }
    if !relocs.is_empty() {
        sections.push(Section {
            name: b".reloc",
            rva: reloc_rva,
            vsize: relocs.len() as u64,
            bytes: relocs,
            flags: RELOC,
        });
    }

    // File layout: headers, then each section's raw data at the file alignment.
    let headers = align_up(DOS.len() as u64 + 4 + 20 + 240 + 40 * sections.len() as u64, FILE_ALIGN);
    let mut raw = Vec::new();
    let mut off = headers;
    for s in &sections {
        let size = align_up(s.bytes.len() as u64, FILE_ALIGN);
        raw.push((off, size));
        off += size;
    }
    let last = sections.last().map_or(text_rva, |s| s.rva + s.vsize);
    let image_size = align_up(last, SECTION_ALIGN);

    let mut out = DOS.to_vec();
    out.extend_from_slice(b"PE\0\0");
    let u16s =
        |out: &mut Vec<u8>, vs: &[u16]| vs.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    let u32s =
        |out: &mut Vec<u8>, vs: &[u32]| vs.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    let u64s =
        |out: &mut Vec<u8>, vs: &[u64]| vs.iter().for_each(|v| out.extend_from_slice(&v.to_le_bytes()));
    let symbols = if input.strip { None } else { Some(symbol_table(input, bi_len)) };
    let symbols_at = if symbols.is_some() { off } else { 0 };
    let nsyms = symbols.as_ref().map_or(0, |s| s.1);
    // COFF file header: EXECUTABLE_IMAGE | LARGE_ADDRESS_AWARE.
    u16s(&mut out, &[arch.machine, sections.len() as u16]);
    u32s(&mut out, &[0, symbols_at as u32, nsyms]);
    u16s(&mut out, &[240, 0x22]);
    // Optional header (PE32+).
    let code_size: u64 = raw[0].1;
    let init_size: u64 = raw[1..].iter().map(|r| r.1).sum();
    u16s(&mut out, &[0x20b]);
    out.extend_from_slice(&[3, 0]); // linker version 3.0
    u32s(&mut out, &[code_size as u32, init_size as u32, 0, (entry - IMAGE_BASE) as u32, text_rva as u32]);
    u64s(&mut out, &[IMAGE_BASE]);
    u32s(&mut out, &[SECTION_ALIGN as u32, FILE_ALIGN as u32]);
    u16s(&mut out, &[10, 0, 1, 0, 10, 0]); // OS, image and subsystem versions
    u32s(&mut out, &[0, image_size as u32, headers as u32, 0]);
    // IMAGE_SUBSYSTEM_WINDOWS_GUI or _CUI; DllCharacteristics.
    u16s(&mut out, &[if input.windows_gui { 2 } else { 3 }, 0x8160]);
    u64s(&mut out, &[0x20_0000, 0x1000, 0x10_0000, 0x1000]);
    u32s(&mut out, &[0, 16]);
    let mut dirs = [(0u64, 0u64); 16];
    if !input.imports.is_empty() {
        let descs =
            (input.imports.iter().map(|i| &i.library).collect::<std::collections::BTreeSet<_>>().len() + 1)
                as u64
                * 20;
        dirs[1] = (idata_rva, descs);
        dirs[12] = iat;
    }
    if let Some(s) = sections.iter().find(|s| s.name == b".reloc") {
        dirs[5] = (s.rva, s.vsize);
    }
    for (rva, size) in dirs {
        u32s(&mut out, &[rva as u32, size as u32]);
    }
    for (s, &(off, size)) in sections.iter().zip(&raw) {
        let mut name = [0u8; 8];
        name[..s.name.len()].copy_from_slice(s.name);
        out.extend_from_slice(&name);
        let off = if size == 0 { 0 } else { off };
        u32s(&mut out, &[s.vsize as u32, s.rva as u32, size as u32, off as u32, 0, 0]);
        u16s(&mut out, &[0, 0]);
        u32s(&mut out, &[s.flags]);
    }
    out.resize(headers as usize, 0);
    for (s, &(off, size)) in sections.iter().zip(&raw) {
        out.extend_from_slice(&s.bytes);
        out.resize((off + size) as usize, 0);
    }
    if let Some((table, _)) = symbols {
        out.extend_from_slice(&table);
    }
    crate::buildid::finish(&mut out, &input.build_id, &[], 0);
    Ok(out)
}

/// The COFF symbol table (18-byte records: the name inline when it fits in eight
/// bytes, else an offset into the string table; the offset in the section; the
/// 1-based section number; type 0x20 for functions; storage class EXTERNAL)
/// followed by the string table, and the number of symbols.
fn symbol_table(input: &Input, bi_len: u64) -> (Vec<u8>, u32) {
    let mut table = Vec::new();
    let mut strings = vec![0u8; 4];
    let mut n = 0u32;
    let data_end = bi_len + input.data.len() as u64;
    for (syms, section, base, ty) in [
        (&input.text_symbols, 1u16, 0u64, 0x20u16),
        (&input.data_symbols, 2, bi_len, 0),
        (&input.bss_symbols, 2, data_end, 0),
    ] {
        for s in syms {
            if s.name.len() <= 8 {
                let mut name = [0u8; 8];
                name[..s.name.len()].copy_from_slice(s.name.as_bytes());
                table.extend_from_slice(&name);
            } else {
                table.extend_from_slice(&[0; 4]);
                table.extend_from_slice(&(strings.len() as u32).to_le_bytes());
                strings.extend_from_slice(s.name.as_bytes());
                strings.push(0);
            }
            table.extend_from_slice(&((base + s.offset) as u32).to_le_bytes());
            table.extend_from_slice(&section.to_le_bytes());
            table.extend_from_slice(&ty.to_le_bytes());
            table.extend_from_slice(&[2, 0]);
            n += 1;
        }
    }
    let len = strings.len() as u32;
    strings[..4].copy_from_slice(&len.to_le_bytes());
    table.extend_from_slice(&strings);
    (table, n)
}
