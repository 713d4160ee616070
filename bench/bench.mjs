// The performance benchmark (issue 8). Run it through bench/run, which builds
// the release app first. See bench/README.md.
//
//   node bench/bench.mjs [--dist DIR] [--quick]
//
// Serves the release build in DIR (default /tmp/bench-dist) and the
// hand-written baseline (bench/baseline/) from one demo API in test mode,
// drives Debian's headless Chromium through playwright-core, prints one table
// and writes it with every raw number to bench/results/latest.json.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo, REPO_ROOT } from '../tests/e2e/support/demo.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';
import { gzipTool, kB, measureDir } from './lib/sizes.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const PROBE = path.join(BENCH_DIR, 'lib', 'probe.js');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');

// ---- options ----

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const QUICK = argv.includes('--quick');
const DIST = path.resolve(opt('--dist', '/tmp/bench-dist'));
const LABEL = opt('--label', null);
const RUNS = {
  startup: QUICK ? 2 : 5,
  render5k: QUICK ? 1 : 3,
  update: QUICK ? 2 : 6,
  refreshes: QUICK ? 4 : 20,
  pollSeconds: QUICK ? 20 : 60,
  hiddenSeconds: QUICK ? 6 : 12,
  idleSeconds: QUICK ? 6 : 16,
  // A refresh slower than this, or a refresh phase longer than this, stops
  // the memory measurement (and fails it) instead of stalling the run.
  refreshTimeoutMs: 30_000,
  refreshPhaseMs: QUICK ? 60_000 : 150_000,
};
const SEEDS = {
  small: { servers: 200, snapshots: 1000 },
  large: { servers: 1000, snapshots: 5000 },
  polling: { servers: 1000, snapshots: 1000 },
};

// ---- helpers ----

const log = (...args) => console.error('·', ...args);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x === null || x === undefined ? '—' : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const MB = (x) => (x === null || x === undefined ? '—' : `${(x / 1e6).toFixed(1)} MB`);
const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
const fmtRatio = (r) => (r === null ? '—' : `${r.toFixed(2)}×`);

