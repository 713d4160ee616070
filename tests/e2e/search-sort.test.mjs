// Search that finds servers too, natural order, the server sort, and both
// kept in the address; counts written for the language.
//
// The search box finds a server by name, #id, hostname or IP and shows its
// whole section, ignoring case and accents; names sort naturally (srv-2 <
// srv-10 < srv-10000); "Sort servers" orders the sections (rollback
// readiness: none, then oldest first); search and sorts live in the address
// (a reload keeps them, Back undoes each, a search being one entry however
// many keys were typed, and a portal's own parameters are kept as written);
// counts are grouped as the language writes them (10,000 · 10.000). In
// English and Spanish, with the toolbar looked at in en/es/so at 1280 and
// 375 px.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, signInHere, textOf, withFailureScreenshot,
  chooseLanguage,
} from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { group, sectionIds } from './support/locators.mjs';
import { until, untilEqual } from './support/wait.mjs';

const TEST = { timeout: 90_000 };

/** The seeded servers in name order. */
const BY_NAME = [12348, 12346, 12349, 12347, 12345];

/** The snapshot ids of a server's section, in page order. */
function rowIds(page, serverId) {
  return group(page, serverId).locator('[data-snapshot-id]')
    .evaluateAll((els) => els.map((el) => Number(el.dataset.snapshotId)));
}

/** The live line that says how much a search shows. */
function shownLine(page) {
  return page.locator('.list-shown');
}

/** Types `text` into the search key by key, then leaves the field. */
async function search(page, text, label = 'Search') {
  const field = page.getByLabel(label, { exact: true });
  await field.fill('');
  await field.pressSequentially(text);
  await field.press('Tab');
}

/** Horizontal overflow of the page, and controls outside the toolbar. */
function toolbarProblems(page) {
  return page.evaluate(() => {
    const bar = document.querySelector('.toolbar').getBoundingClientRect();
    // Folded into "More" (not laid out) is not outside.
    const outside = [...document.querySelectorAll('.toolbar select, .toolbar input, .toolbar button, .toolbar label')]
      .filter((el) => el.getClientRects().length > 0)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.left < bar.left - 0.5 || r.right > bar.right + 0.5;
      })
      .map((el) => el.id || el.textContent);
    return { scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth, outside };
  });
}

