// Themes: light and dark following prefers-color-scheme, config.json's
// `theme` and `theme_colors` (custom properties set through the CSSOM, so no
// CSP violation), forced colours, and axe (colour contrast included) clean
// in both themes on every screen and dialog. The portal's theme message is in
// portal.test.mjs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoA11yViolations } from './support/axe.mjs';
import { noPanic, signIn, withFailureScreenshot } from './support/browser.mjs';
import { openDialog as openSeveralServers } from './support/fleet-create.mjs';
import { QUICK_TRANSITIONS, useAppConfig, useDemoAndBrowser } from './support/fixture.mjs';
import { deleteWeekly, dialog as openDialogOf, group } from './support/locators.mjs';

const TEST = { timeout: 90_000 };
const LIGHT_PAGE = 'rgb(243, 245, 248)';
const DARK_PAGE = 'rgb(17, 22, 31)';

/** A computed style property of the first element matching `selector`. */
function computed(page, selector, property) {
  return page.locator(selector).first().evaluate((el, prop) => getComputedStyle(el).getPropertyValue(prop), property);
}

/** Records CSP violation events of the page (read back from window.__csp). */
async function recordCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Opens the "New snapshot" dialog of the first server and returns it. */
async function openCreateDialog(page) {
  await page.getByRole('button', { name: 'New snapshot', exact: true }).first().click();
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor();
  return dialog;
}

