//! The IR's one text form: `print` writes a module, `parse` reads it back to the
//! same module (tests compare text, and a round trip is the identity).
//!
//! ```text
//! declare @"fmt.Println"(i64, i64) -> (i64)
//! import @"runtime.fd_write" = "wasi_snapshot_preview1" "fd_write" (i32, i32, i32, i32) -> (i32)
//! data @"go:str.0" size 5 align 1 ro "hello"
//! dynimport @"runtime._WriteFile" = "WriteFile" "kernel32.dll"
//! func @"main.max"(i64, i64) -> (i64) noinline {
//!   slot s0 16 8
//! b0(v0:i64, v1:i64):
//!   v2:i32 = gts v0, v1
//!   br v2, b1(v0), b1(v1)
//! b1(v3:i64):
//!   ret v3
//! }
//! ```

use crate::{
    BinOp, Block, BlockData, CmpOp, ConvOp, Data, Decl, DynImport, Func, Inst, Mem, Module, Op, Reloc,
    RelocKind, Sig, Slot, SlotData, Target, Term, Ty, UnOp, Value, Var,
};
use core::fmt::Write;

fn quote(out: &mut String, bytes: &[u8]) {
    out.push('"');
    for &b in bytes {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    out.push('"');
}

fn sym(out: &mut String, name: &str) {
    out.push('@');
    quote(out, name.as_bytes());
}

fn sig(out: &mut String, s: &Sig) {
    let list = |ts: &[Ty]| ts.iter().map(|t| t.name()).collect::<Vec<_>>().join(", ");
    let _ = write!(out, "({}) -> ({})", list(&s.params), list(&s.results));
}

fn target(t: &Target) -> String {
    if t.args.is_empty() { t.block.to_string() } else { format!("{}({})", t.block, values(&t.args)) }
}

fn values(vs: &[Value]) -> String {
    vs.iter().map(Value::to_string).collect::<Vec<_>>().join(", ")
}

pub fn print(m: &Module) -> String {
    let mut out = String::new();
    for d in &m.decls {
        match &d.import {
            None => {
                out.push_str("declare ");
                sym(&mut out, &d.name);
            }
            Some((module, field)) => {
                out.push_str("import ");
                sym(&mut out, &d.name);
                out.push_str(" = ");
                quote(&mut out, module.as_bytes());
                out.push(' ');
                quote(&mut out, field.as_bytes());
                out.push(' ');
            }
        }
        sig(&mut out, &d.sig);
        out.push('\n');
    }
    for d in &m.data {
        out.push_str("data ");
        sym(&mut out, &d.name);
        let _ = write!(out, " size {} align {}", d.size, d.align);
        if d.readonly {
            out.push_str(" ro");
        }
        out.push(' ');
        quote(&mut out, &d.init);
        for r in &d.relocs {
            let (kind, width) = match r.kind {
                RelocKind::Addr { width } => ("addr", width),
                RelocKind::Func { width } => ("func", width),
            };
            let _ = write!(out, "\n  reloc {} {kind}{width} ", r.off);
            sym(&mut out, &r.target);
            let _ = write!(out, " {:+}", r.addend);
        }
        out.push('\n');
    }
    for d in &m.dynimports {
        out.push_str("dynimport ");
        sym(&mut out, &d.symbol);
        out.push_str(" = ");
        quote(&mut out, d.name.as_bytes());
        out.push(' ');
        quote(&mut out, d.library.as_bytes());
        out.push('\n');
    }
    for f in &m.funcs {
        print_func(&mut out, f);
    }
    out
}

fn print_func(out: &mut String, f: &Func) {
    out.push_str("func ");
    sym(out, &f.name);
    sig(out, &f.sig);
    if f.noinline {
        out.push_str(" noinline");
    }
    if let Some(e) = &f.export {
        out.push_str(" export ");
        quote(out, e.as_bytes());
    }
    if f.catches {
        out.push_str(" catches");
    }
    out.push_str(" {\n");
    for (i, t) in f.vars.iter().enumerate() {
        let _ = writeln!(out, "  var x{i} {}", t.name());
    }
    for (i, s) in f.slots.iter().enumerate() {
        let _ = writeln!(out, "  slot s{i} {} {}", s.size, s.align);
    }
    for (i, b) in f.blocks.iter().enumerate() {
        let _ = write!(out, "b{i}");
        if !b.params.is_empty() {
            let ps: Vec<String> = b.params.iter().map(|&v| format!("{v}:{}", f.ty(v).name())).collect();
            let _ = write!(out, "({})", ps.join(", "));
        }
        out.push_str(":\n");
        for inst in &b.insts {
            out.push_str("  ");
            if !inst.results.is_empty() {
                let defs: Vec<String> =
                    inst.results.iter().map(|&v| format!("{v}:{}", f.ty(v).name())).collect();
                let _ = write!(out, "{} = ", defs.join(", "));
            }
            print_op(out, &inst.op);
            out.push('\n');
        }
        out.push_str("  ");
        match &b.term {
            Term::Jump(t) => {
                let _ = write!(out, "jump {}", target(t));
            }
            Term::Br(c, t, e) => {
                let _ = write!(out, "br {c}, {}, {}", target(t), target(e));
            }
            Term::Ret(vs) if vs.is_empty() => out.push_str("ret"),
            Term::Ret(vs) => {
                let _ = write!(out, "ret {}", values(vs));
            }
            Term::Unreachable => out.push_str("unreachable"),
        }
        out.push('\n');
    }
    out.push_str("}\n");
}

fn print_op(out: &mut String, op: &Op) {
    let _ = match op {
        Op::IConst(_, v) => write!(out, "iconst {v}"),
        Op::FConst(_, bits) => write!(out, "fconst {bits:#x}"),
        Op::Bin(o, a, b) => write!(out, "{} {a}, {b}", o.name()),
        Op::Cmp(o, a, b) => write!(out, "{} {a}, {b}", o.name()),
        Op::Un(o, a) => write!(out, "{} {a}", o.name()),
        Op::Conv(o, _, a) => write!(out, "{} {a}", o.name()),
        Op::Select(c, a, b) => write!(out, "select {c}, {a}, {b}"),
        Op::Load { mem, signed, ty, addr, off } => {
            let sign = if mem.bytes() < ty.bytes() { if *signed { "s" } else { "u" } } else { "" };
            write!(out, "load.{}{sign} {addr}+{off}", mem.name())
        }
        Op::Store { mem, addr, off, val } => write!(out, "store.{} {addr}+{off}, {val}", mem.name()),
        Op::Copy { dst, src, len } => write!(out, "copy {dst}, {src}, {len}"),
        Op::Zero { dst, len } => write!(out, "zero {dst}, {len}"),
        Op::SymAddr(n) => {
            out.push_str("symaddr ");
            sym(out, n);
            Ok(())
        }
        Op::FuncAddr(n) => {
            out.push_str("funcaddr ");
            sym(out, n);
            Ok(())
        }
        Op::SlotAddr(s) => write!(out, "slotaddr {s}"),
        Op::Get(x) => write!(out, "get {x}"),
        Op::Set(x, v) => write!(out, "set {x}, {v}"),
        Op::Call { callee, args } => {
            out.push_str("call ");
            sym(out, callee);
            write!(out, "({})", values(args))
        }
        Op::CallIndirect { sig: s, target, args } => {
            out.push_str("call_indirect ");
            sig(out, s);
            write!(out, " {target}({})", values(args))
        }
        Op::MemSize => write!(out, "memsize"),
        Op::MemGrow(v) => write!(out, "memgrow {v}"),
        Op::Check { cond, func, args } => {
            let _ = write!(out, "check {cond}, ");
            sym(out, func);
            write!(out, "({})", values(args))
        }
        Op::GetG => write!(out, "getg"),
    };
}

/// A parse error: the 1-based line and a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: u32,
    pub msg: String,
}

