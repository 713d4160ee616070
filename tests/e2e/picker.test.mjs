// One server picker everywhere (ui/combobox), among 10,000 servers: the
// toolbar's filter, "New snapshot" and "Snapshot several servers", each
// chosen by keyboard only, in English and Spanish, at 1280 and 375 px, axe
// clean with the list open; only the options near view are in the page.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertNoA11yViolations } from './support/axe.mjs';
import { createPosts } from './support/api.mjs';
import { chooseLanguage, noPanic, signIn, withFailureScreenshot } from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, sectionIds } from './support/locators.mjs';
import { activeText, pickByKeyboard, renderedOptions } from './support/picker.mjs';
import { until, untilEqual } from './support/wait.mjs';

const TEST = { timeout: 240_000 };
const SERVERS = 10_000;
const serverId = (i) => 10_000 + i;
const serverName = (i) => `srv-${String(i).padStart(4, '0')}`;
/** Where the screenshots of the open picker go (looked at by hand). */
const SHOTS = process.env.PICKER_SHOTS;

const WORDS = {
  en: { server: 'Server', all: 'All servers', found: /^1 match$/, newSnapshot: 'New snapshot', many: 'Snapshot several servers', find: 'Find servers' },
  es: { server: 'Servidor', all: 'Todos los servidores', found: /^1 coincidencia$/, newSnapshot: 'Nueva instantánea', many: 'Instantánea de varios servidores', find: 'Buscar servidores' },
};

/** Every node (elements and text) inside the picker of `field`, its list included. */
function pickerNodes(field) {
  return field.evaluate((input) => {
    const walker = document.createTreeWalker(input.closest('.combo'), NodeFilter.SHOW_ALL);
    let n = 0;
    while (walker.nextNode()) n += 1;
    return n + 1;
  });
}

/** The picker's polite count of what the typed text finds. */
function foundSaid(field) {
  return field.evaluate((input) => input.closest('.combo').querySelector('[role="status"]').textContent);
}

/** Waits until the picker knows all 10,000 servers (the Servers API has answered). */
async function allServersKnown(page, field) {
  await field.focus();
  await page.keyboard.press('ArrowDown');
  await until(async () => (await renderedOptions(field))[0]?.size === SERVERS + 1, 'the picker offers "All servers" and 10,000 servers',
    { timeout: 60_000 });
  // The servers read so far are offered while the list loads: once it has
  // loaded (Refresh usable again), the options no longer change under the keys.
  await until(() => page.evaluate(() => document.querySelector('.refresh-button')?.disabled === false), 'the whole list is loaded');
  await page.keyboard.press('Escape');
}

/**
 * In `lang` at `width` px, once the picker knows every server, opens the
 * dialog of the toolbar button `button` (a key of WORDS) by keyboard; returns
 * the words of `lang`.
 */
async function openByKeyboard(page, lang, width, button) {
  await chooseLanguage(page, lang);
  await page.setViewportSize({ width, height: 800 });
  const words = WORDS[lang];
  await allServersKnown(page, page.getByRole('combobox', { name: words.server, exact: true }));
  const target = page.getByRole('button', { name: words[button], exact: true });
  // On a narrow screen "several servers" is folded into "More": unfold it by keyboard too.
  if (!(await target.isVisible())) {
    await page.locator('#more-toggle').focus();
    await page.keyboard.press('Enter');
  }
  await target.focus();
  await page.keyboard.press('Enter');
  return words;
}

async function shot(page, name) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

