// The restore and delete confirmations — names of the buttons, ways
// to leave without acting, focus, the typed confirmation, exactly one request,
// the safety snapshot, 404 and 401 answers, and accessibility.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { api, mutations, SNAPSHOTS_PATH } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, tokenField, withFailureScreenshot,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, group } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

/** Every seeded snapshot: [id, server name, snapshot name, restorable]. */
const SEEDED = [
  [801, 'web-server-01', 'pre-migration-snapshot', true],
  [798, 'web-server-01', 'weekly-snapshot-2025-01-08', true],
  [815, 'db-server-01', 'db-nightly-5', true],
  [814, 'db-server-01', 'db-nightly-4', true],
  [813, 'db-server-01', 'db-nightly-3', true],
  [812, 'db-server-01', 'before-schema-change', true],
  [811, 'db-server-01', 'db-nightly-1', true],
  [820, 'staging-01', 'staging-baseline', true],
  [830, 'legacy-app-01', 'legacy-upgrade', false],
];

function restoreButton(page, server, snapshot) {
  return page.getByRole('button', { name: `Restore ${server} from ${snapshot}`, exact: true });
}

function deleteButton(page, server, snapshot) {
  return page.getByRole('button', { name: `Delete snapshot ${snapshot} of ${server}`, exact: true });
}

function confirmRestore(page) {
  return dialog(page).getByRole('button', { name: /^(Restore server|Restoring…)$/ });
}

function confirmDelete(page) {
  return dialog(page).getByRole('button', { name: /^(Delete snapshot|Deleting…)$/ });
}

function typedName(page) {
  return dialog(page).getByLabel(/To confirm, type the server name/);
}

async function openRestore(page, server, snapshot) {
  await restoreButton(page, server, snapshot).click();
  await dialog(page).waitFor();
}

async function openDelete(page, server, snapshot) {
  await deleteButton(page, server, snapshot).click();
  await dialog(page).waitFor();
}

/** Facts about the focused element, seen from the page. */
function focusInfo(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const open = document.querySelector('dialog[open]');
    return {
      tag: el?.tagName ?? null,
      text: (el?.textContent ?? '').trim(),
      label: el?.getAttribute('aria-label') ?? null,
      insideDialog: Boolean(open && el && el !== open && open.contains(el)),
      dialogOpen: Boolean(open),
    };
  });
}

/** Toasts (the polite role=status region) whose text matches `re`. */
function toast(page, re) {
  return page.locator('[role="status"][aria-live="polite"]').filter({ hasText: re });
}

