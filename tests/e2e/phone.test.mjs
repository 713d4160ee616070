// A phone-sized first screen and the notices (issue 27): at 375 px the first
// server section starts within the first 400 px in English, Spanish and
// Somali; the Activity page is one card per write with no sideways scroll;
// no button's label runs out of it; a notice shows above an open dialog;
// a batch of creates gives one notice; "Snapshot several servers" keeps its
// confirm button in view. Screenshots under /work/shots/phone when that
// folder exists, else tests/e2e/artifacts.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ARTIFACTS_DIR, chooseLanguage, noPanic, signIn, textOf, withFailureScreenshot,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useDemoAndBrowser } from './support/fixture.mjs';
import { confirmButton, openDialogAnyLanguage } from './support/fleet-create.mjs';
import { dialog } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

const SHOTS = existsSync('/work/shots') ? '/work/shots/phone' : ARTIFACTS_DIR;
const LANGS = ['en', 'es', 'so'];

/** Saves what the viewport shows as SHOTS/<name>.png. */
async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** The buttons (in the page or its open dialog) whose label runs out of them. */
function overflowingButtons(page) {
  return page.locator('button:visible').evaluateAll((buttons) => buttons
    .filter((b) => b.scrollWidth > b.clientWidth + 1 || b.getBoundingClientRect().right > innerWidth)
    .map((b) => b.textContent.trim()));
}

/** Whether the element at the centre of `locator` is it or inside it. */
function onTop(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return el.contains(hit);
  });
}

/** Creates a snapshot of web-server-01 through the dialog, so Activity has a write. */
async function createOne(page, name) {
  await page.getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).click();
  await dialog(page).getByLabel('Name', { exact: true }).fill(name);
  await dialog(page).getByRole('button', { name: 'Create snapshot' }).click();
  await dialog(page).waitFor({ state: 'detached' });
}

