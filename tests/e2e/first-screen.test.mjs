// A big account's first screen does not wait for the whole list: the first
// servers are read on their own (`?server_id=`) and shown while the later
// pages of the list are held back; a progress line counts what has loaded,
// search says it is partial and then complete, the sections shown do not
// move when the rest arrives, and a shown server's actions work meanwhile.
// Search and the server filter see every row read so far (a server found
// there is marked as still loading), and choosing a server meanwhile reads
// it whole without stopping the rest; an open server filter keeps its
// active option while the options grow under it. An account of ten list
// pages already shows its first servers first; one of nine is read whole.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SNAPSHOTS_PATH } from './support/api.mjs';
import { noPanic, signIn, textOf, tokenField, withFailureScreenshot } from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { allLoaded, dialog, group, progressLine, sectionIds } from './support/locators.mjs';
import { activeText, pickByKeyboard, renderedOptions } from './support/picker.mjs';
import { until } from './support/wait.mjs';

const TEST = { timeout: 180_000 };
const SERVERS = 10_000;
const SNAPSHOTS = 12_000;

/** The demo's `--large` ids: server i is srv-000i, numbered 10000 + i. */
const serverId = (i) => 10_000 + i;

/** The app's reads of numbered pages of the whole list (page 2 and on). */
function laterPages(demo) {
  return demo.requests((r) => r.method === 'GET' && r.path === SNAPSHOTS_PATH
    && new URLSearchParams(r.query).has('page') && !new URLSearchParams(r.query).has('server_id'));
}

/** Holds every numbered page of the snapshot list until `demo.release()`. */
function holdLaterPages(demo) {
  return demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', with_param: 'page', kind: 'hold', times: 1000 });
}

const progressText = (page) => textOf(progressLine(page));
const searchStatus = (page) => textOf(page.locator('p.list-shown'));
const topOf = (locator) => locator.evaluate((el) => el.getBoundingClientRect().top);

