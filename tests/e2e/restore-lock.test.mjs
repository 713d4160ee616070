// A server being restored is locked: no new snapshot, make room, restore or
// delete on it, it cannot be chosen for a batch of creates or a bulk delete
// (what was chosen before is dropped, and the user told once), the snapshot
// restored from is marked, and everything unlocks when the restore ends.
// The lock is the console's guard: a refusal of the API still shows its words.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { mutations, SNAPSHOTS_PATH } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, withFailureScreenshot,
  chooseLanguage,
} from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import {
  checkbox as batchCheckbox, chosenCount, openDialog as openBatch, SERVERS,
} from './support/fleet-create.mjs';
import { dialog, group } from './support/locators.mjs';
import { pickByKeyboard, renderedOptions } from './support/picker.mjs';
import { waitUntil } from './support/wait.mjs';

const DB = SERVERS['db-server-01'];
const STAGING = SERVERS['staging-01'];

/** Restores last until a test ends them (`restore_delay_ms: 0`). */
const LONG_RESTORES = { snapshot_delay_ms: 3000, restore_delay_ms: 600_000 };

function button(page, name) {
  return page.getByRole('button', { name, exact: true });
}

function newSnapshotOf(page, server) {
  return button(page, `New snapshot of ${server}`);
}

function makeRoomOn(page, server) {
  return button(page, `Make room on ${server} for a new snapshot`);
}

function restoreButton(page, server, snapshot) {
  return button(page, `Restore ${server} from ${snapshot}`);
}

function deleteButton(page, server, snapshot) {
  return button(page, `Delete snapshot ${snapshot} of ${server}`);
}

function rowCheckbox(page, server, snapshot) {
  return page.getByRole('checkbox', { name: `Select ${snapshot} of ${server}`, exact: true });
}

function selectAll(page, server) {
  return page.getByRole('checkbox', { name: `Select all snapshots of ${server}`, exact: true });
}

function lockNote(page, serverId) {
  return group(page, serverId).locator('.server-lock');
}

function sourceBadges(page) {
  return page.locator('.restore-source');
}

function bar(page) {
  return page.locator('.selection-bar');
}

/** Toasts whose text matches `re`. */
function toasts(page, re) {
  return page.locator('.toasts .toast').filter({ hasText: re });
}

/** "METHOD path" of each request that changed something. */
async function sent(demo) {
  return (await mutations(demo)).map((r) => `${r.method} ${r.path}`);
}

/** Restores `server` from `snapshot` through its dialog, as an operator would. */
async function restoreFrom(page, server, snapshot) {
  await restoreButton(page, server, snapshot).click();
  await dialog(page).getByLabel(/To confirm, type the server name/).fill(server);
  await dialog(page).getByRole('button', { name: 'Restore server' }).click();
  await dialog(page).waitFor({ state: 'detached' });
}

/** Refreshes the list and waits until the load has answered. */
async function refresh(page) {
  await button(page, 'Refresh').click();
  await waitUntil(() => button(page, 'Refresh').isEnabled(), 'the refresh to end');
}

/** Whether each of `locators` is disabled, as {description: disabled}. */
async function disabledStates(entries) {
  const states = {};
  for (const [what, locator] of Object.entries(entries)) {
    states[what] = await locator.isDisabled();
  }
  return states;
}

/** Every control that changes something on staging-01, whose one snapshot is staging-baseline. */
function stagingControls(page) {
  return {
    'New snapshot': newSnapshotOf(page, 'staging-01'),
    Restore: restoreButton(page, 'staging-01', 'staging-baseline'),
    Delete: deleteButton(page, 'staging-01', 'staging-baseline'),
    'its checkbox': rowCheckbox(page, 'staging-01', 'staging-baseline'),
    'select all': selectAll(page, 'staging-01'),
  };
}

/**
 * Every control that changes something on db-server-01. It is at the limit,
 * so its New snapshot is disabled anyway, and Make room is offered instead.
 */
