// The end of a chaos run: faults stop, the work in flight ends, the list is
// refreshed, and the page must then show exactly what the demo API holds.

import { setTimeout as sleep } from 'node:timers/promises';
import { api, SNAPSHOTS_PATH } from '../../e2e/support/api.mjs';
import { readUi, shownSnapshots } from './ui.mjs';

/** Every snapshot the demo holds, as [{id, name, status}] sorted by id. */
export async function demoSnapshots(demo) {
  const rows = [];
  for (let page = 1; ; page += 1) {
    const { status, body } = await api(demo, 'GET', `${SNAPSHOTS_PATH}?page=${page}`);
    if (status !== 200) throw new Error(`the demo's list answered ${status}`);
    rows.push(...body.results.map(({ id, name, status: s }) => ({ id, name, status: s })));
    if (!body.next) break;
  }
  return rows.sort((a, b) => a.id - b.id);
}

/** Whether the demo has work in progress: a snapshot being taken or a server being restored. */
async function demoBusy(demo) {
  const snapshots = await demoSnapshots(demo);
  const { body } = await api(demo, 'GET', '/api/v1/servers/');
  return snapshots.some((s) => s.status === 'in_progress') || body.results.some((s) => s.status === 'restoring');
}

/** Polls `probe` until it is true or `ms` have passed; returns its last value. */
async function within(ms, probe) {
  const deadline = Date.now() + ms;
  for (;;) {
    const ok = await probe();
    if (ok || Date.now() > deadline) return ok;
    await sleep(500);
  }
}

/**
 * Waits for the page's waiting deletes to be sent and the demo's work to
 * end, clicks Refresh, and compares what the page shows with the demo.
 * Returns {settled, shown, held, differences: [text]}.
 */
export async function compareAtTheEnd(page, demo, waitMs) {
  const pageIdle = await within(waitMs, async () => !(await readUi(page)).rows.some((r) => r.pending));
  const demoIdle = await within(waitMs, async () => !(await demoBusy(demo)));
  const refresh = page.getByRole('button', { name: 'Refresh', exact: true });
  await refresh.click({ timeout: 10_000 });
  // The button reads "Refreshing…" until the list has been read again.
  await refresh.waitFor({ timeout: 30_000 });
  await sleep(1_000);
  const shown = await shownSnapshots(page);
  const held = await demoSnapshots(demo);
  const byId = (rows) => new Map(rows.map((r) => [r.id, r]));
  const [shownById, heldById] = [byId(shown), byId(held)];
  const differences = [];
  for (const [id, h] of heldById) {
    const s = shownById.get(id);
    if (!s) differences.push(`#${id} “${h.name}” (${h.status}) is in the demo, not on the page`);
    else if (s.name !== h.name || s.status !== h.status) {
      differences.push(`#${id}: the page shows “${s.name}” (${s.status}), the demo holds “${h.name}” (${h.status})`);
    }
  }
  for (const [id, s] of shownById) {
    if (!heldById.has(id)) differences.push(`#${id} “${s.name}” (${s.status}) is on the page, not in the demo`);
  }
  return { settled: pageIdle && demoIdle, shown: shown.length, held: held.length, differences };
}