impl core::fmt::Display for ParseError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "line {}: {}", self.line, self.msg)
    }
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Sym(String),
    Str(Vec<u8>),
    Punct(char),
    Arrow,
}

struct Lexer<'a> {
    src: &'a [u8],
    pos: usize,
    line: u32,
}

impl Lexer<'_> {
    fn err<T>(&self, msg: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError { line: self.line, msg: msg.into() })
    }

    fn skip_space(&mut self) {
        while let Some(&c) = self.src.get(self.pos) {
            match c {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                b';' => {
                    while self.src.get(self.pos).is_some_and(|&c| c != b'\n') {
                        self.pos += 1;
                    }
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Result<Vec<u8>, ParseError> {
        // At the opening quote.
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(&c) = self.src.get(self.pos) else { return self.err("unterminated string") };
            self.pos += 1;
            match c {
                b'"' => return Ok(out),
                b'\\' => {
                    let Some(&e) = self.src.get(self.pos) else { return self.err("unterminated string") };
                    self.pos += 1;
                    match e {
                        b'"' | b'\\' => out.push(e),
                        b'x' => {
                            let hex = self.src.get(self.pos..self.pos + 2).unwrap_or(b"");
                            let Some(b) =
                                core::str::from_utf8(hex).ok().and_then(|h| u8::from_str_radix(h, 16).ok())
                            else {
                                return self.err("bad \\x escape");
                            };
                            out.push(b);
                            self.pos += 2;
                        }
                        _ => return self.err("bad escape"),
                    }
                }
                b'\n' => return self.err("newline in string"),
                _ => out.push(c),
            }
        }
    }

    fn next(&mut self) -> Result<Option<(Tok, u32)>, ParseError> {
        self.skip_space();
        let line = self.line;
        let Some(&c) = self.src.get(self.pos) else { return Ok(None) };
        let tok = match c {
            b'@' => {
                self.pos += 1;
                if self.src.get(self.pos) != Some(&b'"') {
                    return self.err("expected a quoted name after @");
                }
                let s = self.string()?;
                match String::from_utf8(s) {
                    Ok(s) => Tok::Sym(s),
                    Err(_) => return self.err("symbol name is not UTF-8"),
                }
            }
            b'"' => Tok::Str(self.string()?),
            b'-' if self.src.get(self.pos + 1) == Some(&b'>') => {
                self.pos += 2;
                Tok::Arrow
            }
            b'(' | b')' | b'{' | b'}' | b',' | b':' | b'=' => {
                self.pos += 1;
                Tok::Punct(c as char)
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' || c == b'+' || c == b'.' => {
                let start = self.pos;
                self.pos += 1;
                while self
                    .src
                    .get(self.pos)
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
                {
                    self.pos += 1;
                }
                // `v3+8` is a value, `+`, an offset: split at the `+` after a word.
                Tok::Word(String::from_utf8_lossy(&self.src[start..self.pos]).into_owned())
            }
            _ => return self.err(format!("unexpected character {:?}", c as char)),
        };
        Ok(Some((tok, line)))
    }
}

struct Parser {
    toks: Vec<(Tok, u32)>,
    pos: usize,
}

impl Parser {
    fn line(&self) -> u32 {
        // The last token consumed: the one an error is about.
        self.toks.get(self.pos.saturating_sub(1)).map_or(1, |t| t.1)
    }

    fn err<T>(&self, msg: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError { line: self.line(), msg: msg.into() })
    }

    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.0)
    }

    fn bump(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).map(|t| t.0.clone());
        self.pos += 1;
        t
    }

    fn word(&mut self) -> Result<String, ParseError> {
        match self.bump() {
            Some(Tok::Word(w)) => Ok(w),
            t => self.err(format!("expected a word, found {t:?}")),
        }
    }

    fn is_word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(x)) if x == w)
    }

    fn keyword(&mut self, w: &str) -> Result<(), ParseError> {
        if self.is_word(w) {
            self.pos += 1;
            Ok(())
        } else {
            self.err(format!("expected {w}"))
        }
    }

    fn punct(&mut self, c: char) -> Result<(), ParseError> {
        match self.bump() {
            Some(Tok::Punct(p)) if p == c => Ok(()),
            t => self.err(format!("expected {c:?}, found {t:?}")),
        }
    }

    fn eat_punct(&mut self, c: char) -> bool {
        if self.peek() == Some(&Tok::Punct(c)) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn sym(&mut self) -> Result<String, ParseError> {
        match self.bump() {
            Some(Tok::Sym(s)) => Ok(s),
            t => self.err(format!("expected @\"name\", found {t:?}")),
        }
    }

    fn string(&mut self) -> Result<Vec<u8>, ParseError> {
        match self.bump() {
            Some(Tok::Str(s)) => Ok(s),
            t => self.err(format!("expected a string, found {t:?}")),
        }
    }

    fn utf8(&mut self) -> Result<String, ParseError> {
        let s = self.string()?;
        String::from_utf8(s).or_else(|_| self.err("string is not UTF-8"))
    }

    fn number<T: TryFrom<i128>>(&mut self) -> Result<T, ParseError> {
        let w = self.word()?;
        let (neg, digits) = match w.strip_prefix('-') {
            Some(d) => (true, d),
            None => (false, w.strip_prefix('+').unwrap_or(&w)),
        };
        let n = match digits.strip_prefix("0x") {
            Some(h) => u64::from_str_radix(h, 16).map(i128::from),
            None => digits.parse::<u64>().map(i128::from),
        };
        let Ok(n) = n else { return self.err(format!("bad number {w:?}")) };
        let n = if neg { -n } else { n };
        T::try_from(n).or_else(|_| self.err(format!("number out of range: {w}")))
    }

    fn ty(&mut self) -> Result<Ty, ParseError> {
        let w = self.word()?;
        ty_named(&w).map_or_else(|| self.err(format!("unknown type {w:?}")), Ok)
    }

    fn ty_list(&mut self) -> Result<Vec<Ty>, ParseError> {
        self.punct('(')?;
        let mut out = Vec::new();
        if !self.eat_punct(')') {
            loop {
                out.push(self.ty()?);
                if self.eat_punct(')') {
                    break;
                }
                self.punct(',')?;
            }
        }
        Ok(out)
    }

    fn sig(&mut self) -> Result<Sig, ParseError> {
        let params = self.ty_list()?;
        match self.bump() {
            Some(Tok::Arrow) => {}
            t => return self.err(format!("expected ->, found {t:?}")),
        }
        let results = self.ty_list()?;
        Ok(Sig { params, results })
    }

    fn entity(&mut self, prefix: char) -> Result<u32, ParseError> {
        let w = self.word()?;
        match w.strip_prefix(prefix).and_then(|d| d.parse::<u32>().ok()) {
            Some(n) => Ok(n),
            None => self.err(format!("expected {prefix}N, found {w:?}")),
        }
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        self.entity('v').map(Value)
    }

    fn value_list(&mut self) -> Result<Vec<Value>, ParseError> {
        self.punct('(')?;
        let mut out = Vec::new();
        if !self.eat_punct(')') {
            loop {
                out.push(self.value()?);
                if self.eat_punct(')') {
                    break;
                }
                self.punct(',')?;
            }
        }
        Ok(out)
    }

    /// `b3` or `b3(v1, v2)`.
    fn target(&mut self) -> Result<Target, ParseError> {
        let block = Block(self.entity('b')?);
        let args = if self.peek() == Some(&Tok::Punct('(')) { self.value_list()? } else { Vec::new() };
        Ok(Target { block, args })
    }

    /// `v3+8`: lexed as the word `v3` then the word `+8`.
    fn addr(&mut self) -> Result<(Value, u32), ParseError> {
        let v = self.value()?;
        let off = self.number::<u32>()?;
        Ok((v, off))
    }
}

