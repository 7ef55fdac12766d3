// crossplay's reproducibility test: the same inputs give byte-identical binaries
// (1) across runs of the native CLI, (2) across -p values, and (3) between the
// native CLI and the wasm32 build of the toolchain (repro/, the worker's build
// code compiled to wasm32 and run here in node), for every target crossplay
// builds and with different flags.
// usage: node e2e/repro.mjs REPRO_JS CROSSPLAY_BINARY
// Prints TAP-style lines; exits 1 if any comparison fails.
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [reproJs, cliArg] = process.argv.slice(2);
const cli = cliArg && resolve(cliArg);
if (!reproJs || !cliArg) {
  console.error('usage: node e2e/repro.mjs REPRO_JS CROSSPLAY_BINARY');
  process.exit(2);
}
const { build } = createRequire(import.meta.url)(resolve(reproJs));
const repo = resolve(new URL('..', import.meta.url).pathname);
const example = join(repo, 'examples/hello');
const names = readdirSync(example).sort();
const texts = names.map((n) => readFileSync(join(example, n), 'utf8'));
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

const targets = ['js/wasm', 'wasip1/wasm', 'linux/amd64', 'linux/arm64', 'windows/amd64', 'windows/arm64',
  'darwin/amd64', 'darwin/arm64'];
const flagSets = [
  { tags: '', ldflags: '', trimpath: false },
  { tags: 'netgo', ldflags: '-s -X main.note=repro', trimpath: true },
  // The container flags: no host build ID, other Mach-O versions, an ignored one.
  { tags: '', ldflags: '-B none -macos=14.2 -macsdk=15.0.1 -extldflags=-static', trimpath: false },
];

function cliBuild(goos, goarch, f, p) {
  const out = join(mkdtempSync(join(tmpdir(), 'crossplay-repro-')), 'bin');
  // -buildvcs=false: examples/hello lies in crossplay's own git repository, which
  // the CLI would stamp as go build does; the wasm32 build has no repository.
  // -a: every action runs (the cache would give the first run's bytes back).
  const args = ['build', '-a', '-buildvcs=false', '-p', String(p), '-o', out];
  if (f.tags) args.push('-tags', f.tags);
  if (f.ldflags) args.push('-ldflags', f.ldflags);
  if (f.trimpath) args.push('-trimpath');
  execFileSync(cli, [...args, '.'], {
    cwd: example,
    // As on the page: no C compiler, so cgo is off.
    env: { ...process.env, GOOS: goos, GOARCH: goarch, GOFLAGS: '', CGO_ENABLED: '0' },
  });
  return readFileSync(out);
}

let n = 0;
let failed = 0;
const ok = (cond, what, detail) => {
  n++;
  if (cond) {
    console.log(`ok ${n} - ${what}`);
  } else {
    failed++;
    console.log(`not ok ${n} - ${what}`);
    if (detail !== undefined) console.log(`# ${JSON.stringify(detail)}`);
  }
};

for (const t of targets) {
  const [goos, goarch] = t.split('/');
  for (const f of flagSets) {
    const label = `${t} ${JSON.stringify(f)}`;
    const one = cliBuild(goos, goarch, f, 1);
    const again = cliBuild(goos, goarch, f, 1);
    const four = cliBuild(goos, goarch, f, 4);
    let wasm;
    try {
      wasm = Buffer.from(build(names, texts, goos, goarch, f.tags, f.ldflags, f.trimpath));
    } catch (e) {
      wasm = Buffer.from(`build failed: ${e}`);
    }
    ok(one.length > 1000 && one.equals(again), `${label}: two runs of the CLI are identical`, [sha256(one), sha256(again)]);
    ok(one.equals(four), `${label}: -p 1 and -p 4 are identical`, [sha256(one), sha256(four)]);
    ok(one.equals(wasm), `${label}: the wasm32 toolchain under node writes the CLI's bytes`,
      [sha256(one), sha256(wasm), wasm.length < 1000 ? wasm.toString() : wasm.length]);
  }
}
console.log(`1..${n}`);
process.exit(failed ? 1 : 0);