describe('search finds servers, natural order and the server sort, in the address', { timeout: 600_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({}, (f) => ({ demo, page } = f));

  it('finds a server by hostname, IP, number or name and shows its whole section, saying how much is shown', TEST, async () => {
    await withFailureScreenshot(page, 'search-servers', async () => {
      await signIn(page, demo);
      await untilEqual(() => sectionIds(page), BY_NAME, 'every server at first');

      await search(page, 'DB01.example');
      await untilEqual(() => sectionIds(page), [12346], 'the hostname finds db-server-01');
      assert.deepEqual(await rowIds(page, 12346), [815, 814, 813, 812, 811], 'with every snapshot of it');
      await untilEqual(() => textOf(shownLine(page)), 'Showing 1 server and 5 snapshots.', 'the count says what is shown');
      assert.equal(await shownLine(page).getAttribute('role'), 'status', 'announced politely');

      await search(page, '203.0.113.14');
      await untilEqual(() => sectionIds(page), [12349], 'the IP finds legacy-app-01');
      assert.deepEqual(await rowIds(page, 12349), [830]);

      await search(page, '#12347');
      await untilEqual(() => sectionIds(page), [12347], 'the number finds staging-01');

      // A server without snapshots is shown, and says so.
      await search(page, 'ci.example.com');
      await untilEqual(() => sectionIds(page), [12348], 'build-runner-01 by its hostname');
      await untilEqual(() => textOf(shownLine(page)), 'Showing 1 server and 0 snapshots.', 'the count');

      // Server matches and snapshot matches together: "web" is web-server-01's
      // name and hostname, and no snapshot's; "nightly" only snapshots'.
      await search(page, 'nightly');
      await untilEqual(() => sectionIds(page), [12346], 'a snapshot search still works');
      assert.deepEqual(await rowIds(page, 12346), [815, 814, 813, 811], 'only the matching rows');

      // Accents and case ignored both ways.
      await demo.rename({ snapshot_id: 798, name: 'migración-semanal' });
      await page.getByRole('button', { name: 'Refresh' }).click();
      await search(page, 'MIGRACION');
      await untilEqual(() => sectionIds(page), [12345], 'an accent need not be typed');
      assert.deepEqual(await rowIds(page, 12345), [798]);

      // The readiness summary counts the servers shown.
      await search(page, 'example.com');
      await untilEqual(() => sectionIds(page), BY_NAME, 'every server has an example.com hostname');
      await search(page, 'db-server');
      await untilEqual(() => textOf(page.locator('.readiness-summary p')),
        '1 of 1 servers has no rollback point from the last 7 days.', 'the summary counts what is shown');
      await assertNoA11yViolations(page, 'the list searched by server');
      noPanic(page);
    });
  });

  it('sorts server and snapshot names naturally, case and accents folded', TEST, async () => {
    await withFailureScreenshot(page, 'natural-order', async () => {
      const names = { 12345: 'srv-10000', 12346: 'srv-10', 12347: 'Srv-2', 12348: 'srv-1000', 12349: 'Élan-01' };
      for (const [id, name] of Object.entries(names)) await demo.rename({ server_id: Number(id), name });
      const snapshots = { 815: 'n-10', 814: 'n-9', 813: 'N-100', 812: 'n-1', 811: 'ñ-2' };
      for (const [id, name] of Object.entries(snapshots)) await demo.rename({ snapshot_id: Number(id), name });
      await signIn(page, demo);
      await untilEqual(() => sectionIds(page), [12349, 12347, 12346, 12348, 12345],
        'Élan-01, Srv-2, srv-10, srv-1000, srv-10000');

      await page.getByLabel('Sort snapshots', { exact: true }).selectOption({ label: 'Name (A–Z)' });
      await untilEqual(() => rowIds(page, 12346), [812, 811, 814, 815, 813], 'n-1, ñ-2, n-9, n-10, N-100');
      noPanic(page);
    });
  });

  it('sorts servers by rollback readiness, snapshot count, size and newest snapshot', TEST, async () => {
    await withFailureScreenshot(page, 'server-sort', async () => {
      await signIn(page, demo);
      await untilEqual(() => sectionIds(page), BY_NAME, 'by name at first');
      const menu = page.getByLabel('Sort servers', { exact: true });

      // None (build-runner-01, legacy-app-01: only a failed one), then the
      // oldest rollback point first: staging-01 (5 Jan), db-server-01 (14 Jan),
      // web-server-01 (15 Jan).
      await menu.selectOption({ label: 'Readiness, worst first' });
      await untilEqual(() => sectionIds(page), [12348, 12349, 12347, 12346, 12345], 'readiness, worst first');
      assert.match(page.url(), /[?&]server_sort=readiness(&|$)/, 'the sort is in the address');

      await menu.selectOption({ label: 'Most snapshots first' });
      await untilEqual(() => sectionIds(page), [12346, 12345, 12349, 12347, 12348], 'most snapshots first, then by name');
      await menu.selectOption({ label: 'Largest in total first' });
      await untilEqual(() => sectionIds(page), [12346, 12345, 12347, 12348, 12349], 'largest total first, then by name');
      await menu.selectOption({ label: 'Newest snapshot first' });
      await untilEqual(() => sectionIds(page), [12345, 12346, 12349, 12347, 12348], 'newest snapshot first, none last');
      noPanic(page);
    });
  });

  it('keeps search and sorts in the address: reload keeps them, Back undoes each, a portal\'s parameters stay as written', TEST, async () => {
    await withFailureScreenshot(page, 'search-sort-address', async () => {
      const portal = 'tab=ops&return=%2Fportal%3Fx%3D1%2525';
      await page.goto(`${demo.url}/?${portal}`);
      await signInHere(page, demo.token);
      await untilEqual(() => sectionIds(page), BY_NAME, 'every server at first');
      const query = () => new URL(page.url()).search.slice(1);
      assert.equal(query(), portal, 'signed in with the portal\'s address');
      await page.evaluate(() => { window.__sameDocument = true; });
      const entries = () => page.evaluate(() => history.length);
      const before = await entries();

      // A search typed key by key is one history entry.
      await search(page, 'web-server');
      await untilEqual(() => sectionIds(page), [12345], 'web-server-01 found');
      assert.equal(await entries(), before + 1, 'one entry for the whole search');
      assert.equal(query(), `${portal}&q=web-server`);
      // Typing on after leaving the field starts a new entry.
      await search(page, 'web-server-01 #1');
      assert.equal(await entries(), before + 2);
      await search(page, '');
      await untilEqual(() => sectionIds(page), BY_NAME, 'cleared');
      await search(page, '#1234');
      await untilEqual(() => query(), `${portal}&q=%231234`, '# is encoded');

      await page.getByLabel('Sort servers', { exact: true }).selectOption({ label: 'Most snapshots first' });
      await page.getByLabel('Sort snapshots', { exact: true }).selectOption({ label: 'Largest first' });
      await untilEqual(() => query(), `${portal}&q=%231234&server_sort=count&sort=size`, 'both sorts in the address');
      const arranged = [12346, 12345, 12349, 12347, 12348];
      await untilEqual(() => sectionIds(page), arranged, 'searched and sorted');

      await page.reload();
      await page.locator('article[data-server-id]').first().waitFor();
      await untilEqual(() => sectionIds(page), arranged, 'the reload keeps search and sorts');
      assert.equal(await page.getByLabel('Search', { exact: true }).inputValue(), '#1234');
      assert.equal(await page.getByLabel('Sort servers', { exact: true }).inputValue(), 'count');
      assert.equal(await page.getByLabel('Sort snapshots', { exact: true }).inputValue(), 'size');
      assert.equal(query(), `${portal}&q=%231234&server_sort=count&sort=size`, 'the portal\'s parameters as written');
      await page.evaluate(() => { window.__sameDocument = true; });

      await page.goBack();
      await untilEqual(() => page.getByLabel('Sort snapshots', { exact: true }).inputValue(), 'date', 'Back undoes the snapshot sort');
      await page.goBack();
      await untilEqual(() => page.getByLabel('Sort servers', { exact: true }).inputValue(), 'name', 'Back undoes the server sort');
      await untilEqual(() => sectionIds(page), BY_NAME, 'by name again, still searched for #1234');
      assert.equal(await page.getByLabel('Search', { exact: true }).inputValue(), '#1234');
      await page.goBack();
      await untilEqual(() => page.getByLabel('Search', { exact: true }).inputValue(), '', 'Back undoes the last search');
      await untilEqual(() => sectionIds(page), BY_NAME, 'every server again');
      await page.goBack();
      await untilEqual(() => page.getByLabel('Search', { exact: true }).inputValue(), 'web-server-01 #1', 'and the one before');
      assert.equal(await page.evaluate(() => window.__sameDocument), true, 'Back did not reload the page');
      assert.ok(query().startsWith(`${portal}&q=`), `the portal's parameters stay: ${query()}`);
      noPanic(page);
    });
  });

  it('in Spanish: search by hostname and IP, the server sort, and the toolbar in en/es/so at 1280 and 375 px', TEST, async () => {
    await withFailureScreenshot(page, 'search-sort-es', async () => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await signIn(page, demo);
      await chooseLanguage(page, 'es');
      await page.getByLabel('Ordenar servidores', { exact: true }).waitFor();

      await search(page, 'staging.example', 'Buscar');
      await untilEqual(() => sectionIds(page), [12347], 'el hostname encuentra staging-01');
      await untilEqual(() => textOf(shownLine(page)), 'Mostrando 1 servidor y 1 instantánea.', 'the count in Spanish');
      await search(page, '203.0.113.11', 'Buscar');
      await untilEqual(() => sectionIds(page), [12346], 'la IP encuentra db-server-01');
      await search(page, 'zzqx', 'Buscar');
      await page.getByText('Ningún servidor ni instantánea coincide con «zzqx».').waitFor();
      await search(page, '', 'Buscar');

      await page.getByLabel('Ordenar servidores', { exact: true })
        .selectOption({ label: 'Restauración, peor primero' });
      await untilEqual(() => sectionIds(page), [12348, 12349, 12347, 12346, 12345], 'readiness, worst first');
      await assertNoA11yViolations(page, 'the Spanish list sorted by readiness');

      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        for (const lang of ['en', 'es', 'so']) {
          await chooseLanguage(page, lang);
          await until(() => page.evaluate((l) => document.documentElement.lang === l, lang), `the page is in ${lang}`);
          const problems = await toolbarProblems(page);
          assert.ok(problems.scrollWidth <= width, `no horizontal scrolling at ${width} px in ${lang}: ${problems.scrollWidth}`);
          assert.deepEqual(problems.outside, [], `every control within the toolbar at ${width} px in ${lang}`);
          await page.locator('.toolbar').screenshot({ path: await screenshot(page, `toolbar-${width}-${lang}`) });
        }
      }
      noPanic(page);
    });
  });
});

