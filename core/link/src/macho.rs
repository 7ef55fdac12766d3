//! Mach-O executables for darwin/amd64 and darwin/arm64 (reference/binary-formats.md
//! §1.3): position-independent (`MH_PIE | MH_DYLDLINK`), loaded by dyld with
//! libSystem, segments `__PAGEZERO`, `__TEXT` (from file offset 0, so the header is
//! inside it), `__DATA` (`__go_buildinfo`, where `debug/buildinfo` looks, then
//! `__data`, the `__got` slots dyld binds to libSystem's functions, `__bss`) and
//! `__LINKEDIT` (rebase and bind opcodes for `LC_DYLD_INFO_ONLY`, the symbol
//! table, the indirect symbol table of the GOT, the string table, and last the
//! code signature).
//!
//! Load commands as Go 1.27.3 writes them — `LC_BUILD_VERSION` (macOS 13.0, SDK
//! 26.2, or `-macos`/`-macsdk`'s), `LC_DYLD_INFO_ONLY`, `LC_SYMTAB`, `LC_DYSYMTAB`, `LC_LOAD_DYLINKER`,
//! `LC_LOAD_DYLIB`, `LC_UUID` (unless `-B none`), `LC_CODE_SIGNATURE` — except the entry: `LC_MAIN` on
//! both architectures (Go's amd64 output uses the older `LC_UNIXTHREAD`; dyld runs
//! both, and one C entry serves both ports). The UUID is derived from the build
//! ID as Go derives it (from the file when there is none), so a build reproduces
//! it; a build ID is the `go:buildid` symbol at the start of `__text`. The ad-hoc signature is
//! `cmd/internal/codesign`'s: one CodeDirectory (version 0x20400, `CS_ADHOC |
//! CS_LINKER_SIGNED`, identifier `a.out`, SHA-256 of every 4 KiB page before it).
//! Go signs arm64 only; crossplay signs amd64 too, which macOS accepts as well.

use std::collections::BTreeMap;

use codegen::isa::IsaDesc;

use crate::LinkError;
use crate::buildid;
use crate::image::{Input, absolute, addresses, align_up, apply};

/// Room for the header and load commands before the text (`INITIAL_MACHO_HEADR`).
const HEADR: u64 = 0x1000;
const DYLD: &str = "/usr/lib/dyld";
/// The ad-hoc signature's identifier, as Go's linker writes it.
const SIGNATURE_ID: &str = "a.out";
const PAGE_HASH: u64 = 4096;

fn uleb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        out.push(if v == 0 { b } else { b | 0x80 });
        if v == 0 {
            break;
        }
    }
}

fn name16(s: &str) -> [u8; 16] {
    let mut n = [0u8; 16];
    n[..s.len()].copy_from_slice(s.as_bytes());
    n
}

#[derive(Default)]
struct Cmds {
    bytes: Vec<u8>,
    count: u32,
}

impl Cmds {
    fn u32s(&mut self, vs: &[u32]) {
        vs.iter().for_each(|v| self.bytes.extend_from_slice(&v.to_le_bytes()));
    }
    fn u64s(&mut self, vs: &[u64]) {
        vs.iter().for_each(|v| self.bytes.extend_from_slice(&v.to_le_bytes()));
    }
    /// A load command with a string at `offset`, padded to 8 bytes.
    fn with_string(&mut self, cmd: u32, head: &[u32], s: &str) {
        let offset = 8 + 4 * head.len() as u32;
        let size = align_up(u64::from(offset) + s.len() as u64 + 1, 8) as u32;
        self.u32s(&[cmd, size]);
        self.u32s(head);
        self.bytes.extend_from_slice(s.as_bytes());
        self.bytes.resize(self.bytes.len() + (size - offset) as usize - s.len(), 0);
        self.count += 1;
    }
}

