// crossplay's end-to-end test: the playground in headless Chromium.
// usage: node e2e/e2e.mjs URL CROSSPLAY_BINARY SCREENSHOT_DIR
// Builds and runs the example on js/wasm and wasip1/wasm, stops a runaway program,
// compares the download with `crossplay build`, checks the grid and its
// explanations, the cache across target switches, Go's error for a bad setting,
// and that a hostile file name renders as text. Prints TAP-style lines; exits 1 on
// the first failure.
import { chromium } from 'playwright-core';
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [url, cli, shots] = process.argv.slice(2);
if (!url || !cli || !shots) {
  console.error('usage: node e2e/e2e.mjs URL CROSSPLAY_BINARY SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const repo = resolve(new URL('..', import.meta.url).pathname);

let n = 0;
function ok(cond, what, detail) {
  n++;
  if (!cond) {
    console.log(`not ok ${n} - ${what}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
    throw new Error(`e2e failed: ${what}`);
  }
  console.log(`ok ${n} - ${what}`);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
// What `crossplay build` makes of the example for a target.
function cliBuild(goos, flags = [], goarch = 'wasm') {
  const out = join(mkdtempSync(join(tmpdir(), 'crossplay-e2e-')), 'hello');
  // examples/hello lies in crossplay's own git repository, which the CLI would
  // stamp (-buildvcs=auto, as go build does); the page's files are in none.
  execFileSync(cli, ['build', '-buildvcs=false', ...flags, '-o', out, '.'], {
    cwd: join(repo, 'examples/hello'),
    // The page has no C compiler, so cgo is off there by default: the same here.
    env: { ...process.env, GOOS: goos, GOARCH: goarch, GOFLAGS: '', CGO_ENABLED: '0' },
  });
  return readFileSync(out);
}

const launch = () => chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'crossplay-chromium-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  acceptDownloads: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const browser = await launch();
const errors = [];
let dialogs = 0;
try {
  const page = browser.pages()[0] || await browser.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('dialog', async (d) => { dialogs++; await d.dismiss(); });
  const text = (sel) => page.locator(sel).innerText();
  const editorText = () => page.evaluate(() => window.crossplayEditor.text());
  const editorReplace = (t) => page.evaluate((x) => window.crossplayEditor.replace(x), t);
  const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

  // Load with the example.
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('#status')?.textContent.startsWith('ready'), null, { timeout: 30000 });
  const tabs = await page.locator('#files .tab').allInnerTexts();
  ok(JSON.stringify(tabs) === JSON.stringify(['gen.go', 'go.mod', 'hello_linux.go', 'hello_unix.go', 'hello_windows.go', 'main.go']),
    'the example module is loaded', tabs);
  await page.waitForSelector('#editor .cm-editor .cm-lineNumbers');
  ok((await editorText()).includes('Hello from %s/%s!'), 'main.go is in the code editor, with line numbers');
  ok((await page.locator('#editor .cm-content span[class]').count()) > 10, 'Go is syntax-highlighted');
  ok((await page.locator('#target option').count()) === 47, 'the target picker offers the 47 ports');
  ok((await page.locator('#target option', { hasText: 'linux/amd64 ★' }).count()) === 1, 'first-class ports are marked');

  // The grid and one explanation.
  await page.waitForSelector('#grid td.cell');
  ok((await page.locator('#grid td.cell').count()) === 5 * 47, 'the grid has every file × every port');
  await page.locator('#grid td[data-file="hello_unix.go"][data-target="freebsd/amd64"]').click();
  const why = await text('#why');
  ok(why.includes('hello_unix.go for freebsd/amd64: built') && why.includes('unix') && why.includes('linux'),
    'a cell explains its rule and tags', why);
  await page.locator('#grid td[data-file="gen.go"][data-target="linux/amd64"]').click();
  ok((await text('#why')).includes('not built') && (await text('#why')).includes('ignore'), 'the ignore file is explained');
  await shot('grid');

  // Build and run js/wasm, then wasip1/wasm.
  async function build() {
    await page.locator('#build').click();
    await page.waitForFunction(() => document.querySelector('#res-sha') || document.querySelector('#errors')?.textContent,
      null, { timeout: 60000 });
  }
  async function runToExit() {
    await page.locator('#run').click();
    await page.waitForFunction(() => /exit status|failed/.test(document.querySelector('#exit')?.textContent || ''), null, { timeout: 30000 });
    return { out: await text('#stdout'), exit: await text('#exit') };
  }
  async function target(t) {
    await page.locator('#target').selectOption(t);
  }
  const hits = async () => (await page.locator('#actions li').allInnerTexts()).map((l) => l.endsWith('[cache hit]'));
  await target('js/wasm');
  await build();
  ok((await text('#res-format')) === 'Wasm' && (await text('#res-name')) === 'hello', 'js/wasm builds: hello, Wasm');
  let r = await runToExit();
  ok(r.out === 'Hello from js/wasm!\nno OS-specific file was built\n' && r.exit === 'exit status 0', 'js/wasm hello world runs', r);
  await shot('js-wasm-run');
  await target('wasip1/wasm');
  await build();
  r = await runToExit();
  ok(r.out === 'Hello from wasip1/wasm!\nno OS-specific file was built\n' && r.exit === 'exit status 0', 'wasip1/wasm hello world runs', r);

  // The download is the CLI's build, byte for byte.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const dlPath = await download.path();
  const got = sha256(readFileSync(dlPath));
  ok(download.suggestedFilename() === 'hello', 'the download is named as go build names it', download.suggestedFilename());
  ok(got === (await text('#res-sha')), 'the page shows the download\'s SHA-256');
  ok(got === sha256(cliBuild('wasip1')), 'the download equals `crossplay build` of the same configuration', got);

  // Build all: a row per port, and a ZIP whose SHA256SUMS match the CLI's builds.
  await page.locator('#build-all').click();
  await page.waitForSelector('#build-all tr.ok', { timeout: 120000 });
  const rows = await page.locator('#build-all tr').allInnerTexts();
  ok(rows.length === 48, 'build all has a row per port', rows.length);
  const rowOf = (t) => rows.find((r) => r.startsWith(t + '\t')) || '';
  const native = ['linux/amd64', 'linux/arm64', 'windows/amd64', 'windows/arm64', 'darwin/amd64', 'darwin/arm64'];
  ok(rowOf('wasip1/wasm').endsWith('cached') && rowOf('js/wasm').includes('\thello\t') && native.every((t) => rowOf(t).endsWith('ok')),
    'the Wasm ports and linux, windows and darwin on amd64 and arm64 are built', [rowOf('js/wasm'), rowOf('wasip1/wasm'), ...native.map(rowOf)]);
  ok(rowOf('windows/amd64').includes('hello.exe') && rowOf('freebsd/amd64').endsWith('crossplay does not support building for freebsd/amd64 yet'),
    'the others say why not', [rowOf('windows/amd64'), rowOf('freebsd/amd64')]);
  const [zipDl] = await Promise.all([page.waitForEvent('download'), page.locator('#download-all').click()]);
  const sums = execFileSync('python3', ['-c',
    'import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(z.read("SHA256SUMS").decode(), end="")',
    await zipDl.path()]).toString();
  const wantSums = [['darwin', 'amd64'], ['darwin', 'arm64'], ['js', 'wasm'], ['linux', 'amd64'], ['linux', 'arm64'],
    ['wasip1', 'wasm'], ['windows', 'amd64'], ['windows', 'arm64']]
    .map(([os, arch]) => `${sha256(cliBuild(os, [], arch))}  ${os}_${arch}/hello${os === 'windows' ? '.exe' : ''}\n`).join('');
  ok(sums === wantSums, 'the ZIP\'s SHA256SUMS are the CLI\'s builds', sums);
  await shot('build-all');

  // linux/amd64: an ELF the page cannot run, identical to the CLI's build.
  await target('linux/amd64');
  await build();
  ok((await text('#res-format')) === 'ELF' && (await text('#res-sections')).startsWith('.note.go.buildid'), 'linux/amd64 builds an ELF executable');
  ok((await text('#res-sha')) === sha256(cliBuild('linux', [], 'amd64')), 'equal to `crossplay build` for linux/amd64');
  ok((await text('#res-buildinfo')).includes('\tbuild\tGOOS=linux\n\tbuild\tGOAMD64=v1'), 'its build info is shown as go version -m prints it');
  {
    // The build ID, as the oracle's `go tool buildid` reads the CLI's build (its form alone without the oracle).
    const id = await text('#res-buildid');
    const go = process.env.CROSSPLAY_GO;
    if (go) {
      const out = join(mkdtempSync(join(tmpdir(), 'crossplay-e2e-')), 'hello');
      writeFileSync(out, cliBuild('linux', [], 'amd64'));
      const want = execFileSync(go, ['tool', 'buildid', out], { env: { ...process.env, GOTOOLCHAIN: 'local' } }).toString().trim();
      ok(id === want, 'its build ID is the one go tool buildid reads', `${id} vs ${want}`);
    } else {
      ok(/^[\w-]{20}(\/[\w-]{20}){3}$/.test(id), 'its build ID has Go\'s four parts', id);
    }
  }
  ok(await page.locator('#run').isDisabled() && (await text('#cannot-run')).includes('run on their own OS'), 'Run explains why it cannot run here');

  // A → B → A: switching back to a target hits the cache.
  await target('js/wasm');
  await build();
  ok((await hits()).every((h) => h), 'js/wasm again: every action hits the cache', await hits());
  ok((await text('#res-sha')) === sha256(cliBuild('js')), 'js/wasm from the cache equals `crossplay build`');
  await target('wasip1/wasm');
  await build();
  ok((await hits()).every((h) => h), 'wasip1/wasm again: every action hits the cache');
  {
    // The log has an action per package compiled, then the link; the cache panel
    // lists each target's entries.
    const actions = await page.locator('#actions li').allInnerTexts();
    ok(actions.some((a) => a.startsWith('compile -p runtime ')) && actions.at(-1).startsWith('link -o hello '),
      'each package\'s compile and the link are actions', actions);
    const panel = await page.locator('#cache-targets li').allInnerTexts();
    ok(['js/wasm', 'linux/amd64', 'wasip1/wasm'].every((t) => panel.some((l) => l.startsWith(t + ': '))),
      'the cache panel shows the entries of each target built', panel);
    // An edit of main.go: only main's compile and the link run.
    const src = await editorText();
    await editorReplace(src.replace('Hello from', 'Hi from'));
    await build();
    const log = await page.locator('#actions li').allInnerTexts();
    const missed = log.filter((l) => l.endsWith('[cache miss]'));
    ok(missed.length === 2 && missed[0].startsWith('compile -p example.com/hello ') && missed[1].startsWith('link -o hello '),
      'after an edit of main.go only its compile and the link miss', log);
    await editorReplace(src);
    await build();
    ok((await hits()).every((h) => h), 'and the original source hits again');
    // Clearing one target keeps the others'.
    const before = await page.locator('#cache-targets li').count();
    await page.locator('#cache-targets li', { hasText: 'linux/amd64:' }).locator('button.clear-target').click();
    await page.waitForFunction((n) => document.querySelectorAll('#cache-targets li').length === n - 1, before, { timeout: 10000 });
    ok(!(await page.locator('#cache-targets li').allInnerTexts()).some((l) => l.startsWith('linux/amd64:')),
      'Clear on a target drops its entries only');
  }

  // The cache is in IndexedDB: after a reload every action hits.
  const ready = () => page.waitForFunction(() => document.querySelector('#status')?.textContent.startsWith('ready'), null, { timeout: 30000 });
  await page.reload();
  await ready();
  await target('js/wasm');
  await build();
  ok((await hits()).every((h) => h), 'after a reload, every action hits the cache', await hits());
  await target('wasip1/wasm');
  await build();
  ok((await hits()).every((h) => h), 'for both targets');

  // A corrupt entry is detected and rebuilt.
  const flipped = await page.evaluate(() => new Promise((resolve, reject) => {
    const r = indexedDB.open('crossplay');
    r.onerror = () => reject(r.error);
    r.onsuccess = () => {
      const t = r.result.transaction('builds', 'readwrite');
      const s = t.objectStore('builds');
      let n = 0;
      s.openCursor().onsuccess = (ev) => {
        const c = ev.target.result;
        if (!c) return;
        const v = c.value;
        v.bytes[v.bytes.length >> 1] ^= 0xff;
        c.update(v);
        n++;
        c.continue();
      };
      t.oncomplete = () => resolve(n);
    };
  }));
  ok(flipped > 16, 'the cache entries (each package, type world and link of each target built) were in IndexedDB to corrupt', flipped);
  await page.reload();
  await ready();
  ok((await text('#cache-stats')).includes(`${flipped} corrupt`), 'the corrupt entries are detected at start-up', await text('#cache-stats'));
  await target('js/wasm');
  await build();
  ok((await hits()).every((h) => !h), 'and rebuilt', await hits());
  ok((await text('#res-sha')) === sha256(cliBuild('js')), 'the rebuilt binary is right');
  await target('wasip1/wasm');

  // Share: the link, opened in a fresh browser (empty cache), rebuilds the same SHA-256.
  await page.locator('#tags').fill('netgo');
  await page.locator('#tags').press('Enter');
  await page.locator('#ldflags').fill('-s -X main.note=shared');
  await page.locator('#ldflags').press('Enter');
  await build();
  const sharedSha = await text('#res-sha');
  ok(sharedSha === sha256(cliBuild('wasip1', ['-tags', 'netgo', '-ldflags', '-s -X main.note=shared'])),
    'with -tags and -ldflags the page still builds what the CLI builds');
  await page.locator('#share').click();
  await page.waitForFunction(() => document.querySelector('#share-url')?.value.includes('#x='), null, { timeout: 10000 });
  const link = await page.locator('#share-url').inputValue();
  ok(page.url() === link, 'the address is the share link');
  const other = await launch();
  try {
    const p2 = other.pages()[0] || await other.newPage();
    const errs2 = [];
    let dialogs2 = 0;
    p2.on('pageerror', (e) => errs2.push(String(e)));
    p2.on('console', (m) => { if (m.type() === 'error') errs2.push(m.text()); });
    p2.on('dialog', async (d) => { dialogs2++; await d.dismiss(); });
    const ready2 = () => p2.waitForFunction(() => document.querySelector('#status')?.textContent.startsWith('ready'), null, { timeout: 30000 });
    await p2.goto(link);
    await ready2();
    await p2.waitForFunction(() => document.querySelector('#notice')?.textContent === 'Opened from a share link.', null, { timeout: 10000 });
    ok((await p2.locator('#tags').inputValue()) === 'netgo' && (await p2.locator('#target').inputValue()) === 'wasip1/wasm',
      'the link restores the settings');
    await p2.locator('#build').click();
    await p2.waitForSelector('#res-sha', { timeout: 60000 });
    ok((await p2.locator('#actions li').allInnerTexts()).every((l) => l.endsWith('[cache miss]')), 'the fresh browser builds from scratch');
    ok((await p2.locator('#res-sha').innerText()) === sharedSha, 'and reproduces the SHA-256', sharedSha);
    await p2.locator('#run').click();
    await p2.waitForFunction(() => /exit status/.test(document.querySelector('#exit')?.textContent || ''), null, { timeout: 30000 });
    ok((await p2.locator('#stdout').innerText()) === 'Hello from wasip1/wasm!\nshared\n', 'the -X value reached the program');
    await p2.screenshot({ path: join(shots, 'shared.png'), fullPage: true });

    // Hostile links: rejected with a message, or shown as text.
    const base = link.split('#')[0];
    await p2.goto(`${base}?1#x=@@@`);
    await ready2();
    await p2.waitForFunction(() => document.querySelector('#notice')?.textContent.includes('damaged'), null, { timeout: 10000 });
    ok(true, 'a malformed link is rejected with a message');
    await p2.goto(`${base}?2#x=${'A'.repeat(1100000)}`);
    await ready2();
    await p2.waitForFunction(() => document.querySelector('#notice')?.textContent.includes('too long'), null, { timeout: 10000 });
    ok(true, 'a huge link is rejected');
    const evilName = '<img src=x onerror=alert(1)><script>alert(2)</script>.go';
    const archive = `crossplay share v1\nGOOS=js\nGOARCH=wasm\n-- go.mod --\nmodule m\n-- ${evilName} --\npackage main\n`;
    await p2.goto(`${base}?3#x=${deflateRawSync(Buffer.from(archive)).toString('base64url')}`);
    await ready2();
    await p2.waitForFunction(() => document.querySelectorAll('#files .tab').length === 2, null, { timeout: 10000 });
    ok((await p2.locator('#notice').innerText()).startsWith('this link was made by ""'), 'a link from another toolchain is flagged');
    ok((await p2.locator('#files .tab', { hasText: evilName }).count()) === 1 && (await p2.locator('#files img, #files script').count()) === 0,
      'markup in a linked file name is shown as text');
    ok(dialogs2 === 0 && errs2.length === 0, 'nothing ran and nothing failed in the second browser', errs2);
  } finally {
    await other.close();
  }
  await page.locator('#tags').fill('');
  await page.locator('#tags').press('Enter');
  await page.locator('#ldflags').fill('');
  await page.locator('#ldflags').press('Enter');

  // txtar export and import.
  await page.locator('#sharing summary').click();
  await page.locator('#export-txtar').click();
  await page.waitForFunction(() => document.querySelector('#txtar')?.value.startsWith('-- gen.go --'), null, { timeout: 10000 });
  ok((await page.locator('#txtar').inputValue()).includes('-- main.go --\n// Command hello'), 'the module exports as txtar');
  // The module has a package of its own in a directory, which main imports.
  await page.locator('#txtar').fill('-- go.mod --\nmodule example.com/t\n-- main.go --\npackage main\n\nimport "example.com/t/greet"\n\nfunc main() { println("from txtar", greet.Word) }\n-- greet/greet.go --\npackage greet\n\nvar Word = "via greet"\n');
  await page.locator('#import-txtar').click();
  await page.waitForFunction(() => document.querySelectorAll('#files .tab').length === 3, null, { timeout: 10000 });
  await build();
  r = await runToExit();
  ok(r.out === 'from txtar via greet\n' && (await text('#res-name')) === 't',
    'an imported txtar module builds and runs, with its own package', r);
  // Back to the example (the address still holds the share link).
  await page.goto(link.split('#')[0]);
  await ready();
  await target('wasip1/wasm');

  // Stop ends a runaway program at once, and the page stays responsive.
  await page.locator('#files .tab', { hasText: /^main\.go$/ }).click();
  const src = await editorText();
  await editorReplace(src.replace('fmt.Println(note)', 'fmt.Println(note)\n\tfor {\n\t}'));
  await build();
  await page.locator('#run').click();
  await page.waitForFunction(() => document.querySelector('#stdout')?.textContent.includes('no OS-specific'), null, { timeout: 30000 });
  await page.waitForTimeout(300);
  ok((await text('#exit')) === 'running…', 'the infinite loop is running');
  const t0 = Date.now();
  await page.locator('#stop').click();
  await page.waitForFunction(() => document.querySelector('#exit')?.textContent === 'stopped', null, { timeout: 1000 });
  ok(Date.now() - t0 < 1000, 'Stop ends it within a second', Date.now() - t0);
  await page.locator('#files .tab', { hasText: 'go.mod' }).click();
  ok((await editorText()).startsWith('module example.com/hello'), 'the page stays responsive');
  await shot('stopped');

  // Go's error text for an invalid setting; a build error at its line.
  await target('linux/arm64');
  await page.locator('#subarch-text').fill('v7');
  await page.locator('#subarch-text').press('Enter');
  await page.waitForFunction(() => document.querySelector('#check-error')?.textContent.includes('GOARM64'), null, { timeout: 10000 });
  ok((await text('#check-error')).startsWith('go: invalid GOARM64: must start with v8.{0-9} or v9.{0-5}'),
    'an invalid GOARM64 shows Go\'s error', await text('#check-error'));
  await target('wasip1/wasm');
  await page.locator('#files .tab', { hasText: /^main\.go$/ }).click();
  await editorReplace(src.replace('fmt.Println(note)', 'fmt.Println(nope)'));
  await build();
  ok((await text('#errors')).includes('./main.go:15:14: undefined: nope'), 'a type error is reported as go build does');
  ok((await text('#diagnostics')).includes('line 15, column 14: undefined: nope'), 'and listed under the editor');
  await page.waitForSelector('#editor .cm-lint-marker-error', { timeout: 5000 });
  const marked = await page.evaluate(() => {
    const r = document.querySelector('#editor .cm-lintRange-error');
    return r && r.closest('.cm-line')?.textContent;
  });
  ok(marked && marked.includes('fmt.Println(nope)'), 'and marked at its line in the editor', marked);

  // A hostile file name renders as text.
  const evil = '<script>alert(1)</script>.go';
  await page.locator('#new-file').fill(evil);
  await page.locator('#add-file').click();
  ok((await page.locator('#files .tab', { hasText: evil }).count()) === 1, 'a <script> file name is shown as text');
  ok((await page.locator('#files script').count()) === 0 && dialogs === 0, 'and never runs');
  await shot('hostile-name');
  ok(errors.length === 0, 'no page or console errors', errors);
} finally {
  await browser.close();
}
console.log(`1..${n}`);