fn ty_named(w: &str) -> Option<Ty> {
    [Ty::I32, Ty::I64, Ty::F32, Ty::F64, Ty::Ptr].into_iter().find(|t| t.name() == w)
}

fn mem_named(w: &str) -> Option<Mem> {
    [Mem::I8, Mem::I16, Mem::I32, Mem::I64, Mem::F32, Mem::F64].into_iter().find(|m| m.name() == w)
}

pub fn parse(src: &str) -> Result<Module, ParseError> {
    let mut lx = Lexer { src: src.as_bytes(), pos: 0, line: 1 };
    let mut toks = Vec::new();
    while let Some(t) = lx.next()? {
        toks.push(t);
    }
    let mut p = Parser { toks, pos: 0 };
    let mut m = Module::default();
    while p.peek().is_some() {
        let kw = p.word()?;
        match kw.as_str() {
            "declare" => {
                let name = p.sym()?;
                let sig = p.sig()?;
                m.decls.push(Decl { name, sig, import: None });
            }
            "import" => {
                let name = p.sym()?;
                p.punct('=')?;
                let module = p.utf8()?;
                let field = p.utf8()?;
                let sig = p.sig()?;
                m.decls.push(Decl { name, sig, import: Some((module, field)) });
            }
            "data" => {
                let name = p.sym()?;
                p.keyword("size")?;
                let size = p.number()?;
                p.keyword("align")?;
                let align = p.number()?;
                let readonly = p.is_word("ro");
                if readonly {
                    p.pos += 1;
                }
                let init = p.string()?;
                let mut relocs = Vec::new();
                while p.is_word("reloc") {
                    p.pos += 1;
                    let off = p.number()?;
                    let k = p.word()?;
                    let kind = match k.as_str() {
                        "addr4" => RelocKind::Addr { width: 4 },
                        "addr8" => RelocKind::Addr { width: 8 },
                        "func4" => RelocKind::Func { width: 4 },
                        "func8" => RelocKind::Func { width: 8 },
                        _ => return p.err(format!("unknown relocation {k:?}")),
                    };
                    let target = p.sym()?;
                    let addend = p.number()?;
                    relocs.push(Reloc { off, kind, target, addend });
                }
                m.data.push(Data { name, size, align, readonly, init, relocs });
            }
            "dynimport" => {
                let symbol = p.sym()?;
                p.punct('=')?;
                let name = p.utf8()?;
                let library = p.utf8()?;
                m.dynimports.push(DynImport { symbol, name, library });
            }
            "func" => m.funcs.push(parse_func(&mut p)?),
            _ => return p.err(format!("expected declare, import, data, dynimport or func, found {kw:?}")),
        }
    }
    Ok(m)
}

