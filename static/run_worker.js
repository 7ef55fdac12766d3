// Runs a js/wasm or wasip1/wasm program built by crossplay, in a worker of its own
// so that the page's Stop button can terminate it at once. Receives
// {goos, name, bytes}; posts {kind:'out', fd, text}, then {kind:'exit', code} or
// {kind:'error', message}.
'use strict';

class Exit extends Error {
  constructor(code) { super('exit ' + code); this.code = code; }
}

const decoders = {};
function write(fd, bytes) {
  const d = decoders[fd] || (decoders[fd] = new TextDecoder('utf-8'));
  const text = d.decode(bytes, { stream: true });
  if (text) postMessage({ kind: 'out', fd, text });
}

function unsupported(module) {
  return (target) => new Proxy(target, {
    get: (t, name) => t[name] || (() => { throw new Error('unsupported import ' + module + '.' + String(name)); }),
  });
}

// js/wasm: the `gojs` imports crossplay's runtime uses, with Go's calling
// convention (arguments in the Go stack frame at sp+8), and argv and the
// environment laid out from 4096 as wasm_exec.js does.
async function runJS(bytes, name) {
  let inst;
  const view = () => new DataView(inst.exports.mem.buffer);
  const i64 = (sp, off) => Number(view().getBigInt64(sp + off, true));
  const start = performance.now();
  const gojs = {
    'runtime.wasmWrite': (sp) => {
      sp >>>= 0;
      const fd = i64(sp, 8), p = i64(sp, 16), n = view().getInt32(sp + 24, true);
      write(fd, new Uint8Array(inst.exports.mem.buffer, p, n).slice());
    },
    'runtime.wasmExit': (sp) => { throw new Exit(view().getInt32((sp >>> 0) + 8, true)); },
    // Views are made afresh for every access, so memory growth needs no work.
    'runtime.resetMemoryDataView': () => {},
    'runtime.nanotime1': (sp) => {
      view().setBigInt64((sp >>> 0) + 8, BigInt(Math.round((performance.timeOrigin + performance.now() - start) * 1e6)), true);
    },
    'runtime.walltime': (sp) => {
      sp >>>= 0;
      const ms = Date.now();
      view().setBigInt64(sp + 8, BigInt(Math.floor(ms / 1000)), true);
      view().setInt32(sp + 16, (ms % 1000) * 1000000, true);
    },
  };
  const { instance } = await WebAssembly.instantiate(bytes, { gojs: unsupported('gojs')(gojs) });
  inst = instance;
  const mem = new Uint8Array(inst.exports.mem.buffer);
  let off = 4096;
  const enc = new TextEncoder();
  const str = (s) => {
    const b = enc.encode(s + '\0');
    mem.set(b, off);
    const p = off;
    off += b.length + ((8 - (b.length % 8)) % 8);
    return p;
  };
  const args = [name];
  const ptrs = args.map(str);
  ptrs.push(0);
  ptrs.push(0); // no environment variables
  const argv = off;
  ptrs.forEach((p) => { view().setUint32(off, p, true); view().setUint32(off + 4, 0, true); off += 8; });
  inst.exports.run(args.length, argv);
  return 0;
}

// wasip1/wasm: the WASI preview 1 calls crossplay's runtime makes.
async function runWASI(bytes, name) {
  let inst;
  const view = () => new DataView(inst.exports.memory.buffer);
  const u8 = () => new Uint8Array(inst.exports.memory.buffer);
  const enc = new TextEncoder();
  const args = [name].map((a) => enc.encode(a + '\0'));
  const EBADF = 8, EINVAL = 28, SUCCESS = 0;
  const list = (items, ptrs, buf) => {
    let b = buf;
    items.forEach((it, i) => { view().setUint32(ptrs + 4 * i, b, true); u8().set(it, b); b += it.length; });
    return SUCCESS;
  };
  const wasi = {
    fd_write: (fd, iovs, n, written) => {
      if (fd !== 1 && fd !== 2) return EBADF;
      let total = 0;
      for (let i = 0; i < n; i++) {
        const p = view().getUint32(iovs + 8 * i, true), len = view().getUint32(iovs + 8 * i + 4, true);
        write(fd, u8().slice(p, p + len));
        total += len;
      }
      view().setUint32(written, total, true);
      return SUCCESS;
    },
    proc_exit: (code) => { throw new Exit(code); },
    clock_time_get: (id, precision, out) => {
      let ns;
      if (id === 0) ns = BigInt(Date.now()) * 1000000n;
      else if (id === 1) ns = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
      else return EINVAL;
      view().setBigUint64(out, ns, true);
      return SUCCESS;
    },
    args_sizes_get: (count, size) => {
      view().setUint32(count, args.length, true);
      view().setUint32(size, args.reduce((s, a) => s + a.length, 0), true);
      return SUCCESS;
    },
    args_get: (ptrs, buf) => list(args, ptrs, buf),
    environ_sizes_get: (count, size) => { view().setUint32(count, 0, true); view().setUint32(size, 0, true); return SUCCESS; },
    environ_get: () => SUCCESS,
    sched_yield: () => SUCCESS,
    random_get: (p, n) => { crypto.getRandomValues(u8().subarray(p, p + n)); return SUCCESS; },
  };
  const { instance } = await WebAssembly.instantiate(bytes, { wasi_snapshot_preview1: unsupported('wasi_snapshot_preview1')(wasi) });
  inst = instance;
  inst.exports._start();
  return 0;
}

onmessage = async (ev) => {
  const { goos, name, bytes } = ev.data;
  let code;
  try {
    code = goos === 'js' ? await runJS(bytes, name) : await runWASI(bytes, name);
  } catch (e) {
    if (!(e instanceof Exit)) {
      postMessage({ kind: 'error', message: String(e && e.message || e) });
      return;
    }
    code = e.code;
  }
  for (const fd of Object.keys(decoders)) {
    const rest = decoders[fd].decode();
    if (rest) postMessage({ kind: 'out', fd: Number(fd), text: rest });
  }
  postMessage({ kind: 'exit', code });
};
