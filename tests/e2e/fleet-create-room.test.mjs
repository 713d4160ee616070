// "Make room" in the "Snapshot several servers" dialog: a full
// server (db-server-01, 5 / 5) offers to delete its oldest completed
// snapshot first; the typed count is required; the DELETE goes through the
// undo window and that server's POST is sent only after it succeeded, while
// the other servers' POSTs go at once; Undo, a failed DELETE and a failed
// create each leave that server's row saying what happened; a 401 on a
// POST stops the delete still waiting, one on the DELETE stops the batch;
// keyboard only;
// axe with the dialog in that state; screenshots in three languages.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { createPosts, mutations, SNAPSHOTS_PATH } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, withFailureScreenshot,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useDemoAndBrowser } from './support/fixture.mjs';
import {
  checkbox, confirmButton, inEachLanguageAndWidth, openButton, openDialog, progressRow, SERVERS,
} from './support/fleet-create.mjs';
import { dialog } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

/** The undo window of these tests, in seconds. */
const WINDOW = 2;
const FULL = SERVERS['db-server-01'];
const STAGING = SERVERS['staging-01'];
/** db-server-01's oldest completed snapshot, the one "make room" deletes. */
const OLDEST = { id: 811, name: 'db-nightly-1' };

function roomCheckbox(page) {
  return dialog(page).getByRole('checkbox', {
    name: `Make room on db-server-01: delete “${OLDEST.name}” first`, exact: true,
  });
}

function typedCount(page) {
  return dialog(page).getByLabel(/To confirm, type the number of snapshots to delete/);
}

/** "METHOD path status" of each request that changed something, in the order the demo logged them. */
async function sent(demo) {
  return (await mutations(demo)).map((r) => `${r.method} ${r.path} ${r.status}`);
}

/** Where in the log each logged mutation is, with the server of a POST. */
async function log(demo) {
  return (await mutations(demo)).map((r) => ({
    what: r.method === 'POST' ? `POST ${JSON.parse(r.body).server_id}` : `${r.method} ${r.path}`,
    status: r.status,
  }));
}

/** Opens the dialog, chooses make room on db-server-01 and, if given, other servers by name. */
async function chooseMakeRoom(page, demo, others = []) {
  await signIn(page, demo);
  await openDialog(page);
  await roomCheckbox(page).check();
  for (const name of others) await checkbox(page, name).check();
}

/** A fault: the next DELETE of the oldest snapshot answers `status`. */
const deleteAnswers = (status) => ({ path_prefix: `${SNAPSHOTS_PATH}${OLDEST.id}/`, method: 'DELETE', kind: 'status', status, times: 1 });
/** A fault: the next create (any server) answers `status`. */
const postAnswers = (status) => ({ path_prefix: SNAPSHOTS_PATH, method: 'POST', kind: 'status', status, times: 1 });

/**
 * Chooses make room (and `others`) as chooseMakeRoom does, types the count
 * (1), injects `fault` if given, and confirms.
 */
async function confirmMakeRoom(page, demo, { others = [], fault } = {}) {
  await chooseMakeRoom(page, demo, others);
  await typedCount(page).fill('1');
  if (fault) await demo.fault(fault);
  await confirmButton(page).click();
}