fn parse_func(p: &mut Parser) -> Result<Func, ParseError> {
    let name = p.sym()?;
    let sig = p.sig()?;
    let mut f = Func::new(&name, sig);
    f.blocks.clear();
    if p.is_word("noinline") {
        p.pos += 1;
        f.noinline = true;
    }
    if p.is_word("export") {
        p.pos += 1;
        f.export = Some(p.utf8()?);
    }
    if p.is_word("catches") {
        p.pos += 1;
        f.catches = true;
    }
    p.punct('{')?;
    while p.is_word("var") {
        p.pos += 1;
        let n = p.entity('x')?;
        if n as usize != f.vars.len() {
            return p.err(format!("expected x{}", f.vars.len()));
        }
        let t = p.ty()?;
        f.vars.push(t);
    }
    while p.is_word("slot") {
        p.pos += 1;
        let n = p.entity('s')?;
        if n as usize != f.slots.len() {
            return p.err(format!("expected s{}", f.slots.len()));
        }
        let size = p.number()?;
        let align = p.number()?;
        f.slots.push(SlotData { size, align });
    }
    let mut value_types: Vec<Option<Ty>> = Vec::new();
    let mut define = |p: &Parser, v: Value, t: Ty| -> Result<(), ParseError> {
        if value_types.len() <= v.index() {
            value_types.resize(v.index() + 1, None);
        }
        if value_types[v.index()].replace(t).is_some() {
            return p.err(format!("{v} defined twice"));
        }
        Ok(())
    };
    loop {
        if p.eat_punct('}') {
            break;
        }
        let b = p.entity('b')?;
        if b as usize != f.blocks.len() {
            return p.err(format!("expected b{}", f.blocks.len()));
        }
        let mut params = Vec::new();
        if p.eat_punct('(') && !p.eat_punct(')') {
            loop {
                let v = p.value()?;
                p.punct(':')?;
                let t = p.ty()?;
                define(p, v, t)?;
                params.push(v);
                if p.eat_punct(')') {
                    break;
                }
                p.punct(',')?;
            }
        }
        p.punct(':')?;
        let mut block = BlockData { params, insts: Vec::new(), term: Term::Unreachable };
        loop {
            // An instruction with results starts `vN:ty`; without, a keyword.
            let mut results = Vec::new();
            let mut result_ty = None;
            if matches!(p.peek(), Some(Tok::Word(w)) if w.starts_with('v'))
                && matches!(p.toks.get(p.pos + 1), Some((Tok::Punct(':'), _)))
            {
                loop {
                    let v = p.value()?;
                    p.punct(':')?;
                    let t = p.ty()?;
                    define(p, v, t)?;
                    result_ty = result_ty.or(Some(t));
                    results.push(v);
                    if !p.eat_punct(',') {
                        break;
                    }
                }
                p.punct('=')?;
            }
            let op = p.word()?;
            if results.is_empty() {
                let term = match op.as_str() {
                    "jump" => Some(Term::Jump(p.target()?)),
                    "br" => {
                        let c = p.value()?;
                        p.punct(',')?;
                        let t = p.target()?;
                        p.punct(',')?;
                        Some(Term::Br(c, t, p.target()?))
                    }
                    "ret" => {
                        let mut vs = Vec::new();
                        if matches!(p.peek(), Some(Tok::Word(w)) if w.starts_with('v')) {
                            loop {
                                vs.push(p.value()?);
                                if !p.eat_punct(',') {
                                    break;
                                }
                            }
                        }
                        Some(Term::Ret(vs))
                    }
                    "unreachable" => Some(Term::Unreachable),
                    _ => None,
                };
                if let Some(t) = term {
                    block.term = t;
                    break;
                }
            }
            let op = parse_op(p, &op, result_ty)?;
            block.insts.push(Inst { results, op });
        }
        f.blocks.push(block);
    }
    if f.blocks.is_empty() {
        return p.err(format!("function {name} has no blocks"));
    }
    f.values = Vec::with_capacity(value_types.len());
    // A number no instruction defines is a value a pass removed (the printer
    // keeps the numbering): it stays, unused, as an i64 (the verifier rejects a
    // use of it).
    f.values = value_types.into_iter().map(|t| t.unwrap_or(Ty::I64)).collect();
    Ok(f)
}

