// The chaos run's one table, and the list of what failed below it.

import { FAULT_LABELS, faultLabel } from './faults.mjs';

/** How much the wasm memory may grow over a run before "flat" fails: generous, a leak shows more. */
const MEMORY_GROWTH_LIMIT = 16 * 2 ** 20;

/** Console errors the browser itself writes for failed requests (the faults), not the app. */
const NETWORK_NOISE = /^Failed to load resource|net::ERR_/;

const MB = (bytes) => (bytes === null ? 'not measured' : `${(bytes / 2 ** 20).toFixed(1)} MB`);

/** How many of `items` have each `labelOf(item)`: a Map in order of first appearance. */
function counted(items, labelOf) {
  const counts = new Map();
  for (const item of items) counts.set(labelOf(item), (counts.get(labelOf(item)) ?? 0) + 1);
  return counts;
}

/**
 * The table's rows ([what, value]), the failed checks with their details,
 * and notes that fail nothing, from everything the run gathered. Actions
 * are listed in the order of `actionNames`, faults in that of FAULT_LABELS.
 */
export function summary({
  actionNames, seed, minutes, undoSeconds, tally, log, found, end, memory, diagnostics, panicked,
}) {
  const rows = [['seed · length · undo window', `${seed} · ${minutes} min · ${undoSeconds} s`]];
  const failed = [];
  const notes = [];
  const check = (what, value, ok, details = []) => {
    rows.push([what, value]);
    if (!ok) failed.push({ what, details });
  };

  for (const name of actionNames) rows.push([`action: ${name}`, tally.actions[name] ?? 0]);
  const gaveUp = [...counted(tally.gaveUp, (name) => name)].map(([name, count]) => `${name} ${count}`);
  rows.push(['actions given up (the page changed first)', gaveUp.length ? gaveUp.join(' · ') : 0]);
  const faults = counted(log.filter((r) => r.fault), (r) => faultLabel(r.fault, r.status));
  for (const label of new Set([...FAULT_LABELS, ...faults.keys()])) rows.push([`fault: ${label}`, faults.get(label) ?? 0]);
  rows.push(['signed in again after a 401', tally.signIns]);
  rows.push(['API requests · writes (POST, DELETE)', `${log.filter((r) => r.path.startsWith('/api/')).length} · ${found.writes}`]);

  check('duplicates (a write sent twice)', found.duplicates.length, found.duplicates.length === 0, found.duplicates);
  check('writes nobody confirmed', found.unasked.length, found.unasked.length === 0, found.unasked);
  check('deletes after Undo', found.afterUndo.length, found.afterUndo.length === 0, found.afterUndo);
  check('lost (confirmed, not done, not said)', found.lost.length, found.lost.length === 0, found.lost);
  rows.push(['said failed, but done (not a failure)', found.contradicted.length]);
  notes.push(...found.contradicted.map((c) => `said failed, but done: ${c}`));

  const same = end.differences.length === 0;
  check('page = demo at the end (ids, names, statuses)', same ? `yes, ${end.held} snapshots` : `no: ${end.differences.length} differ`,
    same && end.settled, end.settled ? end.differences : ['the work in flight did not end in time', ...end.differences]);

  const grew = memory.start === null || memory.end === null ? null : memory.end - memory.start;
  check('wasm memory start → end', `${MB(memory.start)} → ${MB(memory.end)}`, grew !== null && grew <= MEMORY_GROWTH_LIMIT,
    [`it may grow at most ${MB(MEMORY_GROWTH_LIMIT)}`]);

  const panics = Math.max(diagnostics.panics.length, panicked ? 1 : 0);
  check('panics', panics, panics === 0, diagnostics.panics);
  const errors = [...diagnostics.pageErrors, ...diagnostics.consoleErrors.filter((t) => !NETWORK_NOISE.test(t))];
  check('uncaught exceptions and console errors', errors.length, errors.length === 0, errors);

  const hiccups = counted(tally.hiccups, (h) => h);
  notes.push(...[...hiccups].map(([text, count]) => `the page changed under an action (${count}×): ${text}`));
  rows.push(['result', failed.length === 0 ? 'PASS' : `FAIL (${failed.map((f) => f.what).join('; ')})`]);
  return { rows, failed, notes };
}

/** Prints the table (Markdown), then each failed check's details and the notes. */
export function printTable({ rows, failed, notes }) {
  const cell = (v) => String(v).replace(/\|/g, '\\|');
  console.log('\n| chaos run | |\n|---|---|');
  for (const [what, value] of rows) console.log(`| ${cell(what)} | ${cell(value)} |`);
  for (const { what, details } of failed) {
    console.log(`\nFAILED: ${what}`);
    for (const line of details) console.log(`  - ${line}`);
  }
  if (notes.length > 0) console.log('\nNotes:');
  for (const line of notes) console.log(`  - ${line}`);
}
