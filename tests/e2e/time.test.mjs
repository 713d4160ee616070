// Times (issue 27): each shows how long ago and, on keyboard focus (or a
// tap), the exact time; the "Times in" menu (Local time / UTC, kept for the
// tab) changes the list's times and the Activity export's, which carry
// their zone; the export has every id (the created snapshot's from the
// POST answer) and the date in its name.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { noPanic, signIn, textOf, withFailureScreenshot } from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { deleteWeekly, dialog } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** The exact time the tip of web-server-01's first row shows. */
const firstTip = (page) => page.locator('article[data-server-id="12345"] li.snapshot .time-tip').first();

describe('times: relative and exact, local or UTC', { timeout: 120_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({}, (f) => ({ demo, page } = f));

  it('the exact time is read by focusing a time with the keyboard', async () => {
    await withFailureScreenshot(page, 'time-focus', async () => {
      await signIn(page, demo);
      const tip = firstTip(page);
      const exact = tip.locator('.time-exact');
      assert.equal(await exact.evaluate((el) => el.getBoundingClientRect().width <= 1), true, 'hidden until asked');
      // Tab from the control before it reaches the time.
      await page.evaluate(() => document.activeElement?.blur());
      let found = false;
      for (let i = 0; i < 150 && !found; i += 1) {
        await page.keyboard.press('Tab');
        found = await tip.evaluate((el) => el === document.activeElement);
      }
      assert.ok(found, 'Tab reaches the time');
      assert.ok(await exact.isVisible());
      assert.ok((await exact.evaluate((el) => el.getBoundingClientRect().width)) > 50, 'the exact time is shown');
      assert.match(await textOf(exact), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
      noPanic(page);
    });
  });

  it('the Local time / UTC switch changes the list and the Activity export, kept for the tab', async () => {
    await withFailureScreenshot(page, 'time-zone', async () => {
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/New_York' });
      await signIn(page, demo);
      const utc = await textOf(firstTip(page).locator('.time-exact'));
      assert.match(utc, / UTC$/);
      // A create and a delete for the export.
      await page.getByRole('button', { name: 'New snapshot of staging-01', exact: true }).click();
      await dialog(page).getByLabel('Name', { exact: true }).fill('zone-check');
      await dialog(page).getByRole('button', { name: 'Create snapshot' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await deleteWeekly(page);

      await page.getByLabel('Times in').selectOption('local');
      await waitUntil(async () => / UTC-0[45]:00$/.test(await textOf(firstTip(page).locator('.time-exact'))), 'the list in New York time');
      await page.reload();
      await firstTip(page).waitFor();
      assert.match(await textOf(firstTip(page).locator('.time-exact')), / UTC-0[45]:00$/, 'kept for the tab');

      await page.getByRole('link', { name: 'Activity' }).click();
      await page.locator('.activity-row').first().waitFor();
      assert.match(await textOf(page.locator('.activity-row .time-exact').first()), /UTC-0[45]:00$/, 'the Activity page too');
      // There too, how long ago, with the exact time on focus.
      const activityTime = page.locator('.activity-row .time-tip').first();
      assert.match(await textOf(activityTime.locator('time')), /just now|minutes? ago/);
      await activityTime.focus();
      assert.ok((await activityTime.locator('.time-exact').evaluate((el) => el.getBoundingClientRect().width)) > 50, 'the exact time shown on focus');
      const json = await download(page, page.getByRole('button', { name: 'Export as JSON' }));
      assert.match(json.name, /^vps-activity-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
      const entries = JSON.parse(json.text);
      const create = entries.find((e) => e.action === 'create');
      const del = entries.find((e) => e.action === 'delete');
      assert.match(create.time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00$/, 'local time with its offset');
      assert.ok(Number.isInteger(create.snapshot_id), "the created snapshot's id from the POST answer");
      assert.equal(create.server_id, 12347);
      assert.equal(del.server_id, 12345, "a delete's server id");
      assert.equal(del.snapshot_id, 798);
      const csv = await download(page, page.getByRole('button', { name: 'Export as CSV' }));
      assert.match(csv.name, /^vps-activity-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
      assert.match(csv.text, /"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-0[45]:00","create",12347,"staging-01",\d+,"zone-check"/);

      await page.getByLabel('Times in').selectOption('utc');
      const again = JSON.parse((await download(page, page.getByRole('button', { name: 'Export as JSON' }))).text);
      assert.match(again[0].time, /Z$/, 'UTC once switched back');
      noPanic(page);
    });
  });
});
