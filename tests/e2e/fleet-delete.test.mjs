// The undo window before any delete is sent, deleting many snapshots with
// one confirmation, what the operator is told when some fail, are gone
// already, or the token is rejected, and "make room" at the limit (the
// delete first, the create only once it succeeded).

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { api, createPosts, mutations, SNAPSHOTS_PATH } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, signInHere, textOf, tokenField, withFailureScreenshot,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, group } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

/** The short window of most tests, in seconds. */
const WINDOW = 2;

function checkbox(page, server, snapshot) {
  return page.getByRole('checkbox', { name: `Select ${snapshot} of ${server}`, exact: true });
}

function row(page, id) {
  return page.locator(`[data-snapshot-id="${id}"]`);
}

function bar(page) {
  return page.locator('.selection-bar');
}

function typedCount(page) {
  return dialog(page).getByLabel(/To confirm, type the number of snapshots to delete/);
}

function confirmMany(page) {
  return dialog(page).getByRole('button', { name: /^Delete \d+ snapshots?$/ });
}

/** Toasts (the polite role=status region) whose text matches `re`. */
function toast(page, re) {
  return page.locator('[role="status"][aria-live="polite"]').filter({ hasText: re });
}

/** "METHOD path status" of each request that changed something, after the first `skip`. */
async function sent(demo, skip = 0) {
  return (await mutations(demo)).slice(skip).map((r) => `${r.method} ${r.path} ${r.status}`);
}

/** Selects db-server-01's two newest snapshots and opens the confirmation. */
async function selectTwoAndOpen(page) {
  await checkbox(page, 'db-server-01', 'db-nightly-5').check();
  await checkbox(page, 'db-server-01', 'db-nightly-4').check();
  await bar(page).getByRole('button', { name: 'Delete selected' }).click();
  await dialog(page).waitFor();
}

/** Presses Tab (or Shift+Tab) until the focused element matches `test`, at most `max` times. */
async function tabTo(page, test, { shift = false, max = 80 } = {}) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
    const info = await page.evaluate(() => ({
      text: (document.activeElement?.textContent ?? '').trim(),
      label: document.activeElement?.getAttribute('aria-label') ?? '',
      id: document.activeElement?.id ?? '',
    }));
    if (test(info)) return info;
  }
  throw new Error('Tab never reached the control');
}

