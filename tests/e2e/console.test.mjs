// Rollback readiness per server with its summary and quick
// filter, the export of the list as shown (CSV and JSON), and the keyboard
// shortcuts with their dialog.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { api, SNAPSHOTS_PATH, wholeListGets } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import { noPanic, screenshot, signIn, textOf, withFailureScreenshot } from './support/browser.mjs';
import { QUICK_TRANSITIONS, useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, group, sectionIds } from './support/locators.mjs';
import { pickByKeyboard } from './support/picker.mjs';
import { until, untilEqual } from './support/wait.mjs';

const TEST = { timeout: 60_000 };

/** A description a spreadsheet would run as a formula, with a comma, quotes and a line break. */
const HOSTILE = '=HYPERLINK("http://evil.example/?x=1","click"), "quoted"\nsecond line';

/** The seeded servers (by name) with no recent rollback point once web-server-01 has a fresh one. */
const WITHOUT_RECENT = [12348, 12346, 12349, 12347];

/**
 * Creates a completed snapshot of web-server-01 through the API, taken now,
 * with the hostile description. Returns its id.
 */
async function freshSnapshot(demo) {
  const created = await api(demo, 'POST', SNAPSHOTS_PATH, {
    server_id: 12345, name: 'fresh-point', description: HOSTILE,
  });
  assert.equal(created.status, 201);
  await demo.setSnapshotStatus(created.body.id, 'completed', 4096);
  return created.body.id;
}

/** A minimal RFC 4180 reader: rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; }
    else cell += c;
  }
  assert.equal(row.length + cell.length, 0, 'the file ends with CRLF');
  return rows;
}

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Presses `key` on the page's body (focus on nothing in particular). */
async function pressOnPage(page, key) {
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press(key);
}