describe('make room in "Snapshot several servers"', { timeout: 240_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({ ...QUICK_TRANSITIONS, appConfig: { delete_undo_seconds: WINDOW } }, (f) => ({ demo, page } = f));

  it('a full server with make room and a normal one: typed count required; one DELETE of the oldest, then its POST; the other POST goes at once', async () => {
    await withFailureScreenshot(page, 'fleet-room', async () => {
      await signIn(page, demo);
      await openDialog(page);
      assert.equal(await checkbox(page, 'db-server-01').isDisabled(), true, 'the full server itself stays disabled');
      await roomCheckbox(page).check();
      await checkbox(page, 'staging-01').check();

      const box = dialog(page).locator('#many-room');
      const boxText = await textOf(box);
      assert.match(boxText, /This snapshot will be deleted first, to make room:/);
      assert.match(boxText, new RegExp(`db-server-01: “${OLDEST.name}”, taken`), 'names the server and the snapshot');
      assert.match(boxText, /cannot be undone once sent/);
      assert.equal(await textOf(confirmButton(page)), 'Snapshot 2 servers');
      assert.equal(await confirmButton(page).isDisabled(), true, 'the typed count is needed');
      await typedCount(page).fill('2');
      assert.equal(await confirmButton(page).isDisabled(), true, 'a wrong count does not confirm');
      await typedCount(page).fill('1');
      assert.equal(await confirmButton(page).isDisabled(), false);
      await assertNoA11yViolations(page, 'the several-servers dialog with make room chosen');
      await screenshot(page, 'fleet-room-chosen-1280');

      await confirmButton(page).click();
      await waitUntil(async () => /^Making room: deleting “db-nightly-1” first/.test(await textOf(progressRow(page, FULL).locator('td'))),
        'the full server waits for its delete');
      await waitUntil(async () => (await createPosts(demo)).length === 1, "staging-01's POST");
      assert.deepEqual((await log(demo)).map((r) => r.what), [`POST ${STAGING}`],
        'the normal server is sent at once; nothing for the full one during the window');
      await page.locator(`[data-snapshot-id="${OLDEST.id}"]`).getByText(/Deleting in \d s/).waitFor();
      await assertNoA11yViolations(page, 'the progress table with a server making room');

      await waitUntil(async () => (await createPosts(demo)).length === 2, "db-server-01's POST");
      await waitUntil(async () => /^Completed \(/.test(await textOf(progressRow(page, FULL).locator('td'))),
        'the full server gets its new snapshot');
      await sleep(300);
      const order = await log(demo);
      assert.deepEqual(order.map((r) => r.what),
        [`POST ${STAGING}`, `DELETE ${SNAPSHOTS_PATH}${OLDEST.id}/`, `POST ${FULL}`],
        'one DELETE of the named snapshot, and the POST of its server only after it');
      assert.deepEqual(order.map((r) => r.status < 300), [true, true, true], 'all accepted');
      assert.match(await textOf(dialog(page).locator('.batch-summary')), /^2 of 2 created$/);
      noPanic(page);
    });
  });

  it('clears the typed count, saying why, when the oldest snapshot of a chosen server changes under the dialog; deletes only what was confirmed', async () => {
    await withFailureScreenshot(page, 'fleet-room-bound', async () => {
      // A snapshot in progress keeps the app polling db-server-01 while the dialog is open.
      await demo.setSnapshotStatus(815, 'in_progress');
      await chooseMakeRoom(page, demo);
      await typedCount(page).fill('1');
      assert.equal(await confirmButton(page).isDisabled(), false);

      // Behind the app's back, db-nightly-1 stops being a completed snapshot.
      await demo.setSnapshotStatus(OLDEST.id, 'failed');
      const box = dialog(page).locator('#many-room');
      await waitUntil(async () => /db-server-01: “before-schema-change”, taken/.test(await textOf(box)),
        'the dialog to name the new oldest snapshot', { timeout: 25_000 });
      assert.equal(await typedCount(page).inputValue(), '', 'the typed count is cleared');
      assert.match(await textOf(box.getByRole('alert')),
        /^The list changed while this dialog was open: “before-schema-change” is now the snapshot of db-server-01 to delete, not “db-nightly-1”\./);
      assert.equal(await confirmButton(page).isDisabled(), true, 'nothing to confirm');
      const choice = dialog(page).getByRole('checkbox', {
        name: 'Make room on db-server-01: delete “before-schema-change” first', exact: true,
      });
      assert.equal(await choice.isChecked(), true, 'the choice names the snapshot that would go now, still chosen');
      await dialog(page).locator('#many-name').press('Enter');
      await sleep((WINDOW + 1) * 1000);
      assert.deepEqual(await sent(demo), [], 'nothing sent for a snapshot the operator did not confirm');

      await typedCount(page).fill('1');
      await confirmButton(page).click();
      await waitUntil(async () => (await createPosts(demo)).length === 1, "db-server-01's POST");
      assert.deepEqual((await log(demo)).map((r) => r.what), [`DELETE ${SNAPSHOTS_PATH}812/`, `POST ${FULL}`],
        'the DELETE of the snapshot confirmed, then its server\'s POST');
      noPanic(page);
    });
  });

  it('Undo during the window: no DELETE and no POST for that server, and its row says it was cancelled', async () => {
    await withFailureScreenshot(page, 'fleet-room-undo', async () => {
      await confirmMakeRoom(page, demo, { others: ['staging-01'] });
      await progressRow(page, FULL).waitFor();
      // The dialog closes without stopping the batch; Undo is on the row.
      await dialog(page).getByRole('button', { name: 'Close', exact: true }).click();
      await page.getByRole('button', { name: `Undo deleting ${OLDEST.name} of db-server-01` }).click();
      await sleep((WINDOW + 1) * 1000);
      assert.deepEqual((await log(demo)).map((r) => r.what), [`POST ${STAGING}`], 'neither the DELETE nor its POST');
      assert.equal(await page.locator(`[data-snapshot-id="${OLDEST.id}"]`).count(), 1, 'the old snapshot stays');

      await openButton(page).click();
      await waitUntil(async () => /^Cancelled: the delete of “db-nightly-1” was undone, so no new snapshot was taken$/
        .test(await textOf(progressRow(page, FULL).locator('td'))), 'the row says it was cancelled');
      assert.match(await textOf(dialog(page).locator('.batch-summary')), /^1 of 2 created, 1 refused$/);
      noPanic(page);
    });
  });

  it('Undo in the progress table itself, by keyboard: nothing sent for that server', async () => {
    await withFailureScreenshot(page, 'fleet-room-undo-table', async () => {
      await confirmMakeRoom(page, demo);
      const undo = progressRow(page, FULL).getByRole('button', { name: `Undo deleting ${OLDEST.name} of db-server-01` });
      await undo.waitFor();
      assert.match(await textOf(progressRow(page, FULL).locator('td')), /^Making room: .* Deleting in \d s — Undo$/);
      await undo.focus();
      await page.keyboard.press('Enter');
      await waitUntil(async () => /^Cancelled: /.test(await textOf(progressRow(page, FULL).locator('td'))), 'the row says cancelled');
      await sleep((WINDOW + 1) * 1000);
      assert.deepEqual(await sent(demo), [], 'neither the DELETE nor the POST');
      noPanic(page);
    });
  });

  it('a DELETE that fails: no POST for that server, its row says the old snapshot was not deleted', async () => {
    await withFailureScreenshot(page, 'fleet-room-delete-fails', async () => {
      await confirmMakeRoom(page, demo, { fault: deleteAnswers(500) });
      await waitUntil(async () => /^Not taken: the old snapshot “db-nightly-1” was not deleted\. /
        .test(await textOf(progressRow(page, FULL).locator('td'))), 'the row says why');
      await sleep(500);
      assert.deepEqual(await sent(demo), [`DELETE ${SNAPSHOTS_PATH}${OLDEST.id}/ 500`], 'no POST');
      noPanic(page);
    });
  });

  it('a create that fails after the DELETE: the row says plainly the old snapshot is gone and the new one was not taken', async () => {
    await withFailureScreenshot(page, 'fleet-room-create-fails', async () => {
      await confirmMakeRoom(page, demo, { fault: postAnswers(400) });
      await waitUntil(async () => /^The old snapshot “db-nightly-1” is gone, and the new one was not taken: /
        .test(await textOf(progressRow(page, FULL).locator('td'))), 'the row says both');
      assert.deepEqual(await sent(demo), [`DELETE ${SNAPSHOTS_PATH}${OLDEST.id}/ 204`, `POST ${SNAPSHOTS_PATH} 400`]);
      noPanic(page);
    });
  });

  it('a 401 on the other server\'s POST stops everything: the waiting DELETE is not sent, and the notice says so', async () => {
    await withFailureScreenshot(page, 'fleet-room-401', async () => {
      await confirmMakeRoom(page, demo, { others: ['staging-01'], fault: postAnswers(401) });

      const notice = page.getByText(/The batch was stopped/);
      await notice.waitFor();
      assert.match(await textOf(notice),
        /Snapshot started on: none\. Not asked \(nothing sent\): db-server-01\. Asked, but no snapshot started: staging-01\. Old snapshot deleted to make room, but no new snapshot started: none\./);
      await sleep((WINDOW + 1) * 1000);
      assert.deepEqual(await sent(demo), [`POST ${SNAPSHOTS_PATH} 401`], 'no DELETE after the 401, and no other POST');
      noPanic(page);
    });
  });

  it('a 401 on the DELETE stops the batch as one on a POST would: no POST, the notice names the server not asked', async () => {
    await withFailureScreenshot(page, 'fleet-room-delete-401', async () => {
      await confirmMakeRoom(page, demo, { fault: deleteAnswers(401) });
      const notice = page.getByText(/The batch was stopped/);
      await notice.waitFor();
      assert.match(await textOf(notice), /Not asked \(nothing sent\): db-server-01\./);
      await sleep(500);
      assert.deepEqual(await sent(demo), [`DELETE ${SNAPSHOTS_PATH}${OLDEST.id}/ 401`], 'no POST');
      noPanic(page);
    });
  });

  it('keyboard only: Tab and Space choose make room, the count is typed, Enter confirms', async () => {
    await withFailureScreenshot(page, 'fleet-room-keyboard', async () => {
      await signIn(page, demo);
      await openButton(page).focus();
      await page.keyboard.press('Enter');
      await dialog(page).getByRole('checkbox').first().waitFor();
      const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
      const tabTo = async (id) => {
        for (let tabs = 0; (await focusedId()) !== id; tabs += 1) {
          assert.ok(tabs < 40, `Tab reaches #${id}`);
          await page.keyboard.press('Tab');
        }
      };
      await tabTo(`many-room-${FULL}`);
      await page.keyboard.press('Space');
      assert.equal(await roomCheckbox(page).isChecked(), true, 'Space chooses make room');
      await tabTo('many-room-count');
      await page.keyboard.type('1');
      await page.keyboard.press('Enter');
      await dialog(page).locator('table').waitFor();
      assert.match(await textOf(progressRow(page, FULL).locator('td')), /^Making room/);
      await waitUntil(async () => (await createPosts(demo)).length === 1, 'the POST after the delete');
      assert.deepEqual((await log(demo)).map((r) => r.what), [`DELETE ${SNAPSHOTS_PATH}${OLDEST.id}/`, `POST ${FULL}`]);
      noPanic(page);
    });
  });

  it('looks right with make room chosen at 1280 and 375 px in English, Spanish and Somali', async () => {
    await signIn(page, demo);
    // What each section's header holds (a full server's disabled "New
    // snapshot" too) stays inside it.
    const headersInside = async (lang, width) => {
      const outside = await page.locator('article[data-server-id] header').evaluateAll((els) => els
        .filter((el) => [...el.querySelectorAll('*')]
          .some((child) => child.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5))
        .map((el) => el.closest('article').dataset.serverId));
      assert.deepEqual(outside, [], `no server section's header overflows at ${width} px in ${lang}`);
    };
    await inEachLanguageAndWidth(page, async (lang, width) => {
      await dialog(page).locator(`#many-room-${FULL}`).check();
      await dialog(page).locator('#many-room').waitFor();
      await screenshot(page, `fleet-room-${lang}-${width}`);
    }, headersInside);
    noPanic(page);
  });
});