fn parse_op(p: &mut Parser, op: &str, ty: Option<Ty>) -> Result<Op, ParseError> {
    let need_ty = |p: &Parser| ty.map_or_else(|| p.err(format!("{op} needs a result")), Ok);
    let two = |p: &mut Parser| -> Result<(Value, Value), ParseError> {
        let a = p.value()?;
        p.punct(',')?;
        Ok((a, p.value()?))
    };
    if let Some(b) = BinOp::from_name(op) {
        let (a, c) = two(p)?;
        return Ok(Op::Bin(b, a, c));
    }
    if let Some(c) = CmpOp::from_name(op) {
        let (a, b) = two(p)?;
        return Ok(Op::Cmp(c, a, b));
    }
    if let Some(u) = UnOp::from_name(op) {
        return Ok(Op::Un(u, p.value()?));
    }
    if let Some(c) = ConvOp::from_name(op) {
        let t = need_ty(p)?;
        return Ok(Op::Conv(c, t, p.value()?));
    }
    if let Some(rest) = op.strip_prefix("load.") {
        let (mem, signed) = match rest.strip_suffix('s') {
            Some(m) if mem_named(m).is_some() => (mem_named(m), true),
            _ => match rest.strip_suffix('u') {
                Some(m) if mem_named(m).is_some() => (mem_named(m), false),
                _ => (mem_named(rest), false),
            },
        };
        let Some(mem) = mem else { return p.err(format!("unknown load {op:?}")) };
        let ty = need_ty(p)?;
        let (addr, off) = p.addr()?;
        return Ok(Op::Load { mem, signed, ty, addr, off });
    }
    if let Some(rest) = op.strip_prefix("store.") {
        let Some(mem) = mem_named(rest) else { return p.err(format!("unknown store {op:?}")) };
        let (addr, off) = p.addr()?;
        p.punct(',')?;
        return Ok(Op::Store { mem, addr, off, val: p.value()? });
    }
    Ok(match op {
        "iconst" => Op::IConst(need_ty(p)?, p.number()?),
        "fconst" => {
            let t = need_ty(p)?;
            let bits: i128 = p.number()?;
            Op::FConst(t, bits as u64)
        }
        "select" => {
            let c = p.value()?;
            p.punct(',')?;
            let (a, b) = two(p)?;
            Op::Select(c, a, b)
        }
        "copy" => {
            let dst = p.value()?;
            p.punct(',')?;
            let (src, len) = two(p)?;
            Op::Copy { dst, src, len }
        }
        "zero" => {
            let (dst, len) = two(p)?;
            Op::Zero { dst, len }
        }
        "symaddr" => Op::SymAddr(p.sym()?),
        "funcaddr" => Op::FuncAddr(p.sym()?),
        "slotaddr" => Op::SlotAddr(Slot(p.entity('s')?)),
        "get" => Op::Get(Var(p.entity('x')?)),
        "set" => {
            let x = Var(p.entity('x')?);
            p.punct(',')?;
            Op::Set(x, p.value()?)
        }
        "call" => {
            let callee = p.sym()?;
            Op::Call { callee, args: p.value_list()? }
        }
        "call_indirect" => {
            let sig = p.sig()?;
            let target = p.value()?;
            Op::CallIndirect { sig, target, args: p.value_list()? }
        }
        "memsize" => Op::MemSize,
        "memgrow" => Op::MemGrow(p.value()?),
        "check" => {
            let cond = p.value()?;
            p.punct(',')?;
            let func = p.sym()?;
            Op::Check { cond, func, args: p.value_list()? }
        }
        "getg" => Op::GetG,
        _ => return p.err(format!("unknown instruction {op:?}")),
    })
}
