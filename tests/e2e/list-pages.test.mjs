// Reading a big account's list: numbered pages side by side, a few at a
// time (a 429 on one of them waited out); any other list (a cursor), or a
// list that stops keeping to its page numbers while it is read, followed one
// page after another, and the list ends complete either way.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, SNAPSHOTS_PATH } from './support/api.mjs';
import { noPanic, signIn, withFailureScreenshot } from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { until } from './support/wait.mjs';

const TEST = { timeout: 180_000 };
const SERVERS = 10_000;
const SNAPSHOTS = 12_000;
const PAGE_SIZE = 100;
const PAGES = SNAPSHOTS / PAGE_SIZE;

/** When each test signs in: the test's own reads before it are not the app's. */
let signedInAt = 0;

/** Signs in, noting when. */
async function signInNow(page, demo) {
  signedInAt = Date.now();
  await signIn(page, demo);
}

/** The app's reads of the whole snapshot list (any page), in order of arrival. */
function wholeListPages(demo) {
  return demo.requests((r) => r.method === 'GET' && r.path === SNAPSHOTS_PATH
    && r.at_ms >= signedInAt && !new URLSearchParams(r.query).has('server_id'));
}

/** The most reads of `requests` that were in flight at one moment. */
function mostInFlight(requests) {
  const events = requests.flatMap((r) => [[r.at_ms, 1], [r.answered_ms, -1]]);
  // At the same millisecond, an answer ends before the next request starts.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, step] of events) {
    now += step;
    most = Math.max(most, now);
  }
  return most;
}

/** Waits until `count` reads of the whole list have been answered. */
async function untilPagesAnswered(demo, count) {
  await until(async () => (await wholeListPages(demo)).filter((r) => r.status === 200).length >= count,
    `${count} pages of the list are answered`, { timeout: 60_000 });
}

/** Waits until the search finds exactly one row named `name`. */
async function untilFoundOnce(page, name) {
  await page.locator('#search').fill(name);
  await until(async () => (await page.locator('li.snapshot', { hasText: name }).count()) === 1,
    `the search finds ${name} once`, { timeout: 30_000 });
}

describe('reading a big account\'s list', () => {
  let demo;
  let page;
  useDemoAndBrowser({ demoArgs: ['--large', `${SERVERS}:${SNAPSHOTS}`, '--latency-ms', '15'] },
    (f) => ({ demo, page } = f));

  it('asks for numbered pages side by side, at most four at a time, each once', TEST, async () => {
    await withFailureScreenshot(page, 'pages-side-by-side', async () => {
      const last = (await api(demo, 'GET', `${SNAPSHOTS_PATH}?page=${PAGES}`)).body.results.at(-1).name;
      await signInNow(page, demo);
      await untilPagesAnswered(demo, PAGES);
      const reads = await wholeListPages(demo);
      const pages = reads.map((r) => new URLSearchParams(r.query).get('page') ?? '1');
      assert.equal(new Set(pages).size, PAGES, `every page is read: ${pages.join(', ')}`);
      assert.equal(pages.length, PAGES, `no page is read twice: ${pages.join(', ')}`);
      const most = mostInFlight(reads.slice(1));
      assert.ok(most >= 2 && most <= 4, `pages after the first go side by side, at most four at once: ${most}`);
      await untilFoundOnce(page, last);
      noPanic(page);
    });
  });

  it('waits out a 429 on one numbered page for its Retry-After, then reads it', TEST, async () => {
    await withFailureScreenshot(page, 'pages-rate-limited', async () => {
      const last = (await api(demo, 'GET', `${SNAPSHOTS_PATH}?page=5`)).body.results.at(-1).name;
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', query: 'page=5', kind: 'rate_limit', retry_after: 1 });
      await signInNow(page, demo);
      await untilPagesAnswered(demo, PAGES);
      const fifth = (await wholeListPages(demo)).filter((r) => new URLSearchParams(r.query).get('page') === '5');
      assert.deepEqual(fifth.map((r) => r.status), [429, 200], 'page 5 is refused once, then read');
      assert.ok(fifth[1].at_ms - fifth[0].answered_ms >= 1000,
        `the retry waits the second the API asked for: ${fifth[1].at_ms - fifth[0].answered_ms} ms`);
      await untilFoundOnce(page, last);
      noPanic(page);
    });
  });

  it('follows a cursor list one page after another', TEST, async () => {
    await withFailureScreenshot(page, 'pages-cursor', async () => {
      await demo.config({ pagination: 'cursor' });
      const first = (await api(demo, 'GET', SNAPSHOTS_PATH)).body;
      assert.ok(first.next.includes('cursor=') && first.count === undefined, 'the demo pages by cursor');
      await signInNow(page, demo);
      await untilPagesAnswered(demo, PAGES);
      const reads = await wholeListPages(demo);
      assert.equal(reads.length, PAGES, 'each page once');
      for (let i = 1; i < reads.length; i += 1) {
        assert.ok(reads[i].at_ms >= reads[i - 1].answered_ms,
          `page ${i + 1} is asked for only once page ${i} is answered`);
      }
      noPanic(page);
    });
  });

  for (const { label, at, fault } of [
    { label: 'a changed count', at: 3, fault: { kind: 'count_changed' } },
    { label: 'a `next` to another origin', at: 2, fault: { kind: 'next', next: 'https://elsewhere.example/api/v1/snapshots/?page=3' } },
    { label: 'a repeated row', at: 4, fault: { kind: 'duplicate_row' } },
  ]) {
    it(`falls back to following \`next\` after ${label}, and the list ends complete`, TEST, async () => {
      await withFailureScreenshot(page, `pages-fallback-${fault.kind}`, async () => {
        // The page's last row: the one a repeated row would hide.
        const hidden = (await api(demo, 'GET', `${SNAPSHOTS_PATH}?page=${at}`)).body.results.at(-1).name;
        await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', query: `page=${at}`, ...fault });
        const elsewhere = [];
        page.on('request', (r) => { if (!r.url().startsWith(demo.url)) elsewhere.push(r.url()); });
        await signInNow(page, demo);
        // The page that broke the numbers is read again, on the way through `next`.
        await until(async () => (await wholeListPages(demo))
          .filter((r) => new URLSearchParams(r.query).get('page') === String(at)).length === 2,
        `page ${at} is read again`, { timeout: 60_000 });
        const reads = await wholeListPages(demo);
        assert.ok(reads.some((r) => r.fault === fault.kind), `the fault hit: ${JSON.stringify(reads.map((r) => r.query))}`);
        await until(async () => {
          const pages = (await wholeListPages(demo)).map((r) => new URLSearchParams(r.query).get('page'));
          return pages.lastIndexOf(String(PAGES)) > pages.lastIndexOf(String(at));
        }, 'the list is followed to its last page after the fallback', { timeout: 60_000 });
        await untilFoundOnce(page, hidden);
        assert.deepEqual(elsewhere, [], 'nothing was asked of another origin');
        noPanic(page);
      });
    });
  }
});
