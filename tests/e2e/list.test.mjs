// Sign in with an API token, and see every snapshot grouped by server.
//
// Sign-in and the session (sessionStorage only, per tab), a revoked token, the
// grouped list (sizes, counts, limit, empty state, raw status, exact UTC time),
// hostile text, the server filter in the URL, the list without the Servers
// API, pagination, load errors with Retry, search and sort, accessibility,
// narrow screens, and Refresh.

import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { SNAPSHOTS_PATH, listGets, queryOf } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, tokenField, withFailureScreenshot,
  chooseLanguage,
} from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { allRowIds, sectionIds } from './support/locators.mjs';
import { pickByKeyboard } from './support/picker.mjs';
import { until, untilEqual } from './support/wait.mjs';

const TEST = { timeout: 60_000 };

/** The seeded servers, in the order the list shows them (by name). */
const SERVERS_BY_NAME = [
  [12348, 'build-runner-01'],
  [12346, 'db-server-01'],
  [12349, 'legacy-app-01'],
  [12347, 'staging-01'],
  [12345, 'web-server-01'],
];

/** The seeded snapshots of each server, newest first. */
const SEEDED_ROWS = {
  12345: [801, 798],
  12346: [815, 814, 813, 812, 811],
  12347: [820],
  12348: [],
  12349: [830],
};
const ALL_SNAPSHOT_IDS = Object.values(SEEDED_ROWS).flat().sort();

const HOSTILE_DESCRIPTION = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script> & "quotes"';

/** The snapshot ids shown in a server's section, in page order. */
function rowIds(page, serverId) {
  return page.locator(`article[data-server-id="${serverId}"] [data-snapshot-id]`)
    .evaluateAll((els) => els.map((el) => Number(el.dataset.snapshotId)));
}

/**
 * Snapshot names squeezed onto more than two lines (e.g. one letter per line
 * when the row's other columns take all the width): [{id, name, width, lines}].
 */
function crushedNames(page) {
  return page.locator('[data-snapshot-id] .snapshot-name').evaluateAll((els) => els.map((el) => {
    const style = getComputedStyle(el);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
    const rect = el.getBoundingClientRect();
    return {
      id: Number(el.closest('[data-snapshot-id]').dataset.snapshotId),
      name: el.textContent,
      width: Math.round(rect.width),
      lines: Math.round(rect.height / lineHeight),
    };
  }).filter((n) => n.lines > 2));
}

/** Horizontal overflow, and buttons outside their bar or section (or the viewport). */
function layoutProblems(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // Within the padding of the bar or section that holds it, not only on screen.
    const box = (b) => {
      const holder = b.closest('.toolbar, .topbar, article');
      if (!holder) return { left: 0, right: width };
      const r = holder.getBoundingClientRect();
      const css = getComputedStyle(holder);
      return {
        left: r.left + parseFloat(css.borderLeftWidth) + parseFloat(css.paddingLeft),
        right: r.right - parseFloat(css.borderRightWidth) - parseFloat(css.paddingRight),
      };
    };
    // Folded into "More" (not laid out) is not outside.
    const outside = [...document.querySelectorAll('[data-snapshot-id] button, .group-header button, .toolbar button, .topbar button')]
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => ({ b, r: b.getBoundingClientRect(), within: box(b) }))
      .filter(({ r, within }) => r.left < within.left - 0.5 || r.right > within.right + 0.5)
      .map(({ b, r }) => `${b.getAttribute('aria-label') || b.innerText} [${Math.round(r.left)}, ${Math.round(r.right)}]`);
    return { scrollWidth: document.documentElement.scrollWidth, width, outside };
  });
}

/** Resizes the viewport and waits until the page sees the new width. */
async function resize(page, width, height) {
  await page.setViewportSize({ width, height });
  await until(() => page.evaluate((w) => window.innerWidth === w, width), `the viewport is ${width} px wide`);
}

/** What the app keeps in the browser's storages. */
function storedState(page) {
  return page.evaluate(() => ({
    token: window.sessionStorage.getItem('vps.token'),
    session: Object.fromEntries(Object.keys(window.sessionStorage).map((k) => [k, window.sessionStorage.getItem(k)])),
    local: Object.fromEntries(Object.keys(window.localStorage).map((k) => [k, window.localStorage.getItem(k)])),
  }));
}