/// A section header in a segment.
struct Sect {
    name: &'static str,
    addr: u64,
    size: u64,
    offset: u32,
    align: u32,
    flags: u32,
    reserved1: u32,
}

struct Seg {
    name: &'static str,
    vmaddr: u64,
    vmsize: u64,
    fileoff: u64,
    filesize: u64,
    prot: (u32, u32),
    sects: Vec<Sect>,
}

fn segment(c: &mut Cmds, s: &Seg) {
    c.u32s(&[0x19, 72 + 80 * s.sects.len() as u32]);
    c.bytes.extend_from_slice(&name16(s.name));
    c.u64s(&[s.vmaddr, s.vmsize, s.fileoff, s.filesize]);
    c.u32s(&[s.prot.0, s.prot.1, s.sects.len() as u32, 0]);
    for x in &s.sects {
        c.bytes.extend_from_slice(&name16(x.name));
        c.bytes.extend_from_slice(&name16(s.name));
        c.u64s(&[x.addr, x.size]);
        c.u32s(&[x.offset, x.align, 0, 0, x.flags, x.reserved1, 0, 0]);
    }
    c.count += 1;
}

/// The size of the signature of `code_limit` bytes.
fn signature_size(code_limit: u64) -> u64 {
    12 + 8 + 88 + SIGNATURE_ID.len() as u64 + 1 + code_limit.div_ceil(PAGE_HASH) * 32
}

/// The embedded signature (big-endian): a SuperBlob with one CodeDirectory
/// holding the SHA-256 of each page of `file` (all of it, up to `code_limit`).
fn signature(file: &[u8], text_filesize: u64) -> Vec<u8> {
    let code_limit = file.len() as u64;
    let size = signature_size(code_limit) as u32;
    let nslots = code_limit.div_ceil(PAGE_HASH) as u32;
    let ident = 88u32;
    let hashes = ident + SIGNATURE_ID.len() as u32 + 1;
    let mut b = Vec::with_capacity(size as usize);
    let be32 = |b: &mut Vec<u8>, vs: &[u32]| vs.iter().for_each(|v| b.extend_from_slice(&v.to_be_bytes()));
    be32(&mut b, &[0xfade_0cc0, size, 1, 0, 20]);
    be32(&mut b, &[0xfade_0c02, size - 20, 0x2_0400, 0x2_0002, hashes, ident, 0, nslots, code_limit as u32]);
    b.extend_from_slice(&[32, 2, 0, 12]); // hash size, SHA-256, platform, log2 page size
    be32(&mut b, &[0, 0, 0, 0]); // spare2, scatterOffset, teamOffset, spare3
    for v in [0u64, 0, text_filesize, 1] {
        // codeLimit64, execSegBase, execSegLimit, CS_EXECSEG_MAIN_BINARY
        b.extend_from_slice(&v.to_be_bytes());
    }
    b.extend_from_slice(SIGNATURE_ID.as_bytes());
    b.push(0);
    for page in file.chunks(PAGE_HASH as usize) {
        b.extend_from_slice(&base::sha256::sha256(page));
    }
    b
}

