// The benchmark's table: one row per metric, with the app, the baseline,
// their ratio (of medians), the target and ok/FAIL.

import { gzipTool, kB } from './sizes.mjs';
import { fmtRatio, MB, mid, ms, ratio } from './stats.mjs';
import { PAGE_SIZE } from './session.mjs';

// The targets of the metrics (bench/README.md, "What is measured").
const TARGETS = {
  formRatio: 1.5,
  firstScreenSmall: 0.7,
  firstScreenLarge: 0.5,
  renderSmall: 1.5,
  updateRatio: 1.1,
  wasmBytes: 15e6,
  domShare: 0.1,
  switchMs: 100,
  longTaskMs: 200,
  wholeAccountRatio: 0.5,
  pickerMs: 50,
  pickerNodes: 200,
};

/** What adds a row to `rows`: section, metric, app, baseline, target, pass (null: no target), format. */
function adder(rows) {
  return (section, metric, a, b, target, pass, fmt = ms, showRatio = fmt === ms) => rows.push({
    section,
    metric,
    app: typeof a === 'string' ? a : fmt(a),
    baseline: typeof b === 'string' ? b : fmt(b),
    ratio: showRatio && typeof a !== 'string' && typeof b !== 'string' ? fmtRatio(ratio(a, b)) : '',
    target,
    pass: pass === null || pass === undefined ? '' : pass ? 'ok' : 'FAIL',
  });
}

/** The rows of `bench.mjs --only picker`: the sizes and the picker. */
export function buildPickerTable(results, SEEDS) {
  const rows = [];
  const add = adder(rows);
  const s = results.sizes.app;
  add('1 size', `total raw / ${gzipTool()} / brotli`, `${kB(s.total.raw)} / ${kB(s.total.gzip)} / ${kB(s.total.brotli)}`, '',
    '≤ 500 kB gzip', s.total.gzip <= 500_000);
  pickerRows(add, results.app.picker, SEEDS.picker);
  return rows;
}

/** The rows of the table from the results of bench.mjs. */
export function buildTable(results, SEEDS, RUNS) {
  const { app, baseline, sizes, polling: p } = results;
  const rows = [];
  const add = adder(rows);
  const atMost = (a, b, r) => ratio(a, b) !== null && ratio(a, b) <= r;
  const n1 = SEEDS.small.snapshots;
  const n5 = SEEDS.large.snapshots;

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

  const form = [app.startup.formInteractive, baseline.startup.formInteractive];
  add('2 start-up', 'navigation → sign-in form interactive', ...form,
    `≤ ${TARGETS.formRatio}× baseline`, atMost(...form, TARGETS.formRatio));
  const small = [app.startup.small, baseline.startup.small];
  const large = [app.render5k, baseline.render5k];
  for (const [n, [a, b], target] of [[n1, small, TARGETS.firstScreenSmall], [n5, large, TARGETS.firstScreenLarge]]) {
    add('2 start-up', `${n}: sign-in → first screen (baseline: all rows) painted`, a.firstScreen, b.allRows,
      `≤ ${target}× baseline`, atMost(a.firstScreen, b.allRows, target));
  }
  for (const [n, [a, b]] of [[n1, small], [n5, large]]) {
    add('2 start-up', `${n}: sign-in → first screen painted (both alike)`, a.firstScreen, b.firstScreen, '', null);
  }
  for (const [n, [, b]] of [[n1, small], [n5, large]]) {
    add('2 start-up', `sign-in → ${n} rows painted`, '— (windowed)', ms(b.allRows), '', null);
  }
  const gets = (x) => `${x.listGets}${x.repeated.length ? ` (repeated: ${x.repeated.join(', ')})` : ''}`;
  for (const [n, [a, b]] of [[n1, small], [n5, large]]) {
    add('2 start-up', `${n}: snapshot-list GETs, sign-in → first screen + 1 s`, gets(a), gets(b),
      `each page once (${Math.ceil(n / PAGE_SIZE)} pages)`, a.repeated.length === 0);
  }

  add('3 render', `${n1}: data → first screen (baseline: all rows) painted`, small[0].firstScreenData, small[1].allRowsData,
    `≤ ${TARGETS.renderSmall}× baseline`, atMost(small[0].firstScreenData, small[1].allRowsData, TARGETS.renderSmall));
  add('3 render', `${n5}: data → first screen (baseline: all rows) painted`, large[0].firstScreenData, large[1].allRowsData, '', null);

  const u = [app.update.dataToPaint, baseline.update.dataToPaint];
  add('4 update', `one row of ${n1}: answer → paint`, ...u, `≤ ${TARGETS.updateRatio}× baseline`, atMost(...u, TARGETS.updateRatio));
  add('4 update', 'one row: click Refresh → paint', app.update.clickToPaint, baseline.update.clickToPaint, '', null);
  const nodes = (x) => `${x.nodesTouched} (${x.inRow} in row, ${x.elsewhereInListMax} elsewhere in list, ${x.outsideList} outside)`;
  add('4 update', 'DOM nodes mutated', nodes(app.update), nodes(baseline.update), 'only that row', app.update.elsewhereInListMax === 0);
  const created = (x) => `${x.nodesCreated}${x.listRebuilt ? ' (whole list rebuilt)' : ''}`;
  add('4 update', 'DOM nodes created', created(app.update), created(baseline.update), '', null);

  memoryRows(add, app.memory, baseline.memory, n5, RUNS.refreshes);
  switchRows(add, app.switches, n5);
  hugeRows(add, app.huge, SEEDS.huge, app.hugeByNext);
  pickerRows(add, app.picker, SEEDS.picker);

  add('8 polling', `requests / min (first ${Math.round(p.visibleSeconds)} s)`, p.requestsPerMinute.toFixed(1), '', '', null);
  add('8 polling', 'bytes / min (body / on the wire)', `${kB(p.bodyBytesPerMinute)} / ${kB(p.transferBytesPerMinute)}`, '', '', null);
  add('8 polling', 'every poll asks only that server', p.allCarryServerId ? 'yes' : 'no', '', 'only servers concerned', p.allCarryServerId);
  add('8 polling', `requests while hidden (${Math.round(p.hiddenSeconds)} s)`, String(p.hiddenRequests), '', 'none', p.hiddenRequests === 0);
  add('8 polling', `requests once idle (${Math.round(p.idleSeconds)} s)`, String(p.idleRequests), '', 'none', p.idleRequests === 0);
  add('8 polling', `DOM mutations once idle (${Math.round(p.idleSeconds)} s, ${SEEDS.polling.snapshots} rows)`, String(p.idleMutations), '', '', null);
  return rows;
}