describe('one server picker among 10,000 servers', () => {
  let demo;
  let page;
  useDemoAndBrowser({ demoArgs: ['--large', `${SERVERS}:${SERVERS}`] }, (f) => ({ demo, page } = f));

  it('toolbar: opened, moved through and chosen by keyboard, few options in the page, in English and Spanish at 1280 and 375 px', TEST, async () => {
    await withFailureScreenshot(page, 'picker-toolbar', async () => {
      await signIn(page, demo);
      for (const [lang, width] of [['en', 1280], ['es', 375]]) {
        await chooseLanguage(page, lang);
        await page.setViewportSize({ width, height: 800 });
        const words = WORDS[lang];
        const field = page.getByRole('combobox', { name: words.server, exact: true });
        await allServersKnown(page, field);
        assert.equal(await field.inputValue(), words.all);

        // Down opens on the choice; the focus stays in the field.
        await field.focus();
        await page.keyboard.press('ArrowDown');
        assert.equal(await field.getAttribute('aria-expanded'), 'true');
        assert.equal(await activeText(field), words.all, 'the choice is the active option');
        const nodes = await pickerNodes(field);
        assert.ok(nodes <= 200, `an open picker is ${nodes} nodes: ${JSON.stringify((await renderedOptions(field)).map((o) => [o.position, o.text.slice(0, 12)]))}`);
        assert.ok((await renderedOptions(field)).length <= 30, 'only the options near view are in the page');
        await page.keyboard.press('ArrowDown');
        assert.match(await activeText(field), /^srv-0001 1 \/ 5 #10001 · srv-0001\.example\.com · 203\.0\.113\.2$/);
        await page.keyboard.press('PageDown');
        assert.match(await activeText(field), /^srv-0011 /);
        // Home scrolls the list back to its top: the first option is in the
        // page once that has been drawn.
        await page.keyboard.press('Home');
        await untilEqual(() => activeText(field), words.all, 'Home makes the first option active');
        await page.keyboard.press('ArrowUp');
        await untilEqual(() => activeText(field), words.all, 'Up stops at the first option');
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'server-filter');
        await assertNoA11yViolations(page, `the toolbar's picker open (${lang}, ${width} px)`);
        await shot(page, `toolbar-open-${lang}-${width}`);

        // Typed: by name, by hostname; the count said politely.
        const i = lang === 'en' ? 4321 : 777;
        await page.keyboard.type(`${serverName(i)}.example`);
        await until(async () => (await activeText(field)).startsWith(serverName(i)), 'found by its hostname');
        assert.match(await foundSaid(field), words.found);
        await page.keyboard.press('Enter');
        assert.equal(await field.getAttribute('aria-expanded'), 'false');
        await page.waitForURL((url) => url.search === `?server=${serverId(i)}`);
        await untilEqual(() => sectionIds(page), [serverId(i)], `only ${serverName(i)} is shown`);
        assert.equal(await field.inputValue(), `${serverName(i)} (#${serverId(i)})`);

        // Escape closes the list and keeps the choice.
        await page.keyboard.press('Control+A');
        await page.keyboard.type('srv-00');
        await until(async () => (await renderedOptions(field)).length > 0, 'options for "srv-00"');
        await shot(page, `toolbar-typed-${lang}-${width}`);
        await assertNoA11yViolations(page, `the toolbar's picker filtered (${lang}, ${width} px)`);
        await page.keyboard.press('Escape');
        assert.equal(await field.inputValue(), `${serverName(i)} (#${serverId(i)})`);
        await pickByKeyboard(field, '', words.all);
        await page.waitForURL((url) => url.search === '');
      }
      await chooseLanguage(page, 'en');
      noPanic(page);
    });
  });

  it('natural order: srv-10000 comes last, after srv-9999', TEST, async () => {
    await withFailureScreenshot(page, 'picker-order', async () => {
      await signIn(page, demo);
      const field = page.getByRole('combobox', { name: 'Server', exact: true });
      await allServersKnown(page, field);
      await field.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('End');
      assert.match(await activeText(field), /^srv-10000 /, 'End reaches the last server: srv-10000');
      await page.keyboard.press('ArrowUp');
      assert.match(await activeText(field), /^srv-9999 /);
      const last = await renderedOptions(field);
      assert.equal(last.at(-1).position, SERVERS + 1, 'the last option is in the page');
      await page.keyboard.press('Escape');
      noPanic(page);
    });
  });

  it('"New snapshot": a server chosen by keyboard among 10,000 gets the snapshot', TEST, async () => {
    await withFailureScreenshot(page, 'picker-create', async () => {
      await signIn(page, demo);
      for (const [lang, width, i] of [['en', 1280, 7777], ['es', 375, 2345]]) {
        const words = await openByKeyboard(page, lang, width, 'newSnapshot');
        const field = dialog(page).getByRole('combobox', { name: words.server, exact: true });
        await field.focus();
        await page.keyboard.type(`#${serverId(i)}`);
        await until(async () => (await activeText(field)).startsWith(serverName(i)), `${serverName(i)} found by its number`);
        await assertNoA11yViolations(page, `the create dialog's picker open (${lang}, ${width} px)`);
        await shot(page, `create-open-${lang}-${width}`);
        await page.keyboard.press('Enter');
        assert.equal(await field.inputValue(), `${serverName(i)} (#${serverId(i)})`);
        assert.ok(await dialog(page).isVisible(), 'Enter in the picker chose, and sent nothing');
        const before = (await createPosts(demo)).length;
        // Tab to the name, Enter sends the form.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await until(async () => (await createPosts(demo)).length === before + 1, 'the POST');
        assert.equal(JSON.parse((await createPosts(demo)).at(-1).body).server_id, serverId(i));
        await dialog(page).waitFor({ state: 'detached' });
      }
      await chooseLanguage(page, 'en');
      noPanic(page);
    });
  });

  it('"Snapshot several servers": servers chosen by keyboard among 10,000 are sent', TEST, async () => {
    await withFailureScreenshot(page, 'picker-many', async () => {
      await signIn(page, demo);
      for (const [lang, width, picks] of [['en', 1280, [4321, 42]], ['es', 375, [9876, 55]]]) {
        const words = await openByKeyboard(page, lang, width, 'many');
        const field = dialog(page).getByRole('combobox', { name: words.find });
        await until(() => page.evaluate(() => document.activeElement?.id === 'many-filter'), 'the picker has the focus');
        for (const i of picks) {
          await page.keyboard.press('Control+A');
          await page.keyboard.type(serverName(i));
          await until(async () => (await activeText(field)).startsWith(serverName(i)), `${serverName(i)} found`);
          await page.keyboard.press('Enter');
          await until(async () => (await renderedOptions(field))[0]?.selected, `${serverName(i)} chosen`);
        }
        assert.equal(await field.evaluate((input) => document.getElementById(input.getAttribute('aria-controls'))
          .getAttribute('aria-multiselectable')), 'true');
        await assertNoA11yViolations(page, `the several-servers picker open (${lang}, ${width} px)`);
        await shot(page, `many-open-${lang}-${width}`);
        await page.keyboard.press('Escape');
        assert.ok(await dialog(page).isVisible(), 'Escape closed the list, not the dialog');
        const before = (await createPosts(demo)).length;
        // Tab on to the confirm button ("… 2 …"), Enter.
        for (let tabs = 0; tabs < 40; tabs++) {
          const text = await page.evaluate(() => document.activeElement?.textContent ?? '');
          if (/2/.test(text) && (await page.evaluate(() => document.activeElement?.type)) === 'submit') break;
          await page.keyboard.press('Tab');
        }
        await page.keyboard.press('Enter');
        await until(async () => (await createPosts(demo)).length === before + 2, 'two POSTs');
        const sent = (await createPosts(demo)).slice(before).map((p) => JSON.parse(p.body).server_id).sort((a, b) => a - b);
        assert.deepEqual(sent, picks.map(serverId).sort((a, b) => a - b));
        // Once both answers are in, the batch is over: closing the dialog ends it.
        await sleep(1500);
        await page.keyboard.press('Escape');
        await dialog(page).waitFor({ state: 'detached' });
      }
      await chooseLanguage(page, 'en');
      noPanic(page);
    });
  });
});