describe('a big account\'s first screen', () => {
  let demo;
  let page;
  useDemoAndBrowser({ demoArgs: ['--large', `${SERVERS}:${SNAPSHOTS}`, '--latency-ms', '5'] },
    (f) => ({ demo, page } = f));

  it('shows before the later pages are answered, counts them, and keeps its place', TEST, async () => {
    await withFailureScreenshot(page, 'first-screen', async () => {
      await holdLaterPages(demo);
      await signIn(page, demo);
      await group(page, serverId(1)).waitFor();
      // The whole list is asked for once the first screen is read.
      const held = await until(async () => {
        const asked = await laterPages(demo);
        return asked.length >= 1 && asked;
      }, 'the later pages are asked for');
      assert.ok(held.every((r) => r.status === 0), 'no later page has been answered yet');
      assert.equal(await progressText(page), `Loaded 100 of 12,000 snapshots. Search and the server filter cover what has loaded so far, the readiness summary only the servers shown; the others are added below when loading ends, and the order may change then.`);
      const bar = page.locator('.load-progress progress');
      assert.deepEqual([await bar.getAttribute('value'), await bar.getAttribute('max')], ['100', '12000']);
      const firstScreen = await sectionIds(page);
      assert.deepEqual(firstScreen.slice(0, 3), [1, 2, 3].map(serverId), 'the first servers by name, in order');
      // Each server shown was read whole, on its own.
      const perServer = await demo.requests((r) => r.path === SNAPSHOTS_PATH && new URLSearchParams(r.query).has('server_id'));
      for (const id of firstScreen) {
        assert.ok(perServer.some((r) => new URLSearchParams(r.query).get('server_id') === String(id)), `server ${id} was read by ?server_id=`);
      }

      // Search works on what is shown and says it is partial.
      await page.locator('#search').fill('snap-9999-1');
      await until(async () => (await searchStatus(page)).startsWith('Searching only what has loaded so far: 100 of 12,000 snapshots loaded…'),
        'the search says it is partial');
      await page.locator('#search').fill('');

      const section = group(page, serverId(1));
      const before = await topOf(section);
      await demo.release();
      await until(async () => (await progressText(page)) === allLoaded('12,000'), 'the line says all is loaded', { timeout: 60_000 });
      assert.equal(await topOf(section), before, 'the first section did not move');
      assert.deepEqual((await sectionIds(page)).slice(0, firstScreen.length), firstScreen, 'the sections shown kept their order');

      await page.locator('#search').fill('snap-9999-1');
      await until(async () => (await page.locator('li.snapshot', { hasText: 'snap-9999-1' }).count()) === 1, 'the search finds a far server once loaded', { timeout: 30_000 });
      assert.match(await searchStatus(page), /^Searched all 12,000 snapshots\./);
      noPanic(page);
    });
  });

  it('searches and filters what has loaded, and a server chosen meanwhile does not stop the rest', TEST, async () => {
    await withFailureScreenshot(page, 'first-screen-filter', async () => {
      await holdLaterPages(demo);
      await signIn(page, demo);
      await group(page, serverId(1)).waitFor();
      // The token check's page (newest first) holds snap-1950-2, not
      // snap-1950-1: search finds it, in a section that says it is partial
      // and takes no new snapshot.
      await page.locator('#search').fill('snap-1950');
      const partial = group(page, serverId(1950));
      await partial.waitFor();
      assert.match(await searchStatus(page), /^Searching only what has loaded so far: 100 of 12,000 snapshots loaded…/);
      assert.deepEqual(await partial.locator('li.snapshot .snapshot-name').allTextContents(), ['snap-1950-2']);
      assert.ok(await partial.locator('.server-partial').isVisible(), 'the section says it is still loading');
      assert.equal(await partial.locator('.readiness').count(), 0, 'and is not judged on part of its snapshots');
      assert.ok(!(await page.locator('.readiness-summary').getAttribute('class')).includes('warn'), 'nor counted by the summary');
      assert.ok(await partial.getByRole('button', { name: 'New snapshot of srv-1950', exact: true }).isDisabled());
      await page.locator('#search').fill('');
      await until(async () => (await group(page, serverId(1950)).count()) === 0, 'the list keeps to the servers shown');

      // The filter offers it too; chosen, it is read whole, and the rest goes on.
      const picker = page.locator('#server-filter');
      await pickByKeyboard(picker, 'srv-1950', 'srv-1950');
      const whole = group(page, serverId(1950));
      await until(async () => (await whole.locator('li.snapshot').count()) === 2, 'srv-1950 is read whole');
      assert.equal(await whole.locator('.server-partial').count(), 0);
      assert.ok(await whole.getByRole('button', { name: 'New snapshot of srv-1950', exact: true }).isEnabled());
      assert.match(await progressText(page), /^Loaded 100 of 12,000 snapshots/);
      await pickByKeyboard(picker, '', 'All servers');
      await group(page, serverId(1)).waitFor();

      await demo.release();
      await until(async () => (await progressText(page)) === allLoaded('12,000'), 'the whole list loads', { timeout: 60_000 });
      // Each later page was read once: the load went on, it did not start again.
      const pages = (await laterPages(demo)).map((r) => new URLSearchParams(r.query).get('page'));
      assert.equal(pages.length, 119, 'pages 2 to 120, once each');
      assert.equal(new Set(pages).size, 119);
      // The Servers API's first page was read once, by the first screen.
      const serverPages = await demo.requests((r) => r.method === 'GET' && r.path === '/api/v1/servers/'
        && !new URLSearchParams(r.query).has('page'));
      assert.equal(serverPages.length, 1, 'the first page of servers is read once');
      await page.locator('#search').fill('snap-1950');
      await until(async () => (await group(page, serverId(1950)).locator('li.snapshot').count()) === 2, 'both of srv-1950');
      await page.locator('#search').fill('snap-9999-1');
      await until(async () => (await page.locator('li.snapshot', { hasText: 'snap-9999-1' }).count()) === 1, 'a far server is found');
      assert.match(await searchStatus(page), /^Searched all 12,000 snapshots\. /);
      await pickByKeyboard(picker, 'srv-9999', 'srv-9999');
      await until(async () => (await sectionIds(page)).join() === String(serverId(9999)), 'a far server is chosen from the whole list');
      noPanic(page);
    });
  });

  it('keeps the server filter\'s active option while the rest of the servers arrive', TEST, async () => {
    await withFailureScreenshot(page, 'first-screen-active-option', async () => {
      await holdLaterPages(demo);
      await signIn(page, demo);
      await group(page, serverId(1)).waitFor();
      const picker = page.locator('#server-filter');
      await picker.focus();
      await page.keyboard.type('srv-19');
      const before = await until(async () => (await activeText(picker)).match(/srv-19\d\d/)?.[0], 'a server read so far is active');
      await demo.release();
      await until(async () => (await progressText(page)) === allLoaded('12,000'), 'the whole list loads', { timeout: 60_000 });
      // The servers read meanwhile came in before it: the first option is
      // another one now, and Enter still chooses the one that was active.
      await until(async () => (await renderedOptions(picker))[0]?.text.includes('srv-1900'), 'the options grew');
      assert.notEqual(before, 'srv-1900', 'the active server was not already the first of all');
      await page.keyboard.press('Enter');
      const id = serverId(Number(before.slice(4)));
      await until(async () => (await sectionIds(page)).join() === String(id), `${before} is chosen`);
      noPanic(page);
    });
  });

  it('lets a shown server take a snapshot while the rest is loading, sent once', TEST, async () => {
    await withFailureScreenshot(page, 'first-screen-action', async () => {
      await holdLaterPages(demo);
      await signIn(page, demo);
      await page.getByRole('button', { name: 'New snapshot of srv-0002', exact: true }).click();
      await dialog(page).getByLabel('Name', { exact: true }).fill('while-loading');
      await dialog(page).getByRole('button', { name: 'Create snapshot', exact: true }).click();
      await group(page, serverId(2)).locator('li.snapshot', { hasText: 'while-loading' }).waitFor();
      assert.equal(await progressLine(page).count(), 1);
      assert.match(await progressText(page), /^Loaded 100 of 12,000 snapshots/);
      const posts = await demo.requests((r) => r.method === 'POST' && r.path === SNAPSHOTS_PATH);
      assert.deepEqual(posts.map((r) => r.status), [201], 'one create, answered');
      await demo.release();
      await until(async () => {
        const text = await progressText(page);
        return text === allLoaded(text.match(/^All (12,00\d) /)?.[1]);
      }, 'all is loaded', { timeout: 60_000 });
      assert.equal(await group(page, serverId(2)).locator('li.snapshot', { hasText: 'while-loading' }).count(), 1, 'the new snapshot stays, once');
      noPanic(page);
    });
  });

  it('keeps what is shown when a later page fails, and Retry loads the rest', TEST, async () => {
    await withFailureScreenshot(page, 'first-screen-failed', async () => {
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', query: 'page=7', kind: 'status', status: 404, times: 1 });
      await signIn(page, demo);
      const notice = page.locator('.stale');
      await notice.waitFor({ timeout: 60_000 });
      assert.ok(await group(page, serverId(1)).isVisible(), 'the first screen stays');
      await notice.getByRole('button', { name: 'Retry' }).click();
      await until(async () => (await progressText(page)) === allLoaded('12,000'), 'Retry loads the rest', { timeout: 60_000 });
      noPanic(page);
    });
  });
});

