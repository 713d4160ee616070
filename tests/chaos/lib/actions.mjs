// What the chaos run does as a user: every write through the page's
// buttons, dialogs and typed confirmations, recorded in the ledger at the
// moment the user confirms it. Each action gets the run's context
// ({page, rng, ledger, nextName(), faultBeforeWrite(method), messageAfter(at, test, ms)})
// and the page as last read (ui.mjs), and returns true once it confirmed
// something, false when it gave up before confirming (the page changed
// under it: a control disabled, a count that differs).

import { setTimeout as sleep } from 'node:timers/promises';
import { dialog } from '../../e2e/support/locators.mjs';
import { createKey, deleteKey, restoreKey } from './ledger.mjs';
import { closeDialog, dialogOutcome } from './ui.mjs';

/** The provider's limit of snapshots per server. */
const LIMIT = 5;
/** How long a dialog that waits for the API may take: a slow answer past the app's time-out, then its check. */
const ANSWER_MS = 45_000;
/** Clicks on something that may just have changed give up quickly. */
const QUICK = { timeout: 3_000 };

/** True once `locator` is enabled, false if it is not within `ms`. */
async function enabledWithin(locator, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if ((await locator.count()) > 0 && (await locator.isEnabled())) return true;
    await sleep(100);
  }
  return false;
}

/** The delete of the snapshot in `row`, as the ledger records it. */
function deleteOf(row) {
  return { kind: 'delete', key: deleteKey(row.id), name: row.name, server: row.server };
}

/** What a dialog that waits for the API said: done, failed, unknown, or null (the page will say elsewhere). */
function outcomeOf(result) {
  if (result === 'closed') return 'done';
  if (result === 'signed-out' || result === 'timeout') return null;
  return /not known whether|may or may not|may not have/.test(result) ? 'unknown' : 'failed';
}

/**
 * Confirms `write` ({kind, key, name, server}) with `button` of a dialog that
 * stays until the API answers (a double click now and then, as a nervous
 * user would), and notes what the dialog said. The request goes at once, so
 * the ledger has it before the click; a click that could not happen takes
 * it back.
 */
async function confirmAndWait(ctx, button, write) {
  const c = ctx.ledger.confirm(write);
  try {
    if (ctx.rng.chance(0.3)) await button.dblclick(QUICK);
    else await button.click(QUICK);
  } catch (err) {
    ctx.ledger.withdraw(c);
    throw err;
  }
  const result = await dialogOutcome(ctx.page, ANSWER_MS);
  c.said = outcomeOf(result);
  if (result === 'signed-out') {
    // Another request's 401 may end the session right after the dialog
    // said how this one went: the recorder saw it.
    await ctx.collect();
    const said = ctx.messages.filter((m) => m.source === 'dialog' && m.at >= c.at).at(-1);
    if (said) c.said = outcomeOf(said.text);
  }
  if (result !== 'closed' && result !== 'signed-out') await closeDialog(ctx.page);
}

/**
 * Clicks `button`, which confirms deletes that wait for the undo window on
 * their rows, then records `writes` (in order; `dependsOn: 'previous'`
 * links a write to the one before it). Recorded after the click, seconds
 * before anything can be sent.
 */
async function confirmWaiting(ctx, button, writes) {
  await reach(button);
  let previous = null;
  for (const write of writes) {
    const dependsOn = write.dependsOn === 'previous' ? previous : null;
    previous = ctx.ledger.confirm({ ...write, dependsOn });
  }
}

/**
 * Clicks (or checks) a control as a user would. One of the list (not of a
 * dialog, which is above everything) is brought near the top of the screen
 * first, out from under the selection bar at the bottom, and if the notices
 * stacked in the bottom corner still cover it, they are dismissed (their
 * text is already recorded).
 */
async function reach(control, how = 'click', tries = 2) {
  const covering = await control.evaluate((el) => {
    if (el.closest('dialog')) return 0;
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -100);
    const r = el.getBoundingClientRect();
    const t = document.querySelector('.toasts')?.getBoundingClientRect();
    const covered = t && t.left < r.right && t.right > r.left && t.top < r.bottom && t.bottom > r.top;
    return covered ? document.querySelectorAll('.toasts > div').length : 0;
  }, null, QUICK);
  const dismiss = control.page().locator('.toasts > div').getByRole('button', { name: 'Dismiss notice' });
  for (let i = covering - 1; i >= 0; i -= 1) {
    // One that faded meanwhile is gone anyway.
    await dismiss.nth(i).click({ timeout: 1_000 }).catch(() => {});
  }
  try {
    await control[how](QUICK);
  } catch (err) {
    // A new notice came over it meanwhile.
    if (tries <= 1 || !err.message.includes('intercepts pointer events')) throw err;
    await reach(control, how, tries - 1);
  }
}

