// Themes: light and dark following prefers-color-scheme, config.json's
// `theme` and `theme_colors` (custom properties set through the CSSOM, so no
// CSP violation), forced colours, and axe (colour contrast included) clean
// in both themes on the list and a dialog. The portal's theme message is in
// portal.test.mjs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoA11yViolations } from './support/axe.mjs';
import { noPanic, signIn, withFailureScreenshot } from './support/browser.mjs';
import { useAppConfig, useDemoAndBrowser } from './support/fixture.mjs';

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

describe('themes', { timeout: 600_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({}, (f) => ({ demo, page } = f));

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