function dbControls(page) {
  return {
    'Make room': makeRoomOn(page, 'db-server-01'),
    'Restore db-nightly-5': restoreButton(page, 'db-server-01', 'db-nightly-5'),
    'Restore db-nightly-3': restoreButton(page, 'db-server-01', 'db-nightly-3'),
    'Delete db-nightly-5': deleteButton(page, 'db-server-01', 'db-nightly-5'),
    'Delete db-nightly-3': deleteButton(page, 'db-server-01', 'db-nightly-3'),
    'checkbox of db-nightly-5': rowCheckbox(page, 'db-server-01', 'db-nightly-5'),
    'select all': selectAll(page, 'db-server-01'),
  };
}

function all(entries, value) {
  return Object.fromEntries(Object.keys(entries).map((what) => [what, value]));
}

describe('a server being restored is locked', { timeout: 300_000 }, () => {
  let demo; let page;
  useDemoAndBrowser({
    demoArgs: ['--snapshot-delay-ms', '3000', '--restore-delay-ms', '600000'],
    config: LONG_RESTORES,
    appConfig: { delete_undo_seconds: 4 },
  }, (f) => ({ demo, page } = f));

  it('a restore sent from this tab locks its server, drops its snapshots from the selection once, marks the source, and unlocks when it ends', async () => {
    await withFailureScreenshot(page, 'restore-lock-this-tab', async () => {
      await signIn(page, demo);
      assert.deepEqual(await disabledStates(dbControls(page)), all(dbControls(page), false),
        'before any restore, db-server-01 can be changed');
      // Chosen before the restores: one snapshot of each server restored, one of another.
      await rowCheckbox(page, 'db-server-01', 'db-nightly-5').check();
      await rowCheckbox(page, 'staging-01', 'staging-baseline').check();
      await rowCheckbox(page, 'web-server-01', 'weekly-snapshot-2025-01-08').check();
      assert.match(await textOf(bar(page)), /^3 selected/);

      await restoreFrom(page, 'db-server-01', 'db-nightly-3');
      const dbDropped = /The snapshots of db-server-01 were taken out of your selection: that server is being restored\. Nothing was deleted\./;
      await toasts(page, dbDropped).waitFor();
      await restoreFrom(page, 'staging-01', 'staging-baseline');
      await toasts(page, /The snapshots of staging-01 were taken out of your selection/).waitFor();
      // Told once (seen above); with the newest three notices shown, the
      // older one may by now be among the "+N more".
      assert.ok(await toasts(page, dbDropped).count() <= 1, 'the drop of db-server-01\'s snapshots was told once');
      assert.match(await textOf(bar(page)), /^1 selected/, 'only the snapshot of web-server-01 stays chosen');

      // Everything that would change either server is disabled, and says why.
      await lockNote(page, DB).waitFor();
      assert.match(await textOf(lockNote(page, DB)),
        /^db-server-01 is being restored\. Until the restore ends, you cannot take a new snapshot of it, restore it, or delete its snapshots\.$/);
      assert.deepEqual(await disabledStates(dbControls(page)), all(dbControls(page), true),
        'New snapshot, Make room, Restore, Delete and selection are disabled on db-server-01');
      assert.deepEqual(await disabledStates(stagingControls(page)), all(stagingControls(page), true),
        'New snapshot, Restore, Delete and selection are disabled on staging-01');
      for (const [locator, serverId] of [[makeRoomOn(page, 'db-server-01'), DB], [newSnapshotOf(page, 'staging-01'), STAGING]]) {
        assert.equal(await locator.getAttribute('aria-describedby'), `server-${serverId}-lock`,
          'a disabled section button points to the note that says why');
      }
      const deleteDb3 = deleteButton(page, 'db-server-01', 'db-nightly-3');
      const rowNote = await deleteDb3.getAttribute('aria-describedby');
      assert.equal(await page.locator(`[id="${rowNote}"]`).innerText(), 'Its server is being restored; wait until that ends.',
        'a disabled row button points to the row\'s reason');
      // The snapshots restored from are marked, and only they.
      assert.equal(await sourceBadges(page).count(), 2);
      for (const id of [813, 820]) {
        assert.equal(await page.locator(`[data-snapshot-id="${id}"] .restore-source`).innerText(), 'Restoring from this snapshot');
      }
      // Other servers are untouched.
      assert.equal(await newSnapshotOf(page, 'web-server-01').isEnabled(), true);
      assert.equal(await rowCheckbox(page, 'web-server-01', 'pre-migration-snapshot').isEnabled(), true);
      await assertNoA11yViolations(page, 'the list with two servers locked');
      await screenshot(page, 'restore-lock-sections');

      // The toolbar's New snapshot offers neither server.
      await button(page, 'New snapshot').click();
      await dialog(page).waitFor();
      const picker = dialog(page).locator('#create-server');
      assert.equal(await picker.inputValue(), `build-runner-01 (#${SERVERS['build-runner-01']})`,
        'the first server that may take a snapshot is chosen');
      await picker.focus();
      await page.keyboard.press('ArrowDown');
      const options = (await renderedOptions(picker)).map(({ text, disabled }) => ({ text, disabled }));
      assert.deepEqual(options.filter((o) => /being restored/.test(o.text)), [
        { text: 'db-server-01 being restored #12346 · db01.example.com · 203.0.113.11', disabled: true },
        { text: 'staging-01 being restored #12347 · staging.example.com · 203.0.113.12', disabled: true },
      ]);
      // Listed with the reason, but Enter on it chooses nothing.
      await pickByKeyboard(picker, 'staging-01', 'staging-01 being restored');
      await page.keyboard.press('Escape');
      assert.equal(await picker.inputValue(), `build-runner-01 (#${SERVERS['build-runner-01']})`, 'a server being restored cannot be chosen');
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });

      // "Snapshot several servers": staging-01 cannot be chosen, not even by "Select all that have room".
      await openBatch(page);
      assert.equal(await batchCheckbox(page, 'staging-01').isDisabled(), true);
      const stagingNote = await batchCheckbox(page, 'staging-01').getAttribute('aria-describedby');
      assert.match(await textOf(dialog(page).locator(`[id="${stagingNote}"]`)),
        /Being restored: it can be chosen once the restore ends\./, 'the checkbox says why');
      assert.equal(await dialog(page).getByRole('checkbox', { name: /^Make room on db-server-01/ }).count(), 0,
        'no make room is offered on db-server-01');
      await dialog(page).getByRole('button', { name: 'Select all that have room' }).click();
      assert.equal(await batchCheckbox(page, 'staging-01').isChecked(), false);
      assert.match(await chosenCount(page), /^3 servers chosen/, 'web-server-01, build-runner-01 and legacy-app-01');
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });

      // Clicks on the disabled controls send nothing.
      for (const locator of Object.values({ ...dbControls(page), ...stagingControls(page) })) {
        await locator.click({ force: true });
      }
      await sleep(300);
      assert.equal(await dialog(page).count(), 0, 'no dialog opened');
      assert.deepEqual(await sent(demo), [`POST ${SNAPSHOTS_PATH}813/restore/`, `POST ${SNAPSHOTS_PATH}820/restore/`],
        'only the two restores were sent');

      // The restores end: everything unlocks, and nothing is chosen again behind the operator's back.
      await demo.config({ restore_delay_ms: 0 });
      await lockNote(page, DB).waitFor({ state: 'detached', timeout: 60_000 });
      await lockNote(page, STAGING).waitFor({ state: 'detached', timeout: 60_000 });
      assert.deepEqual(await disabledStates(dbControls(page)), all(dbControls(page), false),
        'db-server-01 can be changed again');
      assert.deepEqual(await disabledStates(stagingControls(page)), all(stagingControls(page), false),
        'staging-01 can be changed again');
      assert.equal(await sourceBadges(page).count(), 0, 'no snapshot is marked any more');
      assert.equal(await rowCheckbox(page, 'db-server-01', 'db-nightly-5').isChecked(), false, 'the dropped snapshot stays unchosen');
      assert.match(await textOf(bar(page)), /^1 selected/);
      await openBatch(page);
      assert.equal(await batchCheckbox(page, 'staging-01').isEnabled(), true, 'staging-01 may be chosen for a batch again');
      await page.keyboard.press('Escape');
      assert.deepEqual(await sent(demo), [`POST ${SNAPSHOTS_PATH}813/restore/`, `POST ${SNAPSHOTS_PATH}820/restore/`]);
      noPanic(page);
    });
  });

  it('a restore started elsewhere locks the server once the list says so, in every language, and unlocks when its status changes', async () => {
    await withFailureScreenshot(page, 'restore-lock-elsewhere', async () => {
      await signIn(page, demo);
      await rowCheckbox(page, 'staging-01', 'staging-baseline').check();
      await demo.setServerStatus(STAGING, 'restoring');
      await refresh(page);

      const dropped = /The snapshots of staging-01 were taken out of your selection: that server is being restored/;
      await toasts(page, dropped).waitFor();
      assert.equal(await bar(page).count(), 0, 'nothing stays chosen');
      assert.deepEqual(await disabledStates(stagingControls(page)), all(stagingControls(page), true));
      assert.equal(await sourceBadges(page).count(), 0, 'another console\'s restore: the source is not known');
      await refresh(page);
      await sleep(300);
      assert.equal(await toasts(page, dropped).count(), 1, 'told once, not at every refresh');

      // The reason in Spanish and in Somali, in the section and in the row.
      const row = page.locator('[data-snapshot-id="820"]');
      await chooseLanguage(page, 'es');
      assert.match(await textOf(lockNote(page, STAGING)), /^staging-01 se está restaurando\. Hasta que termine la restauración/);
      assert.match(await textOf(row), /Su servidor se está restaurando; espere a que termine\./);
      await chooseLanguage(page, 'so');
      assert.match(await textOf(lockNote(page, STAGING)), /^staging-01 waa la soo celinayaa\./);
      assert.match(await textOf(row), /Server-ka waa la soo celinayaa; sug ilaa uu dhammaado\./);
      await chooseLanguage(page, 'en');

      // Polling follows the server: its new status unlocks it without a refresh.
      await demo.setServerStatus(STAGING, 'stopped');
      await lockNote(page, STAGING).waitFor({ state: 'detached', timeout: 45_000 });
      assert.deepEqual(await disabledStates(stagingControls(page)), all(stagingControls(page), false));
      assert.deepEqual(await sent(demo), [], 'nothing was sent');
      noPanic(page);
    });
  });

  it('a delete waiting in its undo window is not sent once its server restores, and says why', async () => {
    await withFailureScreenshot(page, 'restore-lock-waiting-delete', async () => {
      await signIn(page, demo);
      await deleteButton(page, 'staging-01', 'staging-baseline').click();
      await dialog(page).getByRole('button', { name: 'Delete snapshot' }).click();
      await page.locator('[data-snapshot-id="820"]').getByText(/Deleting in \d s/).waitFor();
      await demo.setServerStatus(STAGING, 'restoring');
      await refresh(page);

      const failures = page.locator('.delete-failures');
      await failures.waitFor({ timeout: 10_000 });
      assert.match(await textOf(failures),
        /“staging-baseline” of staging-01: Not sent: the server is being restored\. Try again once the restore has ended\./);
      assert.deepEqual(await sent(demo), [], 'no DELETE was sent');
      assert.equal(await page.locator('[data-snapshot-id="820"]').count(), 1, 'the snapshot is still listed');
      noPanic(page);
    });
  });

  it('the lock is only the console\'s guard: a restore the API refuses still shows the API\'s words', async () => {
    await withFailureScreenshot(page, 'restore-lock-api-refusal', async () => {
      await signIn(page, demo);
      // Restoring elsewhere, and this page has not heard of it yet.
      await demo.setServerStatus(STAGING, 'restoring');
      await restoreButton(page, 'staging-01', 'staging-baseline').click();
      await dialog(page).getByLabel(/To confirm, type the server name/).fill('staging-01');
      await dialog(page).getByRole('button', { name: 'Restore server' }).click();
      const alert = dialog(page).getByRole('alert').filter({ hasText: /refused/ });
      await alert.waitFor();
      assert.match(await textOf(alert), /Server is not in a valid state for restoration\./, 'the API\'s own words');
      assert.deepEqual((await mutations(demo)).map((r) => `${r.method} ${r.path} ${r.status}`),
        [`POST ${SNAPSHOTS_PATH}820/restore/ 400`]);
      noPanic(page);
    });
  });
});