/** Copies the release build and the baseline into one folder the demo serves. */
function assembleSite() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html not found: build first (bench/run does: trunk build --release --dist ${DIST})`);
  }
  const site = mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
  for (const name of readdirSync(DIST)) {
    if (name.startsWith('.')) continue;
    cpSync(path.join(DIST, name), path.join(site, name), { recursive: true });
  }
  const baseline = path.join(site, 'baseline');
  mkdirSync(baseline);
  cpSync(path.join(BENCH_DIR, 'baseline', 'index.html'), path.join(baseline, 'index.html'));
  cpSync(path.join(BENCH_DIR, 'baseline', 'app.js'), path.join(baseline, 'app.js'));
  const css = readdirSync(DIST).find((n) => n.endsWith('.css'));
  cpSync(path.join(DIST, css), path.join(baseline, 'main.css'));
  cpSync(path.join(DIST, 'config.json'), path.join(baseline, 'config.json'));
  return site;
}

async function withDemo(site, seed, extra, fn) {
  // startDemo (shared with the tests) insists on dist/index.html although
  // --dist points it elsewhere: say so rather than fail obscurely.
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'index.html'))) {
    throw new Error('tests/e2e/support/demo.mjs needs dist/index.html: run `trunk build --release` once (bench/run itself builds into its own folder)');
  }
  const demo = await startDemo(['--dist', site, '--large', `${seed.servers}:${seed.snapshots}`, ...extra]);
  try {
    return await fn(demo);
  } finally {
    await demo.stop();
  }
}

const KINDS = {
  app: (demo) => `${demo.url}/`,
  baseline: (demo) => `${demo.url}/baseline/`,
};

/** A new tab (fresh sessionStorage) with the HTTP cache off and the probe in place. */
async function openFresh(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript({ path: PROBE });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const form = await page.evaluate(() => window.__bench.formReady);
  return { page, cdp, formPaint: form.paintAt };
}

async function signedIn(browser, kind, demo, expectedRows) {
  const fresh = await openFresh(browser, KINDS[kind](demo));
  const signIn = await fresh.page.evaluate(
    ([token, n]) => window.__bench.signIn(token, n), [demo.token, expectedRows]);
  return { ...fresh, signIn };
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(100);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__bench.wasmBytes());
  const domNodes = (await cdp.send('Memory.getDOMCounters')).nodes;
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm, domNodes };
}

/** Hides or shows the page as a switch to another tab would (document.hidden + visibilitychange). */
async function setHidden(page, hidden) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

// ---- the measurements ----

async function startupAndRender1k(browser, site, results) {
  log(`start-up and render: --large ${SEEDS.small.servers}:${SEEDS.small.snapshots}, ${RUNS.startup} runs each, cache off`);
  await withDemo(site, SEEDS.small, [], async (demo) => {
    const runs = { app: [], baseline: [] };
    for (let i = 0; i < RUNS.startup; i++) {
      for (const kind of ['app', 'baseline']) {
        const s = await signedIn(browser, kind, demo, SEEDS.small.snapshots);
        runs[kind].push({ formPaint: s.formPaint, ...s.signIn });
        await s.page.close();
      }
    }
    for (const kind of ['app', 'baseline']) {
      const r = runs[kind];
      results[kind].startup = {
        formInteractive: median(r.map((x) => x.formPaint)),
        signInToList: median(r.map((x) => x.clickToPaint)),
        runs: r,
      };
      results[kind].render1k = {
        dataToPaint: median(r.map((x) => x.dataToPaint)),
        dataToDom: median(r.map((x) => x.dataToDom)),
      };
    }

    log(`update: one snapshot's status among ${SEEDS.small.snapshots}, ${RUNS.update} runs each`);
    for (const kind of ['app', 'baseline']) {
      const s = await signedIn(browser, kind, demo, SEEDS.small.snapshots);
      // A row in the middle of the list.
      const id = await s.page.evaluate(() => {
        const rows = document.querySelectorAll('li.snapshot');
        return Number(rows[Math.floor(rows.length / 2)].dataset.snapshotId);
      });
      const r = [];
      for (let i = 0; i < RUNS.update; i++) {
        const [status, badge] = i % 2 === 0 ? ['in_progress', 'badge-busy'] : ['completed', 'badge-ok'];
        await demo.setSnapshotStatus({ id, status });
        r.push({ status, ...(await s.page.evaluate(([a, b]) => window.__bench.measureUpdate(a, b), [id, badge])) });
      }
      await demo.setSnapshotStatus({ id, status: 'completed' });
      await s.page.close();
      results[kind].update = {
        snapshotId: id,
        dataToPaint: median(r.map((x) => x.dataToPaint)),
        dataToDom: median(r.map((x) => x.dataToDom)),
        clickToPaint: median(r.map((x) => x.clickToPaint)),
        nodesTouched: Math.round(median(r.map((x) => x.nodesTouched))),
        nodesCreated: Math.round(median(r.map((x) => x.nodesCreated))),
        inRow: Math.round(median(r.map((x) => x.inRow))),
        listRebuilt: r.some((x) => x.otherSectionsRebuilt),
        elsewhereInListMax: Math.max(...r.map((x) => x.elsewhereInList)),
        outsideList: Math.round(median(r.map((x) => x.outsideList))),
        runs: r,
      };
    }
  });
}

async function render5kAndMemory(browser, site, results) {
  log(`render and memory: --large ${SEEDS.large.servers}:${SEEDS.large.snapshots}, ${RUNS.render5k} runs each, then ${RUNS.refreshes} refreshes`);
  await withDemo(site, SEEDS.large, [], async (demo) => {
    for (const kind of ['app', 'baseline']) {
      const r = [];
      let last = null;
      for (let i = 0; i < RUNS.render5k; i++) {
        if (last) await last.page.close();
        last = await signedIn(browser, kind, demo, SEEDS.large.snapshots);
        r.push(last.signIn);
      }
      results[kind].render5k = {
        dataToPaint: median(r.map((x) => x.dataToPaint)),
        dataToDom: median(r.map((x) => x.dataToDom)),
        signInToList: median(r.map((x) => x.clickToPaint)),
        runs: r,
      };
      const { page, cdp } = last;
      const afterLoad = await memory(page, cdp);
      const refreshTimes = [];
      let afterHalf = null;
      let afterAll = null;
      let stopped = null;
      const phaseEnd = Date.now() + RUNS.refreshPhaseMs;
      for (let i = 1; i <= RUNS.refreshes; i++) {
        if (Date.now() > phaseEnd) {
          stopped = `stopped after ${i - 1} refreshes: ${RUNS.refreshPhaseMs / 1000} s limit`;
          break;
        }
        try {
          refreshTimes.push(await page.evaluate((t) => window.__bench.refresh(t), RUNS.refreshTimeoutMs));
        } catch (err) {
          stopped = `refresh ${i} failed: ${err.message.split('\n')[0]}`;
          break;
        }
        if (i === Math.floor(RUNS.refreshes / 2)) afterHalf = await memory(page, cdp).catch(() => null);
      }
      if (stopped) log(`${kind}: ${stopped}`);
      else afterAll = await memory(page, cdp);
      const rows = stopped ? null : await page.evaluate(() => window.__bench.rowCount());
      await page.close().catch(() => {});
      results[kind].memory = {
        afterLoad, afterHalf, afterAll, rows, stopped,
        refreshes: refreshTimes.length,
        refreshMedian: median(refreshTimes),
        refreshMax: refreshTimes.length ? Math.max(...refreshTimes) : null,
        refreshTimes,
      };
    }
  });
}

