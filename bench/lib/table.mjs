// The benchmark's table: one row per metric, with the app, the baseline,
// their ratio (of medians), the target and ok/FAIL.

import { gzipTool, kB } from './sizes.mjs';
import { fmtRatio, MB, mid, ms, ratio, stat } from './stats.mjs';
import { PAGE_SIZE } from './session.mjs';

// The targets of the metrics (bench/README.md, "What is measured").
export const TARGETS = {
  // Issue 26: must not get worse than this (it was 1.5×, never met: the
  // whole wasm is compiled before the form shows, see the README).
  formRatio: 1.7,
  firstScreenSmall: 0.7,
  firstScreenLarge: 0.5,
  renderSmall: 1.5,
  updateRatio: 1.1,
  wasmBytes: 15e6,
  domShare: 0.1,
  switchMs: 100,
  longTaskMs: 100,
  wholeAccountRatio: 0.5,
  pickerMs: 50,
  pickerNodes: 200,
  // The first screen at 10,000 and 50,000 snapshots ÷ the same at 1,000
  // (same run); over a network (--latency-ms) the looser one.
  firstScreenGrowth: 2,
  firstScreenGrowthLatency: 3,
  createOpenMs: 100,
  wasmBytesHuge: 40e6,
  giantLongTaskMs: 200,
};

const FORMATS = { ms, MB };

/**
 * What adds a row to `rows`: section, metric, app, baseline, target, pass
 * (null: no target), format. A row keeps its numbers beside their text
 * (`values`), so that several runs can be combined (see combineRuns).
 */
function adder(rows) {
  return (section, metric, a, b, target, pass, fmt = ms, showRatio = fmt === ms) => {
    const number = (x) => (typeof x === 'string' ? null : mid(x));
    const r = showRatio && typeof a !== 'string' && typeof b !== 'string' ? ratio(a, b) : null;
    rows.push({
      section,
      metric,
      app: typeof a === 'string' ? a : fmt(a),
      baseline: typeof b === 'string' ? b : fmt(b),
      ratio: showRatio && typeof a !== 'string' && typeof b !== 'string' ? fmtRatio(r) : '',
      target,
      pass: pass === null || pass === undefined ? '' : pass ? 'ok' : 'FAIL',
      values: { app: number(a), baseline: number(b), ratio: r, format: Object.keys(FORMATS).find((k) => FORMATS[k] === fmt) ?? null },
    });
  };
}

/** The sizes' total row (every table has it). */
function sizeTotalRow(add, sizes) {
  const s = sizes.app;
  add('1 size', `total raw / ${gzipTool()} / brotli`,
    `${kB(s.total.raw)} / ${kB(s.total.gzip)} / ${kB(s.total.brotli)}`,
    `${kB(sizes.baseline.total.raw)} / ${kB(sizes.baseline.total.gzip)} / ${kB(sizes.baseline.total.brotli)}`,
    '≤ 500 kB gzip', s.total.gzip <= 500_000);
}

/** The rows of `bench.mjs --only picker|large|huge`: the sizes and that part. */
export function buildOnlyTable(results, SEEDS, latencyMs) {
  const rows = [];
  const add = adder(rows);
  sizeTotalRow(add, results.sizes);
  const { app } = results;
  if (app.huge) hugeRows(add, app.huge, SEEDS.huge, app.hugeByNext, app.hugeLate, null, latencyMs);
  if (app.picker) pickerRows(add, app.picker, SEEDS.picker, null, latencyMs);
  if (app.giant) giantRows(add, app.giant, SEEDS.giant);
  return rows;
}

