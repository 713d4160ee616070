// The performance benchmark: the release app against a hand-written
// baseline, up to an account of 50,000 snapshots. Run it through bench/run,
// which builds the release app first. See bench/README.md.
//
//   node bench/bench.mjs [--dist DIR] [--quick] [--label TEXT] [--latency-ms N] [--runs N]
//                        [--only switches|picker|large|huge]
//
// Serves the release build in DIR (default /tmp/bench-dist) and the
// hand-written baseline (bench/baseline/) from one demo API in test mode,
// drives Debian's headless Chromium through playwright-core, prints one table
// and writes it with every raw number to bench/results/latest.json.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../tests/e2e/support/demo.mjs';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';
import { gzipTool, measureDir } from './lib/sizes.mjs';
import { stat, median } from './lib/stats.mjs';
import { assembleSite, formRounds, KINDS, log, memory, setApiLatency, setHidden, signedIn, sleep, within, withDemo } from './lib/session.mjs';
import { largeAccount, seedName, wholeAccount } from './lib/large.mjs';
import { pickerAccount } from './lib/picker.mjs';
import { buildOnlyTable, buildTable, combineRuns, printTable, summary } from './lib/table.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = path.join(BENCH_DIR, 'results');

// ---- options ----

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const QUICK = argv.includes('--quick');
// `--only switches`: only metric 6 (filter and searches at 5,000), printed alone;
// `--only picker`: sizes and the server picker alone (a minute, not the whole run);
// `--only large`: the 50,000-snapshot account alone (metric 7, with the cursor run);
// `--only huge`: the 100,000-snapshot account alone (metric 10).
const ONLY = opt('--only', null);
const ONLY_CHOICES = ['switches', 'picker', 'large', 'huge'];
if (ONLY !== null && !ONLY_CHOICES.includes(ONLY)) {
  console.error(`bench: --only expects one of ${ONLY_CHOICES.join(', ')}`);
  process.exit(2);
}
// Whole runs in a row: the table then gives each cell as the median of the
// runs' medians with their range (min–max), and how many runs met each target.
const RUN_COUNT = Number(opt('--runs', '1'));
if (!Number.isInteger(RUN_COUNT) || RUN_COUNT < 1) {
  console.error('bench: --runs expects a whole number ≥ 1');
  process.exit(2);
}
const DIST = path.resolve(opt('--dist', '/tmp/bench-dist'));
const LABEL = opt('--label', null);
// Added by the demo API to every answer (both pages alike): 0 is localhost.
const LATENCY_MS = Number(opt('--latency-ms', '0'));
// Per API answer, for the whole-account pair of a localhost run: tens of ms,
// as a real network between a browser and its API.
const WHOLE_ACCOUNT_LATENCY_MS = 20;
if (!Number.isInteger(LATENCY_MS) || LATENCY_MS < 0) {
  console.error('bench: --latency-ms expects a whole number of milliseconds');
  process.exit(2);
}
setApiLatency(LATENCY_MS);
const RUNS = {
  startup: QUICK ? 2 : 5,
  // Navigation → sign-in form only: single tabs vary by tens of ms on this
  // machine, and the row is judged close to its target, so as many in a
  // quick run as in a full one (they take under a minute).
  formOnly: 20,
  render5k: QUICK ? 1 : 3,
  update: QUICK ? 2 : 6,
  switches: QUICK ? 2 : 5,
  refreshes: QUICK ? 4 : 20,
  pollSeconds: QUICK ? 20 : 60,
  hiddenSeconds: QUICK ? 6 : 12,
  idleSeconds: QUICK ? 6 : 16,
  // A refresh slower than this, or a refresh phase longer than this, stops
  // the memory measurement (and fails it) instead of stalling the run.
  refreshTimeoutMs: 60_000,
  refreshPhaseMs: QUICK ? 60_000 : 150_000,
  // Each step of the 50,000-snapshot account (sign-in, scroll, search).
  largeStepMs: QUICK ? 120_000 : 180_000,
  giantStepMs: 300_000,
  picker: QUICK ? 3 : 5,
};
export const SEEDS = {
  small: { servers: 200, snapshots: 1000 },
  large: { servers: 1000, snapshots: 5000 },
  huge: { servers: 10000, snapshots: 50000 },
  polling: { servers: 1000, snapshots: 1000 },
  picker: { servers: 10000, snapshots: 10000 },
  giant: { servers: 20000, snapshots: 100000 },
};
const KIND_NAMES = ['app', 'baseline'];
// The baseline renders every row: its runs also wait for all of them.
const waitAll = (kind) => kind === 'baseline';