async function polling(browser, site, results) {
  const seed = SEEDS.polling;
  log(`polling: --large ${seed.servers}:${seed.snapshots}, one snapshot in progress, ${RUNS.pollSeconds} s visible`);
  await withDemo(site, seed, ['--snapshot-delay-ms', '3600000'], async (demo) => {
    const s = await signedIn(browser, 'app', demo, seed.snapshots);
    const { page } = s;
    const target = await page.evaluate(() => {
      const rows = document.querySelectorAll('li.snapshot');
      const row = rows[Math.floor(rows.length / 2)];
      return {
        id: Number(row.dataset.snapshotId),
        serverId: Number(row.closest('section[data-server-id]').dataset.serverId),
      };
    });
    const logLength = async () => (await demo.apiRequests()).length;
    const windowOf = async (fn) => {
      const before = await logLength();
      const t0 = await page.evaluate(() => performance.now());
      const started = Date.now();
      await fn();
      const seconds = (Date.now() - started) / 1000;
      const requests = (await demo.apiRequests()).slice(before);
      const entries = await page.evaluate((since) => window.__bench.apiEntries(since)
        .map((e) => ({ name: e.name, body: e.encodedBodySize, transfer: e.transferSize })), t0);
      return { seconds, requests, entries };
    };

    // One snapshot in progress, seen by the app through Refresh: it polls from now on.
    await demo.setSnapshotStatus({ id: target.id, status: 'in_progress' });
    await page.evaluate(() => window.__bench.refresh());

    // Hidden at once (the first poll is due 3 s later): nothing may be sent.
    await setHidden(page, true);
    const hidden = await windowOf(() => sleep(RUNS.hiddenSeconds * 1000));

    // Visible again: polls resume; count them.
    const visible = await windowOf(async () => {
      await setHidden(page, false);
      await sleep(RUNS.pollSeconds * 1000);
    });

    // Work done and seen (Refresh): nothing more may be sent; count idle DOM mutations too.
    await demo.setSnapshotStatus({ id: target.id, status: 'completed' });
    await page.evaluate(() => window.__bench.refresh());
    let idleMutations = null;
    const idle = await windowOf(async () => {
      idleMutations = await page.evaluate((t) => window.__bench.countMutations(t), RUNS.idleSeconds * 1000);
    });
    await page.close();

    const perMinute = (n, seconds) => (n * 60) / seconds;
    const query = `server_id=${target.serverId}`;
    const polls = visible.requests;
    results.polling = {
      account: `${seed.servers} servers, ${seed.snapshots} snapshots`,
      snapshotId: target.id,
      serverId: target.serverId,
      visibleSeconds: visible.seconds,
      requests: polls.length,
      requestsPerMinute: perMinute(polls.length, visible.seconds),
      bodyBytesPerMinute: perMinute(visible.entries.reduce((n, e) => n + e.body, 0), visible.seconds),
      transferBytesPerMinute: perMinute(visible.entries.reduce((n, e) => n + e.transfer, 0), visible.seconds),
      allCarryServerId: polls.length > 0 && polls.every((r) => r.query.split('&').includes(query)),
      sample: polls.slice(0, 3).map((r) => `${r.method} ${r.path}?${r.query}`),
      hiddenSeconds: hidden.seconds,
      hiddenRequests: hidden.requests.length,
      idleSeconds: idle.seconds,
      idleRequests: idle.requests.length,
      idleMutations,
    };
  });
}

// ---- the table ----