function memoryRows(add, m, bm, n, refreshes) {
  if (m.stopped || bm.stopped) {
    add('5 memory', `${refreshes} refreshes of ${n}`, m.stopped ?? 'done', bm.stopped ?? 'done', 'all done', !m.stopped);
  }
  add('5 memory', `one Refresh of ${n} (click → settled)`, m.refresh, bm.refresh, '', null);
  const heapOk = (key) => m[key] && bm[key] && m[key].jsHeapUsed <= bm[key].jsHeapUsed;
  add('5 memory', `JS heap after ${n} loaded`, m.afterLoad.jsHeapUsed, bm.afterLoad.jsHeapUsed, '≤ baseline', heapOk('afterLoad'), MB);
  add('5 memory', `JS heap after ${refreshes} refreshes`, m.afterAll?.jsHeapUsed ?? null, bm.afterAll?.jsHeapUsed ?? null,
    '≤ baseline', heapOk('afterAll'), MB);
  const wasm = [m.afterLoad, m.afterHalf, m.afterAll].map((x) => x?.wasmMemory ?? null);
  add('5 memory', `wasm memory after load / ${refreshes / 2} / ${refreshes} refreshes`,
    wasm.map(MB).join(' / '), '—', `≤ ${MB(TARGETS.wasmBytes)}`,
    wasm.every((x) => x !== null && x <= TARGETS.wasmBytes));
  const dom = (x) => `${x.afterLoad?.domNodes ?? '—'} / ${x.afterAll?.domNodes ?? '—'}`;
  const domShare = m.afterLoad && bm.afterLoad ? m.afterLoad.domNodes / bm.afterLoad.domNodes : null;
  add('5 memory', `DOM nodes after load / ${refreshes} refreshes`,
    `${dom(m)}${domShare === null ? '' : ` (${(domShare * 100).toFixed(1)}%)`}`, dom(bm),
    `≤ ${TARGETS.domShare * 100}% of baseline`, domShare !== null && domShare <= TARGETS.domShare &&
      (m.afterAll?.domNodes ?? Infinity) <= TARGETS.domShare * (bm.afterAll?.domNodes ?? 0));
  const growth = memoryGrowth(m);
  const bGrowth = memoryGrowth(bm);
  add('5 memory', `growth, refresh ${refreshes / 2} → ${refreshes} (JS + wasm)`,
    growth.lateBytes === null ? '—' : `${MB(growth.lateBytes)} (${(growth.lateFraction * 100).toFixed(1)}%)`, MB(bGrowth.lateBytes),
    'none beyond noise', growth.ok);
  add('5 memory', `growth, load → ${refreshes} refreshes (JS + wasm)`, MB(growth.totalBytes), MB(bGrowth.totalBytes), '', null);
}

function switchRows(add, sw, n) {
  const target = `≤ ${TARGETS.switchMs} ms`;
  const fast = (x) => mid(x) !== null && mid(x) <= TARGETS.switchMs;
  if (sw.error) add('6 switches', `${n}: filter and search`, sw.error, '', 'all runs done', false);
  add('6 switches', `${n}: filter all → one server, input → paint`, sw.toOne, '', target, fast(sw.toOne));
  add('6 switches', `${n}: filter one server → all, input → first screen`, sw.toAll, '', target, fast(sw.toAll));
  add('6 switches', 'back to all: no loading placeholder (.skeleton)',
    sw.filterRuns.length ? (sw.toAllFlash ? 'flash' : 'none') : '—', '', 'no flash', sw.filterRuns.length > 0 && !sw.toAllFlash);
  add('6 switches', `${n}: search one snapshot, input → paint`, sw.found, '', target, fast(sw.found));
  add('6 switches', `${n}: search cleared, input → first screen`, sw.cleared, '', target, fast(sw.cleared));
  add('6 switches', `${n}: search one server by name (its whole section), input → paint`, sw.serverFound, '', target, fast(sw.serverFound));
}

