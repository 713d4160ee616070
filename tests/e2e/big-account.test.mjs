// A big account (1,000 servers, 5,000 snapshots) in a windowed list.
//
// Only the sections near the viewport are in the page, yet every server can
// be reached by scrolling, the search finds any snapshot, Tab walks on from
// section to section, a dialog opened far down gives focus back to its row,
// switching the server filter keeps the account's data on screen, and signing
// in reads each page of the list once.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listGets, queryOf } from './support/api.mjs';
import { noPanic, signIn, textOf, withFailureScreenshot } from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { allLoaded, dialog, group, progressLine } from './support/locators.mjs';
import { pickByKeyboard, renderedOptions } from './support/picker.mjs';
import { until } from './support/wait.mjs';

const TEST = { timeout: 120_000 };
const SERVERS = 1000;
const SNAPSHOTS = 5000;
const PAGE_SIZE = 100;

/** The demo's `--large` names: server i is srv-000i (id 10000 + i), its n-th snapshot snap-000i-n. */
const serverId = (i) => 10_000 + i;
const serverName = (i) => `srv-${String(i).padStart(4, '0')}`;
const snapshotName = (i, n) => `${serverName(i)}-${n}`.replace('srv-', 'snap-');
const snapshotId = (i, n) => (n - 1) * SERVERS + i;

/** The rendered sections' ids and positions in the whole list. */
function renderedSections(page) {
  return page.evaluate(() => [...document.querySelectorAll('article[data-server-id]')].map((s) => ({
    id: Number(s.dataset.serverId),
    position: Number(s.getAttribute('aria-posinset')),
    size: Number(s.getAttribute('aria-setsize')),
  })));
}

/**
 * Scrolls the page, as a user dragging the scrollbar would, until server
 * `i`'s section is in the page: a jump to where it should be, then a screen
 * at a time towards it.
 */
async function scrollUntilRendered(page, i) {
  await page.evaluate(([at, of]) => window.scrollTo(0, document.documentElement.scrollHeight * ((at - 1) / of)), [i, SERVERS]);
  return until(async () => {
    if (await group(page, serverId(i)).count()) return true;
    const shown = await renderedSections(page);
    const down = !shown.length || shown[0].position < i;
    await page.evaluate((d) => window.scrollBy(0, d * window.innerHeight), down ? 1 : -1);
    return false;
  }, `server ${serverName(i)} appears while scrolling`, { timeout: 30_000, interval: 50 });
}

/**
 * Signs in and waits until the whole account is loaded: its first servers
 * show before that (first-screen.test.mjs), and these tests need them all.
 */
async function signInWhole(page, demo) {
  await signIn(page, demo);
  await page.getByRole('button', { name: 'Refresh', exact: true }).waitFor({ timeout: 30_000 });
}

/** The reads of the list's pages (those of one server, for the first screen, aside). */
async function pageGets(demo) {
  return (await listGets(demo)).filter((r) => queryOf(r).server_id === undefined);
}

