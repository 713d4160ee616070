// Where the time goes: a CPU profile of the app (or the baseline) while it
// renders the list after sign-in, or while it applies one Refresh that
// changes one row. Prints the functions with the most self time and writes
// the .cpuprofile (open it in Chromium's DevTools, Performance panel).
//
//   node bench/profile.mjs [--dist DIR] [--large S:N] [--update] [--baseline]
//   node bench/profile.mjs --steps [--dist DIR] [--large 10000:50000]
//
// --steps: profiles the sign-in with the whole load, then each step of metric 7
// after the data (search and clear, filter and back, select all, each
// dialog) on its own and prints each one's top functions.
//
// Function names of the wasm are only there in a build that keeps them: the
// release build strips them (wasm-opt). To see Rust names, rebuild the
// wasm-bindgen output with names (see bench/README.md, "Profiling").

import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../tests/e2e/support/demo.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const DIST = path.resolve(opt('--dist', '/tmp/bench-dist'));
const LARGE = opt('--large', '200:1000');
const UPDATE = argv.includes('--update');
const BASELINE = argv.includes('--baseline');
const STEPS = argv.includes('--steps');
const expectedRows = Number(LARGE.split(':')[1]);

const site = mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
for (const name of readdirSync(DIST)) {
  if (!name.startsWith('.')) cpSync(path.join(DIST, name), path.join(site, name), { recursive: true });
}
mkdirSync(path.join(site, 'baseline'));
for (const f of ['index.html', 'app.js']) cpSync(path.join(BENCH_DIR, 'baseline', f), path.join(site, 'baseline', f));
cpSync(path.join(DIST, readdirSync(DIST).find((n) => n.endsWith('.css'))), path.join(site, 'baseline', 'main.css'));
cpSync(path.join(DIST, 'config.json'), path.join(site, 'baseline', 'config.json'));


/** Prints the `n` functions of `profile` with the most self time. */
function printTop(profile, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? path.basename(f.url.split('?')[0]) : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const top = [...self.entries()].filter(([name]) => name !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, n);
  for (const [name, msec] of top) console.log(`${msec.toFixed(1).padStart(8)} ms ${((msec / total) * 100).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`);
}

/**
 * The longest stretch of `profile` without an idle sample (one long task,
 * or tasks back to back), and the functions that held it, by total time
 * (their callees included): which part of the app's code a long task is.
 */
function printLongest(profile, n) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const dt = profile.timeDeltas;
  let best = { ms: 0, from: 0, to: 0 };
  let start = 0;
  let ms = 0;
  profile.samples.forEach((id, i) => {
    if (byId.get(id).callFrame.functionName === '(idle)') {
      start = i + 1;
      ms = 0;
      return;
    }
    ms += (dt[i + 1] ?? 0) / 1000;
    if (ms > best.ms) best = { ms, from: start, to: i + 1 };
  });
  const total = new Map();
  for (let i = best.from; i < best.to; i++) {
    const names = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      if (f.functionName && f.functionName !== '(root)') names.add(f.functionName.replace(/::h[0-9a-f]{16}$/, ''));
    }
    for (const name of names) total.set(name, (total.get(name) ?? 0) + (dt[i + 1] ?? 0) / 1000);
  }
  // The app's own functions and the browser's (DOM, layout), not the
  // framework's plumbing every task goes through.
  const plumbing = /^(real|handleError|wasm-to-js|js-to-wasm|wasm-function|wasm_bindgen|evaluate)/;
  for (const name of total.keys()) {
    if (plumbing.test(name) || (name.includes('::') && !name.includes('snapshot_console'))) total.delete(name);
  }
  console.log(`  longest busy stretch: ${best.ms.toFixed(1)} ms; the app's and the browser's functions in it, by total time:`);
  const top = [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  for (const [name, msec] of top) console.log(`${msec.toFixed(1).padStart(8)} ms  ${name.slice(0, 150)}`);
}

/** Metric 7's steps after sign-in, each profiled on its own. */
async function profileSteps(page, cdp) {
  const signIn = () => page.evaluate(([t, n]) => window.__bench.signIn(t, n, false, 300_000), [demo.token, expectedRows]);
  const servers = Number(LARGE.split(':')[0]);
  const index = Math.ceil(servers * 0.77);
  const name = `snap-${String(index).padStart(4, '0')}-3`;
  const steps = [
    ['sign-in and the whole load', signIn],
    ['search and clear', () => page.evaluate((q) => window.__bench.measureSearch(q), name)],
    ['filter to one server', () => page.evaluate((id) => window.__bench.filterToOne(id), 10_000 + index)],
    ['filter back to all (and the reload it starts)', () => page.evaluate(() => window.__bench.filterToAll())],
    ['select all', () => page.evaluate(() => window.__bench.measureSelectAll())],
    ...['create', 'createMany', 'deleteMany'].map((d) => [`dialog ${d}`, () => page.evaluate((x) => window.__bench.measureDialog(x), d)]),
  ];
  for (const [i, [label, run]] of steps.entries()) {
    await cdp.send('Profiler.start');
    const value = await run();
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`\n== ${label}: ${JSON.stringify(value).slice(0, 300)}`);
    printTop(profile, 15);
    printLongest(profile, 25);
    mkdirSync(path.join(BENCH_DIR, 'results'), { recursive: true });
    writeFileSync(path.join(BENCH_DIR, 'results', `step-${i}-${label.split(' ')[0]}.cpuprofile`), JSON.stringify(profile));
  }
}

/** The sign-in render (or one Refresh's update) profiled, its top functions printed and written. */
async function profileSignInOrUpdate(page, cdp) {
  let result;
  if (UPDATE) {
    await page.evaluate(([t, n, all]) => window.__bench.signIn(t, n, all), [demo.token, expectedRows, BASELINE]);
    const { id } = await page.evaluate(() => window.__bench.middleRow());
    await demo.setSnapshotStatus({ id, status: 'in_progress' });
    await cdp.send('Profiler.start');
    result = await page.evaluate((i) => window.__bench.measureUpdate(i, 'badge-busy'), id);
  } else {
    await cdp.send('Profiler.start');
    // The app to its first screen, the baseline (which renders every row) to its last row.
    const signIn = await page.evaluate(([t, n, all]) => window.__bench.signIn(t, n, all), [demo.token, expectedRows, BASELINE]);
    result = signIn.allRows ?? signIn.firstScreen;
  }
  const { profile } = await cdp.send('Profiler.stop');
  console.log(JSON.stringify({ dataToPaint: result.dataToPaint, clickToPaint: result.clickToPaint }));

  printTop(profile, 40);
  mkdirSync(path.join(BENCH_DIR, 'results'), { recursive: true });
  const out = path.join(BENCH_DIR, 'results', `${BASELINE ? 'baseline' : 'app'}-${UPDATE ? 'update' : 'render'}.cpuprofile`);
  writeFileSync(out, JSON.stringify(profile));
  console.log(`profile: ${path.relative(process.cwd(), out)}`);
}

const demo = await startDemo(['--dist', site, '--large', LARGE]);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.addInitScript({ path: path.join(BENCH_DIR, 'lib', 'probe.js') });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`${demo.url}/${BASELINE ? 'baseline/' : ''}`);
  await page.evaluate(() => window.__bench.formReady);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  if (STEPS) await profileSteps(page, cdp);
  else await profileSignInOrUpdate(page, cdp);
} finally {
  await browser.close();
  await demo.stop();
  rmSync(site, { recursive: true, force: true });
}