// Where the first screen starts to pay: a list of ten pages (the rest three
// rounds of four, more than the two round trips of the first rows) shows
// its first servers first; one of nine pages is read whole, then shown.
for (const [servers, snapshots, first] of [[200, 1_000, true], [180, 900, false]]) {
  describe(`an account of ${snapshots} snapshots`, () => {
    let demo;
    let page;
    useDemoAndBrowser({ demoArgs: ['--large', `${servers}:${snapshots}`] }, (f) => ({ demo, page } = f));

    it(first ? 'shows its first servers before its later pages are answered' : 'is read whole before it shows, with no progress line', TEST, async () => {
      await withFailureScreenshot(page, `first-screen-${snapshots}`, async () => {
        await holdLaterPages(demo);
        await page.goto(`${demo.url}/`);
        await tokenField(page).fill(demo.token);
        await page.getByRole('button', { name: 'Sign in' }).click();
        if (first) {
          await group(page, serverId(1)).waitFor();
          assert.ok((await laterPages(demo)).every((r) => r.status === 0), 'no later page has been answered yet');
          assert.match(await progressText(page), new RegExp(`^Loaded 100 of ${snapshots.toLocaleString('en')} snapshots\\.`));
        } else {
          // Nothing shows while the later pages are held: the list waits for all of them.
          await until(async () => (await laterPages(demo)).length >= 1, 'the later pages are asked for');
          assert.equal(await page.locator('article[data-server-id]').count(), 0, 'no section before the whole list');
        }
        await demo.release();
        if (first) {
          await until(async () => (await progressText(page)) === allLoaded(snapshots.toLocaleString('en')), 'all is loaded');
        } else {
          await group(page, serverId(1)).waitFor();
          assert.equal(await page.locator('.load-progress').count(), 0, 'no progress line');
        }
        const last = `snap-${String(servers).padStart(4, '0')}-5`;
        await page.locator('#search').fill(last);
        await until(async () => (await page.locator('li.snapshot', { hasText: last }).count()) === 1, 'the last server\'s snapshot is found');
        assert.match(await searchStatus(page), first
          ? new RegExp(`^Searched all ${snapshots.toLocaleString('en')} snapshots\\. Showing 1 server and 1 snapshot\\.$`)
          : /^Showing 1 server and 1 snapshot\.$/);
        noPanic(page);
      });
    });
  });
}