describe('counts written for the language, at 10,000 servers', { timeout: 600_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({ demoArgs: ['--large', '10000:10', '--page-size', '500'] }, (f) => ({ demo, page } = f));

  it('says 10,000 in English and 10.000 in Spanish (four digits stay whole in Spanish)', { timeout: 240_000 }, async () => {
    await withFailureScreenshot(page, 'counts-10000', async () => {
      await signIn(page, demo);
      const summary = page.locator('.readiness-summary p');
      // Every snapshot of the demo is older than 7 days.
      await untilEqual(() => textOf(summary), '10,000 of 10,000 servers have no rollback point from the last 7 days.',
        'English groups by thousands', { timeout: 120_000 });
      // srv-1000 … srv-1999 and srv-10000, whose names and hostnames hold
      // "srv-1"; the demo's ten snapshots are of srv-0001 … srv-0010.
      await search(page, 'srv-1');
      await untilEqual(() => textOf(shownLine(page)), 'Showing 1,001 servers and 0 snapshots.', 'the search count',
        { timeout: 30_000 });

      await chooseLanguage(page, 'es');
      await untilEqual(() => textOf(shownLine(page)), 'Mostrando 1001 servidores y 0 instantáneas.', 'Spanish: four digits whole');
      await search(page, '', 'Buscar');
      await untilEqual(() => textOf(summary),
        '10.000 de 10.000 servidores no tienen un punto de restauración de los últimos 7 días.', 'Spanish: 10.000');

      await chooseLanguage(page, 'so');
      await until(async () => (await textOf(summary)).startsWith('10,000 ka mid ah 10,000 server'), 'Somali: 10,000');
      noPanic(page);
    });
  });
});
