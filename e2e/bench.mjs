// The playground benchmark (scripts/bench-web.sh): in headless Chromium, the
// compiler worker's compile + link time for hello world per target, cold (cache
// cleared before each run), after an edit of main.go with the standard library
// cached (the budget: 50 ms), and with nothing changed (every action a hit),
// timed from posting the Build request to its reply (median of 5); then the page's wasm and JS sizes, raw and
// gzip -9. usage: node e2e/bench.mjs URL DIST_DIR GOOS/GOARCH...
import { chromium } from 'playwright-core';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [url, dist, ...targets] = process.argv.slice(2);
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'crossplay-bench-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = browser.pages()[0] || await browser.newPage();
  await page.goto(url);
  const hello = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello, world")\n}\n';
  const results = await page.evaluate(async ({ hello, targets }) => {
    const w = new Worker('./worker_loader.js');
    const waiters = [];
    w.onmessage = (ev) => { const f = waiters.shift(); if (f) f(ev.data); };
    const next = () => new Promise((r) => waiters.push(r));
    await next(); // Ready
    const ask = async (req) => { const p = next(); w.postMessage(req); return p; };
    const files = [{ name: 'go.mod', text: 'module hello\n\ngo 1.27\n' }, { name: 'main.go', text: hello }];
    const out = [];
    for (const t of targets) {
      const [goos, goarch] = t.split('/');
      const settings = { goos, goarch, subarch: '', cgo_enabled: '', tags: '', ldflags: '', trimpath: false, buildvcs: 'auto', output: '' };
      const time = async (clear, fs = files) => {
        if (clear) await ask({ kind: 'ClearCache', id: 0 });
        const t0 = performance.now();
        const r = await ask({ kind: 'Build', id: 1, files: fs, settings });
        return { ms: performance.now() - t0, r };
      };
      const first = await time(true);
      if (!first.r.binary) { out.push({ t, error: first.r.errors.join(' ') }); continue; }
      const cold = [], edit = [], hit = [];
      for (let i = 0; i < 5; i++) cold.push((await time(true)).ms);
      for (let i = 0; i < 5; i++) {
        const edited = [files[0], { name: 'main.go', text: hello.replace('hello, world', `hello, world ${t} ${i}`) }];
        const e = await time(false, edited);
        const missed = e.r.actions.filter((a) => !a.hit).length;
        if (missed !== 2) throw new Error(`${t}: an edit of main.go ran ${missed} actions`);
        edit.push(e.ms);
      }
      await time(false);
      for (let i = 0; i < 5; i++) hit.push((await time(false)).ms);
      const med = (xs) => xs.sort((a, b) => a - b)[2];
      out.push({ t, cold: med(cold), edit: med(edit), hit: med(hit), size: first.r.binary.length });
    }
    w.terminate();
    return out;
  }, { hello, targets });
  console.log('worker compile + link, hello world (median of 5, request to reply):');
  for (const r of results) {
    if (r.error) console.log(`  ${r.t.padEnd(14)} not buildable: ${r.error}`);
    else console.log(`  ${r.t.padEnd(14)} cold ${r.cold.toFixed(1).padStart(7)} ms   edit of main.go ${r.edit.toFixed(1).padStart(6)} ms (budget 50)   no change ${r.hit.toFixed(1).padStart(6)} ms   output ${r.size} bytes`);
  }
} finally {
  await browser.close();
}
console.log('the page (dist/):');
let tw = [0, 0], tj = [0, 0];
for (const f of readdirSync(dist).sort()) {
  if (!/\.(wasm|js)$/.test(f)) continue;
  const b = readFileSync(join(dist, f));
  const gz = gzipSync(b, { level: 9 }).length;
  const acc = f.endsWith('.wasm') ? tw : tj;
  acc[0] += b.length; acc[1] += gz;
  console.log(`  ${f.padEnd(34)} ${String(b.length).padStart(9)} bytes   gzip ${String(gz).padStart(8)}`);
}
console.log(`  ${'all wasm'.padEnd(34)} ${String(tw[0]).padStart(9)} bytes   gzip ${String(tw[1]).padStart(8)}`);
console.log(`  ${'all JS'.padEnd(34)} ${String(tj[0]).padStart(9)} bytes   gzip ${String(tj[1]).padStart(8)}`);