function buildTable(results) {
  const { app, baseline, sizes, polling: p } = results;
  const rows = [];
  const add = (section, metric, a, b, target, pass, fmt = ms) => rows.push({
    section,
    metric,
    app: typeof a === 'string' ? a : fmt(a),
    baseline: typeof b === 'string' ? b : fmt(b),
    ratio: typeof a === 'number' && typeof b === 'number' && fmt === ms ? fmtRatio(ratio(a, b)) : '',
    target,
    pass: pass === null || pass === undefined ? '' : pass ? 'ok' : 'FAIL',
  });

  const s = sizes.app;
  for (const k of ['wasm', 'js', 'css']) {
    add('1 size', `${k} raw / gzip / brotli`,
      `${kB(s.byKind[k].raw)} / ${kB(s.byKind[k].gzip)} / ${kB(s.byKind[k].brotli)}`,
      k === 'wasm' ? '' : `${kB(sizes.baseline.byKind[k].raw)} / ${kB(sizes.baseline.byKind[k].gzip)} / ${kB(sizes.baseline.byKind[k].brotli)}`,
      '', null);
  }
  add('1 size', `total raw / ${gzipTool()} / brotli`,
    `${kB(s.total.raw)} / ${kB(s.total.gzip)} / ${kB(s.total.brotli)}`,
    `${kB(sizes.baseline.total.raw)} / ${kB(sizes.baseline.total.gzip)} / ${kB(sizes.baseline.total.brotli)}`,
    '≤ 500 kB gzip', s.total.gzip <= 500_000);

  add('2 start-up', 'navigation → sign-in form interactive', app.startup.formInteractive, baseline.startup.formInteractive, '', null);
  add('2 start-up', `sign-in → ${SEEDS.small.snapshots} rows painted`, app.startup.signInToList, baseline.startup.signInToList, '', null);
  add('2 start-up', `sign-in → ${SEEDS.large.snapshots} rows painted`, app.render5k.signInToList, baseline.render5k.signInToList, '', null);

  const r1 = ratio(app.render1k.dataToPaint, baseline.render1k.dataToPaint);
  add('3 render', `${SEEDS.small.snapshots} snapshots: data → paint`, app.render1k.dataToPaint, baseline.render1k.dataToPaint, '≤ 1.5× baseline', r1 !== null && r1 <= 1.5);
  add('3 render', `${SEEDS.large.snapshots} snapshots: data → paint`, app.render5k.dataToPaint, baseline.render5k.dataToPaint, '', null);

  const u = ratio(app.update.dataToPaint, baseline.update.dataToPaint);
  add('4 update', 'one row of 1000: answer → paint', app.update.dataToPaint, baseline.update.dataToPaint, '≤ 1.3× baseline', u !== null && u <= 1.3);
  add('4 update', 'one row: click Refresh → paint', app.update.clickToPaint, baseline.update.clickToPaint, '', null);
  const nodes = (x) => `${x.nodesTouched} (${x.inRow} in row, ${x.elsewhereInListMax} elsewhere in list, ${x.outsideList} outside)`;
  add('4 update', 'DOM nodes mutated', nodes(app.update), nodes(baseline.update), 'only that row', app.update.elsewhereInListMax === 0);
  const created = (x) => `${x.nodesCreated}${x.listRebuilt ? ' (whole list rebuilt)' : ''}`;
  add('4 update', 'DOM nodes created', created(app.update), created(baseline.update), '', null);

  const m = app.memory;
  const bm = baseline.memory;
  if (m.stopped || bm.stopped) {
    add('5 memory', `${RUNS.refreshes} refreshes of ${SEEDS.large.snapshots}`, m.stopped ?? 'done', bm.stopped ?? 'done', 'all done', !m.stopped);
  }
  add('5 memory', `one Refresh of ${SEEDS.large.snapshots} (click → settled, median)`, m.refreshMedian, bm.refreshMedian, '', null);
  add('5 memory', `JS heap after ${SEEDS.large.snapshots} loaded`, m.afterLoad.jsHeapUsed, bm.afterLoad.jsHeapUsed, '', null, MB);
  add('5 memory', `JS heap after ${RUNS.refreshes} refreshes`, m.afterAll?.jsHeapUsed ?? null, bm.afterAll?.jsHeapUsed ?? null, '', null, MB);
  add('5 memory', `wasm memory after load / ${RUNS.refreshes / 2} / ${RUNS.refreshes} refreshes`,
    `${MB(m.afterLoad?.wasmMemory)} / ${MB(m.afterHalf?.wasmMemory)} / ${MB(m.afterAll?.wasmMemory)}`, '—', '', null);
  add('5 memory', `DOM nodes after load / ${RUNS.refreshes} refreshes`,
    `${m.afterLoad?.domNodes ?? '—'} / ${m.afterAll?.domNodes ?? '—'}`, `${bm.afterLoad?.domNodes ?? '—'} / ${bm.afterAll?.domNodes ?? '—'}`, '', null);
  const growth = memoryGrowth(m);
  const bGrowth = memoryGrowth(bm);
  add('5 memory', `growth, refresh ${RUNS.refreshes / 2} → ${RUNS.refreshes} (JS + wasm)`,
    growth.lateBytes === null ? '—' : `${MB(growth.lateBytes)} (${(growth.lateFraction * 100).toFixed(1)}%)`, MB(bGrowth.lateBytes),
    'none beyond noise', growth.ok);
  add('5 memory', `growth, load → ${RUNS.refreshes} refreshes (JS + wasm)`, MB(growth.totalBytes), MB(bGrowth.totalBytes), '', null);

  add('6 polling', `requests / min (first ${Math.round(p.visibleSeconds)} s)`, p.requestsPerMinute.toFixed(1), '', '', null);
  add('6 polling', 'bytes / min (body / on the wire)', `${kB(p.bodyBytesPerMinute)} / ${kB(p.transferBytesPerMinute)}`, '', '', null);
  add('6 polling', 'every poll asks only that server', p.allCarryServerId ? 'yes' : 'no', '', 'only servers concerned', p.allCarryServerId);
  add('6 polling', `requests while hidden (${Math.round(p.hiddenSeconds)} s)`, String(p.hiddenRequests), '', 'none', p.hiddenRequests === 0);
  add('6 polling', `requests once idle (${Math.round(p.idleSeconds)} s)`, String(p.idleRequests), '', 'none', p.idleRequests === 0);
  add('6 polling', `DOM mutations once idle (${Math.round(p.idleSeconds)} s, 1000 rows)`, String(p.idleMutations), '', '', null);
  return rows;
}