describe('delete many and the undo window', { timeout: 300_000 }, () => {
  let demo; let page;
  useDemoAndBrowser({ ...QUICK_TRANSITIONS, appConfig: { delete_undo_seconds: WINDOW } }, (f) => ({ demo, page } = f));

  it('two snapshots selected: one confirmation with the typed count, then exactly two DELETEs after the window', async () => {
    await withFailureScreenshot(page, 'fleet-delete-two', async () => {
      await signIn(page, demo);
      await checkbox(page, 'db-server-01', 'db-nightly-5').check();
      assert.match(await textOf(bar(page)), /^1 selected · /);
      await checkbox(page, 'db-server-01', 'db-nightly-4').check();
      assert.match(await textOf(bar(page)), /^2 selected · [\d.]+ (MB|GB)/, 'the bar counts and sizes the selection');
      await bar(page).getByRole('button', { name: 'Delete selected' }).click();
      await dialog(page).waitFor();

      const text = await textOf(dialog(page));
      assert.match(text, /Delete 2 snapshots\?/);
      assert.match(text, /db-server-01 db-nightly-5 · [\d.]+ (MB|GB) db-nightly-4 · /, 'every snapshot listed by server, with its size');
      assert.match(text, /freeing [\d.]+ (MB|GB)/, 'the space freed');
      assert.doesNotMatch(text, /without a completed snapshot/, 'db-server-01 keeps three completed snapshots');
      await screenshot(page, 'fleet-delete-dialog');

      assert.equal(await confirmMany(page).isDisabled(), true, 'nothing to confirm before the count is typed');
      await typedCount(page).fill('3');
      assert.equal(await confirmMany(page).isDisabled(), true, 'a wrong count does not confirm');
      await typedCount(page).fill('2');
      await confirmMany(page).click();
      await dialog(page).waitFor({ state: 'detached' });

      // The window: both rows say so, and nothing has been sent.
      await row(page, 815).getByText(/Deleting in \d s/).waitFor();
      await row(page, 814).getByText(/Deleting in \d s/).waitFor();
      assert.deepEqual(await sent(demo), [], 'nothing is sent during the window');
      await screenshot(page, 'fleet-delete-waiting');

      await row(page, 815).waitFor({ state: 'detached' });
      await row(page, 814).waitFor({ state: 'detached' });
      await toast(page, /2 snapshots were deleted/).waitFor();
      await sleep(300);
      assert.deepEqual(await sent(demo), [`DELETE ${SNAPSHOTS_PATH}815/ 204`, `DELETE ${SNAPSHOTS_PATH}814/ 204`],
        'exactly one DELETE per snapshot');
      assert.match(await textOf(group(page, 12346)), /3 \/ 5 snapshots/);
      assert.equal(await bar(page).count(), 0, 'the selection is empty');
      noPanic(page);
    });
  });

  it('Undo within the window sends nothing and brings the rows back', async () => {
    await withFailureScreenshot(page, 'fleet-delete-undo', async () => {
      await signIn(page, demo);
      await selectTwoAndOpen(page);
      await typedCount(page).fill('2');
      await confirmMany(page).click();
      await dialog(page).waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Undo deleting db-nightly-5 of db-server-01' }).click();
      await page.getByRole('button', { name: 'Undo all' }).click();
      await toast(page, /cancelled: nothing was sent/).first().waitFor();

      await sleep((WINDOW + 1) * 1000);
      assert.deepEqual(await sent(demo), [], 'zero DELETEs');
      for (const id of [815, 814]) {
        assert.equal(await row(page, id).getByText(/Deleting/).count(), 0, `row ${id} is back`);
        assert.equal(await row(page, id).getByRole('button', { name: /^Delete snapshot/ }).isEnabled(), true);
      }
      assert.equal(await checkbox(page, 'db-server-01', 'db-nightly-5').isEnabled(), true, 'it can be chosen again');
      assert.match(await textOf(group(page, 12346)), /5 \/ 5 snapshots/);
      noPanic(page);
    });
  });

  it('warns when a selection removes a server\'s last completed snapshot', async () => {
    await withFailureScreenshot(page, 'fleet-delete-last-point', async () => {
      await signIn(page, demo);
      await checkbox(page, 'staging-01', 'staging-baseline').check();
      await checkbox(page, 'web-server-01', 'weekly-snapshot-2025-01-08').check();
      await bar(page).getByRole('button', { name: 'Delete selected' }).click();
      await dialog(page).waitFor();
      let warning = await textOf(dialog(page).locator('#delete-many-warning'));
      assert.match(warning, /staging-01 would be left without a completed snapshot/);
      assert.doesNotMatch(warning, /web-server-01 would be left/, 'web-server-01 keeps pre-migration-snapshot');
      await dialog(page).getByRole('button', { name: 'Cancel' }).click();
      await dialog(page).waitFor({ state: 'detached' });

      // The section's "select all" takes web-server-01's last one too.
      await group(page, 12345).getByRole('checkbox', { name: 'Select all snapshots of web-server-01' }).check();
      assert.match(await textOf(bar(page)), /^3 selected/);
      await bar(page).getByRole('button', { name: 'Delete selected' }).click();
      await dialog(page).waitFor();
      warning = await textOf(dialog(page).locator('#delete-many-warning'));
      assert.match(warning, /web-server-01 would be left without a completed snapshot/);
      assert.match(warning, /staging-01 would be left without a completed snapshot/);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      assert.deepEqual(await sent(demo), [], 'nothing was sent');
      noPanic(page);
    });
  });

  it('a 404 counts as gone; a failure is listed with its reason, stays selected, and is tried again in one click', async () => {
    await withFailureScreenshot(page, 'fleet-delete-failures', async () => {
      await signIn(page, demo);
      for (const name of ['db-nightly-5', 'db-nightly-4', 'db-nightly-3']) {
        await checkbox(page, 'db-server-01', name).check();
      }
      await bar(page).getByRole('button', { name: 'Delete selected' }).click();
      await typedCount(page).fill('3');
      assert.equal((await api(demo, 'DELETE', `${SNAPSHOTS_PATH}814/`)).status, 204, 'gone behind the app\'s back');
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}813/`, method: 'DELETE', kind: 'status', status: 500, times: 1 });
      const before = (await mutations(demo)).length;
      await confirmMany(page).click();

      const failures = page.locator('.delete-failures');
      await failures.waitFor();
      assert.match(await textOf(failures), /1 snapshot was not deleted “db-nightly-3” of db-server-01: .*HTTP 500/);
      assert.equal(await checkbox(page, 'db-server-01', 'db-nightly-3').isChecked(), true, 'the failed one stays selected');
      await row(page, 815).waitFor({ state: 'detached' });
      await row(page, 814).waitFor({ state: 'detached' });
      assert.deepEqual(await sent(demo, before), [
        `DELETE ${SNAPSHOTS_PATH}815/ 204`, `DELETE ${SNAPSHOTS_PATH}814/ 404`, `DELETE ${SNAPSHOTS_PATH}813/ 500`,
      ], 'one DELETE each, none retried');
      await screenshot(page, 'fleet-delete-failures');

      await failures.getByRole('button', { name: 'Try the failed ones again' }).click();
      await row(page, 813).getByText(/Deleting in/).waitFor();
      await row(page, 813).waitFor({ state: 'detached' });
      await sleep(300);
      assert.deepEqual((await sent(demo, before)).slice(3), [`DELETE ${SNAPSHOTS_PATH}813/ 204`]);
      assert.equal(await failures.count(), 0, 'no failure left');
      noPanic(page);
    });
  });

  it('snapshots in progress cannot be selected', async () => {
    await withFailureScreenshot(page, 'fleet-delete-in-progress', async () => {
      await demo.setSnapshotStatus(801, 'in_progress');
      await signIn(page, demo);
      assert.equal(await checkbox(page, 'web-server-01', 'pre-migration-snapshot').isDisabled(), true);
      await group(page, 12345).getByRole('checkbox', { name: 'Select all snapshots of web-server-01' }).check();
      assert.match(await textOf(bar(page)), /^1 selected/, 'select all leaves the snapshot in progress out');
      noPanic(page);
    });
  });

  it('a 401 mid-batch stops it, returns to sign-in and says which were deleted and which were not', async () => {
    await withFailureScreenshot(page, 'fleet-delete-401', async () => {
      await signIn(page, demo);
      for (const name of ['db-nightly-5', 'db-nightly-4', 'db-nightly-3']) {
        await checkbox(page, 'db-server-01', name).check();
      }
      await bar(page).getByRole('button', { name: 'Delete selected' }).click();
      await typedCount(page).fill('3');
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}814/`, method: 'DELETE', kind: 'status', status: 401, times: 1 });
      await confirmMany(page).click();

      await tokenField(page).waitFor();
      const notice = page.getByRole('alert').filter({ hasText: /signed out/ });
      await notice.waitFor();
      assert.match(await textOf(notice), /Deleted: “db-nightly-5”\. Not deleted: “db-nightly-4”, “db-nightly-3”\./);
      await sleep(500);
      assert.deepEqual(await sent(demo), [`DELETE ${SNAPSHOTS_PATH}815/ 204`, `DELETE ${SNAPSHOTS_PATH}814/ 401`],
        'the batch stopped at the 401');
      noPanic(page);
    });
  });

  it('a 401 elsewhere while a batch is being sent stops it, and the deletes not sent are said to be cancelled', async () => {
    await withFailureScreenshot(page, 'fleet-delete-401-elsewhere', async () => {
      await signIn(page, demo);
      for (const name of ['db-nightly-5', 'db-nightly-4', 'db-nightly-3']) {
        await checkbox(page, 'db-server-01', name).check();
      }
      await bar(page).getByRole('button', { name: 'Delete selected' }).click();
      await typedCount(page).fill('3');
      // The first DELETE is slow; meanwhile a refresh is refused with 401.
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}815/`, method: 'DELETE', kind: 'slow', delay_ms: 3000 });
      await confirmMany(page).click();
      await waitUntil(async () => (await demo.apiRequests()).some((r) => r.method === 'DELETE'), 'the first DELETE is out');
      await demo.revoke();
      await page.getByRole('button', { name: 'Refresh' }).click();
      await tokenField(page).waitFor();
      await toast(page, /The 2 deletes that were waiting were cancelled: nothing was sent/).waitFor();
      // The DELETE out had no answer yet: the sign-in page says it may have been done.
      await page.getByText(/^One change sent before the session ended was still waiting for the API's answer: it may have been made\./).waitFor();
      await sleep(4000);
      const deletes = (await demo.apiRequests()).filter((r) => r.method === 'DELETE').map((r) => r.path);
      assert.deepEqual(deletes, [`${SNAPSHOTS_PATH}815/`], 'only the DELETE already out was sent');
      await demo.reset(); // the token is valid again
      await signInHere(page, demo.token);
      assert.equal(await page.getByText(/was still waiting for the API's answer/).count(), 0, 'said once, until the next sign-in');
      noPanic(page);
    });
  });

  it('signing out cancels the waiting deletes and says so', async () => {
    await withFailureScreenshot(page, 'fleet-delete-sign-out', async () => {
      await signIn(page, demo);
      await selectTwoAndOpen(page);
      await typedCount(page).fill('2');
      await confirmMany(page).click();
      await row(page, 815).getByText(/Deleting in/).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await tokenField(page).waitFor();
      await toast(page, /The 2 deletes that were waiting were cancelled: nothing was sent/).waitFor();
      await sleep((WINDOW + 1) * 1000);
      assert.deepEqual(await sent(demo), [], 'zero DELETEs');
      noPanic(page);
    });
  });

  it('keyboard only: Space selects rows, the dialog opens and confirms; axe finds nothing with it open', async () => {
    await withFailureScreenshot(page, 'fleet-delete-keyboard', async () => {
      await signIn(page, demo);
      await page.locator('#search').focus();
      await tabTo(page, (f) => f.label === 'Select db-nightly-5 of db-server-01');
      await page.keyboard.press('Space');
      await tabTo(page, (f) => f.label === 'Select db-nightly-4 of db-server-01');
      await page.keyboard.press('Space');
      await tabTo(page, (f) => f.text === 'Delete selected', { shift: true });
      await page.keyboard.press('Enter');
      await dialog(page).waitFor();
      await assertNoA11yViolations(page, 'the delete-many dialog');
      await tabTo(page, (f) => f.id === 'delete-many-count');
      await page.keyboard.type('2');
      await tabTo(page, (f) => f.text === 'Delete 2 snapshots');
      await page.keyboard.press('Enter');
      await dialog(page).waitFor({ state: 'detached' });
      await assertNoA11yViolations(page, 'the page with deletes waiting');
      await row(page, 815).waitFor({ state: 'detached' });
      await row(page, 814).waitFor({ state: 'detached' });
      assert.deepEqual(await sent(demo), [`DELETE ${SNAPSHOTS_PATH}815/ 204`, `DELETE ${SNAPSHOTS_PATH}814/ 204`]);
      noPanic(page);
    });
  });
});

describe('make room at the limit', { timeout: 180_000 }, () => {
  let demo; let page;
  useDemoAndBrowser({ ...QUICK_TRANSITIONS, appConfig: { delete_undo_seconds: WINDOW } }, (f) => ({ demo, page } = f));

  /** Opens "make room" for db-server-01 (5 / 5) and types the new name. */
  async function openMakeRoom() {
    await signIn(page, demo);
    await page.getByRole('button', { name: 'Make room on db-server-01 for a new snapshot', exact: true }).click();
    await dialog(page).waitFor();
    await dialog(page).getByLabel('Name', { exact: true }).fill('pre-change-room');
  }

  function makeRoomButton() {
    return dialog(page).getByRole('button', { name: 'Delete “db-nightly-1”, then create' });
  }

  it('names the oldest completed snapshot, then sends one DELETE of it and only then one POST', async () => {
    await withFailureScreenshot(page, 'make-room', async () => {
      await openMakeRoom();
      const offer = await textOf(dialog(page).locator('#make-room'));
      assert.match(offer, /Make room: first delete “db-nightly-1”, the oldest completed snapshot of db-server-01, taken 2025-01-10 02:00:00 UTC \(\d+ years? ago\)\./);
      assert.doesNotMatch(offer, /\([^)]*\(/, 'no parentheses inside parentheses');
      await assertNoA11yViolations(page, 'the create dialog with make room');
      await screenshot(page, 'make-room-dialog');
      assert.equal(await dialog(page).getByRole('button', { name: 'Create snapshot' }).isDisabled(), true,
        'the typed confirmation is needed');
      await dialog(page).getByLabel(/To confirm, type the number of snapshots to delete \(1\)/).fill('1');
      await makeRoomButton().click();
      await dialog(page).waitFor({ state: 'detached' });

      await row(page, 811).getByText(/Deleting in \d s/).waitFor();
      assert.deepEqual(await sent(demo), [], 'nothing is sent during the window');
      await row(page, 811).waitFor({ state: 'detached' });
      await waitUntil(async () => (await createPosts(demo)).length === 1, 'the create');
      const log = await mutations(demo);
      assert.deepEqual(log.map((r) => `${r.method} ${r.path} ${r.status}`),
        [`DELETE ${SNAPSHOTS_PATH}811/ 204`, `POST ${SNAPSHOTS_PATH} ${log[1].status}`], 'the DELETE first, then one POST');
      assert.ok(log[1].status < 300, `the create was accepted (${log[1].status})`);
      assert.equal(JSON.parse(log[1].body).name, 'pre-change-room');
      await group(page, 12346).getByText('pre-change-room').waitFor();
      noPanic(page);
    });
  });

  it('says in the dialog and in the waiting row that a new snapshot of the server follows the delete, and when the delete is sent', async () => {
    await withFailureScreenshot(page, 'make-room-words', async () => {
      await openMakeRoom();
      assert.match(await textOf(dialog(page).locator('#make-room')), new RegExp(
        'The delete is sent 2 s after you confirm; you can undo it until then\\. Once sent, it cannot be undone\\. '
        + 'Then a new snapshot of db-server-01 is taken, only if the delete succeeded\\. Undo cancels both\\.'));
      await dialog(page).getByLabel(/To confirm, type the number/).fill('1');
      // A slow DELETE, so that the row is seen while it is being sent too.
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}811/`, method: 'DELETE', kind: 'slow', delay_ms: 1500 });
      await makeRoomButton().click();
      await dialog(page).waitFor({ state: 'detached' });
      const waiting = row(page, 811).locator('.pending-delete');
      await waitUntil(async () => /^Deleting in \d s, then taking a new snapshot of db-server-01 — Undo$/.test(await textOf(waiting)),
        'the waiting row to say what follows the delete');
      await waitUntil(async () => /^Deleting, then taking a new snapshot of db-server-01…$/.test(await textOf(waiting)),
        'the row, while the DELETE is sent, to say what follows it');
      await waitUntil(async () => (await createPosts(demo)).length === 1, 'the create');
      noPanic(page);
    });
  });

  it('clears a confirmation typed for one snapshot, saying why, when the list makes another one the oldest; deletes only a snapshot confirmed', async () => {
    await withFailureScreenshot(page, 'make-room-bound', async () => {
      // A snapshot in progress keeps the app polling db-server-01 while the dialog is open.
      await demo.setSnapshotStatus(815, 'in_progress');
      await openMakeRoom();
      const offer = dialog(page).locator('#make-room');
      const typed = dialog(page).getByLabel(/To confirm, type the number/);
      await typed.fill('1');
      assert.equal(await makeRoomButton().isEnabled(), true);

      // Behind the app's back, db-nightly-1 stops being a completed snapshot:
      // before-schema-change becomes the oldest one, and the next poll shows it.
      await demo.setSnapshotStatus(811, 'failed');
      await waitUntil(async () => /first delete “before-schema-change”/.test(await textOf(offer)),
        'the dialog to name the new oldest snapshot', { timeout: 25_000 });
      assert.equal(await typed.inputValue(), '', 'the typed confirmation is cleared');
      assert.match(await textOf(offer.getByRole('alert')),
        /^The list changed while this dialog was open: “before-schema-change” is now the snapshot of db-server-01 to delete, not “db-nightly-1”\. Your confirmation was cleared; check and confirm again\.$/);
      const create = dialog(page).getByRole('button', { name: 'Create snapshot' });
      assert.equal(await create.isDisabled(), true, 'nothing to confirm');
      // Enter in the name field submits the form: it must not delete either.
      await dialog(page).getByLabel('Name', { exact: true }).press('Enter');
      await sleep((WINDOW + 1) * 1000);
      assert.deepEqual(await sent(demo), [], 'no DELETE of a snapshot the operator did not confirm');
      assert.equal(await row(page, 812).getByText(/Deleting/).count(), 0, 'before-schema-change is not waiting to go');

      // Confirmed for the snapshot named now, that one goes, then the create.
      await typed.fill('1');
      await dialog(page).getByRole('button', { name: 'Delete “before-schema-change”, then create' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await waitUntil(async () => (await createPosts(demo)).length === 1, 'the create');
      const log = await sent(demo);
      assert.deepEqual(log.map((r) => r.replace(/ \d+$/, '')), [`DELETE ${SNAPSHOTS_PATH}812/`, `POST ${SNAPSHOTS_PATH}`]);
      noPanic(page);
    });
  });

  it('hides "Make room…" while the delete it chose waits (a second one would do nothing); Undo brings it back', async () => {
    await withFailureScreenshot(page, 'make-room-waiting', async () => {
      await openMakeRoom();
      await dialog(page).getByLabel(/To confirm, type the number/).fill('1');
      await makeRoomButton().click();
      await dialog(page).waitFor({ state: 'detached' });
      const offer = page.getByRole('button', { name: 'Make room on db-server-01 for a new snapshot', exact: true });
      await offer.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Undo deleting db-nightly-1 of db-server-01' }).click();
      await offer.waitFor();
      assert.deepEqual(await sent(demo), [], 'neither DELETE nor POST');
      noPanic(page);
    });
  });

  it('never sends the POST when the DELETE failed, and says no snapshot was taken', async () => {
    await withFailureScreenshot(page, 'make-room-delete-fails', async () => {
      await openMakeRoom();
      await dialog(page).getByLabel(/To confirm, type the number/).fill('1');
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}811/`, method: 'DELETE', kind: 'status', status: 500, times: 1 });
      await makeRoomButton().click();
      await page.getByText(/“db-nightly-1” was not deleted, so no new snapshot was taken: .*HTTP 500/).waitFor();
      await sleep(500);
      assert.deepEqual(await sent(demo), [`DELETE ${SNAPSHOTS_PATH}811/ 500`], 'no POST');
      noPanic(page);
    });
  });

  it('says plainly when the old snapshot is gone and the new one was not taken', async () => {
    await withFailureScreenshot(page, 'make-room-create-fails', async () => {
      await openMakeRoom();
      await dialog(page).getByLabel(/To confirm, type the number/).fill('1');
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'POST', kind: 'status', status: 400, times: 1 });
      await makeRoomButton().click();
      await page.getByText(/“db-nightly-1” was deleted, but the new snapshot “pre-change-room” was not taken/).waitFor();
      const log = await sent(demo);
      assert.deepEqual(log, [`DELETE ${SNAPSHOTS_PATH}811/ 204`, `POST ${SNAPSHOTS_PATH} 400`]);
      noPanic(page);
    });
  });

  it('Undo cancels both the delete and the create', async () => {
    await withFailureScreenshot(page, 'make-room-undo', async () => {
      await openMakeRoom();
      await dialog(page).getByLabel(/To confirm, type the number/).fill('1');
      await makeRoomButton().click();
      await page.getByRole('button', { name: 'Undo deleting db-nightly-1 of db-server-01' }).click();
      await sleep((WINDOW + 1) * 1000);
      assert.deepEqual(await sent(demo), [], 'neither DELETE nor POST');
      assert.equal(await row(page, 811).count(), 1);
      noPanic(page);
    });
  });
});

describe('the default undo window', { timeout: 120_000 }, () => {
  let demo; let page;
  // With the back/forward cache users have (playwright turns it off).
  useDemoAndBrowser({ browserOptions: { backForwardCache: true } }, (f) => ({ demo, page } = f));

  it('a single delete waits 10 s, sending nothing, and leaving asks first; then exactly one DELETE', async () => {
    await withFailureScreenshot(page, 'fleet-delete-default', async () => {
      await signIn(page, demo);
      const started = Date.now();
      await page.getByRole('button', { name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true }).click();
      await dialog(page).getByRole('button', { name: 'Delete snapshot', exact: true }).click();
      await row(page, 798).getByText(/Deleting in (10|9) s/).waitFor();

      // Leaving asks first (beforeunload); staying keeps the delete waiting.
      const asked = new Promise((resolve) => {
        page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); });
      });
      await page.close({ runBeforeUnload: true });
      assert.equal(await asked, 'beforeunload');
      assert.equal(page.isClosed(), false, 'the operator stayed');

      // Nothing goes out while the window lasts.
      await waitUntil(() => Date.now() - started > 8_000, 'most of the window to pass');
      assert.deepEqual(await sent(demo), [], 'nothing was sent during the window');
      await row(page, 798).waitFor({ state: 'detached' });
      await sleep(300);
      assert.deepEqual(await sent(demo), [`DELETE ${SNAPSHOTS_PATH}798/ 204`], 'exactly one DELETE once the window ended');
      noPanic(page);
    });
  });

  it('a page reloaded anyway during the window sends nothing', async () => {
    await withFailureScreenshot(page, 'fleet-delete-reload', async () => {
      await signIn(page, demo);
      await page.getByRole('button', { name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true }).click();
      await dialog(page).getByRole('button', { name: 'Delete snapshot', exact: true }).click();
      await row(page, 798).getByText(/Deleting in/).waitFor();
      page.once('dialog', (d) => d.accept());
      await page.reload();
      await page.locator('article[data-server-id]').first().waitFor();
      await sleep(11_000);
      assert.deepEqual(await sent(demo), [], 'zero DELETEs');
      assert.equal(await row(page, 798).count(), 1, 'the snapshot is still listed');
      noPanic(page);
    });
  });

  it('a page left anyway and shown again from the back/forward cache sends nothing and says so', async () => {
    await withFailureScreenshot(page, 'fleet-delete-bfcache', async () => {
      await page.addInitScript(() => {
        window.addEventListener('pageshow', (e) => { window.fromCache = e.persisted; });
      });
      await signIn(page, demo);
      const started = Date.now();
      await page.getByRole('button', { name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true }).click();
      await dialog(page).getByRole('button', { name: 'Delete snapshot', exact: true }).click();
      await row(page, 798).getByText(/Deleting in/).waitFor();

      page.once('dialog', (d) => d.accept()); // "leave anyway"
      await page.goto(`${demo.url}/elsewhere`);
      // A page restored from the cache fires no "load": wait for its pageshow.
      await page.goBack({ waitUntil: 'commit' });
      await waitUntil(() => page.evaluate(() => window.fromCache === true).catch(() => false),
        'the page shown again from the back/forward cache');
      await page.getByText('You left this page while a delete was waiting, so it was cancelled: nothing was sent.').waitFor();
      assert.equal(await row(page, 798).getByText(/Deleting in/).count(), 0, 'no countdown goes on');

      await waitUntil(() => Date.now() - started > 11_000, 'the 10-second window to pass', { timeout: 20_000 });
      await sleep(500);
      assert.deepEqual(await sent(demo), [], 'zero DELETEs');
      assert.equal(await row(page, 798).count(), 1, 'the snapshot is still listed');
      noPanic(page);
    });
  });
});