/** Runs axe on the page as it is, light then dark (the scheme left light). */
async function axeInBothThemes(page, where) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await assertNoA11yViolations(page, `${where}, ${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Closes the open dialog with Escape. */
async function closeDialog(page) {
  await page.keyboard.press('Escape');
  await openDialogOf(page).waitFor({ state: 'detached' });
}

describe('themes', { timeout: 600_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser(QUICK_TRANSITIONS, (f) => ({ demo, page } = f));

  it('follows the colour scheme: light by default, dark when the system is dark; axe clean in both on the list and a dialog', TEST, async () => {
    await withFailureScreenshot(page, 'themes-scheme', async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await signIn(page, demo);
      assert.equal(await computed(page, 'html', 'background-color'), LIGHT_PAGE);
      await assertNoA11yViolations(page, 'the list, light');
      const lightInk = await computed(page, 'main', 'color');

      await page.emulateMedia({ colorScheme: 'dark' });
      assert.equal(await computed(page, 'html', 'background-color'), DARK_PAGE, 'the page turns dark');
      assert.notEqual(await computed(page, 'main', 'color'), lightInk, 'and its text light');
      await assertNoA11yViolations(page, 'the list, dark');
      const dialog = await openCreateDialog(page);
      assert.equal(await dialog.evaluate((el) => getComputedStyle(el).colorScheme), 'light dark');
      await assertNoA11yViolations(page, 'the create dialog, dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await assertNoA11yViolations(page, 'the create dialog, light');
      noPanic(page);
    });
  });

  it('axe (colour contrast included) is clean in both themes on every screen, dialog and notice', { timeout: 240_000 }, async () => {
    await withFailureScreenshot(page, 'themes-every-screen', async () => {
      await page.goto(`${demo.url}/`);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await axeInBothThemes(page, 'the sign-in page');
      await signIn(page, demo);

      const web = group(page, 12345);
      await web.getByRole('button', { name: /^Restore / }).first().click();
      await openDialogOf(page).waitFor();
      await axeInBothThemes(page, 'the restore dialog');
      await closeDialog(page);

      await web.getByRole('button', { name: /^Delete snapshot/ }).first().click();
      await openDialogOf(page).waitFor();
      await axeInBothThemes(page, 'the delete dialog');
      await closeDialog(page);

      await openSeveralServers(page);
      await axeInBothThemes(page, 'the several-servers dialog');
      await closeDialog(page);

      await page.getByRole('checkbox', { name: 'Select db-nightly-5 of db-server-01', exact: true }).check();
      await axeInBothThemes(page, 'the list with a selection');
      await page.locator('.selection-bar').getByRole('button', { name: 'Delete selected' }).click();
      await openDialogOf(page).waitFor();
      await axeInBothThemes(page, 'the delete-selected dialog');
      await closeDialog(page);
      await page.getByRole('checkbox', { name: 'Select db-nightly-5 of db-server-01', exact: true }).uncheck();

      await page.evaluate(() => document.activeElement?.blur());
      await page.keyboard.press('?');
      await openDialogOf(page).getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
      await axeInBothThemes(page, 'the shortcuts dialog');
      await closeDialog(page);

      // A success notice, and a failed delete.
      await deleteWeekly(page);
      await page.locator('.toast-success').first().waitFor();
      await axeInBothThemes(page, 'a success notice');
      await page.route(/\/api\/v1\/snapshots\/\d+\/$/, (route) => (route.request().method() === 'DELETE'
        ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"detail":"boom"}' })
        : route.continue()));
      await web.getByRole('button', { name: /^Delete snapshot/ }).first().click();
      await openDialogOf(page).getByRole('button', { name: /^Delete/ }).last().click();
      await page.getByText('1 snapshot was not deleted').waitFor({ timeout: 20_000 });
      await axeInBothThemes(page, 'a failed delete');
      await page.unroute(/\/api\/v1\/snapshots\/\d+\/$/);

      await page.getByRole('link', { name: 'Activity' }).click();
      await page.getByRole('heading', { name: 'Activity in this tab' }).waitFor();
      await page.locator('tbody tr.activity-row').first().waitFor();
      await axeInBothThemes(page, 'the Activity page');

      await page.goto(`${demo.url}/servers/12345`);
      await page.getByRole('link', { name: 'Back to the list' }).waitFor();
      await page.locator('[data-snapshot-id]').first().waitFor();
      await axeInBothThemes(page, 'the server page');
      noPanic(page);
    });
  });

  it('config.json `theme: "dark"` is dark on a light system, and `light` is light on a dark one', TEST, async () => {
    await withFailureScreenshot(page, 'themes-config', async () => {
      await useAppConfig(page, { theme: 'dark' });
      await page.emulateMedia({ colorScheme: 'light' });
      await signIn(page, demo);
      assert.equal(await computed(page, 'html', 'background-color'), DARK_PAGE);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
      await page.unroute(/\/config\.json$/);
      await useAppConfig(page, { theme: 'light' });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.reload();
      await page.locator('article[data-server-id]').first().waitFor();
      assert.equal(await computed(page, 'html', 'background-color'), LIGHT_PAGE);
      noPanic(page);
    });
  });

  it('config.json `theme_colors` sets the named colours, through the CSSOM, without a CSP violation', TEST, async () => {
    await withFailureScreenshot(page, 'themes-colors', async () => {
      await recordCsp(page);
      await useAppConfig(page, { theme_colors: { brand: '#6a1b9a', page: 'rgb(250, 240, 230)' } });
      await signIn(page, demo);
      assert.equal(await computed(page, 'html', 'background-color'), 'rgb(250, 240, 230)');
      const dialog = await openCreateDialog(page);
      assert.equal(await computed(dialog, '.button-primary', 'background-color'), 'rgb(106, 27, 154)', 'the brand colour');
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation');
      assert.equal(await page.evaluate(() => document.documentElement.getAttribute('style')), '--brand: #6a1b9a; --page: rgb(250, 240, 230);');
      noPanic(page);
    });
  });

  it('a theme colour that is not a colour stops the console with a message naming the key', TEST, async () => {
    await withFailureScreenshot(page, 'themes-bad-color', async () => {
      await useAppConfig(page, { theme_colors: { surface: 'url(https://evil.example/x.png)' } });
      await page.goto(`${demo.url}/`);
      await page.getByRole('heading', { name: 'The console cannot start' }).waitFor();
      assert.match(await page.locator('main').innerText(), /theme_colors\.surface/);
      noPanic(page);
    });
  });

  it('forced colours: badges, states and notices get a border, focus uses the system highlight', TEST, async () => {
    await withFailureScreenshot(page, 'themes-forced', async () => {
      await signIn(page, demo);
      const badgeBorder = await computed(page, '.badge', 'border-top-style');
      assert.equal(badgeBorder, 'none', 'no border in normal colours');
      await page.emulateMedia({ forcedColors: 'active' });
      assert.equal(await computed(page, '.badge', 'border-top-style'), 'solid', 'the badge has a border');
      assert.equal(await computed(page, '.server-state', 'border-top-style'), 'solid', 'the state has a border');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.equal(outline, 'solid', 'the focused control has a ring');
      noPanic(page);
    });
  });
});