describe('a phone-sized screen', { timeout: 240_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({}, (f) => ({ demo, page } = f));

  it('at 375 px the first section starts within 400 px, nothing scrolls sideways and no label runs out of its button, in en/es/so', async () => {
    await withFailureScreenshot(page, 'phone-first-screen', async () => {
      await signIn(page, demo);
      await createOne(page, 'phone-check');
      for (const lang of LANGS) {
        await chooseLanguage(page, lang);
        for (const width of [1280, 375]) {
          await page.setViewportSize({ width, height: 800 });
          await page.evaluate(() => scrollTo(0, 0));
          await shot(page, `list-${lang}-${width}`);
          if (width !== 375) continue;
          const top = await page.locator('article[data-server-id]').first().evaluate((el) => el.getBoundingClientRect().top);
          assert.ok(top <= 400, `the first section starts at ${top} px in ${lang} (≤ 400)`);
          assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 375, `no sideways scroll in ${lang}`);
          assert.deepEqual(await overflowingButtons(page), [], `no label runs out of its button in ${lang}`);
          // The folded tools: "More" opens them, by keyboard too, Escape folds them back.
          const more = page.locator('#more-toggle');
          await more.focus();
          await page.keyboard.press('Enter');
          await page.locator('.create-many-open').waitFor({ state: 'visible' });
          await shot(page, `list-more-${lang}-375`);
          assert.deepEqual(await overflowingButtons(page), [], `no label runs out of the menu's buttons in ${lang}`);
          await page.locator('.create-many-open').focus();
          await page.keyboard.press('Escape');
          await page.locator('.create-many-open').waitFor({ state: 'hidden' });
          assert.equal(await more.evaluate((el) => el === document.activeElement), true, 'Escape gives the focus back to More');
          // The restore dialog's buttons (the Spanish "Crear una instantánea de seguridad").
          await page.locator('li.snapshot .snapshot-actions button:not([disabled])').first().click();
          await dialog(page).waitFor();
          await shot(page, `restore-${lang}-375`);
          assert.deepEqual(await overflowingButtons(dialog(page)), [], `no label runs out of the restore dialog's buttons in ${lang}`);
          await page.keyboard.press('Escape');
          await dialog(page).waitFor({ state: 'detached' });
        }
      }
      noPanic(page);
    });
  });

  it('the Activity page is one card per write at 375 px: no sideways scroll, no name broken inside', async () => {
    await withFailureScreenshot(page, 'phone-activity', async () => {
      await signIn(page, demo);
      await createOne(page, 'phone-activity-check');
      await page.getByRole('link', { name: 'Activity' }).click();
      await page.locator('.activity-row').first().waitFor();
      for (const lang of LANGS) {
        await chooseLanguage(page, lang);
        for (const width of [1280, 375]) {
          await page.setViewportSize({ width, height: 800 });
          await shot(page, `activity-${lang}-${width}`);
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(wide <= width, `no sideways scroll on Activity at ${width} in ${lang} (${wide})`);
          const scroller = await page.locator('.table-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
          assert.ok(scroller <= 0, `the table does not scroll sideways at ${width} in ${lang}`);
          // A name on one line: its cell's text is not split over lines.
          const broken = await page.locator('td.activity-name').evaluateAll((cells) => cells
            .filter((c) => {
              const range = document.createRange();
              range.selectNodeContents(c);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              return lines.size > 1;
            })
            .map((c) => c.textContent));
          assert.deepEqual(broken, [], `no name is broken over lines at ${width} in ${lang}`);
        }
      }
      noPanic(page);
    });
  });

  it('a notice shows above an open dialog, and never more than three at once', async () => {
    await withFailureScreenshot(page, 'phone-notice-dialog', async () => {
      await signIn(page, demo);
      await createOne(page, 'phone-notice');
      // Its "started" notice is on screen; a dialog opens over the page.
      await page.getByRole('button', { name: 'New snapshot of staging-01', exact: true }).click();
      await dialog(page).waitFor();
      const notice = dialog(page).locator('.toasts-in-dialog .toast').first();
      await notice.waitFor();
      assert.ok(await onTop(notice), 'the notice is the topmost element at its centre');
      await shot(page, 'notice-over-dialog-1280');
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      assert.ok(await onTop(page.locator('.toasts:not(.toasts-in-dialog) .toast').first()), 'without a dialog, the page shows it');
      noPanic(page);
    });
  });

  it('at 375×700 notices never cover the last row\'s buttons: scrolled to the end, the page ends above them', async () => {
    await withFailureScreenshot(page, 'phone-notice-last-row', async () => {
      await page.setViewportSize({ width: 375, height: 700 });
      await signIn(page, demo);
      // Two notices at once ("started" of each create).
      await createOne(page, 'phone-notice-1');
      await page.getByRole('button', { name: 'New snapshot of staging-01', exact: true }).click();
      await dialog(page).getByLabel('Name', { exact: true }).fill('phone-notice-2');
      await dialog(page).getByRole('button', { name: 'Create snapshot' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      const notices = page.locator('.toasts:not(.toasts-in-dialog) .toast');
      await waitUntil(async () => (await notices.count()) === 2, 'two notices');
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await sleep(200);
      const lastRow = page.locator('[data-snapshot-id]').last();
      for (const button of await lastRow.getByRole('button').all()) {
        assert.ok(await onTop(button), `"${await textOf(button)}" of the last row is not under a notice`);
      }
      const box = await notices.last().boundingBox();
      assert.ok(box.y + box.height <= 700, 'the notices are still in view');
      await shot(page, 'notices-last-row-375');
      noPanic(page);
    });
  });
});

describe('a batch of creates', { timeout: 120_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({
    demoArgs: ['--large', '8:0', ...QUICK_TRANSITIONS.demoArgs],
    config: QUICK_TRANSITIONS.config,
  }, (f) => ({ demo, page } = f));

  it('keeps its confirm button in view at 1280×800 and 375 px, gives one notice for 8 servers, whose Details opens its table', async () => {
    await withFailureScreenshot(page, 'phone-batch', async () => {
      await signIn(page, demo);
      for (const lang of LANGS) {
        await chooseLanguage(page, lang);
        for (const [width, height] of [[1280, 800], [375, 700]]) {
          await page.setViewportSize({ width, height });
          await openDialogAnyLanguage(page);
          await dialog(page).getByRole('checkbox').first().waitFor();
          await dialog(page).locator('.server-choices-bar button').click();
          const confirm = dialog(page).locator('button[type="submit"]');
          assert.ok(await onTop(confirm), `the confirm button is in view at ${width} in ${lang}`);
          const scrollers = await dialog(page).evaluate((d) => [d, ...d.querySelectorAll('*')]
            .filter((el) => el.scrollHeight > el.clientHeight + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowY)).length);
          assert.ok(scrollers <= 1, `one scrolling area at ${width} in ${lang} (${scrollers})`);
          await shot(page, `several-${lang}-${width}`);
          await page.keyboard.press('Escape');
          await dialog(page).waitFor({ state: 'detached' });
        }
      }
      await chooseLanguage(page, 'en');
      await page.setViewportSize({ width: 1280, height: 800 });
      // Slow answers: the dialog is closed while the batch runs.
      await demo.fault({ path_prefix: '/api/v1/snapshots/', method: 'POST', times: 8, kind: 'slow', delay_ms: 1500 });
      await openDialogAnyLanguage(page);
      await dialog(page).getByRole('button', { name: 'Select all that have room' }).click();
      await confirmButton(page).click();
      await dialog(page).locator('.batch-summary').waitFor();
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      const notices = page.locator('.toasts:not(.toasts-in-dialog) .toast');
      // Sent, answered, then completed (3 s): one notice all along.
      let most = 0;
      const until = Date.now() + 6000;
      while (Date.now() < until) {
        most = Math.max(most, await notices.count());
        await sleep(200);
      }
      assert.equal(most, 1, 'one notice for the batch');
      await waitUntil(async () => /^8 of 8 created(?!,)/.test(await textOf(notices.first())), 'the notice counts the batch');
      await shot(page, 'batch-notice-1280');
      await notices.first().getByRole('button', { name: 'Details' }).click();
      await dialog(page).locator('.batch-table, .batch-summary').first().waitFor();
      noPanic(page);
    });
  });
});