function memoryGrowth(m) {
  if (!m.afterLoad || !m.afterHalf || !m.afterAll) return { lateBytes: null, lateFraction: null, totalBytes: null, ok: false };
  const total = (x) => x.jsHeapUsed + (x.wasmMemory ?? 0);
  const lateBytes = total(m.afterAll) - total(m.afterHalf);
  const lateFraction = lateBytes / total(m.afterHalf);
  // Noise: a GC'd heap moves by a few hundred kB between identical states.
  return { lateBytes, lateFraction, totalBytes: total(m.afterAll) - total(m.afterLoad), ok: lateBytes <= Math.max(1e6, 0.05 * total(m.afterHalf)) };
}

function printTable(rows) {
  const cols = ['section', 'metric', 'app', 'baseline', 'ratio', 'target', 'pass'];
  const head = { section: '', metric: 'metric', app: 'Leptos app', baseline: 'vanilla baseline', ratio: 'app/base', target: 'target', pass: '' };
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...rows.map((r) => String(r[c]).length))]));
  const line = (r) => `| ${cols.map((c) => String(r[c]).padEnd(width[c])).join(' | ')} |`;
  const out = [line(head), `|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`, ...rows.map(line)];
  return out.join('\n');
}

// ---- main ----

async function main() {
  const started = Date.now();
  const results = { app: {}, baseline: {} };
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
    if (execFileSync('git', ['status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock', 'index.html', 'style'], { cwd: REPO_ROOT }).toString().trim()) commit += '+dirty';
  } catch {
    // not a git checkout
  }
  if (LABEL) commit = LABEL;

  log(`sizes of ${DIST}`);
  const site = assembleSite();
  results.sizes = { app: measureDir(DIST), baseline: measureDir(path.join(site, 'baseline')) };

  const browser = await launchBrowser();
  try {
    await startupAndRender1k(browser, site, results);
    await render5kAndMemory(browser, site, results);
    await polling(browser, site, results);
  } finally {
    await browser.close();
    rmSync(site, { recursive: true, force: true });
  }

  const table = buildTable(results);
  const text = printTable(table);
  const out = {
    date: new Date().toISOString(),
    commit,
    dist: DIST,
    quick: QUICK,
    gzip: gzipTool(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    seconds: Math.round((Date.now() - started) / 1000),
    table,
    results,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(text);
  console.log(`\n${out.date} · commit ${commit ?? '?'} · ${out.seconds} s · ${path.relative(REPO_ROOT, RESULTS_DIR)}/latest.json`);
  const failed = table.filter((r) => r.pass === 'FAIL').map((r) => `${r.section}: ${r.metric}`);
  if (failed.length) console.log(`Targets missed: ${failed.join('; ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