describe('a big account in a windowed list', () => {
  let demo;
  let page;
  useDemoAndBrowser({ demoArgs: ['--large', `${SERVERS}:${SNAPSHOTS}`] }, (f) => ({ demo, page } = f));

  it('reads each page of the list once at sign-in and renders only a screenful', TEST, async () => {
    await withFailureScreenshot(page, 'big-signin', async () => {
      await signInWhole(page, demo);
      await until(async () => (await pageGets(demo)).length >= SNAPSHOTS / PAGE_SIZE, 'every page is read');
      // Let anything late arrive before counting.
      await page.waitForTimeout(500);
      const pages = (await pageGets(demo)).map((r) => queryOf(r).page ?? '1');
      assert.equal(pages.length, SNAPSHOTS / PAGE_SIZE, `one request per page of the list: ${pages.join(', ')}`);
      assert.equal(new Set(pages).size, pages.length, 'no page is read twice');

      const sections = await renderedSections(page);
      assert.ok(sections.length > 0 && sections.length < 30, `a screenful of sections is rendered, not all: ${sections.length}`);
      assert.deepEqual(sections[0], { id: serverId(1), position: 1, size: SERVERS }, 'the first section knows its place');
      const rows = await page.locator('li.snapshot').count();
      assert.ok(rows < 150, `a few rows are in the page, not ${SNAPSHOTS}: ${rows}`);
      // The page is as tall as the whole list would be.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(height > SERVERS * 300, `the page keeps the height of every section: ${height} px`);
      noPanic(page);
    });
  });

  it('reaches the last server by scrolling', TEST, async () => {
    await withFailureScreenshot(page, 'big-scroll', async () => {
      await signInWhole(page, demo);
      await page.keyboard.press('End');
      await scrollUntilRendered(page, SERVERS);
      const last = group(page, serverId(SERVERS));
      await last.scrollIntoViewIfNeeded();
      assert.equal(await textOf(last.locator('h2')), serverName(SERVERS));
      assert.equal(await last.getAttribute('aria-posinset'), String(SERVERS));
      assert.equal(await last.locator('li.snapshot').count(), 5, 'the last server shows its 5 snapshots');
      assert.ok((await renderedSections(page)).length < 30, 'the sections scrolled past are gone from the page');
      noPanic(page);
    });
  });

  it('finds any snapshot by search, and shows the whole list again when the search is cleared', TEST, async () => {
    await withFailureScreenshot(page, 'big-search', async () => {
      await signInWhole(page, demo);
      const search = page.locator('#search');
      await search.fill(snapshotName(977, 3));
      await until(async () => (await page.locator('li.snapshot').count()) === 1, 'one row matches');
      const row = page.locator(`li.snapshot[data-snapshot-id="${snapshotId(977, 3)}"]`);
      assert.equal(await textOf(row.locator('.snapshot-name')), snapshotName(977, 3));
      assert.equal(await textOf(page.locator('article[data-server-id] h2')), serverName(977));
      await search.fill('');
      await until(async () => (await renderedSections(page))[0]?.id === serverId(1), 'the first server is back at the top');
      noPanic(page);
    });
  });

  it('walks on with Tab from one section to the next', TEST, async () => {
    await withFailureScreenshot(page, 'big-tab', async () => {
      await signInWhole(page, demo);
      await group(page, serverId(1)).getByRole('button', { name: /^Restore/ }).first().focus();
      // Each row holds a checkbox, its time and two buttons; 100 presses cross several sections.
      let deepest = 1;
      for (let i = 0; i < 100; i++) {
        await page.keyboard.press('Tab');
        const at = await page.evaluate(() => {
          const section = document.activeElement?.closest('article[data-server-id]');
          return section ? Number(section.getAttribute('aria-posinset')) : null;
        });
        assert.ok(at !== null, `focus stays in the list at Tab ${i + 1}`);
        deepest = Math.max(deepest, at);
      }
      assert.ok(deepest >= 4, `Tab reached section ${deepest}`);
      noPanic(page);
    });
  });

  it('gives focus back to a row far down after its restore dialog', TEST, async () => {
    await withFailureScreenshot(page, 'big-focus', async () => {
      await signInWhole(page, demo);
      await scrollUntilRendered(page, 950);
      const restore = group(page, serverId(950)).getByRole('button', { name: `Restore ${serverName(950)} from ${snapshotName(950, 2)}` });
      await restore.scrollIntoViewIfNeeded();
      await restore.click();
      await dialog(page).waitFor();
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      assert.equal(focused, `Restore ${serverName(950)} from ${snapshotName(950, 2)}`, 'focus is back on the row');
      noPanic(page);
    });
  });

  it('switches to one server and back without emptying the page', TEST, async () => {
    await withFailureScreenshot(page, 'big-filter', async () => {
      await signInWhole(page, demo);
      await until(async () => (await listGets(demo)).length >= SNAPSHOTS / PAGE_SIZE, 'every page is read');
      await page.evaluate(() => {
        window.__skeletons = 0;
        new MutationObserver(() => {
          if (document.querySelector('.skeleton')) window.__skeletons += 1;
        }).observe(document.body, { childList: true, subtree: true });
      });
      const before = (await listGets(demo)).length;
      const picker = page.locator('#server-filter');
      await pickByKeyboard(picker, `#${serverId(500)}`, serverName(500));
      await until(async () => {
        const ids = (await renderedSections(page)).map((s) => s.id);
        return ids.length === 1 && ids[0] === serverId(500);
      }, 'only srv-0500 is shown');
      await pickByKeyboard(picker, '', 'All servers');
      await until(async () => (await renderedSections(page))[0]?.id === serverId(1), 'all servers are shown again');
      assert.equal(await page.evaluate(() => window.__skeletons), 0, 'no loading placeholder was shown');
      // The one-server view was refreshed with one request for that server.
      await until(async () => (await listGets(demo)).slice(before).some((r) => queryOf(r).server_id === String(serverId(500))),
        'srv-0500 is refreshed in the background');
      noPanic(page);
    });
  });
});

describe('the server menu of an account of 1,500 servers', () => {
  let demo;
  let page;
  useDemoAndBrowser({ demoArgs: ['--large', '1500:1500'] }, (f) => ({ demo, page } = f));

  it('holds no option until it is opened, then only those near view, and filters as usual', TEST, async () => {
    await withFailureScreenshot(page, 'big-menu', async () => {
      await signIn(page, demo);
      // The account loads behind its first screen: the menu offers every
      // server once all of it is read.
      await until(async () => (await progressLine(page).textContent()) === allLoaded('1,500'), 'the whole account is loaded');
      const menu = page.locator('#server-filter');
      const options = page.locator('#server-filter-list [role="option"]');
      // Closed, the picker holds no option at all, however many servers.
      assert.equal(await options.count(), 0, 'no option before the picker is used');
      await menu.focus();
      await page.keyboard.press('ArrowDown');
      await until(async () => (await options.count()) > 0, 'options once the picker is opened');
      const shown = await renderedOptions(menu);
      assert.ok(shown.length <= 30, `only the options near view are in the page (${shown.length})`);
      assert.deepEqual(shown.map((o) => o.size), shown.map(() => 1501), 'each says it is one of "All servers" and 1,500 servers');
      assert.equal(shown[0].text, 'All servers', '"All servers" first, chosen');
      assert.ok(shown[0].selected);
      await page.keyboard.press('Escape');
      await pickByKeyboard(menu, 'srv-1234', 'srv-1234');
      await until(async () => {
        const ids = (await renderedSections(page)).map((s) => s.id);
        return ids.length === 1 && ids[0] === serverId(1234);
      }, 'only srv-1234 is shown');
      assert.match(page.url(), /[?&]server=11234\b/, 'the filter is in the address');
      // A reload shows the picker with that server chosen, and no option yet.
      await page.reload();
      await page.locator('article[data-server-id]').first().waitFor();
      assert.equal(await menu.inputValue(), `srv-1234 (#${serverId(1234)})`, 'the picker shows the server after a reload');
      assert.equal(await options.count(), 0, 'no option before the picker is used');
      noPanic(page);
    });
  });
});