describe('rollback readiness, export and keyboard', () => {
  let demo;
  let browser;
  let page;
  useDemoAndBrowser(QUICK_TRANSITIONS, (f) => ({ demo, browser, page } = f));

  it('says how fresh each server\'s rollback point is, counts those without a recent one, and filters them', TEST, async () => {
    await freshSnapshot(demo);
    await signIn(page, demo);
    await withFailureScreenshot(page, 'readiness', async () => {
      const line = (id) => group(page, id).locator('.readiness');
      // Old snapshots: flagged in words, the exact time on focus, tap or hover.
      assert.match(await textOf(line(12346).locator('time')), /^Stale: last rollback point \d+ (months|years?) ago, more than 7 days old$/);
      assert.equal(await textOf(line(12346).locator('.time-exact')), '2025-01-14 02:00:00 UTC');
      assert.equal(await line(12346).locator('time').getAttribute('datetime'), '2025-01-14T02:00:00Z');
      // None at all, and only a failed one: no rollback point.
      assert.equal(await textOf(line(12348)), 'No rollback point: this server has no completed snapshot');
      assert.equal(await textOf(line(12349)), 'No rollback point: this server has no completed snapshot');
      // Fresh: not flagged.
      assert.match(await textOf(line(12345).locator('time')), /^Last rollback point (just now|1 minute ago)$/);

      const summary = page.locator('.readiness-summary');
      assert.equal(await textOf(summary.locator('p')),
        '4 of 5 servers have no rollback point from the last 7 days.');
      await screenshot(page, 'readiness-1280-en');

      const filter = page.getByLabel('Show only these servers');
      await filter.check();
      await untilEqual(() => sectionIds(page), WITHOUT_RECENT, 'only servers without a recent rollback point');
      assert.match(page.url(), /[?&]rollback=missing(&|$)/);
      // Survives a reload, as the address keeps it.
      await page.reload();
      await page.locator('article[data-server-id]').first().waitFor();
      await untilEqual(() => sectionIds(page), WITHOUT_RECENT, 'filtered after a reload');
      assert.equal(await page.getByLabel('Show only these servers').isChecked(), true);
      // Back undoes it.
      await page.getByLabel('Show only these servers').uncheck();
      await untilEqual(() => sectionIds(page), [12348, 12346, 12349, 12347, 12345], 'every server again');
      await page.goBack();
      await untilEqual(() => sectionIds(page), WITHOUT_RECENT, 'Back turns the filter on again');

      // A list where every server has a recent rollback point: said so, and
      // no filter to offer.
      await page.goto(`${demo.url}/?server=12345`);
      await untilEqual(() => sectionIds(page), [12345], 'web-server-01 only');
      await untilEqual(() => textOf(summary.locator('p')),
        'Every server has a rollback point from the last 7 days.', 'nothing to flag');
      assert.equal(await page.getByLabel('Show only these servers').isVisible(), false);
      await page.goBack();
      await untilEqual(() => sectionIds(page), WITHOUT_RECENT, 'Back to the filtered list');

      await page.setViewportSize({ width: 375, height: 800 });
      await screenshot(page, 'readiness-375-en');
      await assertNoA11yViolations(page, 'the list with the readiness filter');
      noPanic(page);
    });
  });

  it('exports the list as shown, filtered and searched, as CSV and JSON', TEST, async () => {
    const freshId = await freshSnapshot(demo);
    await signIn(page, demo);
    await withFailureScreenshot(page, 'export', async () => {
      await pickByKeyboard(page.getByRole('combobox', { name: 'Server', exact: true }), '#12345', 'web-server-01');
      await untilEqual(() => sectionIds(page), [12345], 'filtered to web-server-01');
      await page.locator('[data-snapshot-id]').nth(2).waitFor();

      const csv = await download(page, page.getByRole('button', { name: 'Export CSV' }));
      assert.match(csv.name, /^snapshots-\d{4}-\d{2}-\d{2}-\d{4}\.csv$/);
      assert.ok(csv.text.startsWith('\uFEFF'), 'a UTF-8 byte order mark for spreadsheets');
      const rows = parseCsv(csv.text.slice(1));
      assert.deepEqual(rows[0], ['server_id', 'server_name', 'snapshot_id', 'name', 'status', 'size_mb', 'created', 'description']);
      assert.deepEqual(rows.slice(1).map((r) => Number(r[2])).sort(), [freshId, 798, 801].sort());
      assert.ok(rows.slice(1).every((r) => r.length === 8 && r[0] === '12345' && r[1] === 'web-server-01'));
      const fresh = rows.find((r) => Number(r[2]) === freshId);
      // The formula is inert (a leading '), the comma, quotes and newline survive.
      assert.equal(fresh[7], `'${HOSTILE}`);
      assert.deepEqual(rows.find((r) => r[2] === '801'),
        ['12345', 'web-server-01', '801', 'pre-migration-snapshot', 'completed', '5120', '2025-01-15T18:30:00Z', 'Before major migration']);

      // Search narrows the export too.
      await page.getByLabel('Search').fill('major');
      await untilEqual(() => page.locator('[data-snapshot-id]').count(), 1, 'one row matches');
      const json = await download(page, page.getByRole('button', { name: 'Export JSON' }));
      assert.match(json.name, /^snapshots-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
      assert.deepEqual(JSON.parse(json.text), [{
        server_id: 12345,
        server_name: 'web-server-01',
        snapshot_id: 801,
        name: 'pre-migration-snapshot',
        status: 'completed',
        size_mb: 5120,
        created: '2025-01-15T18:30:00Z',
        description: 'Before major migration',
      }]);

      // JSON keeps the hostile text exactly as the API gave it.
      await page.getByLabel('Search').fill('HYPERLINK');
      await untilEqual(() => page.locator('[data-snapshot-id]').count(), 1, 'the hostile row matches');
      const hostile = JSON.parse((await download(page, page.getByRole('button', { name: 'Export JSON' }))).text);
      assert.equal(hostile.length, 1);
      assert.equal(hostile[0].description, HOSTILE);
      assert.equal(hostile[0].size_mb, 4096);
      noPanic(page);
    });
  });

  it('answers each shortcut, and none while typing, with a modifier or with a dialog open', TEST, async () => {
    await signIn(page, demo);
    await withFailureScreenshot(page, 'shortcuts', async () => {
      // ? lists every shortcut, in a dialog that passes axe and closes with Escape.
      await pressOnPage(page, '?');
      const help = dialog(page);
      await help.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
      assert.deepEqual(await help.locator('.shortcut dt').evaluateAll((els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim())),
        ['n', '/', 'r', 'g then a', '?']);
      await assertNoA11yViolations(page, 'the shortcuts dialog');
      await screenshot(page, 'shortcuts-dialog-1280-en');
      // With a dialog open, a shortcut does nothing.
      await page.keyboard.press('n');
      await page.keyboard.press('r');
      assert.equal(await help.getByRole('heading', { name: 'Keyboard shortcuts' }).count(), 1);
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached' });

      // n: a new snapshot, and the key is not typed into its name field.
      await pressOnPage(page, 'n');
      const create = dialog(page);
      await create.getByRole('heading', { name: 'New snapshot' }).waitFor();
      const name = await create.locator('#create-name').inputValue();
      assert.ok(!name.endsWith('n'), `the name field got the key: ${name}`);
      await page.keyboard.press('Escape');
      await create.waitFor({ state: 'detached' });

      // /: focus the search, without typing the slash.
      await pressOnPage(page, '/');
      await until(() => page.evaluate(() => document.activeElement?.id === 'search'), 'search focused');
      assert.equal(await page.getByLabel('Search').inputValue(), '');

      // While typing, no shortcut fires: the letters go into the field.
      const before = (await wholeListGets(demo)).length;
      const url = new URL(page.url());
      await page.keyboard.type('nr?ga/');
      assert.equal(await page.getByLabel('Search').inputValue(), 'nr?ga/');
      assert.equal(await dialog(page).count(), 0);
      // Still the list (no "g a" to Activity); only the search is in the address.
      assert.equal(new URL(page.url()).pathname, url.pathname);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'nr?ga/');
      await page.getByLabel('Search').fill('');

      // With a modifier, neither.
      await pressOnPage(page, 'Alt+n');
      await pressOnPage(page, 'Alt+r');
      assert.equal(await dialog(page).count(), 0);
      assert.equal((await wholeListGets(demo)).length, before, 'no refresh while typing or with a modifier');

      // r: refresh, once.
      await pressOnPage(page, 'r');
      await until(async () => (await wholeListGets(demo)).length === before + 1, 'one refresh');

      // g then a: the Activity page, in the console's folder.
      await pressOnPage(page, 'g');
      await page.keyboard.press('a');
      await page.waitForURL((u) => new URL(u).pathname === '/activity');
      // From the folder's index.html too: the page beside it, not below it.
      await page.goto(`${demo.url}/index.html`);
      await page.locator('article[data-server-id]').first().waitFor();
      await pressOnPage(page, 'g');
      await page.keyboard.press('a');
      await page.waitForURL((u) => new URL(u).pathname === '/activity');
      noPanic(page);
    });
  });

  it('lists the shortcuts in Spanish and Somali', TEST, async () => {
    await signIn(page, demo);
    for (const [tag, title] of [['es', 'Atajos de teclado'], ['so', 'Furayaasha kiiboodhka']]) {
      await page.evaluate((t) => sessionStorage.setItem('vps.lang', t), tag);
      await page.reload();
      await page.locator('article[data-server-id]').first().waitFor();
      await pressOnPage(page, '?');
      await dialog(page).getByRole('heading', { name: title }).waitFor();
      await screenshot(page, `shortcuts-dialog-1280-${tag}`);
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      await page.setViewportSize({ width: 375, height: 800 });
      await screenshot(page, `readiness-375-${tag}`);
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    noPanic(page);
  });
});
