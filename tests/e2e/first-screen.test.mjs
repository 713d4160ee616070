// A big account's first screen does not wait for the whole list: the first
// servers are read on their own (`?server_id=`) and shown while the later
// pages of the list are held back; a progress line counts what has loaded,
// search says it is partial and then complete, the sections shown do not
// move when the rest arrives, and a shown server's actions work meanwhile.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SNAPSHOTS_PATH } from './support/api.mjs';
import { noPanic, signIn, textOf, withFailureScreenshot } from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, group, sectionIds } from './support/locators.mjs';
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

const progressText = (page) => textOf(page.locator('.load-progress-text > span:not(.gone)'));
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
      assert.equal(await progressText(page), `Loaded 100 of 12,000 snapshots. Search, the server filter and the readiness summary cover only the servers shown so far; the others are added below when loading ends, and the order may change then.`);
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
      await until(async () => (await searchStatus(page)).startsWith('Searching only the servers shown so far: 100 of 12,000 snapshots loaded…'),
        'the search says it is partial');
      await page.locator('#search').fill('');

      const section = group(page, serverId(1));
      const before = await topOf(section);
      await demo.release();
      await until(async () => (await progressText(page)) === 'All 12,000 snapshots loaded.', 'the line says all is loaded', { timeout: 60_000 });
      assert.equal(await topOf(section), before, 'the first section did not move');
      assert.deepEqual((await sectionIds(page)).slice(0, firstScreen.length), firstScreen, 'the sections shown kept their order');

      await page.locator('#search').fill('snap-9999-1');
      await until(async () => (await page.locator('li.snapshot', { hasText: 'snap-9999-1' }).count()) === 1, 'the search finds a far server once loaded', { timeout: 30_000 });
      assert.match(await searchStatus(page), /^Searched all 12,000 snapshots\./);
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
      assert.equal(await page.locator('.load-progress-text > span:not(.gone)').count(), 1);
      assert.match(await progressText(page), /^Loaded 100 of 12,000 snapshots/);
      const posts = await demo.requests((r) => r.method === 'POST' && r.path === SNAPSHOTS_PATH);
      assert.deepEqual(posts.map((r) => r.status), [201], 'one create, answered');
      await demo.release();
      await until(async () => /^All 12,00\d snapshots loaded\.$/.test(await progressText(page)), 'all is loaded', { timeout: 60_000 });
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
      await until(async () => (await progressText(page)) === 'All 12,000 snapshots loaded.', 'Retry loads the rest', { timeout: 60_000 });
      noPanic(page);
    });
  });
});