/**
 * Waits until the page shows either the sign-in form or the signed-in list,
 * and tells which: 'sign-in' or 'list'.
 */
async function screenOf(page) {
  await page.getByRole('button', { name: /^(Sign in|Sign out)$/ }).first().waitFor();
  return (await page.getByRole('button', { name: 'Sign out' }).count()) > 0 ? 'list' : 'sign-in';
}

describe('sign in, and every snapshot grouped by server', { timeout: 600_000 }, () => {
  let demo;
  let browser;
  let page;
  useDemoAndBrowser({}, (f) => ({ demo, browser, page } = f));

  it('refuses a wrong token, keeps the right one for this tab only, and forgets it on Sign out', TEST, async () => {
    await withFailureScreenshot(page, 'list-session', async () => {
      await page.goto(`${demo.url}/`);
      const wrong = 'wrong-token-0000';
      await tokenField(page).fill(wrong);
      await page.getByRole('button', { name: 'Sign in' }).click();

      await page.getByRole('alert').filter({ hasText: 'This token was rejected by the API' }).waitFor();
      let stored = await storedState(page);
      assert.equal(stored.token, null, 'a rejected token must not be kept in sessionStorage');
      assert.deepEqual(stored.session, {}, 'nothing is kept in sessionStorage after a rejected token');
      assert.deepEqual(stored.local, {}, 'nothing is kept in localStorage after a rejected token');
      assert.equal(await tokenField(page).inputValue(), wrong, 'the token field keeps what the user typed');
      assert.ok(!page.url().includes(wrong), `the wrong token must not reach the URL: ${page.url()}`);

      // The right token opens the grouped list.
      await tokenField(page).fill(demo.token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await untilEqual(() => sectionIds(page), SERVERS_BY_NAME.map(([id]) => id),
        'after sign-in, one section per server');

      stored = await storedState(page);
      assert.equal(stored.token, demo.token, 'the accepted token is kept in sessionStorage under vps.token');
      assert.deepEqual(stored.local, {}, 'the token must never be written to localStorage');
      const cookies = await browser.context.cookies();
      assert.ok(cookies.every((c) => !c.value.includes(demo.token) && !c.name.includes(demo.token)),
        `the token must never be in a cookie: ${JSON.stringify(cookies)}`);
      assert.ok(!page.url().includes(demo.token), `the token must never be in the URL: ${page.url()}`);
      const html = await page.content();
      assert.ok(!html.includes(demo.token), 'the token must not be written into the page once signed in');

      // A reload of the same tab keeps the session.
      await page.reload();
      assert.equal(await screenOf(page), 'list', 'a reload of the same tab keeps the session');
      await page.locator('article[data-server-id]').first().waitFor();
      assert.equal((await storedState(page)).token, demo.token, 'the token survives a reload of the tab');

      // Another tab has its own sessionStorage: it asks again.
      const other = await browser.newPage();
      try {
        await other.goto(`${demo.url}/`);
        assert.equal(await screenOf(other), 'sign-in', 'a new tab asks for the token again');
        assert.equal((await storedState(other)).token, null, 'a new tab does not see the token');
        assert.equal(await tokenField(other).inputValue(), '', 'a new tab does not prefill the token');
        noPanic(other);
      } finally {
        await other.close();
      }

      // Sign out forgets the token and shows sign-in, without a warning.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await tokenField(page).waitFor();
      stored = await storedState(page);
      assert.equal(stored.token, null, 'Sign out removes vps.token from sessionStorage');
      assert.deepEqual(stored.local, {}, 'localStorage stays empty after Sign out');
      assert.equal(await page.getByRole('alert').filter({ hasText: /signed out because/ }).count(), 0,
        'a voluntary sign-out is not reported as a rejected token');
      assert.equal(await page.locator('article[data-server-id]').count(), 0, 'no snapshot is shown once signed out');
      assert.ok(!page.url().includes(demo.token), `the token must never be in the URL: ${page.url()}`);
      assert.ok((await browser.context.cookies()).every((c) => !c.value.includes(demo.token)),
        'no cookie holds the token after Sign out');

      // After Sign out, a reload still asks.
      await page.reload();
      assert.equal(await screenOf(page), 'sign-in', 'after Sign out, a reload still shows sign-in');
      noPanic(page);
    });
  });

  it('sends the user back to sign-in, saying why, when Refresh meets a revoked token', TEST, async () => {
    await withFailureScreenshot(page, 'list-revoked', async () => {
      await signIn(page, demo);
      await demo.revoke();
      await page.getByRole('button', { name: 'Refresh' }).click();

      await tokenField(page).waitFor();
      const notice = page.getByRole('alert').filter({ hasText: /rejected the token/ });
      await notice.waitFor();
      const text = await textOf(notice);
      assert.match(text, /signed out/i, `the notice says the user was signed out: ${text}`);
      assert.match(text, /revoked or expired/, `the notice says why: ${text}`);
      assert.equal((await storedState(page)).token, null, 'the rejected token is removed from sessionStorage');
      assert.equal(await page.locator('article[data-server-id]').count(), 0, 'no snapshot is shown any more');

      const rejected = (await listGets(demo)).filter((r) => r.status === 401);
      assert.ok(rejected.length >= 1, 'the Refresh reached the API and got 401');
      noPanic(page);
    });
  });

  it('groups each server with its heading, counts, sizes, limit, empty state, raw status and exact time', TEST, async () => {
    await withFailureScreenshot(page, 'list-groups', async () => {
      await signIn(page, demo);
      await untilEqual(() => sectionIds(page), SERVERS_BY_NAME.map(([id]) => id),
        'one section per server, ordered by name');

      for (const [id, name] of SERVERS_BY_NAME) {
        const section = page.locator(`article[data-server-id="${id}"]`);
        assert.equal(await textOf(section.getByRole('heading', { level: 2 })), name, `section ${id} is headed "${name}"`);
        assert.deepEqual(await rowIds(page, id), SEEDED_ROWS[id], `section ${id} lists its snapshots, newest first`);

        // Newest first, read from the page itself.
        const times = await section.locator('[data-snapshot-id] time')
          .evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime'))));
        assert.deepEqual(times, [...times].sort((a, b) => b - a), `section ${id} is newest first: ${times}`);
      }

      const size = (id) => textOf(page.locator(`[data-snapshot-id="${id}"] .snapshot-size`));
      assert.equal(await size(801), '5.0 GB', '5120 MB reads 5.0 GB');
      assert.equal(await size(798), '4.7 GB', '4856 MB reads 4.7 GB');
      assert.equal(await size(830), '—', 'an unknown size reads —');

      const count = (id) => textOf(page.locator(`article[data-server-id="${id}"] .count`));
      assert.equal(await count(12345), '2 / 5 snapshots');
      assert.equal(await count(12346), '5 / 5 snapshots');
      assert.equal(await count(12348), '0 / 5 snapshots');

      const db = page.locator('article[data-server-id="12346"]');
      assert.match(await textOf(db), /Limit reached/, 'db-server-01 says its limit is reached');
      assert.ok(await db.getByRole('button', { name: 'New snapshot of db-server-01' }).isDisabled(),
        'db-server-01 cannot take a sixth snapshot');
      const web = page.locator('article[data-server-id="12345"]');
      assert.doesNotMatch(await textOf(web), /Limit reached/, 'web-server-01 is not at its limit');

      const build = page.locator('article[data-server-id="12348"]');
      assert.match(await textOf(build), /No snapshots yet/, 'build-runner-01 shows its empty state');

      const failed = page.locator('[data-snapshot-id="830"]');
      assert.equal(await textOf(failed.locator('.badge')), 'Failed', 'a failed snapshot says so');
      assert.ok(await failed.getByRole('button', { name: /^Restore / }).isDisabled(),
        'a failed snapshot cannot be restored');

      const time801 = page.locator('[data-snapshot-id="801"] time');
      assert.equal(await textOf(page.locator('[data-snapshot-id="801"] .time-exact')), '2025-01-15 18:30:00 UTC', 'the exact UTC time, shown on focus');
      assert.equal(await time801.getAttribute('datetime'), '2025-01-15T18:30:00Z', 'the machine-readable time');
      assert.match(await textOf(time801), /ago$/, 'the visible time is relative');
      noPanic(page);
    });
  });

  it('shows the hostile description of snapshot 812 as text, and never runs it', TEST, async () => {
    await withFailureScreenshot(page, 'list-hostile', async () => {
      await signIn(page, demo);
      const row = page.locator('[data-snapshot-id="812"]');
      await row.waitFor();
      const description = await row.locator('.snapshot-description').innerText();
      assert.ok(description.includes('<img src=x onerror='), `the <img> markup is shown as text: ${description}`);
      assert.ok(description.includes('<script>'), `the <script> markup is shown as text: ${description}`);
      assert.equal(description, HOSTILE_DESCRIPTION, 'the description is shown exactly as the API sent it');
      assert.equal(await row.locator('img, script').count(), 0, 'no <img> or <script> element in the row');
      await delay(500);
      assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'the hostile description ran a script');
      noPanic(page);
    });
  });

  it('filters by server through the URL, asks the API for that server, keeps it on reload, and Back undoes it', TEST, async () => {
    await withFailureScreenshot(page, 'list-filter', async () => {
      await signIn(page, demo);
      await untilEqual(() => sectionIds(page), SERVERS_BY_NAME.map(([id]) => id), 'all servers at first');

      const select = page.getByRole('combobox', { name: 'Server', exact: true });
      await pickByKeyboard(select, 'db-server-01');
      await page.waitForURL((url) => url.search === '?server=12346');

      await until(async () => (await listGets(demo)).some((r) => queryOf(r).server_id === '12346'),
        'the list is asked for server_id=12346');
      await untilEqual(() => sectionIds(page), [12346], 'only db-server-01 is shown');
      assert.deepEqual(await rowIds(page, 12346), SEEDED_ROWS[12346], 'with all its snapshots');

      await page.reload();
      assert.equal(await screenOf(page), 'list', 'still signed in after the reload');
      await untilEqual(() => sectionIds(page), [12346], 'the filter survives a reload');
      assert.equal(await select.inputValue(), 'db-server-01 (#12346)', 'the Server picker shows the filter after a reload');
      assert.ok(page.url().endsWith('?server=12346'), `the URL keeps the filter: ${page.url()}`);

      const beforeBack = (await listGets(demo)).length;
      await page.goBack();
      await page.waitForURL((url) => url.search === '');
      await until(async () => (await listGets(demo)).slice(beforeBack).some((r) => !('server_id' in queryOf(r))),
        'after Back, the whole list is asked for again');
      await untilEqual(() => sectionIds(page), SERVERS_BY_NAME.map(([id]) => id), 'Back returns to all servers');
      assert.equal(await select.inputValue(), 'All servers', 'the Server picker is back on "All servers"');
      noPanic(page);
    });
  });

  it('follows Back and Forward between filters without reloading the page; Back over the skip link keeps the list', TEST, async () => {
    await withFailureScreenshot(page, 'list-filter-history', async () => {
      await signIn(page, demo);
      const allIds = SERVERS_BY_NAME.map(([id]) => id);
      await untilEqual(() => sectionIds(page), allIds, 'all servers at first');
      // Lives as long as this document: gone if a step reloaded the page
      // instead of following the history entries the filter pushed.
      await page.evaluate(() => { window.__sameDocument = true; });

      const select = page.getByRole('combobox', { name: 'Server', exact: true });
      const shown = (server) => (server ? `${new Map(SERVERS_BY_NAME).get(Number(server))} (#${server})` : 'All servers');
      let seen = 0;
      /** Waits for the URL, the list, the menu and a new list request for `server` (undefined: all). */
      const shows = async (server, ids, what) => {
        await page.waitForURL((url) => url.search === (server ? `?server=${server}` : ''));
        await until(async () => (await listGets(demo)).slice(seen).some((r) => queryOf(r).server_id === server),
          `${what}: the list is asked for ${server ? `server_id=${server}` : 'every server'}`);
        seen = (await listGets(demo)).length;
        await untilEqual(() => sectionIds(page), ids, `${what}: the list`);
        assert.equal(await select.inputValue(), shown(server), `${what}: the Server picker`);
      };

      await pickByKeyboard(select, 'db-server-01');
      await shows('12346', [12346], 'db-server-01 chosen');
      await pickByKeyboard(select, 'staging-01');
      await shows('12347', [12347], 'staging-01 chosen');
      await page.goBack();
      await shows('12346', [12346], 'Back');
      await page.goBack();
      await shows(undefined, allIds, 'Back again');
      await page.goForward();
      await shows('12346', [12346], 'Forward');
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'Back and Forward did not reload the page');

      // The skip link adds a history entry (#main) with the same filter: Back
      // over it must not load the list again.
      await page.getByRole('link', { name: 'Skip to content' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#main' && url.search === '?server=12346');
      await page.goBack();
      await page.waitForURL((url) => url.hash === '' && url.search === '?server=12346');
      await delay(500);
      assert.equal((await listGets(demo)).length, seen, 'no list request after Back over #main');
      assert.deepEqual(await sectionIds(page), [12346], 'the filtered list stays');
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'still the same page');
      noPanic(page);
    });
  });

  it('the skip link moves the keyboard into the list, as the browser does for a fragment', TEST, async () => {
    await withFailureScreenshot(page, 'list-skip-link', async () => {
      await signIn(page, demo);
      await untilEqual(() => sectionIds(page), SERVERS_BY_NAME.map(([id]) => id), 'all servers');
      await page.getByRole('link', { name: 'Skip to content' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#main');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        inMain: document.activeElement?.closest('main')?.id === 'main',
        element: document.activeElement?.outerHTML.slice(0, 120),
      }));
      assert.ok(focused.inMain, `Tab after the skip link reaches the main content, not ${focused.element}`);
      noPanic(page);
    });
  });

  it('still lists every server that has snapshots when the Servers API answers 403, without an error', TEST, async () => {
    await withFailureScreenshot(page, 'list-no-servers-api', async () => {
      await demo.fault({ path_prefix: '/api/v1/servers/', kind: 'status', status: 403, times: 50 });
      await signIn(page, demo);

      const withSnapshots = SERVERS_BY_NAME.filter(([id]) => SEEDED_ROWS[id].length > 0);
      await untilEqual(() => sectionIds(page), withSnapshots.map(([id]) => id),
        'one section per server that has snapshots (build-runner-01 cannot be known)');
      for (const [id, name] of withSnapshots) {
        const heading = page.locator(`article[data-server-id="${id}"] h2`);
        assert.equal(await textOf(heading), name, `section ${id} is named from its snapshots`);
        assert.deepEqual(await rowIds(page, id), SEEDED_ROWS[id], `section ${id} lists its snapshots`);
      }

      const servers = await demo.requests('/api/v1/servers/');
      assert.ok(servers.length >= 1 && servers.every((r) => r.status === 403),
        `the Servers API was asked and refused: ${JSON.stringify(servers)}`);

      const alerts = await page.getByRole('alert').evaluateAll((els) => els.map((el) => el.innerText.trim()).filter(Boolean));
      assert.deepEqual(alerts, [], 'no error is shown when only the Servers API is unavailable');
      assert.equal(await page.locator('.error-state, .stale').count(), 0, 'no error state or stale notice');
      noPanic(page);
    });
  });

  it('follows every page of a paginated list', TEST, async () => {
    await withFailureScreenshot(page, 'list-pages', async () => {
      await demo.config({ page_size: 2 });
      await signIn(page, demo);

      await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, `all ${ALL_SNAPSHOT_IDS.length} seeded snapshots are shown`);
      await untilEqual(() => sectionIds(page), SERVERS_BY_NAME.map(([id]) => id),
        'all five servers, build-runner-01 coming from the second page of the Servers API');
      for (const [id] of SERVERS_BY_NAME) {
        assert.deepEqual(await rowIds(page, id), SEEDED_ROWS[id], `section ${id} is complete and newest first`);
      }

      const requests = await listGets(demo);
      const pages = requests.map((r) => queryOf(r).page ?? '1');
      const lastPage = Math.ceil(ALL_SNAPSHOT_IDS.length / 2);
      for (let p = 2; p <= lastPage; p += 1) {
        assert.ok(pages.includes(String(p)), `the list asked for page=${p}: ${JSON.stringify(requests.map((r) => r.query))}`);
      }
      assert.ok(requests.every((r) => r.status === 200), `every page was served: ${JSON.stringify(requests)}`);
      assert.ok(!pages.includes(String(lastPage + 1)), `no page is asked past the last: ${JSON.stringify(pages)}`);
      noPanic(page);
    });
  });

  it('stops the list at a `next` link that leads anywhere but this API\'s list, says so, and sends nothing there', TEST, async () => {
    await withFailureScreenshot(page, 'list-next-refused', async () => {
      await demo.config({ page_size: 2 });
      // The first page of the snapshot list names `next` as the test says.
      let next = '';
      await page.route((url) => url.pathname === SNAPSHOTS_PATH && !url.searchParams.has('page'), async (route) => {
        const response = await route.fetch();
        const body = await response.json();
        if (body.next) body.next = next;
        await route.fulfill({ response, json: body });
      });
      await page.addInitScript(() => {
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const requested = [];
      page.on('request', (r) => requested.push(r.url()));
      const { host } = new URL(demo.url);
      const bypasses = [
        '/\\evil.example/api/v1/snapshots/?page=2',
        '/\t/evil.example/api/v1/snapshots/?page=2',
        '/\n/evil.example/api/v1/snapshots/?page=2',
        'https:evil.example/api/v1/snapshots/?page=2',
        'https://evil.example/api/v1/snapshots/?page=2',
        `http://user:secret@${host}/api/v1/snapshots/?page=2`,
        `http://${host}/api/v1/servers/?page=2`,
      ];
      const errorState = page.locator('.error-state');
      const retry = errorState.getByRole('button', { name: 'Retry' });
      for (const [i, link] of bypasses.entries()) {
        next = link;
        const asked = (await listGets(demo)).length;
        if (i === 0) {
          await page.goto(`${demo.url}/`);
          await tokenField(page).fill(demo.token);
          await page.getByRole('button', { name: 'Sign in' }).click();
        } else {
          await retry.click();
        }
        await until(async () => (await listGets(demo)).length > asked, `the first page is asked for (${JSON.stringify(link)})`);
        await until(() => retry.isEnabled().catch(() => false), `the list gave up (${JSON.stringify(link)})`);
        const text = await textOf(errorState);
        assert.match(text, /The list stopped before its end: the API gave “.*” as the address of its next page/, text);
        // A hidden character of the link is written out (<U+0009>), as in every text from outside.
        const shown = link.replace(/[\t\n]/g, (c) => `<U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
        assert.ok(text.includes(shown), `the error names the link ${JSON.stringify(shown)}: ${text}`);
        assert.equal(await page.locator('article[data-server-id]').count(), 0, 'no part of the list is shown as if whole');
      }
      const pages = (await listGets(demo)).map((r) => queryOf(r).page);
      assert.deepEqual(pages.filter(Boolean), [], 'no further page of the snapshot list was asked for');
      assert.deepEqual(requested.filter((u) => !u.startsWith(`${demo.url}/`)), [], 'no request left the page\'s origin');
      assert.deepEqual(await page.evaluate(() => window.__csp), [], 'nothing needed the CSP to stop it');
      noPanic(page);
    });
  });

  for (const { kind, times, label, served, says, rawBits } of [
    // Reads are retried (4 tries within 20 s): 10 is more than enough to exhaust them.
    { kind: 'html500', times: 10, label: 'a 500 with an HTML body', served: 500, says: /HTTP 500/,
      rawBits: ['<html', '<body', '<h1>', 'Internal Server Error'] },
    // Not retried: one broken answer is the whole first load.
    { kind: 'malformed_json', times: 1, label: 'malformed JSON', served: 200, says: /cannot read/,
      rawBits: ['{"count"', '"results"', '"id": 1'] },
  ]) {
    it(`shows an error state with Retry after ${label} on the first load, and Retry recovers`, TEST, async () => {
      await withFailureScreenshot(page, `list-error-${kind}`, async () => {
        await signIn(page, demo);
        await demo.fault({ path_prefix: '/api/v1/snapshots/', method: 'GET', kind, times });
        await page.reload();
        assert.equal(await screenOf(page), 'list', 'still signed in: a broken answer is not a rejected token');

        const errorState = page.locator('.error-state');
        await errorState.waitFor({ timeout: 30_000 });
        assert.equal(await errorState.getAttribute('role'), 'alert', 'the error state is announced');
        const text = await textOf(errorState);
        assert.match(text, /could not be loaded/, `the error state says what failed: ${text}`);
        assert.match(text, says, `the error state says why: ${text}`);
        const bodyText = await page.locator('body').innerText();
        for (const bit of rawBits) {
          assert.ok(!bodyText.includes(bit), `the raw answer (${bit}) must not be shown: ${text}`);
        }
        assert.equal(await page.locator('main h1, main h2').filter({ hasText: 'Internal Server Error' }).count(), 0,
          'the HTML error page is not rendered');
        assert.equal(await page.locator('article[data-server-id]').count(), 0, 'no list is shown');

        const faulty = (await listGets(demo)).filter((r) => r.status === served);
        assert.ok(faulty.length >= 1, `the faulty answer (${served}) was served`);

        // Whatever is left of the fault is cleared, so the next answer is good.
        await demo.reset();
        const retry = errorState.getByRole('button', { name: 'Retry' });
        await until(() => retry.isEnabled(), 'the Retry button is enabled once the load gave up');
        await retry.click();
        await untilEqual(() => sectionIds(page), SERVERS_BY_NAME.map(([id]) => id), 'Retry shows the list');
        await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, 'with every snapshot');
        assert.equal(await page.locator('.error-state').count(), 0, 'the error state is gone');
        assert.ok((await listGets(demo)).some((r) => r.status === 200), 'Retry asked the API again');
        noPanic(page);
      });
    });
  }

  it('searches name and description as you type, and sorts rows within each group', TEST, async () => {
    await withFailureScreenshot(page, 'list-search-sort', async () => {
      // Make the oldest db-server-01 snapshot the largest, so the three orders differ.
      await demo.setSnapshotStatus({ id: 811, status: 'completed', size_mb: 30_000 });
      await signIn(page, demo);
      await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, 'the whole list at first');

      const search = page.getByLabel('Search', { exact: true });
      await search.pressSequentially('nightly');
      await untilEqual(() => sectionIds(page), [12346], '"nightly" leaves only db-server-01');
      assert.deepEqual(await rowIds(page, 12346), [815, 814, 813, 811], '"nightly" shows the db-nightly-* rows');
      const names = await page.locator('[data-snapshot-id] .snapshot-name').allInnerTexts();
      assert.ok(names.every((n) => n.startsWith('db-nightly-')), `only db-nightly-* rows: ${names}`);
      assert.equal(await textOf(page.locator('article[data-server-id="12346"] .count')), '5 / 5 snapshots',
        'the count still tells all snapshots of the server while searching');

      // A word only in a description, in another case.
      await search.fill('');
      await search.pressSequentially('MAJOR');
      await untilEqual(() => allRowIds(page), [801], 'a description match ("Before major migration")');

      await search.fill('');
      await search.pressSequentially('zzqx-nothing');
      const empty = page.getByText('No server or snapshot matches');
      await empty.waitFor();
      assert.match(await textOf(empty), /zzqx-nothing/, 'the empty result repeats the query');
      assert.equal(await page.locator('[data-snapshot-id]').count(), 0, 'no row matches nonsense');

      await search.fill('');
      await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, 'clearing the search shows everything again');
      assert.deepEqual(await rowIds(page, 12346), [815, 814, 813, 812, 811], 'newest first by default');

      const sort = page.getByLabel('Sort snapshots', { exact: true });
      await sort.selectOption({ label: 'Name (A–Z)' });
      await untilEqual(() => rowIds(page, 12346), [812, 811, 813, 814, 815], 'Name (A–Z) orders db-server-01 by name');
      assert.deepEqual(await rowIds(page, 12345), [801, 798], 'Name (A–Z) orders web-server-01 by name');
      assert.deepEqual(await sectionIds(page), SERVERS_BY_NAME.map(([id]) => id), 'rows move within their group only');

      await sort.selectOption({ label: 'Largest first' });
      await untilEqual(() => rowIds(page, 12346), [811, 815, 814, 813, 812], 'Largest first orders db-server-01 by size');
      assert.equal(await textOf(page.locator('[data-snapshot-id="811"] .snapshot-size')), '29.3 GB');
      assert.deepEqual(await sectionIds(page), SERVERS_BY_NAME.map(([id]) => id), 'rows move within their group only');
      noPanic(page);
    });
  });

  it('has no axe violations on the sign-in page and on the list', TEST, async () => {
    await withFailureScreenshot(page, 'list-a11y', async () => {
      await page.goto(`${demo.url}/`);
      await tokenField(page).waitFor();
      await assertNoA11yViolations(page, 'the sign-in page');

      await signIn(page, demo);
      await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, 'the whole list');
      await assertNoA11yViolations(page, 'the snapshot list');
      noPanic(page);
    });
  });

  it('fits 1280 px and 375 px wide screens (screenshots)', TEST, async () => {
    await withFailureScreenshot(page, 'list-widths', async () => {
      await resize(page, 1280, 900);
      await signIn(page, demo);
      await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, 'the whole list');
      await screenshot(page, 'list-1280');
      let layout = await layoutProblems(page);
      assert.ok(layout.scrollWidth <= 1280, `no horizontal scrolling at 1280 px: scrollWidth is ${layout.scrollWidth}`);
      assert.deepEqual(layout.outside, [], 'every button is within its bar or section at 1280 px');
      assert.deepEqual(await crushedNames(page), [], 'no snapshot name is squeezed at 1280 px');

      await resize(page, 375, 812);
      await screenshot(page, 'list-375');
      layout = await layoutProblems(page);
      assert.ok(layout.scrollWidth <= 375, `no horizontal scrolling at 375 px: scrollWidth is ${layout.scrollWidth}`);
      assert.deepEqual(layout.outside, [], `every button is within its bar or section at ${layout.width} px`);
      // Only the sections near the viewport are rendered (a windowed list).
      const rows = await page.locator('[data-snapshot-id]').count();
      assert.ok(rows > 0, 'rows are shown at 375 px');
      const rowButtons = await page.locator('[data-snapshot-id] button:not(.time-tip)').count();
      assert.equal(rowButtons, rows * 2, 'each row has its Restore and Delete buttons');
      assert.deepEqual(await crushedNames(page), [], 'no snapshot name is squeezed at 375 px');
      // Longer labels: Spanish and Somali must fit too.
      for (const lang of ['es', 'so']) {
        await chooseLanguage(page, lang);
        layout = await layoutProblems(page);
        assert.ok(layout.scrollWidth <= 375, `no horizontal scrolling at 375 px in ${lang}`);
        assert.deepEqual(layout.outside, [], `every button is within its bar or section at 375 px in ${lang}`);
      }
      noPanic(page);
    });
  });

  it('keeps every snapshot name readable at a tablet width (768 px)', TEST, async () => {
    await withFailureScreenshot(page, 'list-768', async () => {
      await resize(page, 768, 1024);
      await signIn(page, demo);
      await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, 'the whole list');
      await screenshot(page, 'list-768');
      const layout = await layoutProblems(page);
      assert.ok(layout.scrollWidth <= 768, `no horizontal scrolling at 768 px: scrollWidth is ${layout.scrollWidth}`);
      assert.deepEqual(layout.outside, [], 'every button is within its bar or section at 768 px');
      // The failed snapshot's "Cannot be restored (status: failed)." note must
      // not squeeze its name into a one-letter-wide column.
      assert.deepEqual(await crushedNames(page), [], 'no snapshot name is squeezed onto more than two lines at 768 px');
      noPanic(page);
    });
  });

  it('says when it was updated, and Refresh sends exactly one new list request', TEST, async () => {
    await withFailureScreenshot(page, 'list-refresh', async () => {
      await signIn(page, demo);
      const updated = page.locator('.updated');
      await until(async () => (await textOf(updated)) === 'Updated just now', 'the list says "Updated just now"');

      const refresh = page.getByRole('button', { name: 'Refresh' });
      await until(() => refresh.isEnabled(), 'Refresh is enabled once the list is loaded');
      const before = (await listGets(demo)).length;
      await refresh.click();
      await until(async () => (await listGets(demo)).length > before, 'Refresh asks the API for the list');
      await until(async () => (await page.getByRole('button', { name: 'Refresh' }).isEnabled()),
        'Refresh is enabled again once the list is reloaded');
      await delay(500);
      const after = await listGets(demo);
      assert.equal(after.length, before + 1, `Refresh sends exactly one list request: ${JSON.stringify(after.slice(before))}`);
      assert.equal(after.at(-1).status, 200, 'and it succeeded');
      assert.deepEqual(queryOf(after.at(-1)), {}, 'for all servers');
      assert.equal(await textOf(updated), 'Updated just now', 'still "Updated just now" after Refresh');
      noPanic(page);
    });
  });
});