/** Opens the dialog behind `opener` (a control of the list) and returns it. */
async function open(page, opener) {
  await reach(opener);
  const dlg = dialog(page);
  await dlg.waitFor({ timeout: 5_000 });
  return dlg;
}

/** The server the create dialog's picker shows chosen ("web-01 (#12345)"), by its number. */
const chosenServer = (shown) => Number(shown.match(/\(#(\d+)\)$/)?.[1]);

/**
 * "New snapshot" on a server with room, with a name of its own; the fuller
 * a server, the likelier, so that servers reach the limit and "make room"
 * has something to do.
 */
async function create(ctx, ui) {
  const roomy = ui.sections.filter((s) => s.canCreate && s.count < LIMIT);
  const section = roomy[Number(ctx.rng.weighted(Object.fromEntries(roomy.map((s, i) => [i, (s.count + 1) ** 2]))))];
  const dlg = await open(ctx.page, ctx.page.getByRole('button', { name: `New snapshot of ${section.name}`, exact: true }));
  const name = ctx.nextName();
  await dlg.locator('#create-name').fill(name);
  const serverId = chosenServer(await dlg.locator('#create-server').inputValue());
  const submit = dlg.getByRole('button', { name: 'Create snapshot', exact: true });
  if (serverId !== section.serverId || !(await enabledWithin(submit, 1_000))) {
    await closeDialog(ctx.page);
    return false;
  }
  await ctx.faultBeforeWrite('POST');
  await confirmAndWait(ctx, submit, { kind: 'create', key: createKey(serverId, name), name, server: section.name });
  return true;
}

/** "Make room…" on a full server: the typed count, a new name, then the delete of the oldest and the create. */
async function makeRoom(ctx, ui) {
  const section = ctx.rng.pick(ui.sections.filter((s) => s.canMakeRoom));
  const dlg = await open(ctx.page, ctx.page.getByRole('button', { name: `Make room on ${section.name} for a new snapshot`, exact: true }));
  const offer = await dlg.locator('#make-room').textContent(QUICK);
  const oldName = offer.match(/delete “(.+?)”/)?.[1];
  const old = ui.rows.find((r) => r.serverId === section.serverId && r.name === oldName);
  const name = ctx.nextName();
  await dlg.locator('#make-room-count').fill('1');
  await dlg.locator('#create-name').fill(name);
  const serverId = chosenServer(await dlg.locator('#create-server').inputValue());
  const submit = dlg.getByRole('button', { name: /^Delete “.+”, then create$/ });
  if (!old || serverId !== section.serverId || !(await enabledWithin(submit, 1_000))) {
    await closeDialog(ctx.page);
    return false;
  }
  await ctx.faultBeforeWrite(ctx.rng.pick(['DELETE', 'POST']));
  await confirmWaiting(ctx, submit, [
    deleteOf(old),
    { kind: 'create', key: createKey(serverId, name), name, server: section.name, dependsOn: 'previous' },
  ]);
  await dlg.waitFor({ state: 'detached', timeout: 5_000 });
  return true;
}

/** "Restore" of a completed snapshot, with the server's name typed in. */
async function restore(ctx, ui) {
  const row = ctx.rng.pick(ui.rows.filter((r) => r.canRestore));
  const dlg = await open(ctx.page, ctx.page.getByRole('button', { name: `Restore ${row.server} from ${row.name}`, exact: true }));
  await dlg.locator('#restore-confirm').fill(row.server);
  const confirm = dlg.getByRole('button', { name: 'Restore server', exact: true });
  if (!(await enabledWithin(confirm, 1_500))) {
    await closeDialog(ctx.page);
    return false;
  }
  await ctx.faultBeforeWrite('POST');
  await confirmAndWait(ctx, confirm, { kind: 'restore', key: restoreKey(row.id), name: row.name, server: row.server });
  return true;
}

/** "Delete" of one snapshot: it then waits for the undo window on its row. */
async function deleteOne(ctx, ui) {
  const row = ctx.rng.pick(ui.rows.filter((r) => r.canDelete));
  const dlg = await open(ctx.page, ctx.page.getByRole('button', { name: `Delete snapshot ${row.name} of ${row.server}`, exact: true }));
  const confirm = dlg.getByRole('button', { name: 'Delete snapshot', exact: true });
  if (!(await enabledWithin(confirm, 1_000))) {
    await closeDialog(ctx.page);
    return false;
  }
  await ctx.faultBeforeWrite('DELETE');
  await confirmWaiting(ctx, confirm, [deleteOf(row)]);
  await dlg.waitFor({ state: 'detached', timeout: 5_000 });
  return true;
}

/** Two or three snapshots chosen with their checkboxes, deleted with one typed confirmation. */
async function bulkDelete(ctx, ui) {
  const { page } = ctx;
  const bar = page.locator('.selection-bar');
  if (ui.selectionBar) await bar.getByRole('button', { name: 'Clear', exact: true }).click(QUICK);
  const picks = ctx.rng.sample(ui.rows.filter((r) => r.canSelect), ctx.rng.int(2, 3));
  for (const row of picks) {
    await reach(page.getByRole('checkbox', { name: `Select ${row.name} of ${row.server}`, exact: true }), 'check');
  }
  const dlg = await open(page, bar.getByRole('button', { name: 'Delete selected', exact: true }));
  const confirm = dlg.getByRole('button', { name: /^Delete \d+ snapshots?$/ });
  const count = Number((await confirm.textContent(QUICK)).match(/\d+/)?.[0]);
  const listed = await dlg.textContent();
  if (count !== picks.length || !picks.every((r) => listed.includes(r.name))) {
    await closeDialog(page);
    return false;
  }
  await dlg.getByLabel(/To confirm, type the number of snapshots to delete/).fill(String(count));
  await ctx.faultBeforeWrite('DELETE');
  await confirmWaiting(ctx, confirm, picks.map(deleteOf));
  await dlg.waitFor({ state: 'detached', timeout: 5_000 });
  return true;
}

/** "Try the failed ones again" under the list of deletes that failed: a new confirmation of each. */
async function retryFailed(ctx, ui) {
  const again = ui.failures.map((line) => {
    const [, name, server] = line.match(/^“(.+?)” of (\S+):/) ?? [];
    return ui.rows.find((r) => r.name === name && r.server === server);
  });
  if (again.length === 0 || again.some((r) => !r)) return false;
  await ctx.faultBeforeWrite('DELETE');
  const button = ctx.page.locator('.delete-failures').getByRole('button', { name: 'Try the failed ones again' });
  await confirmWaiting(ctx, button, again.map(deleteOf));
  return true;
}

/** Undo on one waiting delete (with a couple of seconds left), taken as done once the page says so. */
async function undo(ctx, ui) {
  const row = ctx.rng.pick(ui.rows.filter((r) => r.waiting !== null && r.waiting >= 2));
  const at = Date.now();
  await reach(ctx.page.getByRole('button', { name: `Undo deleting ${row.name} of ${row.server}`, exact: true }));
  const said = await ctx.messageAfter(at, (text) => text.includes(`The delete of “${row.name}” was cancelled`), 3_000);
  if (said) ctx.ledger.undo(deleteKey(row.id), at);
  return true;
}

/** "Undo all" while every waiting delete has a couple of seconds left; taken as done if the page counts them all. */
async function undoAll(ctx, ui) {
  const waiting = ui.rows.filter((r) => r.waiting !== null);
  if (waiting.length < 2 || waiting.some((r) => r.waiting < 2)) return false;
  const at = Date.now();
  await ctx.page.getByRole('button', { name: 'Undo all', exact: true }).click({ timeout: 1_000 });
  const said = await ctx.messageAfter(at, (text) => text.includes(`The ${waiting.length} deletes that were waiting were cancelled`), 3_000);
  if (said) waiting.forEach((r) => ctx.ledger.undo(deleteKey(r.id), at));
  return true;
}

/** The Refresh button. */
async function refresh(ctx) {
  await ctx.page.getByRole('button', { name: 'Refresh', exact: true }).click(QUICK);
  return true;
}

/**
 * The actions, each with its weight and whether the page allows it now:
 * {name: {weight, removes (only takes snapshots away), possible(ui), run(ctx, ui)}}.
 */
export const ACTIONS = {
  create: { weight: 4, possible: (ui) => ui.sections.some((s) => s.canCreate && s.count < LIMIT), run: create },
  'make room': { weight: 2, possible: (ui) => ui.sections.some((s) => s.canMakeRoom), run: makeRoom },
  restore: { weight: 2, possible: (ui) => ui.rows.some((r) => r.canRestore), run: restore },
  delete: { weight: 3, removes: true, possible: (ui) => ui.rows.some((r) => r.canDelete), run: deleteOne },
  'bulk delete': { weight: 2, removes: true, possible: (ui) => ui.rows.filter((r) => r.canSelect).length >= 2, run: bulkDelete },
  'try failed deletes again': { weight: 2, possible: (ui) => ui.canRetryFailed, run: retryFailed },
  undo: { weight: 3, possible: (ui) => ui.rows.some((r) => r.waiting !== null && r.waiting >= 2), run: undo },
  'undo all': { weight: 1, possible: (ui) => ui.rows.filter((r) => r.waiting !== null).length >= 2, run: undoAll },
  refresh: { weight: 1, possible: () => true, run: refresh },
};
