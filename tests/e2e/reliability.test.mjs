// Reliability: the app survives a flaky API, bad data and a hostile page, and
// never acts twice.
//
// Reads are retried (429 with Retry-After, HTML 500s, a timeout, dropped
// connections) until they succeed or a clear error state with Retry is shown;
// a failed refresh keeps the last good list; offline is announced; writes that
// fail are sent exactly once; a late, stale answer never overwrites newer data;
// odd statuses and sizes read as text. No test may see a panic.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  api, mutations, SNAPSHOTS_PATH, wholeListGets,
} from './support/api.mjs';
import {
  noPanic, signIn, textOf, withFailureScreenshot,
} from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, group, rowNamed } from './support/locators.mjs';
import { pickByKeyboard } from './support/picker.mjs';
import { waitUntil } from './support/wait.mjs';

/** Every seeded snapshot id, sorted. */
const SEEDED_IDS = [798, 801, 811, 812, 813, 814, 815, 820, 830];

/** Polls of one server (GET /api/v1/snapshots/?server_id=…) from the request log. */
async function serverPolls(demo) {
  return demo.requests((r) => r.method === 'GET' && r.path === SNAPSHOTS_PATH && r.query.includes('server_id'));
}

/**
 * Records when the page sends each whole-list GET (Date.now() in this
 * process), for timing the retries. Returns the growing array.
 */
function trackListGets(page) {
  const sent = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (req.method() === 'GET' && url.pathname === SNAPSHOTS_PATH && url.search === '') {
      sent.push(Date.now());
    }
  });
  return sent;
}

/**
 * Installed before the app runs, on every navigation of the page: remembers
 * whether the page EVER showed raw HTML or JSON from an error body, the
 * "could not be loaded" error state, or the "Could not refresh" notice, even
 * for a moment between two checks of the test.
 */
function watchThePage() {
  const seen = { errorState: false, stale: false, raw: [] };
  window.__seen = seen;
  const check = () => {
    if (!document.body) return;
    if (document.querySelector('.error-state')) seen.errorState = true;
    if (document.querySelector('.stale')) seen.stale = true;
    const text = document.body.textContent || '';
    const raw = text.match(/Internal Server Error|<\/?(h1|html|body)\b|"results"\s*:|\{"count"/i);
    if (raw && seen.raw.length < 5) seen.raw.push(raw[0]);
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, characterData: true,
  });
}

function seenOnPage(page) {
  return page.evaluate(() => window.__seen);
}

function rowCount(page) {
  return page.locator('[data-snapshot-id]').count();
}

async function shownIds(page) {
  const ids = await page.locator('[data-snapshot-id]')
    .evaluateAll((els) => els.map((el) => Number(el.dataset.snapshotId)));
  return ids.sort((a, b) => a - b);
}

function refreshButton(page) {
  return page.getByRole('button', { name: 'Refresh', exact: true });
}

function staleNotice(page) {
  return page.locator('.notice.stale');
}

function errorState(page) {
  return page.locator('.error-state');
}

function offlineBanner(page) {
  return page.locator('.banner-offline');
}

/** The text of a row's status badge. */
function badgeOf(row) {
  return textOf(row.locator('.badge'));
}

/** Creates a snapshot of web-server-01 through the dialog; resolves once its row is shown. */
async function createThroughDialog(page, name) {
  await page.getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).click();
  await dialog(page).waitFor();
  await dialog(page).getByLabel('Name', { exact: true }).fill(name);
  await dialog(page).getByRole('button', { name: 'Create snapshot' }).click();
  await dialog(page).waitFor({ state: 'detached', timeout: 10_000 });
  const row = rowNamed(page, 12345, name);
  await row.waitFor({ timeout: 5_000 });
  return row;
}

/**
 * Checks for `ms` that the row keeps showing "Completed" (sampled often, so a
 * stale answer that flips it back even briefly is caught) and that `absent`
 * snapshot ids stay absent.
 */
