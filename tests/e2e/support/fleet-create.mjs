// The "Snapshot several servers" dialog seen from the tests: the demo's
// servers, its checkboxes, confirm button and progress rows, and the
// create POSTs it sent.

import assert from 'node:assert/strict';
import { createPosts } from './api.mjs';
import { dialog } from './locators.mjs';
import { chooseLanguage } from './browser.mjs';

/** The demo's servers by name. */
export const SERVERS = {
  'web-server-01': 12345,
  'db-server-01': 12346,
  'staging-01': 12347,
  'build-runner-01': 12348,
  'legacy-app-01': 12349,
};

/** The toolbar button that opens the dialog. */
export function openButton(page) {
  return page.getByRole('button', { name: 'Snapshot several servers', exact: true });
}

/** Opens the dialog and waits for its checkboxes. */
export async function openDialog(page) {
  await openButton(page).click();
  await dialog(page).getByRole('checkbox').first().waitFor();
}

/** A server's checkbox in the dialog. */
export function checkbox(page, serverName) {
  return dialog(page).getByRole('checkbox', { name: serverName, exact: true });
}

/** The names of the servers listed in the dialog, in order. */
export function listedServers(page) {
  return dialog(page).locator('.server-choice label[for^="many-server-"]').allTextContents();
}

/** The dialog's "N servers chosen". */
export function chosenCount(page) {
  return dialog(page).locator('.server-choices-bar [role="status"]').innerText();
}

/** The dialog's confirm button, whatever the count. */
export function confirmButton(page) {
  return dialog(page).getByRole('button', { name: /^Snapshot (\d+ servers?|the chosen servers)$/ });
}

/** The progress row of a server in the dialog's table. */
export function progressRow(page, serverId) {
  return dialog(page).locator(`tr[data-server-id="${serverId}"]`);
}

/** The logged create POSTs with their parsed bodies. */
export async function sentCreates(demo) {
  return (await createPosts(demo)).map((r) => ({ ...JSON.parse(r.body), status: r.status }));
}

/**
 * Opens the dialog with the toolbar's button, whatever the language, first
 * unfolding "More" where the screen is narrow.
 */
export async function openDialogAnyLanguage(page) {
  const more = page.locator('#more-toggle');
  if (await more.isVisible() && await more.getAttribute('aria-expanded') !== 'true') await more.click();
  await page.locator('.create-many-open').click();
}

/**
 * In English, Spanish and Somali, at 1280 and 375 px: opens the dialog with
 * the toolbar's button (its name changes with the language), runs
 * `inDialog(lang, width)`, checks the dialog does not scroll sideways and
 * closes it with Escape. `beforeOpen(lang, width)` runs first, if given.
 */
export async function inEachLanguageAndWidth(page, inDialog, beforeOpen = async () => {}) {
  for (const lang of ['en', 'es', 'so']) {
    await chooseLanguage(page, lang);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await beforeOpen(lang, width);
      await openDialogAnyLanguage(page);
      await dialog(page).getByRole('checkbox').first().waitFor();
      await inDialog(lang, width);
      const overflow = await dialog(page).evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(overflow <= 0, `the dialog does not scroll sideways at ${width} px in ${lang}`);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
    }
  }
}