function hugeRows(add, h, seed, byNext) {
  const account = `${seed.snapshots / 1000}k`;
  if (!h) return;
  add('7 large', `${h.account}: loaded and usable`, h.error ?? 'yes', '', 'no crash, no time-out', !h.error);
  add('7 large', `${account}: sign-in → first screen painted`, h.signInToFirstScreen ?? null, '', '', null);
  add('7 large', `${account}: sign-in → last API response`, h.signInToLastResponse ?? null, '', '', null);
  if (byNext) {
    // The same account read by following `next` one page at a time: the
    // "baseline" column here, so the ratio is side by side ÷ one by one.
    const whole = h.signInToLastResponse ?? null;
    const oneByOne = byNext.signInToLastResponse ?? null;
    const r = ratio(whole, oneByOne);
    add('7 large', `${account}: whole account, numbered pages side by side ÷ following \`next\` (cursor pages)`,
      whole, byNext.error ?? oneByOne, `≤ ${TARGETS.wholeAccountRatio}×`, r !== null && r <= TARGETS.wholeAccountRatio);
  }
  const mem = h.memory;
  add('7 large', `${account}: wasm / JS heap / DOM nodes`,
    mem ? `${MB(mem.wasmMemory)} / ${MB(mem.jsHeapUsed)} / ${mem.domNodes}` : '—', '', '', null);
  if (h.search) {
    add('7 large', `${account}: search one snapshot / cleared, input → paint`, `${ms(h.search.found)} / ${ms(h.search.cleared)}`, '', '', null);
  }
  const lt = h.longTasks;
  add('7 large', `${account}: longest task after the data arrived (scroll, search)`,
    lt ? `${ms(lt.longest)} (${lt.count} tasks > 50 ms)` : '—', '', `≤ ${TARGETS.longTaskMs} ms`,
    !!lt && !h.error && lt.longest <= TARGETS.longTaskMs);
}

function pickerRows(add, p, seed) {
  if (!p) return;
  const n = seed.servers.toLocaleString('en');
  const target = `≤ ${TARGETS.pickerMs} ms`;
  const fast = (x) => mid(x) !== null && mid(x) <= TARGETS.pickerMs;
  add('9 picker', `${p.account}: measured`, p.error ?? 'yes', '', 'no time-out', !p.error);
  add('9 picker', `${n} servers: first focus and open after sign-in (options worked out), focus → paint`, p.firstOpen, '', '', null);
  add('9 picker', `${n} servers: open the server picker, key → paint`, p.open, '', target, fast(p.open));
  add('9 picker', `${n} servers: type one character, input → paint`, p.oneChar, '', target, fast(p.oneChar));
  add('9 picker', `${n} servers: type a full name, input → paint`, p.full, '', target, fast(p.full));
  add('9 picker', `${n} servers: DOM nodes of the open picker`, p.nodes ? String(p.nodes.max) : '—', '',
    `≤ ${TARGETS.pickerNodes}`, !!p.nodes && p.nodes.max <= TARGETS.pickerNodes);
}

/** Late growth (refresh 10 → 20), total growth and whether the late one is within noise. */
export function memoryGrowth(m) {
  if (!m.afterLoad || !m.afterHalf || !m.afterAll) return { lateBytes: null, lateFraction: null, totalBytes: null, ok: false };
  const total = (x) => x.jsHeapUsed + (x.wasmMemory ?? 0);
  const lateBytes = total(m.afterAll) - total(m.afterHalf);
  const lateFraction = lateBytes / total(m.afterHalf);
  // Noise: a GC'd heap moves by a few hundred kB between identical states.
  return { lateBytes, lateFraction, totalBytes: total(m.afterAll) - total(m.afterLoad), ok: lateBytes <= Math.max(1e6, 0.05 * total(m.afterHalf)) };
}

/** The rows as a Markdown table. */
export function printTable(rows) {
  const cols = ['section', 'metric', 'app', 'baseline', 'ratio', 'target', 'pass'];
  const head = { section: '', metric: 'metric', app: 'Leptos app', baseline: 'vanilla baseline', ratio: 'app/base', target: 'target', pass: '' };
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...rows.map((r) => String(r[c]).length))]));
  const line = (r) => `| ${cols.map((c) => String(r[c]).padEnd(width[c])).join(' | ')} |`;
  const out = [line(head), `|${cols.map((c) => '-'.repeat(width[c] + 2)).join('|')}|`, ...rows.map(line)];
  return out.join('\n');
}