/** The rows of the table from the results of bench.mjs. */
export function buildTable(results, SEEDS, RUNS, latencyMs = 0) {
  const { app, baseline, sizes, polling: p } = results;
  const rows = [];
  const add = adder(rows);
  const atMost = (a, b, r) => ratio(a, b) !== null && ratio(a, b) <= r;
  const n1 = SEEDS.small.snapshots;
  const n5 = SEEDS.large.snapshots;

  const s = sizes.app;
  const small1k = app.startup.small.firstScreen;
  for (const k of ['wasm', 'js', 'css']) {
    add('1 size', `${k} raw / gzip / brotli`,
      `${kB(s.byKind[k].raw)} / ${kB(s.byKind[k].gzip)} / ${kB(s.byKind[k].brotli)}`,
      k === 'wasm' ? '' : `${kB(sizes.baseline.byKind[k].raw)} / ${kB(sizes.baseline.byKind[k].gzip)} / ${kB(sizes.baseline.byKind[k].brotli)}`,
      '', null);
  }
  sizeTotalRow(add, sizes);

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
  hugeRows(add, app.huge, SEEDS.huge, app.hugeByNext, app.hugeLate, small1k, latencyMs);
  pickerRows(add, app.picker, SEEDS.picker, small1k, latencyMs);

  add('8 polling', `requests / min (first ${Math.round(p.visibleSeconds)} s)`, p.requestsPerMinute.toFixed(1), '', '', null);
  add('8 polling', 'bytes / min (body / on the wire)', `${kB(p.bodyBytesPerMinute)} / ${kB(p.transferBytesPerMinute)}`, '', '', null);
  add('8 polling', 'every poll asks only that server', p.allCarryServerId ? 'yes' : 'no', '', 'only servers concerned', p.allCarryServerId);
  add('8 polling', `requests while hidden (${Math.round(p.hiddenSeconds)} s)`, String(p.hiddenRequests), '', 'none', p.hiddenRequests === 0);
  add('8 polling', `requests once idle (${Math.round(p.idleSeconds)} s)`, String(p.idleRequests), '', 'none', p.idleRequests === 0);
  add('8 polling', `DOM mutations once idle (${Math.round(p.idleSeconds)} s, ${SEEDS.polling.snapshots} rows)`, String(p.idleMutations), '', '', null);
  giantRows(add, app.giant, SEEDS.giant);
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

/**
 * The first screen of a large account ÷ the first screen at 1,000 snapshots
 * of the same run (`small1k`, null in an `--only` run: then no ratio).
 */
function growthRow(add, section, snapshots, firstScreen, small1k, latencyMs) {
  const target = latencyMs > 0 ? TARGETS.firstScreenGrowthLatency : TARGETS.firstScreenGrowth;
  const r = ratio(firstScreen, small1k);
  add(section, `${snapshots.toLocaleString('en')}: sign-in → first screen ÷ the same at 1,000 (baseline column)`,
    firstScreen ?? null, small1k ?? '— (not in this run)', `≤ ${target}×${latencyMs > 0 ? ` (${latencyMs} ms latency)` : ''}`,
    small1k ? r !== null && r <= target : null);
}

/** What each step after the data took, in one cell: "search 40 / 35 ms, filter …". */
function stepTimes(h) {
  const parts = [];
  if (h.search) parts.push(`search ${ms(h.search.found)} / cleared ${ms(h.search.cleared)}`);
  if (h.filter) parts.push(`filter ${ms(h.filter.toOne)} / back ${ms(h.filter.toAll)}`);
  if (h.selectAll !== undefined) parts.push(`select all ${ms(h.selectAll)}`);
  for (const [name, t] of Object.entries(h.dialogs ?? {})) parts.push(`${name} ${t === null ? 'no button' : ms(t)}`);
  return parts.join(', ');
}

function hugeRows(add, h, seed, byNext, late, small1k, latencyMs) {
  const account = `${seed.snapshots / 1000}k`;
  if (!h) return;
  add('7 large', `${h.account}: loaded and usable`, h.error ?? 'yes', '', 'no crash, no time-out', !h.error);
  growthRow(add, '7 large', seed.snapshots, h.signInToFirstScreen, small1k, latencyMs);
  add('7 large', `${account}: sign-in → last API response`, h.signInToLastResponse ?? null, '', '', null);
  // The same account read by following `next` one page at a time: the
  // "baseline" column here, so the ratio is side by side ÷ one by one. A
  // localhost run judges the pair with its answers `late.latencyMs` apart,
  // and shows its own figures beside them.
  const wholeRow = (label, numbered, oneByOne, judged) => {
    const [whole, next] = [numbered?.signInToLastResponse ?? null, oneByOne?.signInToLastResponse ?? null];
    const r = ratio(whole, next);
    add('7 large', `${account}: whole account${label}, numbered pages side by side ÷ following \`next\` (cursor pages)`,
      whole ?? numbered?.error ?? null, next ?? oneByOne?.error ?? null, judged ? `≤ ${TARGETS.wholeAccountRatio}×` : '',
      judged ? r !== null && r <= TARGETS.wholeAccountRatio : null);
  };
  if (byNext) wholeRow(late ? ', localhost' : '', h, byNext, !late);
  if (late) wholeRow(`, ${late.latencyMs} ms per answer`, late.numbered, late.byNext, true);
  const mem = h.memory;
  // wasm memory never shrinks: its size is the most the steps so far needed.
  // The target is read where this row always read it (after load, scroll
  // and search); the later steps include going back to all servers, which
  // reloads the whole account beside the one shown.
  const afterSearch = h.steps?.find((s) => s.name === 'search')?.wasm ?? null;
  add('7 large', `${account}: wasm memory after load, scroll and search`, afterSearch, '',
    `≤ ${MB(TARGETS.wasmBytesHuge)}`, afterSearch !== null && afterSearch <= TARGETS.wasmBytesHuge, MB, false);
  add('7 large', `${account}: wasm memory after every step (filter back to all reloads the account)`, mem?.wasmMemory ?? null, '', '', null, MB, false);
  add('7 large', `${account}: JS heap / DOM nodes`, mem ? `${MB(mem.jsHeapUsed)} / ${mem.domNodes}` : '—', '', '', null);
  add('7 large', `${account}: each step, action → paint`, stepTimes(h) || '—', '', '', null);
  const lt = h.longTasks;
  add('7 large', `${account}: longest task after the data arrived (scroll, search, filter, select all, each dialog)`,
    lt ? lt.longest : null, lt ? `${lt.count} tasks > 50 ms${h.slowestStep ? `; slowest: ${h.slowestStep}` : ''}` : '',
    `≤ ${TARGETS.longTaskMs} ms`, !!lt && !h.error && lt.longest <= TARGETS.longTaskMs, ms, false);
}

/** Metric 10: 100,000 snapshots on 20,000 servers, loaded and used like metric 7. */
function giantRows(add, g, seed) {
  if (!g) return;
  const account = `${seed.snapshots / 1000}k`;
  add('10 huge', `${g.account}: loaded and usable`, g.error ?? 'yes', '', 'no crash, no time-out', !g.error);
  add('10 huge', `${account}: sign-in → first screen painted`, g.signInToFirstScreen ?? null, '', '', null);
  add('10 huge', `${account}: sign-in → last API response`, g.signInToLastResponse ?? null, '', '', null);
  const mem = g.memory;
  add('10 huge', `${account}: wasm / JS heap / DOM nodes`,
    mem ? `${MB(mem.wasmMemory)} / ${MB(mem.jsHeapUsed)} / ${mem.domNodes}` : '—', '', '', null);
  add('10 huge', `${account}: each step, action → paint`, stepTimes(g) || '—', '', '', null);
  const lt = g.longTasks;
  add('10 huge', `${account}: longest task after the data arrived (same steps as 7)`,
    lt ? lt.longest : null, lt ? `${lt.count} tasks > 50 ms${g.slowestStep ? `; slowest: ${g.slowestStep}` : ''}` : '',
    `≤ ${TARGETS.giantLongTaskMs} ms`, !!lt && !g.error && lt.longest <= TARGETS.giantLongTaskMs, ms, false);
}

function pickerRows(add, p, seed, small1k, latencyMs) {
  if (!p) return;
  const n = seed.servers.toLocaleString('en');
  const target = `≤ ${TARGETS.pickerMs} ms`;
  const fast = (x) => mid(x) !== null && mid(x) <= TARGETS.pickerMs;
  add('9 picker', `${p.account}: measured`, p.error ?? 'yes', '', 'no time-out', !p.error);
  growthRow(add, '9 picker', seed.snapshots, p.signInToFirstScreen, small1k, latencyMs);
  add('9 picker', `${n} servers: "New snapshot", click → dialog painted, server picker usable`, p.createOpen, '',
    `≤ ${TARGETS.createOpenMs} ms`, mid(p.createOpen) !== null && mid(p.createOpen) <= TARGETS.createOpenMs);
  add('9 picker', `${n} servers: "New snapshot"'s server picker opened, key → ${n} options`, p.createPicker, '', '', null);
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

/**
 * Several runs' tables as one: each cell that is a number in every run is
 * the median of the runs' values with their range, `412 ms (380–455)`; other
 * cells list the runs' texts (`a / b / c`, one when they agree); the ratio is
 * the median of the runs' ratios with their range; `pass` counts the runs
 * that met the target (`3/3 ok`, `2/3 FAIL`: every run must meet it).
 */
export function combineRuns(tables) {
  const n = tables.length;
  const key = (r) => `${r.section}|${r.metric}`;
  const byKey = tables.map((t) => new Map(t.map((r) => [key(r), r])));
  const seen = new Set();
  const rows = [];
  for (const row of tables.flat()) {
    if (seen.has(key(row))) continue;
    seen.add(key(row));
    const same = byKey.map((m) => m.get(key(row))).filter(Boolean);
    const cell = (col) => {
      const nums = same.map((r) => r.values?.[col]);
      const fmt = FORMATS[row.values?.format];
      if (fmt && nums.length === n && nums.every((x) => Number.isFinite(x))) return fmt(stat(nums));
      const texts = [...new Set(same.map((r) => r[col]))];
      return texts.length === 1 ? texts[0] : same.map((r) => r[col]).join(' / ');
    };
    const ratios = same.map((r) => r.values?.ratio);
    const r = ratios.length === n && ratios.every((x) => Number.isFinite(x)) ? stat(ratios) : null;
    const passes = same.filter((x) => x.pass === 'ok').length;
    const judged = same.filter((x) => x.pass).length;
    rows.push({
      section: row.section,
      metric: row.metric,
      app: cell('app'),
      baseline: cell('baseline'),
      ratio: r ? (r.n > 1 ? `${fmtRatio(r.median)} (${fmtRatio(r.min)}–${fmtRatio(r.max)})` : fmtRatio(r.median)) : row.ratio,
      target: row.target,
      pass: judged ? `${passes}/${n} ${passes === n ? 'ok' : 'FAIL'}` : '',
      values: null,
    });
  }
  return rows;
}

/** How many targets the table met, and the rows that missed theirs. */
export function summary(rows) {
  const judged = rows.filter((r) => r.pass);
  const failed = judged.filter((r) => r.pass.endsWith('FAIL')).map((r) => `${r.section}: ${r.metric} (${r.app}; target ${r.target})`);
  const line = `Targets: ${judged.length - failed.length} ok, ${failed.length} FAIL of ${judged.length}${failed.length ? '' : ' — all met'}`;
  return { line, failed };
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