/// Lays out, relocates, signs and writes the executable, with `isa`'s Mach-O
/// values.
pub fn write(isa: &IsaDesc, input: &Input) -> Result<Vec<u8>, LinkError> {
    let Some(arch) = isa.macho else { return Err(crate::no_values(isa, "Mach-O")) };
    let base = arch.pagezero;
    let text_addr = base + HEADR;
    let text_end = HEADR + input.text.len() as u64;
    let text_size = align_up(text_end, arch.page);

    // __DATA: build info, data, GOT, bss; its file offset is its distance from base.
    let data_seg = base + text_size;
    let bi_len = align_up(input.buildinfo.len() as u64, 16);
    let data_addr = data_seg + bi_len;
    let got_addr = align_up(data_addr + input.data.len() as u64, 8);
    let got_len = 8 * input.imports.len() as u64;
    let bss_addr = align_up(got_addr + got_len, 16);
    let data_filesize = got_addr + got_len - data_seg;
    let data_vmsize = align_up(bss_addr + input.bss_size - data_seg, arch.page).max(arch.page);
    let linkedit_addr = data_seg + data_vmsize;
    let linkedit_off = text_size + align_up(data_filesize, arch.page);

    let mut addrs = addresses(&[
        (&input.text_symbols, text_addr),
        (&input.data_symbols, data_addr),
        (&input.bss_symbols, bss_addr),
    ])?;
    for (i, imp) in input.imports.iter().enumerate() {
        if addrs.insert(imp.symbol.as_str(), got_addr + 8 * i as u64).is_some() {
            return Err(LinkError(format!("duplicated definition of symbol {}", imp.symbol)));
        }
    }
    let Some(&entry) = addrs.get(input.entry.as_str()) else {
        return Err(LinkError(format!("entry symbol {} not defined", input.entry)));
    };
    if absolute(isa, &input.text_relocs).next().is_some() {
        return Err(LinkError("an absolute address in position-independent darwin text".into()));
    }
    let mut text = input.text.clone();
    let mut data = input.data.clone();
    apply(isa, &mut text, text_addr, &input.text_relocs, &addrs)?;
    apply(isa, &mut data, data_addr, &input.data_relocs, &addrs)?;

    // __LINKEDIT contents. Segment 2 is __DATA.
    let mut rebase = vec![0x11]; // SET_TYPE_IMM | POINTER
    let mut pointers: Vec<u64> =
        absolute(isa, &input.data_relocs).map(|o| data_addr + o as u64 - data_seg).collect();
    pointers.sort_unstable();
    for off in pointers {
        rebase.push(0x22); // SET_SEGMENT_AND_OFFSET_ULEB, segment 2
        uleb(&mut rebase, off);
        rebase.push(0x51); // DO_REBASE_IMM_TIMES 1
    }
    rebase.push(0); // DONE
    rebase.resize(align_up(rebase.len() as u64, 8) as usize, 0);
    let mut libs: BTreeMap<&str, u32> = BTreeMap::new();
    for imp in &input.imports {
        let n = libs.len() as u32 + 1;
        libs.entry(imp.library.as_str()).or_insert(n);
    }
    let mut bind = vec![0x51]; // SET_TYPE_IMM | POINTER
    for (i, imp) in input.imports.iter().enumerate() {
        bind.push(0x10 | libs[imp.library.as_str()] as u8); // SET_DYLIB_ORDINAL_IMM
        bind.push(0x40); // SET_SYMBOL_TRAILING_FLAGS_IMM
        bind.extend_from_slice(format!("_{}", imp.name).as_bytes());
        bind.push(0);
        bind.push(0x72); // SET_SEGMENT_AND_OFFSET_ULEB, segment 2
        uleb(&mut bind, got_addr + 8 * i as u64 - data_seg);
        bind.push(0x90); // DO_BIND
    }
    bind.push(0);
    bind.resize(align_up(bind.len() as u64, 8) as usize, 0);

    // Symbols: the defined ones (unless stripped; n_sect counts sections from 1:
    // __text, __go_buildinfo, __data, __got, __bss), then the imports.
    let mut strtab = vec![b' ', 0];
    let mut symtab = Vec::new();
    let mut nlist = |strtab: &mut Vec<u8>, name: &str, ty: u8, sect: u8, desc: u16, value: u64| {
        symtab.extend_from_slice(&(strtab.len() as u32).to_le_bytes());
        symtab.extend_from_slice(&[ty, sect]);
        symtab.extend_from_slice(&desc.to_le_bytes());
        symtab.extend_from_slice(&value.to_le_bytes());
        strtab.extend_from_slice(name.as_bytes());
        strtab.push(0);
    };
    let mut nlocal = 0u32;
    if !input.strip {
        for (syms, sect, at) in [
            (&input.text_symbols, 1u8, text_addr),
            (&input.data_symbols, 3, data_addr),
            (&input.bss_symbols, 5, bss_addr),
        ] {
            for s in syms {
                nlist(&mut strtab, &s.name, 0x0e, sect, 0, at + s.offset); // N_SECT
                nlocal += 1;
            }
        }
    }
    for imp in &input.imports {
        let ordinal = libs[imp.library.as_str()] as u16;
        nlist(&mut strtab, &format!("_{}", imp.name), 0x01, 0, ordinal << 8, 0); // N_UNDF | N_EXT
    }
    let nsyms = nlocal + input.imports.len() as u32;
    let indirect: Vec<u8> =
        (0..input.imports.len() as u32).flat_map(|i| (nlocal + i).to_le_bytes()).collect();

    let rebase_off = linkedit_off;
    let bind_off = rebase_off + rebase.len() as u64;
    let sym_off = bind_off + bind.len() as u64;
    let indirect_off = sym_off + symtab.len() as u64;
    let str_off = indirect_off + indirect.len() as u64;
    // The signature starts 16-byte aligned: the string table is padded to it.
    let code_limit = align_up(str_off + strtab.len() as u64, 16);
    strtab.resize((code_limit - str_off) as usize, 0);
    let sig_size = signature_size(code_limit);
    let linkedit_size = code_limit + sig_size - linkedit_off;

    let mut libs_by_ordinal: Vec<(&str, u32)> = libs.iter().map(|(l, o)| (*l, *o)).collect();
    libs_by_ordinal.sort_by_key(|l| l.1);

    // Load commands.
    let mut c = Cmds::default();
    segment(
        &mut c,
        &Seg {
            name: "__PAGEZERO",
            vmaddr: 0,
            vmsize: base,
            fileoff: 0,
            filesize: 0,
            prot: (0, 0),
            sects: vec![],
        },
    );
    segment(
        &mut c,
        &Seg {
            name: "__TEXT",
            vmaddr: base,
            vmsize: text_size,
            fileoff: 0,
            filesize: text_size,
            prot: (7, 5),
            sects: vec![Sect {
                name: "__text",
                addr: text_addr,
                size: input.text.len() as u64,
                offset: HEADR as u32,
                align: 4,
                flags: 0x8000_0400, // PURE_INSTRUCTIONS | SOME_INSTRUCTIONS
                reserved1: 0,
            }],
        },
    );
    let data_off = |addr: u64| (text_size + addr - data_seg) as u32;
    segment(
        &mut c,
        &Seg {
            name: "__DATA",
            vmaddr: data_seg,
            vmsize: data_vmsize,
            fileoff: text_size,
            filesize: data_filesize,
            prot: (3, 3),
            sects: vec![
                Sect {
                    name: "__go_buildinfo",
                    addr: data_seg,
                    size: input.buildinfo.len() as u64,
                    offset: data_off(data_seg),
                    align: 4,
                    flags: 0,
                    reserved1: 0,
                },
                Sect {
                    name: "__data",
                    addr: data_addr,
                    size: input.data.len() as u64,
                    offset: data_off(data_addr),
                    align: 4,
                    flags: 0,
                    reserved1: 0,
                },
                Sect {
                    name: "__got",
                    addr: got_addr,
                    size: got_len,
                    offset: data_off(got_addr),
                    align: 3,
                    flags: 0x6, // S_NON_LAZY_SYMBOL_POINTERS
                    reserved1: 0,
                },
                Sect {
                    name: "__bss",
                    addr: bss_addr,
                    size: input.bss_size,
                    offset: 0,
                    align: 4,
                    flags: 0x1, // S_ZEROFILL
                    reserved1: 0,
                },
            ],
        },
    );
    segment(
        &mut c,
        &Seg {
            name: "__LINKEDIT",
            vmaddr: linkedit_addr,
            vmsize: align_up(linkedit_size, arch.page),
            fileoff: linkedit_off,
            filesize: linkedit_size,
            prot: (1, 1),
            sects: vec![],
        },
    );
    let [os, sdk] = input.macho_versions;
    c.u32s(&[0x32, 24, 1, os, sdk, 0]); // LC_BUILD_VERSION: macOS, its versions, no tools
    c.count += 1;
    c.u32s(&[0x8000_0028, 24]); // LC_MAIN
    c.u64s(&[entry - base, 0]);
    c.count += 1;
    c.u32s(&[0x8000_0022, 48]); // LC_DYLD_INFO_ONLY
    c.u32s(&[rebase_off as u32, rebase.len() as u32, bind_off as u32, bind.len() as u32, 0, 0, 0, 0, 0, 0]);
    c.count += 1;
    c.u32s(&[0x2, 24, sym_off as u32, nsyms, str_off as u32, strtab.len() as u32]); // LC_SYMTAB
    c.count += 1;
    c.u32s(&[0xb, 80, 0, nlocal, nlocal, 0, nlocal, input.imports.len() as u32]); // LC_DYSYMTAB
    c.u32s(&[0, 0, 0, 0, 0, 0, indirect_off as u32, input.imports.len() as u32, 0, 0, 0, 0]);
    c.count += 1;
    c.with_string(0xe, &[12], DYLD); // LC_LOAD_DYLINKER
    for (lib, _) in &libs_by_ordinal {
        c.with_string(0xc, &[24, 0, 0, 0], lib); // LC_LOAD_DYLIB
    }
    let uuid = input.build_id.macho_uuid();
    let uuid_at = 32 + c.bytes.len() + 8;
    if uuid.is_some() {
        c.u32s(&[0x1b, 24, 0, 0, 0, 0]); // LC_UUID, filled in below
        c.count += 1;
    }
    c.u32s(&[0x1d, 16, code_limit as u32, sig_size as u32]); // LC_CODE_SIGNATURE
    c.count += 1;
    if 32 + c.bytes.len() as u64 > HEADR {
        return Err(LinkError("Mach-O load commands too large".into()));
    }

    let mut out = Vec::with_capacity((code_limit + sig_size) as usize);
    for v in [0xfeed_facf, arch.cputype, arch.cpusubtype, 2, c.count, c.bytes.len() as u32, 0x20_0004, 0] {
        out.extend_from_slice(&v.to_le_bytes()); // MH_EXECUTE; MH_PIE | MH_DYLDLINK
    }
    out.extend_from_slice(&c.bytes);
    out.resize(HEADR as usize, 0);
    out.extend_from_slice(&text);
    out.resize(text_size as usize, isa.pad);
    out.extend_from_slice(&input.buildinfo);
    out.resize((text_size + bi_len) as usize, 0);
    out.extend_from_slice(&data);
    out.resize((text_size + data_filesize) as usize, 0);
    out.resize(linkedit_off as usize, 0);
    for part in [&rebase, &bind, &symtab, &indirect, &strtab] {
        out.extend_from_slice(part);
    }
    debug_assert_eq!(out.len() as u64, code_limit);
    // The UUID: what `-B` gives (derived from the build ID by default), else (as
    // Go does without one) from the file so far, as an RFC 4122 version 3 UUID.
    let mut excluded = vec![];
    if let Some(given) = uuid {
        let u = given.unwrap_or_else(|| buildid::uuid(&buildid::sum32(&out)));
        out[uuid_at..uuid_at + 16].copy_from_slice(&u);
        excluded.push(uuid_at..uuid_at + 16);
    }
    // The content ID reads the UUID and the signature to come as zeros.
    buildid::finish(&mut out, &input.build_id, &excluded, sig_size as usize);
    let sig = signature(&out, text_size);
    out.extend_from_slice(&sig);
    Ok(out)
}
