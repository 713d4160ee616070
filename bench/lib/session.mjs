// Tabs, sign-in, memory and the demo API of the benchmark: what every
// measurement shares.

import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo, REPO_ROOT } from '../../tests/e2e/support/demo.mjs';

const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROBE = path.join(BENCH_DIR, 'lib', 'probe.js');

/** Items per page of the demo's lists; passed explicitly so the page count is known. */
export const PAGE_SIZE = 100;

export const log = (...args) => console.error('·', ...args);
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `promise`, or a rejection after `ms`: a frozen tab cannot fire the probe's
 * own timers, so the run keeps its own clock.
 */
export function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Copies the release build in `dist` and the baseline into one folder the demo serves. */
export function assembleSite(dist) {
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html not found: build first (bench/run does: trunk build --release --dist ${dist})`);
  }
  const site = mkdtempSync(path.join(os.tmpdir(), 'bench-site-'));
  for (const name of readdirSync(dist)) {
    if (name.startsWith('.')) continue;
    cpSync(path.join(dist, name), path.join(site, name), { recursive: true });
  }
  const baseline = path.join(site, 'baseline');
  mkdirSync(baseline);
  cpSync(path.join(BENCH_DIR, 'baseline', 'index.html'), path.join(baseline, 'index.html'));
  cpSync(path.join(BENCH_DIR, 'baseline', 'app.js'), path.join(baseline, 'app.js'));
  const css = readdirSync(dist).find((n) => n.endsWith('.css'));
  cpSync(path.join(dist, css), path.join(baseline, 'main.css'));
  cpSync(path.join(dist, 'config.json'), path.join(baseline, 'config.json'));
  // The demo sends the build's policy with every page, the baseline's too.
  // The plain page writes its rows with innerHTML, which Trusted Types
  // refuses: its header keeps the rest of the policy. The app is still under
  // Trusted Types, by the same policy in its own <meta>.
  const header = path.join(site, 'csp-header.txt');
  if (existsSync(header)) {
    const policy = readFileSync(header, 'utf8').split(';').map((d) => d.trim())
      .filter((d) => d && !/^(require-trusted-types-for|trusted-types)\b/.test(d));
    writeFileSync(header, `${policy.join('; ')}\n`);
  }
  return site;
}

// Added to every API answer by the demo (`--latency-ms`), for the whole run.
let apiLatencyMs = 0;

/** Makes every demo API of this run answer `ms` later, as a real network would. */
export function setApiLatency(ms) {
  apiLatencyMs = ms;
}

/** Runs `fn(demo)` with a demo API in test mode serving `site` with `seed`'s account. */
export async function withDemo(site, seed, extra, fn) {
  // startDemo (shared with the tests) insists on dist/index.html although
  // --dist points it elsewhere: say so rather than fail obscurely.
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'index.html'))) {
    throw new Error('tests/e2e/support/demo.mjs needs dist/index.html: run `trunk build --release` once (bench/run itself builds into its own folder)');
  }
  const demo = await startDemo(['--dist', site, '--page-size', String(PAGE_SIZE),
    '--large', `${seed.servers}:${seed.snapshots}`,
    ...(apiLatencyMs > 0 ? ['--latency-ms', String(apiLatencyMs)] : []), ...extra]);
  try {
    return await fn(demo);
  } finally {
    await demo.stop();
  }
}

export const KINDS = {
  app: (demo) => `${demo.url}/`,
  baseline: (demo) => `${demo.url}/baseline/`,
};

/** A new tab (fresh sessionStorage) with the HTTP cache off and the probe in place. */
export async function openFresh(browser, url) {
  const page = await browser.newPage();
  await page.addInitScript({ path: PROBE });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const form = await within(page.evaluate(() => window.__bench.formReady), 90_000, 'sign-in form');
  return { page, cdp, formPaint: form.paintAt };
}

/**
 * Navigation → sign-in form painted, for each of `urls` once per round:
 * fresh tabs, the order alternating from round to round, and a pause after
 * each closed tab so that its teardown does not overlap the next one's
 * start. Returns each URL's times, in round order.
 */
export async function formRounds(browser, urls, rounds) {
  const times = Object.fromEntries(urls.map((url) => [url, []]));
  for (let round = 0; round < rounds; round++) {
    for (const url of round % 2 ? [...urls].reverse() : urls) {
      const fresh = await openFresh(browser, url);
      times[url].push(fresh.formPaint);
      await fresh.page.close();
      await sleep(300);
    }
  }
  return times;
}

/**
 * The snapshot-list GETs (`/api/v1/snapshots/`, any page, any server) of a
 * request-log slice: how many, and the queries sent more than once (a
 * missing `page` is page 1).
 */
export function listGets(requests) {
  const gets = requests.filter((r) => r.method === 'GET' && /^\/api\/v1\/snapshots\/?$/.test(r.path));
  const seen = new Map();
  for (const r of gets) {
    const params = new URLSearchParams(r.query ?? '');
    if (!params.get('page')) params.set('page', '1');
    params.sort();
    const key = params.toString();
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return { count: gets.length, repeated: [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`) };
}

/**
 * Opens `kind` fresh and signs in: waits for the first screen, and for all
 * `expectedRows` rows when `waitAll`, then for the load to settle, then
 * `settleMs` more; returns the probe's times and the list GETs sent.
 */
export async function signedIn(browser, kind, demo, expectedRows, { waitAll = false, timeoutMs = 60_000, settleMs = 1000 } = {}) {
  const fresh = await openFresh(browser, KINDS[kind](demo));
  try {
    const before = (await demo.apiRequests()).length;
    const signIn = await within(fresh.page.evaluate(
      ([token, n, all, t]) => window.__bench.signIn(token, n, all, t), [demo.token, expectedRows, waitAll, timeoutMs]),
    timeoutMs + 30_000, `${kind}: sign-in`);
    await sleep(settleMs);
    const gets = listGets((await demo.apiRequests()).slice(before));
    return { ...fresh, signIn: { ...signIn, listGets: gets } };
  } catch (err) {
    await fresh.page.close().catch(() => {});
    throw err;
  }
}

/** JS heap, wasm memory and DOM nodes after two forced GCs. */
export async function memory(page, cdp) {
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
export async function setHidden(page, hidden) {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}