describe('the restore and delete confirmations', { timeout: 240_000 }, () => {
  let demo;
  let page;
  // No undo window: these tests are about the confirmation and the one
  // request it sends (tests/e2e/fleet-delete.test.mjs tests the window).
  useDemoAndBrowser({ ...QUICK_TRANSITIONS, appConfig: { delete_undo_seconds: 0 } }, (f) => ({ demo, page } = f));

  it('names every Restore and Delete button after its server and snapshot; a failed snapshot cannot be restored', async () => {
    await withFailureScreenshot(page, 'restore-button-names', async () => {
      await signIn(page, demo);
      for (const [id, server, snapshot, restorable] of SEEDED) {
        const restore = restoreButton(page, server, snapshot);
        assert.equal(await restore.count(), 1, `one button named "Restore ${server} from ${snapshot}"`);
        assert.equal(await page.locator(`[data-snapshot-id="${id}"]`).getByRole('button', {
          name: `Restore ${server} from ${snapshot}`, exact: true,
        }).count(), 1, `the button is in snapshot ${id}'s row`);
        assert.equal(await restore.isEnabled(), restorable,
          `"Restore ${server} from ${snapshot}" is ${restorable ? 'enabled' : 'disabled'}`);
        assert.equal(await deleteButton(page, server, snapshot).count(), 1,
          `one button named "Delete snapshot ${snapshot} of ${server}"`);
      }
      const failedRow = page.locator('[data-snapshot-id="830"]');
      assert.match(await textOf(failedRow), /Cannot be restored \(status: failed\)/,
        'the failed snapshot says why it cannot be restored');
      noPanic(page);
    });
  });

  for (const kind of ['restore', 'delete']) {
    it(`Cancel, Escape and a click outside each close the ${kind} dialog without a request`, async () => {
      await withFailureScreenshot(page, `${kind}-dismiss`, async () => {
        await signIn(page, demo);
        const open = () => (kind === 'restore'
          ? openRestore(page, 'web-server-01', 'pre-migration-snapshot')
          : openDelete(page, 'web-server-01', 'pre-migration-snapshot'));
        const ways = {
          Cancel: () => dialog(page).getByRole('button', { name: 'Cancel', exact: true }).click(),
          Escape: () => page.keyboard.press('Escape'),
          'click outside': () => page.mouse.click(5, 5),
        };
        for (const [way, close] of Object.entries(ways)) {
          await open();
          if (kind === 'restore') {
            // Even with the confirmation typed, leaving must not act.
            await typedName(page).fill('web-server-01');
          }
          await close();
          await dialog(page).waitFor({ state: 'detached', timeout: 5_000 })
            .catch((err) => { throw new Error(`${way} did not close the ${kind} dialog: ${err.message}`); });
        }
        await sleep(500);
        assert.deepEqual(await mutations(demo), [], `no POST/DELETE after dismissing the ${kind} dialog`);
        assert.equal(await page.locator('[data-snapshot-id="801"]').count(), 1, 'the snapshot is still listed');
        noPanic(page);
      });
    });

    it(`keeps focus inside the ${kind} dialog, starting on Cancel, and gives it back on Escape`, async () => {
      await withFailureScreenshot(page, `${kind}-focus`, async () => {
        await signIn(page, demo);
        const opener = kind === 'restore'
          ? restoreButton(page, 'web-server-01', 'pre-migration-snapshot')
          : deleteButton(page, 'web-server-01', 'pre-migration-snapshot');
        const openerLabel = await opener.getAttribute('aria-label');
        await opener.focus();
        await page.keyboard.press('Enter');
        await dialog(page).waitFor();

        const first = await focusInfo(page);
        assert.ok(first.insideDialog, `focus moved into the dialog: ${JSON.stringify(first)}`);
        assert.equal(first.tag, 'BUTTON');
        assert.equal(first.text, 'Cancel', `the safest control has focus: ${JSON.stringify(first)}`);

        for (const key of ['Tab', 'Shift+Tab']) {
          const seen = new Set();
          for (let i = 1; i <= 12; i += 1) {
            await page.keyboard.press(key);
            const now = await focusInfo(page);
            assert.ok(now.insideDialog, `${key} #${i} moved focus out of the dialog: ${JSON.stringify(now)}`);
            seen.add(now.label ?? now.text ?? now.tag);
          }
          assert.ok(seen.size >= 2, `${key} cycles through the dialog's controls: ${[...seen].join(', ')}`);
        }

        await page.keyboard.press('Escape');
        await dialog(page).waitFor({ state: 'detached' });
        const back = await focusInfo(page);
        assert.equal(back.label, openerLabel, `focus went back to "${openerLabel}": ${JSON.stringify(back)}`);
        assert.deepEqual(await mutations(demo), []);
        noPanic(page);
      });
    });
  }

  it('asks for the exact server name, sends one restore for a double click, and follows the restore to its end', async () => {
    await withFailureScreenshot(page, 'restore-confirm', async () => {
      await signIn(page, demo);
      await openRestore(page, 'web-server-01', 'pre-migration-snapshot');
      const text = await textOf(dialog(page));
      assert.match(text, /All current data on web-server-01 \(#12345\) will be replaced/);
      assert.match(text, /cannot be undone/i);

      const confirm = confirmRestore(page);
      assert.ok(await confirm.isDisabled(), '"Restore server" starts disabled');
      for (const wrong of ['web-server-0', 'Web-Server-01', 'web-server-02', ' web-server-01', 'web-server-01 ', 'db-server-01']) {
        await typedName(page).fill(wrong);
        await sleep(100);
        assert.ok(await confirm.isDisabled(), `"Restore server" stays disabled for "${wrong}"`);
      }
      await typedName(page).fill('web-server-01');
      await waitUntil(() => confirm.isEnabled(), '"Restore server" to be enabled once the name is typed');

      await confirm.dblclick();
      await dialog(page).waitFor({ state: 'detached' });

      const web = group(page, 12345);
      const restoring = web.locator('.notice').filter({ hasText: 'Restoring from “pre-migration-snapshot”' });
      await restoring.waitFor({ timeout: 5_000 });
      // When it started, like every time: how long ago, the exact time on focus.
      assert.match(await textOf(restoring.locator('.time-tip time')), /^Restoring from “pre-migration-snapshot” \(started just now\): /);
      assert.match(await restoring.locator('.time-exact').textContent(), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
      // One estimate, the dialog's: the notice is the console's words, not the API's "This may take 5-15 minutes".
      const started = toast(page, /web-server-01: the restore has started\./);
      await started.waitFor();
      assert.doesNotMatch(await textOf(started), /may take/, 'no second estimate');
      // While the server restores, none of its snapshots can be restored, and each row says why.
      const again = restoreButton(page, 'web-server-01', 'weekly-snapshot-2025-01-08');
      assert.ok(await again.isDisabled(), 'Restore is disabled while the server is being restored');
      const row = again.locator('xpath=ancestor::li[contains(@class, "snapshot")]');
      assert.match(await textOf(row), /Its server is being restored; wait until that ends\./);

      const restored = web.locator('.notice').filter({ hasText: 'Restored from “pre-migration-snapshot”' });
      await restored.waitFor({ timeout: 25_000 });
      await waitUntil(() => again.isEnabled(), 'Restore to be enabled again once the restore has finished');
      assert.equal(await restoring.count(), 0, 'the "Restoring from" line is replaced');
      await toast(page, /The restore of web-server-01 from “pre-migration-snapshot” has finished/).waitFor();

      await sleep(300);
      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`), [`POST ${SNAPSHOTS_PATH}801/restore/`],
        'exactly one restore request, and nothing else changed');
      assert.equal(sent[0].status, 200);
      await screenshot(page, 'restore-finished');
      noPanic(page);
    });
  });

  it('offers a safety snapshot (one POST) and keeps "Restore server" disabled while it runs; never deletes', async () => {
    await withFailureScreenshot(page, 'restore-safety-snapshot', async () => {
      // Long enough to look at the in-progress state calmly.
      await demo.config({ snapshot_delay_ms: 6000 });
      await signIn(page, demo);
      await openRestore(page, 'web-server-01', 'pre-migration-snapshot');
      const take = dialog(page).getByRole('button', { name: /^(Take a safety snapshot|Starting snapshot…)$/ });
      assert.match(await textOf(dialog(page)), /Take a safety snapshot of web-server-01 first/);
      await take.click();

      const busy = dialog(page).locator('.notice').filter({ hasText: 'A snapshot of web-server-01 is in progress' });
      await busy.waitFor({ timeout: 5_000 });
      const creates = (await mutations(demo)).filter((r) => r.method === 'POST' && r.path === SNAPSHOTS_PATH);
      assert.equal(creates.length, 1, `one safety snapshot POST: ${JSON.stringify(creates)}`);
      const body = JSON.parse(creates[0].body);
      assert.equal(body.server_id, 12345, 'the safety snapshot is of web-server-01');
      assert.match(body.name, /^pre-restore-web-server-01/, `a recognisable name: ${body.name}`);
      assert.match(body.name, /^[A-Za-z0-9_-]{1,64}$/, 'a name the API accepts');
      assert.equal(creates[0].status, 201);

      await typedName(page).fill('web-server-01');
      const confirm = confirmRestore(page);
      for (let i = 0; i < 5; i += 1) {
        assert.ok(await confirm.isDisabled(), '"Restore server" stays disabled while the safety snapshot runs');
        await sleep(200);
      }

      // Once the safety snapshot completes (by polling), the restore may go ahead.
      await busy.waitFor({ state: 'detached', timeout: 30_000 });
      await waitUntil(() => confirm.isEnabled(), '"Restore server" to be enabled after the safety snapshot');
      await confirm.click();
      await dialog(page).waitFor({ state: 'detached' });
      await group(page, 12345).locator('.notice').filter({ hasText: /Restor(ing|ed) from “pre-migration-snapshot”/ }).waitFor();

      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`),
        [`POST ${SNAPSHOTS_PATH}`, `POST ${SNAPSHOTS_PATH}801/restore/`],
        'one safety snapshot, then one restore');
      assert.equal(sent.filter((r) => r.method === 'DELETE').length, 0, 'nothing was deleted');
      assert.equal(await page.locator('[data-snapshot-id="801"]').count(), 1, 'the restored snapshot is still listed');
      noPanic(page);
    });
  });

  it('offers no safety snapshot for a server at 5 / 5, sends no create, and deletes nothing', async () => {
    await withFailureScreenshot(page, 'restore-no-room', async () => {
      await signIn(page, demo);
      await openRestore(page, 'db-server-01', 'db-nightly-5');
      const text = await textOf(dialog(page));
      assert.match(text, /db-server-01 has 5 \/ 5 snapshots, so there is no room for a safety snapshot/,
        `the dialog says there is no room: ${text}`);
      assert.equal(await dialog(page).getByRole('button', { name: /safety snapshot/i }).count(), 0,
        'no safety snapshot is offered');

      await typedName(page).fill('db-server-01');
      await waitUntil(() => confirmRestore(page).isEnabled(), '"Restore server" to be enabled');
      await confirmRestore(page).click();
      await dialog(page).waitFor({ state: 'detached' });
      await group(page, 12346).locator('.notice').filter({ hasText: /Restor(ing|ed) from “db-nightly-5”/ }).waitFor();
      await sleep(300);

      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`), [`POST ${SNAPSHOTS_PATH}815/restore/`],
        'only the restore: no safety snapshot POST, no DELETE');
      assert.equal(await group(page, 12346).locator('[data-snapshot-id]').count(), 5, 'db-server-01 keeps its 5 snapshots');
      noPanic(page);
    });
  });

  it('deletes with one DELETE: the row goes and the count drops', async () => {
    await withFailureScreenshot(page, 'delete-one', async () => {
      await signIn(page, demo);
      const web = group(page, 12345);
      assert.match(await textOf(web), /2 \/ 5 snapshots/);
      await openDelete(page, 'web-server-01', 'weekly-snapshot-2025-01-08');
      const text = await textOf(dialog(page));
      assert.match(text, /“weekly-snapshot-2025-01-08” of web-server-01 \(#12345\).*will be deleted permanently/);
      assert.doesNotMatch(text, /no rollback point/, 'another completed snapshot remains, so no such warning');

      // A slow answer keeps the request in flight during the double click.
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}798/`, method: 'DELETE', kind: 'slow', delay_ms: 1000 });
      await confirmDelete(page).dblclick();
      await dialog(page).waitFor({ state: 'detached' });
      await page.locator('[data-snapshot-id="798"]').waitFor({ state: 'detached' });
      assert.match(await textOf(web), /1 \/ 5 snapshots/, 'the count dropped');
      await toast(page, /Snapshot “weekly-snapshot-2025-01-08” was deleted/).waitFor();

      await sleep(300);
      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.status}`), [`DELETE ${SNAPSHOTS_PATH}798/ 204`],
        'exactly one DELETE');
      noPanic(page);
    });
  });

  it('without an undo window, the delete dialog says the delete is sent as soon as it is confirmed', async () => {
    await withFailureScreenshot(page, 'delete-no-window', async () => {
      await signIn(page, demo);
      await openDelete(page, 'web-server-01', 'weekly-snapshot-2025-01-08');
      const warning = await textOf(dialog(page).locator('#delete-warning'));
      assert.match(warning, /will be deleted permanently\. The delete is sent as soon as you confirm, and cannot be undone\./);
      assert.doesNotMatch(warning, /undo it until then/);
      await dialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
      await dialog(page).waitFor({ state: 'detached' });
      assert.deepEqual(await mutations(demo), []);
      noPanic(page);
    });
  });

  it('a snapshot already deleted elsewhere (404) leaves the list with a message saying so', async () => {
    await withFailureScreenshot(page, 'delete-404', async () => {
      await signIn(page, demo);
      await openDelete(page, 'web-server-01', 'weekly-snapshot-2025-01-08');
      const gone = await api(demo, 'DELETE', `${SNAPSHOTS_PATH}798/`);
      assert.equal(gone.status, 204, 'deleted behind the app\'s back');
      const before = (await mutations(demo)).length;

      await confirmDelete(page).click();
      await dialog(page).waitFor({ state: 'detached' });
      await page.locator('[data-snapshot-id="798"]').waitFor({ state: 'detached' });
      const message = toast(page, /already been deleted/);
      await message.waitFor();
      assert.match(await textOf(message), /weekly-snapshot-2025-01-08/);
      assert.match(await textOf(group(page, 12345)), /1 \/ 5 snapshots/);

      const sent = (await mutations(demo)).slice(before);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.status}`), [`DELETE ${SNAPSHOTS_PATH}798/ 404`]);
      noPanic(page);
    });
  });

  it('a 401 during delete returns to sign-in, saying the snapshot was not deleted', async () => {
    await withFailureScreenshot(page, 'delete-401', async () => {
      await signIn(page, demo);
      await openDelete(page, 'web-server-01', 'weekly-snapshot-2025-01-08');
      await demo.revoke();
      await confirmDelete(page).click();

      await tokenField(page).waitFor();
      const notice = page.getByRole('alert').filter({ hasText: /signed out/ });
      await notice.waitFor();
      assert.match(await textOf(notice), /The snapshot “weekly-snapshot-2025-01-08” was not deleted/,
        `the sign-in page says what did not happen: ${await textOf(notice)}`);
      assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'signed out');
      assert.equal(await page.evaluate(() => window.sessionStorage.getItem('vps.token')), null, 'the token is forgotten');

      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.status}`), [`DELETE ${SNAPSHOTS_PATH}798/ 401`]);
      noPanic(page);
    });
  });

  it('warns that deleting staging-baseline leaves staging-01 without a rollback point', async () => {
    await withFailureScreenshot(page, 'delete-last-rollback', async () => {
      await signIn(page, demo);
      await openDelete(page, 'staging-01', 'staging-baseline');
      const warning = dialog(page).locator('#delete-warning');
      assert.match(await textOf(warning),
        /This is the last completed snapshot of staging-01: after it is deleted, the server has no rollback point/);
      await dialog(page).getByRole('button', { name: 'Cancel', exact: true }).click();
      await dialog(page).waitFor({ state: 'detached' });
      assert.deepEqual(await mutations(demo), []);
      noPanic(page);
    });
  });

  it('a 401 during restore returns to sign-in, saying the server was not restored', async () => {
    await withFailureScreenshot(page, 'restore-401', async () => {
      await signIn(page, demo);
      await openRestore(page, 'web-server-01', 'pre-migration-snapshot');
      await typedName(page).fill('web-server-01');
      await waitUntil(() => confirmRestore(page).isEnabled(), '"Restore server" to be enabled');
      await demo.revoke();
      await confirmRestore(page).click();

      await tokenField(page).waitFor();
      const notice = page.getByRole('alert').filter({ hasText: /signed out/ });
      await notice.waitFor();
      assert.match(await textOf(notice), /The server web-server-01 was not restored/,
        `the sign-in page says what did not happen: ${await textOf(notice)}`);

      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.status}`),
        [`POST ${SNAPSHOTS_PATH}801/restore/ 401`]);
      noPanic(page);
    });
  });

  it('has no axe violations with the restore or the delete dialog open', async () => {
    await withFailureScreenshot(page, 'restore-delete-axe', async () => {
      await signIn(page, demo);

      await openRestore(page, 'web-server-01', 'pre-migration-snapshot');
      await assertNoA11yViolations(page, 'the restore dialog');
      await typedName(page).fill('web-server-01');
      await assertNoA11yViolations(page, 'the restore dialog with the name typed');
      await screenshot(page, 'restore-dialog');
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });

      await openRestore(page, 'db-server-01', 'db-nightly-5');
      await assertNoA11yViolations(page, 'the restore dialog without room for a safety snapshot');
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });

      await openDelete(page, 'staging-01', 'staging-baseline');
      await assertNoA11yViolations(page, 'the delete dialog');
      await screenshot(page, 'delete-dialog');
      noPanic(page);
    });
  });
});