async function staysCompleted(page, row, ms, { absent = [] } = {}) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const badge = await badgeOf(row);
    assert.equal(badge, 'Completed', `the row went back to "${badge}" after a late, stale answer`);
    for (const id of absent) {
      assert.equal(await page.locator(`[data-snapshot-id="${id}"]`).count(), 0,
        `snapshot ${id} came back after a late, stale answer`);
    }
    await sleep(150);
  }
}

/** Asserts the page neither panicked nor threw, and logged no "panicked" message. */
function healthy(page) {
  noPanic(page);
}

describe('reliability under a flaky API', { timeout: 300_000 }, () => {
  let demo;
  let browser;
  let page;

  // Registered before the fixture so that it runs before the page is closed.
  afterEach(async () => {
    await browser.context.setOffline(false).catch(() => {});
  });

  // No undo window: the deletes here test faults, not the window.
  useDemoAndBrowser({ appConfig: { delete_undo_seconds: 0 } }, (f) => ({ demo, browser, page } = f));

  beforeEach(async () => {
    await page.addInitScript(watchThePage);
  });

  /** Signs in, then clears the request log so the test sees only its own load. */
  async function signInAndClearLog() {
    await signIn(page, demo);
    await page.locator('[data-snapshot-id="801"]').waitFor();
    await demo.reset();
  }

  it('a 429 with Retry-After: 2 on the first list load is waited out, then the list shows', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-429', async () => {
      await signInAndClearLog();
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', kind: 'rate_limit', retry_after: '2', times: 1 });
      const sent = trackListGets(page);

      await page.reload();
      await page.locator('[data-snapshot-id="801"]').waitFor({ timeout: 10_000 });

      const gets = await wholeListGets(demo);
      assert.deepEqual(gets.map((r) => r.status), [429, 200], 'one 429, then one successful list read');
      assert.equal(sent.length, 2, `two list GETs were sent: ${JSON.stringify(sent)}`);
      const gap = sent[1] - sent[0];
      assert.ok(gap >= 1_800, `the retry waited for Retry-After (2 s): it came after ${gap} ms`);
      assert.ok(gap < 4_000, `the retry came soon after the 2 s asked for, not much later: ${gap} ms`);

      assert.deepEqual(await shownIds(page), SEEDED_IDS, 'every snapshot is listed');
      const seen = await seenOnPage(page);
      assert.equal(seen.errorState, false, 'the error state never showed during the wait');
      assert.equal(seen.stale, false, 'no "Could not refresh" notice during the wait');
      assert.equal(await errorState(page).count(), 0);
      healthy(page);
    });
  });

  it('an HTML 500 twice is retried and never shown; four in a row give a readable notice', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-html500', async () => {
      await signInAndClearLog();
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', kind: 'html500', times: 2 });

      await page.reload();
      await page.locator('[data-snapshot-id="801"]').waitFor({ timeout: 10_000 });
      assert.deepEqual((await wholeListGets(demo)).map((r) => r.status), [500, 500, 200],
        'two HTML 500s, then the list');
      assert.deepEqual(await shownIds(page), SEEDED_IDS);
      let seen = await seenOnPage(page);
      assert.deepEqual(seen.raw, [], 'no raw HTML of the error page was ever shown');
      assert.equal(seen.errorState, false, 'no error state while the retries ran');

      // Every try of a Refresh fails: the notice explains in words, never in HTML.
      await demo.reset();
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', kind: 'html500', times: 4 });
      await refreshButton(page).click();
      const notice = staleNotice(page);
      await notice.waitFor({ timeout: 15_000 });
      const text = await textOf(notice);
      assert.match(text, /Could not refresh: The API had a problem \(HTTP 500\)/, `a readable notice: ${text}`);
      assert.doesNotMatch(text, /Internal Server Error|<h1>|<html/i, `no raw HTML in the notice: ${text}`);
      assert.deepEqual((await wholeListGets(demo)).map((r) => r.status), [500, 500, 500, 500],
        'a read is tried 4 times in all');
      assert.deepEqual(await shownIds(page), SEEDED_IDS, 'the last good list stays on screen');
      seen = await seenOnPage(page);
      assert.deepEqual(seen.raw, [], 'no raw HTML of the error page was ever shown');
      healthy(page);
    });
  });

  it('malformed JSON on a Refresh keeps the last good list with a "Could not refresh" notice; Retry recovers', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-malformed', async () => {
      await signIn(page, demo);
      await page.locator('[data-snapshot-id="801"]').waitFor();
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', kind: 'malformed_json', times: 1 });

      await refreshButton(page).click();
      const notice = staleNotice(page);
      await notice.waitFor({ timeout: 10_000 });
      const text = await textOf(notice);
      assert.match(text, /Could not refresh/, `the notice says the refresh failed: ${text}`);
      assert.match(text, /cannot read/, `the notice says the answer could not be read: ${text}`);
      assert.deepEqual(await shownIds(page), SEEDED_IDS, 'the last good rows stay visible');
      assert.ok(await page.locator('[data-snapshot-id="801"]').isVisible(), 'a row is visible, not just in the DOM');
      assert.equal(await errorState(page).count(), 0, 'not the "could not be loaded" state: data is on screen');
      const retry = notice.getByRole('button', { name: 'Retry', exact: true });
      assert.equal(await retry.count(), 1, 'the notice has a Retry button');
      assert.deepEqual((await seenOnPage(page)).raw, [], 'the truncated JSON was never shown');

      const before = (await wholeListGets(demo)).length;
      await retry.click();
      await notice.waitFor({ state: 'detached', timeout: 10_000 });
      const after = await wholeListGets(demo);
      assert.ok(after.length > before && after.at(-1).status === 200, 'Retry read the list again');
      assert.deepEqual(await shownIds(page), SEEDED_IDS);
      assert.equal(await textOf(page.locator('.updated')), 'Updated just now');
      healthy(page);
    });
  });

  it('a first load slower than 15 s is abandoned at the time limit and retried', { timeout: 45_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-timeout', async () => {
      await signInAndClearLog();
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', kind: 'slow', delay_ms: 17_000, times: 1 });
      const sent = trackListGets(page);

      const reloadedAt = Date.now();
      await page.reload();
      await page.locator('.skeleton').waitFor({ timeout: 5_000 });
      await page.locator('[data-snapshot-id="801"]').waitFor({ timeout: 25_000 });
      const shownAfter = Date.now() - reloadedAt;

      assert.ok(sent.length >= 2, `the list was asked for again: ${JSON.stringify(sent)}`);
      const gap = sent[1] - sent[0];
      assert.ok(gap >= 14_500, `the first request was given its 15 s before the retry (gap ${gap} ms)`);
      assert.ok(gap < 16_900, `the retry did not wait for the 17 s answer (gap ${gap} ms)`);
      assert.ok(shownAfter < 20_000, `the list showed ${shownAfter} ms after the reload`);
      assert.deepEqual(await shownIds(page), SEEDED_IDS);
      const seen = await seenOnPage(page);
      assert.equal(seen.errorState, false, 'no error state while the slow request was pending');
      healthy(page);
    });
  });

  it('dropped connections on every try give a clear error state; Retry recovers', { timeout: 40_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-drop', async () => {
      await signInAndClearLog();
      // More drops than the app's four tries: Chromium itself sometimes re-sends
      // a request whose (pre-opened) connection closed without an answer, and
      // those silent re-sends use up faults too.
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', kind: 'drop', times: 12 });

      await page.reload();
      const state = errorState(page);
      await state.waitFor({ timeout: 20_000 });
      const text = await textOf(state);
      assert.match(text, /The snapshots could not be loaded/, `a clear error state: ${text}`);
      assert.match(text, /Could not reach the API/, `it says why: ${text}`);
      assert.equal(await rowCount(page), 0);
      const gets = await wholeListGets(demo);
      assert.ok(gets.length >= 4 && gets.every((r) => r.status === 0),
        `at least the app's four tries, each dropped without an answer, before giving up: ${JSON.stringify(gets.map((r) => r.status))}`);

      await demo.reset(); // clears the drops left over
      await state.getByRole('button', { name: 'Retry', exact: true }).click();
      await page.locator('[data-snapshot-id="801"]').waitFor({ timeout: 10_000 });
      assert.equal(await state.count(), 0, 'the error state is gone');
      assert.deepEqual(await shownIds(page), SEEDED_IDS);
      assert.equal((await wholeListGets(demo)).at(-1).status, 200);
      healthy(page);
    });
  });

  it('says when the browser is offline, keeps the list, and works again once back online', { timeout: 40_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-offline', async () => {
      await signIn(page, demo);
      await page.locator('[data-snapshot-id="801"]').waitFor();
      assert.equal(await offlineBanner(page).count(), 0, 'no offline banner while online');

      await browser.context.setOffline(true);
      const banner = offlineBanner(page);
      await banner.waitFor({ timeout: 5_000 });
      assert.match(await textOf(banner), /You are offline/);
      assert.equal(await banner.getAttribute('role'), 'status', 'the banner is announced politely');

      // A Refresh while offline fails, and the list stays.
      await refreshButton(page).click();
      await staleNotice(page).waitFor({ timeout: 15_000 });
      assert.match(await textOf(staleNotice(page)), /Could not refresh/);
      assert.deepEqual(await shownIds(page), SEEDED_IDS, 'the list stays while offline');

      await browser.context.setOffline(false);
      await banner.waitFor({ state: 'detached', timeout: 5_000 });

      const before = (await wholeListGets(demo)).length;
      await refreshButton(page).click();
      await staleNotice(page).waitFor({ state: 'detached', timeout: 10_000 });
      await waitUntil(async () => (await wholeListGets(demo)).length > before, 'a list GET after coming back');
      assert.equal((await wholeListGets(demo)).at(-1).status, 200, 'the Refresh after coming back succeeded');
      assert.deepEqual(await shownIds(page), SEEDED_IDS);
      assert.equal(await textOf(page.locator('.updated')), 'Updated just now');
      healthy(page);
    });
  });

  it('a DELETE answered 500 is sent once: the dialog says so and the row stays', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-delete-500', async () => {
      await signIn(page, demo);
      await page.getByRole('button', { name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true }).click();
      await dialog(page).waitFor();
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}798/`, method: 'DELETE', kind: 'status', status: 500, times: 1 });

      await dialog(page).getByRole('button', { name: 'Delete snapshot', exact: true }).click();
      const alert = dialog(page).getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      const text = await textOf(alert);
      assert.match(text, /HTTP 500/, `the dialog shows the error: ${text}`);
      assert.match(text, /The snapshot was not deleted/, `the dialog says nothing was deleted: ${text}`);

      // Time enough for any automatic retry (the first back-off step is ≤ 0.5 s).
      await sleep(2_000);
      assert.ok(await dialog(page).isVisible(), 'the dialog stays open');
      assert.equal(await page.locator('[data-snapshot-id="798"]').count(), 1, 'the row stays');
      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.status}`), [`DELETE ${SNAPSHOTS_PATH}798/ 500`],
        'exactly one DELETE, never retried');
      assert.equal((await api(demo, 'GET', `${SNAPSHOTS_PATH}?server_id=12345`)).body.results
        .filter((s) => s.id === 798).length, 1, 'the snapshot still exists');
      healthy(page);
    });
  });

  it('a create answered with an HTML 500 is sent once, and the dialog keeps the input', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-create-500', async () => {
      await signIn(page, demo);
      await page.getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).click();
      await dialog(page).waitFor();
      const name = dialog(page).getByLabel('Name', { exact: true });
      const description = dialog(page).getByLabel(/^Description/);
      await name.fill('flaky-create_1');
      await description.fill('Made while the API misbehaves');
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'POST', kind: 'html500', times: 1 });

      await dialog(page).getByRole('button', { name: 'Create snapshot', exact: true }).click();
      const alert = dialog(page).locator('.alert[role="alert"]');
      await alert.waitFor({ timeout: 10_000 });
      const text = await textOf(alert);
      assert.match(text, /HTTP 500/, `the dialog shows the error: ${text}`);
      assert.match(text, /Nothing was created/, `the dialog says nothing was created: ${text}`);
      assert.doesNotMatch(text, /Internal Server Error|<h1>|<html/i, `no raw HTML: ${text}`);

      await sleep(2_000);
      assert.ok(await dialog(page).isVisible(), 'the dialog stays open');
      assert.equal(await name.inputValue(), 'flaky-create_1', 'the name is kept');
      assert.equal(await description.inputValue(), 'Made while the API misbehaves', 'the description is kept');
      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.status}`), [`POST ${SNAPSHOTS_PATH} 500`],
        'exactly one create POST, never retried');
      assert.equal(await rowNamed(page, 12345, 'flaky-create_1').count(), 0, 'no row for a snapshot that was not created');
      assert.deepEqual((await seenOnPage(page)).raw, [], 'no raw HTML was ever shown');
      healthy(page);
    });
  });

  it('a restore answered 503 is sent once, and the dialog says the server was not restored', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-restore-503', async () => {
      await signIn(page, demo);
      await page.getByRole('button', { name: 'Restore web-server-01 from pre-migration-snapshot', exact: true }).click();
      await dialog(page).waitFor();
      await dialog(page).getByLabel(/To confirm, type the server name/).fill('web-server-01');
      const confirm = dialog(page).getByRole('button', { name: 'Restore server', exact: true });
      await waitUntil(() => confirm.isEnabled(), '"Restore server" to be enabled');
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}801/restore/`, method: 'POST', kind: 'status', status: 503, times: 1 });

      await confirm.click();
      const alert = dialog(page).locator('.alert[role="alert"]');
      await alert.waitFor({ timeout: 10_000 });
      const text = await textOf(alert);
      assert.match(text, /HTTP 503/, `the dialog shows the error: ${text}`);
      assert.match(text, /The server was not restored/, `the dialog says nothing happened: ${text}`);

      await sleep(2_000);
      assert.ok(await dialog(page).isVisible(), 'the dialog stays open');
      const sent = await mutations(demo);
      assert.deepEqual(sent.map((r) => `${r.method} ${r.path} ${r.status}`),
        [`POST ${SNAPSHOTS_PATH}801/restore/ 503`], 'exactly one restore POST, never retried');
      assert.equal(await group(page, 12345).locator('.notice').filter({ hasText: /Restor(ing|ed) from/ }).count(), 0,
        'no restore is shown as started');
      healthy(page);
    });
  });

  it('a slow poll (demo "slow" fault) does not undo the completion shown by a newer Refresh', { timeout: 45_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-slow-poll', async () => {
      await demo.config({ snapshot_delay_ms: 4_000 });
      await signIn(page, demo);
      const row = await createThroughDialog(page, 'slow-poll-check');
      assert.equal(await badgeOf(row), 'In progress');
      // The first poll (about 3 s after the create) answers 6 s late.
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'GET', kind: 'slow', delay_ms: 6_000, times: 1 });
      const poll = await waitUntil(async () => (await serverPolls(demo))[0], 'the first poll', { timeout: 8_000 });
      assert.equal(poll.status, 0, 'the first poll is held by the slow fault');

      // Meanwhile the snapshot completes and a Refresh shows it.
      await waitUntil(async () => (await api(demo, 'GET', `${SNAPSHOTS_PATH}?server_id=12345`)).body.results
        .some((s) => s.name === 'slow-poll-check' && s.status === 'completed'), 'the snapshot to complete');
      await refreshButton(page).click();
      await waitUntil(async () => (await badgeOf(row)) === 'Completed', 'the Refresh to show "Completed"', { timeout: 8_000 });
      assert.equal((await serverPolls(demo))[0].status, 0, 'the slow poll is still pending after the Refresh');

      // The slow poll's answer arrives: nothing goes back.
      await waitUntil(async () => (await serverPolls(demo))[0].status !== 0, 'the slow poll to be answered', { timeout: 10_000 });
      await staysCompleted(page, row, 3_000);
      healthy(page);
    });
  });

  it('a stale poll answer (computed before the completion and a delete) arriving late changes nothing', { timeout: 45_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-stale-poll', async () => {
      await demo.config({ snapshot_delay_ms: 4_000 });
      await signIn(page, demo);

      // The first poll of one server is answered with what the API said when it
      // was sent, but handed to the page 6 s later: a truly stale answer.
      // (The demo's "slow" fault computes its answer after the delay, so its
      // late answer is fresh; holding the answer here makes it stale.)
      const held = {};
      await page.route((url) => url.pathname === SNAPSHOTS_PATH && url.searchParams.has('server_id'), async (route) => {
        if (held.sentAt || route.request().method() !== 'GET') {
          await route.continue();
          return;
        }
        held.sentAt = Date.now();
        const response = await route.fetch();
        held.body = await response.text();
        await sleep(6_000);
        await route.fulfill({ response, body: held.body });
        held.deliveredAt = Date.now();
      });

      const pollOutcomes = [];
      const onPollEnd = (outcome) => (req) => {
        const url = new URL(req.url());
        if (url.pathname === SNAPSHOTS_PATH && url.searchParams.has('server_id')) pollOutcomes.push(outcome);
      };
      page.on('requestfinished', onPollEnd('finished'));
      page.on('requestfailed', onPollEnd('failed'));

      const row = await createThroughDialog(page, 'stale-poll-check');
      await waitUntil(() => held.body, 'the first poll to be answered by the API', { timeout: 8_000 });
      const stale = JSON.parse(held.body).results;
      assert.equal(stale.find((s) => s.name === 'stale-poll-check')?.status, 'in_progress',
        'the held answer says "in_progress" (the test needs a stale answer)');
      assert.ok(stale.some((s) => s.id === 798), 'the held answer lists snapshot 798');

      // While it is held: delete 798 in the app, wait for the completion, Refresh.
      await page.getByRole('button', { name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true }).click();
      await dialog(page).waitFor();
      await dialog(page).getByRole('button', { name: 'Delete snapshot', exact: true }).click();
      await dialog(page).waitFor({ state: 'detached', timeout: 5_000 });
      await page.locator('[data-snapshot-id="798"]').waitFor({ state: 'detached', timeout: 5_000 });
      await waitUntil(async () => (await api(demo, 'GET', `${SNAPSHOTS_PATH}?server_id=12345`)).body.results
        .some((s) => s.name === 'stale-poll-check' && s.status === 'completed'), 'the snapshot to complete');
      await refreshButton(page).click();
      await waitUntil(async () => (await badgeOf(row)) === 'Completed', 'the Refresh to show "Completed"', { timeout: 8_000 });
      assert.equal(held.deliveredAt, undefined, 'the stale answer is still held after the Refresh');

      // The stale answer arrives: the row stays Completed and 798 stays gone.
      await waitUntil(() => held.deliveredAt, 'the stale answer to be delivered', { timeout: 10_000 });
      await waitUntil(() => pollOutcomes.length > 0, 'the page to receive the stale answer', { timeout: 3_000 });
      assert.equal(pollOutcomes[0], 'finished', 'the page received the stale answer (not aborted)');
      await staysCompleted(page, row, 3_000, { absent: [798] });
      assert.equal(await page.title(), 'Snapshots — VPS.org', 'the tab title counts nothing in progress');
      healthy(page);
    });
  });

  it('a stale list answer that fails late does not report a failure over a newer successful load', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-stale-failure', async () => {
      await signIn(page, demo);
      await page.locator('[data-snapshot-id="801"]').waitFor();

      // The Refresh's whole-list read gets its (unreadable) answer 4 s late.
      const held = {};
      await page.route((url) => url.pathname === SNAPSHOTS_PATH && url.search === '', async (route) => {
        if (held.sentAt) {
          await route.continue();
          return;
        }
        held.sentAt = Date.now();
        await sleep(4_000);
        await route.fulfill({ status: 200, contentType: 'application/json', body: '{"count": 3, "resu' });
        held.deliveredAt = Date.now();
      });
      await refreshButton(page).click();
      await waitUntil(() => held.sentAt, 'the Refresh to be sent');

      // Meanwhile the user filters to one server and back: a newer load of the
      // whole list succeeds.
      await pickByKeyboard(page.locator('#server-filter'), '#12345', 'web-server-01');
      await waitUntil(async () => (await rowCount(page)) === 2, 'the filtered list (web-server-01 only)');
      await pickByKeyboard(page.locator('#server-filter'), '', 'All servers');
      await waitUntil(async () => (await rowCount(page)) === SEEDED_IDS.length, 'the whole list again');
      assert.equal(held.deliveredAt, undefined, 'the first answer is still held');
      assert.equal(await staleNotice(page).count(), 0, 'no notice: the newest load succeeded');

      // The old, failed answer arrives: it is older than what is shown, so it
      // must not put a "Could not refresh" notice over fresh data.
      await waitUntil(() => held.deliveredAt, 'the stale answer to be delivered', { timeout: 8_000 });
      await sleep(700);
      const notice = await staleNotice(page).count() ? await textOf(staleNotice(page)) : null;
      assert.equal(notice, null, 'a late failure of an older request was shown over a newer successful load');
      assert.deepEqual(await shownIds(page), SEEDED_IDS);
      healthy(page);
    });
  });

  it('unreadable rows are counted and the rest shown; they do not block signing in', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-unreadable-rows', async () => {
      // Every list answer (polls too) comes back with 801's id as a string
      // and 798's server missing; the whole list's last page also gets a row
      // that is not an object at all.
      const broken = [801, 798];
      await page.route((url) => url.pathname === SNAPSHOTS_PATH, async (route) => {
        if (route.request().method() !== 'GET') {
          await route.continue();
          return;
        }
        const response = await route.fetch();
        const body = await response.json();
        body.results = body.results.map((row) => {
          if (row.id === 801) return { ...row, id: '801' };
          if (row.id === 798) return { ...row, server: undefined };
          return row;
        });
        if (!body.next && !route.request().url().includes('server_id')) body.results.push(7);
        await route.fulfill({ response, json: body });
      });
      await signIn(page, demo);

      const expected = SEEDED_IDS.filter((id) => !broken.includes(id));
      await waitUntil(async () => (await rowCount(page)) === expected.length, 'the readable rows');
      assert.deepEqual(await shownIds(page), expected, 'every readable row is shown');
      const notice = page.locator('.notice-warn', { hasText: 'could not be read' });
      assert.match(await textOf(notice), /^3 snapshot\(s\) in the API's answer could not be read and are not shown/);
      assert.equal(await errorState(page).count(), 0, 'no error state: the list loaded');
      healthy(page);
    });
  });

  it('an unknown status reads as text, a missing size as "—", and hostile text stays text', { timeout: 30_000 }, async () => {
    await withFailureScreenshot(page, 'reliability-odd-data', async () => {
      await demo.setSnapshotStatus({ id: 801, status: 'quarantined', size_mb: null });
      const hostile = '<img src=x onerror="window.__xss=1"><b>bold</b>';
      await demo.setSnapshotStatus({ id: 798, status: hostile, size_mb: null });
      await signIn(page, demo);

      const odd = page.locator('[data-snapshot-id="801"]');
      await odd.waitFor();
      assert.equal(await badgeOf(odd), 'quarantined', 'the unknown status is shown as the API wrote it');
      assert.equal(await textOf(odd.locator('.snapshot-size')), '—', 'a null size reads "—"');
      assert.match(await textOf(odd), /Cannot be restored \(status: quarantined\)/);
      assert.ok(await page.getByRole('button', { name: 'Restore web-server-01 from pre-migration-snapshot', exact: true }).isDisabled(),
        'a snapshot in an unknown state cannot be restored');

      const hostileRow = page.locator('[data-snapshot-id="798"]');
      assert.equal(await badgeOf(hostileRow), hostile, 'the hostile status is shown literally, as text');
      assert.equal(await hostileRow.locator('img, b').count(), 0, 'no element was made from the status');
      await sleep(300);
      assert.equal(await page.evaluate(() => window.__xss), undefined, 'no script ran');
      assert.deepEqual(await shownIds(page), SEEDED_IDS, 'the rest of the list is shown');
      healthy(page);
    });
  });
});