/** Medians and spreads of a sign-in's times over `runs`. */
function signInStats(runs) {
  const pick = (f) => stat(runs.map(f));
  return {
    firstScreen: pick((x) => x.firstScreen.clickToPaint),
    allRows: pick((x) => x.allRows?.clickToPaint),
    firstScreenData: pick((x) => x.firstScreen.dataToPaint),
    allRowsData: pick((x) => x.allRows?.dataToPaint),
    listGets: median(runs.map((x) => x.listGets.count)),
    repeated: [...new Set(runs.flatMap((x) => x.listGets.repeated))],
  };
}

// ---- the measurements ----

async function startupAndRender1k(browser, site, results) {
  const seed = SEEDS.small;
  log(`start-up and render: --large ${seed.servers}:${seed.snapshots}, ${RUNS.startup} runs each, cache off`);
  await withDemo(site, seed, [], async (demo) => {
    const runs = { app: [], baseline: [] };
    for (let i = 0; i < RUNS.startup; i++) {
      for (const kind of KIND_NAMES) {
        const s = await signedIn(browser, kind, demo, seed.snapshots, { waitAll: waitAll(kind) });
        runs[kind].push({ formPaint: s.formPaint, ...s.signIn });
        await s.page.close();
      }
    }
    log(`start-up: navigation → sign-in form, ${RUNS.formOnly} more runs each, cache off`);
    const urls = KIND_NAMES.map((kind) => KINDS[kind](demo));
    const times = await formRounds(browser, urls, RUNS.formOnly);
    const forms = Object.fromEntries(KIND_NAMES.map((kind, i) => [kind, times[urls[i]]]));
    for (const kind of KIND_NAMES) {
      results[kind].startup = {
        formInteractive: stat(forms[kind]),
        formRuns: forms[kind],
        small: signInStats(runs[kind]),
        runs: runs[kind],
      };
    }

    log(`update: one snapshot's status among ${seed.snapshots}, ${RUNS.update} runs each`);
    for (const kind of KIND_NAMES) {
      const s = await signedIn(browser, kind, demo, seed.snapshots, { waitAll: waitAll(kind) });
      const row = await s.page.evaluate(() => window.__bench.middleRow());
      const r = [];
      for (let i = 0; i < RUNS.update; i++) {
        const [status, badge] = i % 2 === 0 ? ['in_progress', 'badge-busy'] : ['completed', 'badge-ok'];
        await demo.setSnapshotStatus({ id: row.id, status });
        r.push({ status, ...(await s.page.evaluate(([a, b]) => window.__bench.measureUpdate(a, b), [row.id, badge])) });
      }
      await demo.setSnapshotStatus({ id: row.id, status: 'completed' });
      await s.page.close();
      results[kind].update = {
        snapshotId: row.id,
        inViewport: row.inViewport,
        dataToPaint: stat(r.map((x) => x.dataToPaint)),
        dataToDom: stat(r.map((x) => x.dataToDom)),
        clickToPaint: stat(r.map((x) => x.clickToPaint)),
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

/** Clicks Refresh `RUNS.refreshes` times on a signed-in tab; memory after load, half-way and at the end. */
async function refreshLoop(page, cdp) {
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
      refreshTimes.push(await within(page.evaluate((t) => window.__bench.refresh(t), RUNS.refreshTimeoutMs),
        2 * RUNS.refreshTimeoutMs + 10_000, 'refresh'));
    } catch (err) {
      stopped = `refresh ${i} failed: ${err.message.split('\n')[0]}`;
      break;
    }
    if (i === Math.floor(RUNS.refreshes / 2)) afterHalf = await memory(page, cdp).catch(() => null);
  }
  if (!stopped) afterAll = await memory(page, cdp);
  const rows = stopped ? null : await page.evaluate(() => window.__bench.rowCount());
  return { afterLoad, afterHalf, afterAll, rows, stopped, refreshes: refreshTimes.length, refresh: stat(refreshTimes), refreshTimes };
}

/**
 * Filter (all → one server → all) and search (one snapshot, then cleared),
 * `RUNS.switches` times. A failure ends the runs (the tab may be frozen) and
 * is reported with what was measured before it.
 */
async function switches(page, seed) {
  const filter = [];
  const search = [];
  const serverSearch = [];
  let error = null;
  try {
    for (let i = 0; i < RUNS.switches; i++) {
      // A different server each time, spread over the account (ids follow the demo's seed).
      const index = 1 + Math.floor(((i + 0.5) * seed.servers) / RUNS.switches);
      filter.push(await within(page.evaluate((id) => window.__bench.measureFilter(id), 10_000 + index), 150_000, 'filter'));
      search.push(await within(page.evaluate((n) => window.__bench.measureSearch(n), seedName(index, 2 + (i % 3))), 150_000, 'search'));
      // The demo names its servers srv-0001…: one name finds one server.
      serverSearch.push(await within(page.evaluate(([n, id]) => window.__bench.measureServerSearch(n, id),
        [`srv-${String(index).padStart(4, '0')}`, 10_000 + index]), 150_000, 'server search'));
    }
  } catch (err) {
    error = `run ${filter.length + search.length + serverSearch.length + 1} of ${3 * RUNS.switches}: ${err.message.split('\n')[0]}`;
    log(`filter and search: ${error}`);
  }
  return {
    error,
    toOne: stat(filter.map((x) => x.toOne)),
    toAll: stat(filter.map((x) => x.toAll)),
    toAllFlash: filter.some((x) => x.toAllFlash),
    toOneFlash: filter.some((x) => x.toOneFlash),
    found: stat(search.map((x) => x.found)),
    cleared: stat(search.map((x) => x.cleared)),
    searchFlash: search.some((x) => x.flash),
    serverFound: stat(serverSearch.map((x) => x.found)),
    serverCleared: stat(serverSearch.map((x) => x.cleared)),
    filterRuns: filter,
    searchRuns: search,
    serverSearchRuns: serverSearch,
  };
}

async function render5kAndMemory(browser, site, results) {
  const seed = SEEDS.large;
  log(`render and memory: --large ${seed.servers}:${seed.snapshots}, ${RUNS.render5k} runs each, then ${RUNS.refreshes} refreshes`);
  await withDemo(site, seed, [], async (demo) => {
    for (const kind of KIND_NAMES) {
      const r = [];
      let last = null;
      for (let i = 0; i < RUNS.render5k; i++) {
        if (last) await last.page.close();
        last = await signedIn(browser, kind, demo, seed.snapshots, { waitAll: waitAll(kind) });
        r.push(last.signIn);
      }
      results[kind].render5k = { ...signInStats(r), runs: r };
      results[kind].memory = await refreshLoop(last.page, last.cdp);
      if (results[kind].memory.stopped) log(`${kind}: ${results[kind].memory.stopped}`);
      await last.page.close().catch(() => {});
    }

    log(`filter and search: ${RUNS.switches} runs each, app only`);
    const s = await signedIn(browser, 'app', demo, seed.snapshots);
    results.app.switches = await switches(s.page, seed);
    await s.page.close().catch(() => {});
  });
}

async function polling(browser, site, results) {
  const seed = SEEDS.polling;
  log(`polling: --large ${seed.servers}:${seed.snapshots}, one snapshot in progress, ${RUNS.pollSeconds} s visible`);
  await withDemo(site, seed, ['--snapshot-delay-ms', '3600000'], async (demo) => {
    const s = await signedIn(browser, 'app', demo, seed.snapshots);
    const { page } = s;
    const target = await page.evaluate(() => window.__bench.middleRow());
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

/** `--only switches`: metric 6 alone, its rows printed (nothing written). */
async function onlySwitches(browser, site, results) {
  const seed = SEEDS.large;
  log(`filter and searches only: --large ${seed.servers}:${seed.snapshots}, ${RUNS.switches} runs each, app only`);
  await withDemo(site, seed, [], async (demo) => {
    const s = await signedIn(browser, 'app', demo, seed.snapshots);
    results.app.switches = await switches(s.page, seed);
    await s.page.close().catch(() => {});
  });
  const sw = results.app.switches;
  const row = (what, x) => console.log(x
    ? `${what}: ${x.median.toFixed(0)} ms (${x.min.toFixed(0)}–${x.max.toFixed(0)}) ${x.median <= 100 ? 'ok' : 'FAIL'} (≤ 100 ms)`
    : `${what}: — FAIL`);
  if (sw.error) console.log(`error: ${sw.error}`);
  row('filter all → one server', sw.toOne);
  row('filter one server → all', sw.toAll);
  row('search one snapshot', sw.found);
  row('search cleared', sw.cleared);
  row('search one server by name', sw.serverFound);
  row('server search cleared', sw.serverCleared);
}

// ---- main ----

/** One whole run (or the `--only` part): its results and table. */
async function measureOnce(site) {
  const results = { app: {}, baseline: {} };
  results.sizes = { app: measureDir(DIST), baseline: measureDir(path.join(site, 'baseline')) };
  const browser = await launchBrowser();
  try {
    if (ONLY === 'switches') {
      await onlySwitches(browser, site, results);
      return { results, table: null };
    }
    if (ONLY === null) {
      await startupAndRender1k(browser, site, results);
      await render5kAndMemory(browser, site, results);
    }
    if (ONLY === null || ONLY === 'large') {
      results.app.huge = await largeAccount(browser, site, SEEDS.huge, RUNS.largeStepMs);
      results.app.hugeByNext = await wholeAccount(browser, site, SEEDS.huge, RUNS.largeStepMs, { pagination: 'cursor' });
      // On localhost both ways wait mostly for the browser's own work on
      // each page, which no order of requests can halve: the pair is
      // judged again with answers a realistic network's time apart.
      if (LATENCY_MS === 0) {
        const late = { latencyMs: WHOLE_ACCOUNT_LATENCY_MS };
        results.app.hugeLate = {
          latencyMs: WHOLE_ACCOUNT_LATENCY_MS,
          numbered: await wholeAccount(browser, site, SEEDS.huge, RUNS.largeStepMs, { pagination: 'numbered', ...late }),
          byNext: await wholeAccount(browser, site, SEEDS.huge, RUNS.largeStepMs, { pagination: 'cursor', ...late }),
        };
      }
    }
    if (ONLY === null || ONLY === 'picker') results.app.picker = await pickerAccount(browser, site, SEEDS.picker, RUNS.picker);
    if (ONLY === null || ONLY === 'huge') results.app.giant = await largeAccount(browser, site, SEEDS.giant, RUNS.giantStepMs);
    if (ONLY === null) await polling(browser, site, results);
  } finally {
    await browser.close();
  }
  const table = ONLY === null ? buildTable(results, SEEDS, RUNS, LATENCY_MS) : buildOnlyTable(results, SEEDS, LATENCY_MS);
  return { results, table };
}

async function main() {
  const started = Date.now();
  let commit = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
    if (execFileSync('git', ['status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock', 'index.html', 'style'], { cwd: REPO_ROOT }).toString().trim()) commit += '+dirty';
  } catch {
    // not a git checkout
  }
  if (LABEL) commit = LABEL;

  log(`sizes of ${DIST}`);
  const site = assembleSite(DIST);
  const runs = [];
  try {
    for (let i = 1; i <= RUN_COUNT; i++) {
      if (RUN_COUNT > 1) log(`run ${i} of ${RUN_COUNT}`);
      const run = await measureOnce(site);
      runs.push(run);
      if (RUN_COUNT > 1 && run.table) log(`run ${i}: ${summary(run.table).line}`);
    }
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
  if (ONLY === 'switches') return;

  const table = RUN_COUNT > 1 ? combineRuns(runs.map((r) => r.table)) : runs[0].table;
  const text = printTable(table);
  const out = {
    date: new Date().toISOString(),
    commit,
    dist: DIST,
    quick: QUICK,
    only: ONLY,
    runs: RUN_COUNT,
    latency_ms: LATENCY_MS,
    gzip: gzipTool(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, loadavg: os.loadavg() },
    seconds: Math.round((Date.now() - started) / 1000),
    table,
    // One run: its results as before; several: each run's table and results.
    results: RUN_COUNT > 1 ? undefined : runs[0].results,
    each: RUN_COUNT > 1 ? runs : undefined,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(out, null, 2)}\n`);
  console.log(text);
  const latency = LATENCY_MS > 0 ? ` · API latency ${LATENCY_MS} ms` : '';
  const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  const many = RUN_COUNT > 1 ? ` · ${RUN_COUNT} runs (median of the runs' medians, their range in brackets)` : '';
  console.log(`\n${out.date} · commit ${commit ?? '?'}${latency}${many} · ${out.seconds} s · load ${load} · ${path.relative(REPO_ROOT, RESULTS_DIR)}/latest.json`);
  const { line, failed } = summary(table);
  console.log(line);
  for (const f of failed) console.log(`  FAIL ${f}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
