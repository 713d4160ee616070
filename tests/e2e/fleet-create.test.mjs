// "Snapshot several servers": the dialog's checkboxes (a full
// server cannot be chosen), exactly one POST per chosen server with the
// chosen name, the progress table until each completes, a refusal on one
// server while the others proceed, a POST without an answer that is not
// sent again, a 401 that stops the batch, keyboard use and axe with the
// dialog open, and the filter of a long list. Making room on a full server
// is in fleet-create-room.test.mjs.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { createPosts } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, withFailureScreenshot,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useDemoAndBrowser } from './support/fixture.mjs';
import {
  checkbox, chosenCount, confirmButton, inEachLanguageAndWidth, listedServers, openButton, openDialog, progressRow,
  SERVERS, sentCreates,
} from './support/fleet-create.mjs';
import { dialog } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

describe('snapshot several servers', { timeout: 180_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser(QUICK_TRANSITIONS, (f) => ({ demo, page } = f));

  it('three servers chosen → exactly three POSTs with the chosen name, each row completes; a full server cannot be chosen', async () => {
    await withFailureScreenshot(page, 'fleet-create-three', async () => {
      await signIn(page, demo);
      await openDialog(page);

      const full = checkbox(page, 'db-server-01');
      assert.ok(await full.isDisabled(), 'the server at 5 / 5 cannot be chosen');
      const fullNote = dialog(page).locator(`#many-server-${SERVERS['db-server-01']}-note`);
      assert.match(await textOf(fullNote), /5 \/ 5.*Limit reached/, 'its count and the reason are given');
      const runningNote = dialog(page).locator(`#many-server-${SERVERS['web-server-01']}-note`);
      assert.match(await textOf(runningNote), /2 \/ 5 · running · Running: stop it first/,
        'a running server carries the advice');
      assert.match(await dialog(page).getByLabel('Name', { exact: true }).inputValue(),
        /^pre-change-\d{4}-\d{2}-\d{2}-\d{4}$/, 'the default name');
      assert.ok(await confirmButton(page).isDisabled(), 'nothing chosen: nothing to confirm');
      assert.equal(await dialog(page).locator('#many-filter').count(), 0, 'five servers: no filter');

      for (const name of ['web-server-01', 'staging-01', 'build-runner-01']) {
        await checkbox(page, name).check();
      }
      await dialog(page).getByLabel('Name', { exact: true }).fill('pre-upgrade-42');
      await dialog(page).getByLabel(/^Description/).fill('Before the kernel upgrade');
      await screenshot(page, 'fleet-create-chosen-1280');
      // Clicked three times: still one batch.
      await confirmButton(page).click();
      await confirmButton(page).click({ timeout: 500 }).catch(() => {});
      await confirmButton(page).click({ timeout: 500 }).catch(() => {});

      const expectedIds = [SERVERS['web-server-01'], SERVERS['staging-01'], SERVERS['build-runner-01']];
      for (const id of expectedIds) {
        await waitUntil(async () => /^Completed \(\d/.test(await textOf(progressRow(page, id).locator('td'))),
          `the row of server ${id} to complete`);
      }
      await screenshot(page, 'fleet-create-progress-1280');
      await sleep(500);
      const posts = await sentCreates(demo);
      assert.equal(posts.length, 3, 'exactly three POSTs');
      assert.deepEqual(posts.map((p) => p.server_id).sort(), expectedIds.sort(), 'one per chosen server');
      for (const post of posts) {
        assert.equal(post.name, 'pre-upgrade-42');
        assert.equal(post.description, 'Before the kernel upgrade');
      }
      assert.match(await textOf(dialog(page).locator('.batch-summary')), /^3 of 3 created$/);

      await dialog(page).getByRole('button', { name: 'Close', exact: true }).click();
      await dialog(page).waitFor({ state: 'detached' });
      for (const id of expectedIds) {
        const row = page.locator(`article[data-server-id="${id}"] li.snapshot`, { hasText: 'pre-upgrade-42' });
        assert.equal(await row.count(), 1, `server ${id} lists the new snapshot once`);
      }
      noPanic(page);
    });
  });

  it('"select all that have room" chooses every server but the full one; a refusal on one server is shown and the others proceed', async () => {
    await withFailureScreenshot(page, 'fleet-create-refusal', async () => {
      await signIn(page, demo);
      await demo.fault({
        path_prefix: '/api/v1/snapshots/',
        method: 'POST',
        kind: 'status',
        status: 400,
        body: JSON.stringify({ detail: 'Server <b>is</b> being migrated; try later.' }),
      });
      await openDialog(page);
      await dialog(page).getByRole('button', { name: 'Select all that have room' }).click();
      for (const [name, id] of Object.entries(SERVERS)) {
        assert.equal(await checkbox(page, name).isChecked(), id !== SERVERS['db-server-01'], `${name} chosen`);
      }
      assert.equal(await textOf(confirmButton(page)), 'Snapshot 4 servers');
      await confirmButton(page).click();

      await waitUntil(async () => (await sentCreates(demo)).filter((p) => p.status !== 0).length === 4,
        'four answered POSTs');
      const posts = await sentCreates(demo);
      const refused = posts.filter((p) => p.status === 400);
      assert.equal(refused.length, 1, 'one POST was refused');
      const refusedRow = progressRow(page, refused[0].server_id).locator('td');
      await waitUntil(async () => /being migrated/.test(await textOf(refusedRow)), 'the refusal in its row');
      assert.match(await textOf(refusedRow), /Server <b>is<\/b> being migrated; try later\./,
        "the API's words, as text");
      assert.equal(await progressRow(page, refused[0].server_id).locator('b').count(), 0, 'never as markup');
      for (const post of posts.filter((p) => p.status === 201)) {
        await waitUntil(async () => /^Completed \(/.test(await textOf(progressRow(page, post.server_id).locator('td'))),
          `server ${post.server_id} completes`);
      }
      await sleep(500);
      assert.equal((await createPosts(demo)).length, 4, 'the refusal was not retried');
      noPanic(page);
    });
  });

  it('a POST that gets no answer is not sent again: its row says what the list shows, the other completes', async () => {
    await withFailureScreenshot(page, 'fleet-create-dropped', async () => {
      await signIn(page, demo);
      await demo.fault({ path_prefix: '/api/v1/snapshots/', method: 'POST', kind: 'drop' });
      await openDialog(page);
      await checkbox(page, 'staging-01').check();
      await checkbox(page, 'build-runner-01').check();
      await confirmButton(page).click();

      await waitUntil(async () => (await createPosts(demo)).length === 2, 'two POSTs');
      const dropped = (await sentCreates(demo)).find((p) => p.status === 0);
      assert.ok(dropped, 'one POST got no answer');
      const other = dropped.server_id === SERVERS['staging-01'] ? SERVERS['build-runner-01'] : SERVERS['staging-01'];
      const droppedRow = progressRow(page, dropped.server_id).locator('td');
      await waitUntil(async () => /Nothing was created \(the list has no such snapshot\)/.test(await textOf(droppedRow)),
        'the dropped row says the list shows nothing was created');
      await waitUntil(async () => /^Completed \(/.test(await textOf(progressRow(page, other).locator('td'))),
        'the other server completes');
      await sleep(500);
      assert.equal((await createPosts(demo)).length, 2, 'nothing was sent again');
      const checks = await demo.requests((r) => r.method === 'GET' && r.query.includes(`server_id=${dropped.server_id}`));
      assert.ok(checks.length >= 1, "the dropped server's list was checked");
      noPanic(page);
    });
  });

  it('keyboard only: Space chooses, Enter confirms, Escape closes without stopping the batch; axe finds nothing with the dialog open', async () => {
    await withFailureScreenshot(page, 'fleet-create-keyboard', async () => {
      await signIn(page, demo);
      // Slow answers, so that the dialog is closed while the batch runs.
      await demo.fault({ path_prefix: '/api/v1/snapshots/', method: 'POST', times: 2, kind: 'slow', delay_ms: 4000 });
      await openButton(page).focus();
      await page.keyboard.press('Enter');
      await dialog(page).getByRole('checkbox').first().waitFor();
      await assertNoA11yViolations(page, 'the "Snapshot several servers" dialog');

      // Tab from the first button to the first checkbox.
      const focused = () => page.evaluate(() => {
        const el = document.activeElement;
        return { tag: el?.tagName, type: el?.getAttribute('type'), id: el?.id, text: el?.textContent?.trim() };
      });
      assert.equal((await focused()).text, 'Select all that have room',
        'focus starts at the top of the dialog, which sends nothing');
      let tabs = 0;
      while ((await focused()).type !== 'checkbox' && tabs < 10) {
        await page.keyboard.press('Tab');
        tabs += 1;
      }
      const first = await focused();
      assert.equal(first.type, 'checkbox', 'Tab reaches the checkboxes');
      await page.keyboard.press('Space');
      assert.equal(await page.locator(`#${first.id}`).isChecked(), true, 'Space chooses a server');
      // On to the next server, past a full server's "make room" choice.
      tabs = 0;
      do {
        await page.keyboard.press('Tab');
        tabs += 1;
      } while ((await focused()).id?.startsWith('many-room-') && tabs < 10);
      const second = await focused();
      await page.keyboard.press('Space');
      assert.equal(await page.locator(`#${second.id}`).isChecked(), second.type === 'checkbox',
        'Space on the next one chooses it too');
      const chosenIds = [first.id, second.id].filter((id) => id.startsWith('many-server-'))
        .map((id) => Number(id.replace('many-server-', '')));

      tabs = 0;
      while (!/^Snapshot \d/.test((await focused()).text ?? '') && tabs < 20) {
        await page.keyboard.press('Tab');
        tabs += 1;
      }
      await page.keyboard.press('Enter');
      await dialog(page).locator('table').waitFor();
      // Created, or still in progress (two quick answers may already be in).
      assert.match(await textOf(dialog(page).locator('.batch-summary')), /^\d of 2 created(, [12] in progress)?$/);
      await assertNoA11yViolations(page, 'the progress table');
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'detached' });
      assert.equal(await openButton(page).evaluate((el) => el === document.activeElement), true,
        'focus returns to the button that opened the dialog');

      // The batch goes on: each chosen server gets its snapshot in the list.
      for (const id of chosenIds) {
        await waitUntil(async () => {
          const rows = page.locator(`article[data-server-id="${id}"] li.snapshot`, { hasText: /pre-change-/ });
          return (await rows.count()) === 1 && /Completed/.test(await textOf(rows));
        }, `server ${id}'s new snapshot completes in the list`);
      }
      assert.equal((await createPosts(demo)).length, chosenIds.length, 'one POST per server chosen by keyboard');

      // Opened again, the dialog shows how the batch ended (a refusal the
      // operator has not seen is not lost); once closed, the next is new.
      await openButton(page).click();
      await dialog(page).locator('table').waitFor();
      assert.match(await textOf(dialog(page).locator('.batch-summary')),
        new RegExp(`^${chosenIds.length} of ${chosenIds.length} created$`));
      await dialog(page).getByRole('button', { name: 'Close', exact: true }).click();
      await openButton(page).click();
      await dialog(page).getByRole('checkbox').first().waitFor();
      assert.equal(await dialog(page).locator('table').count(), 0, 'a new batch starts from the form');
      noPanic(page);
    });
  });

  it('looks right at 1280 and 375 px in English, Spanish and Somali', async () => {
    await signIn(page, demo);
    await inEachLanguageAndWidth(page, (lang, width) => screenshot(page, `fleet-create-${lang}-${width}`));
    noPanic(page);
  });
});

describe('a 401 in the middle of a batch of creates', { timeout: 120_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({
    demoArgs: ['--large', '8:0', ...QUICK_TRANSITIONS.demoArgs],
    config: QUICK_TRANSITIONS.config,
  }, (f) => ({ demo, page } = f));

  it('stops the batch: nothing more is sent, back to sign-in, saying which servers got a snapshot and which were not asked', async () => {
    await withFailureScreenshot(page, 'fleet-create-401', async () => {
      await signIn(page, demo);
      // The first POST to arrive is rejected; the other three in flight answer later.
      await demo.fault({ path_prefix: '/api/v1/snapshots/', method: 'POST', kind: 'status', status: 401 });
      await demo.fault({ path_prefix: '/api/v1/snapshots/', method: 'POST', times: 3, kind: 'slow', delay_ms: 1500 });
      await openDialog(page);
      await dialog(page).getByRole('button', { name: 'Select all that have room' }).click();
      assert.equal(await textOf(confirmButton(page)), 'Snapshot 8 servers');
      await confirmButton(page).click();

      await page.getByLabel('API token').waitFor();
      const notice = page.getByText(/The batch was stopped/);
      await notice.waitFor();
      await sleep(1000);
      const posts = await sentCreates(demo);
      assert.equal(posts.length, 4, 'only the first four (in flight) were sent; nothing after the 401');
      const name = (id) => `srv-${String(id - 10000).padStart(4, '0')}`;
      const started = posts.filter((p) => p.status === 201).map((p) => name(p.server_id));
      const rejected = posts.filter((p) => p.status === 401).map((p) => name(p.server_id));
      assert.equal(started.length, 3);
      assert.equal(rejected.length, 1);
      const sent = new Set(posts.map((p) => name(p.server_id)));
      const notAsked = Array.from({ length: 8 }, (_, i) => name(10001 + i)).filter((n) => !sent.has(n));
      const text = await textOf(notice);
      await screenshot(page, 'fleet-create-401-notice');
      const [, startedPart, notAskedPart, failedPart] =
        text.match(/Snapshot started on: (.*)\. Not asked \(nothing sent\): (.*)\. Asked, but no snapshot started: (.*)\./) ?? [];
      assert.ok(startedPart, `the notice has the three lists: ${text}`);
      assert.deepEqual(startedPart.split(', ').sort(), started.sort(), 'the servers that got a snapshot');
      assert.deepEqual(notAskedPart.split(', ').sort(), notAsked.sort(), 'the servers not asked');
      assert.deepEqual(failedPart.split(', '), rejected, 'the server whose request was rejected');
      noPanic(page);
    });
  });
});

describe('a long list of servers to snapshot', { timeout: 180_000 }, () => {
  let demo;
  let page;
  // 250 servers without snapshots: srv-0001 … srv-0250, ids 10001 … 10250.
  useDemoAndBrowser({ demoArgs: ['--large', '250:0'] }, (f) => ({ demo, page } = f));

  it('the filter (focused first) narrows the list by name or number; choices hidden by it stay chosen and are sent; axe finds nothing', async () => {
    await withFailureScreenshot(page, 'fleet-create-filter', async () => {
      await signIn(page, demo);
      await openDialog(page);
      const filter = dialog(page).getByRole('combobox', { name: 'Find servers' });
      // Typing opens the picker's list over the dialog; Escape closes it and keeps the filter.
      const narrow = async (text) => {
        await filter.fill(text);
        await page.keyboard.press('Escape');
      };
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'many-filter', 'the filter has the focus');
      assert.equal((await listedServers(page)).length, 200, 'the first 200 servers before filtering');

      await narrow('SRV-024');
      await waitUntil(async () => (await listedServers(page)).length === 10, 'srv-0240 … srv-0249 shown');
      assert.ok((await listedServers(page)).every((name) => name.startsWith('srv-024')), 'only those');
      await dialog(page).getByRole('button', { name: 'Select all found that have room' }).click();
      assert.equal(await chosenCount(page), '10 servers chosen');

      await narrow('#10025');
      await waitUntil(async () => (await listedServers(page)).join() === 'srv-0025', 'srv-0025 found by its number');
      await checkbox(page, 'srv-0025').check();
      assert.equal(await chosenCount(page), '11 servers chosen', 'the ten hidden ones are still chosen');

      await narrow('no-such-server');
      await dialog(page).getByText('No server matches “no-such-server”.').waitFor();
      assert.equal((await listedServers(page)).length, 0);
      await assertNoA11yViolations(page, 'the several-servers dialog with its filter');

      await narrow('');
      await waitUntil(async () => (await listedServers(page)).length === 200, 'the first 200 again');
      assert.equal(await dialog(page).getByRole('button', { name: 'Select all that have room' }).count(), 1,
        'without a filter the button chooses them all again');
      await confirmButton(page).click();
      await waitUntil(async () => (await sentCreates(demo)).length === 11, 'eleven POSTs');
      await sleep(500);
      const expected = [10_025, ...Array.from({ length: 10 }, (_, i) => 10_240 + i)];
      assert.deepEqual((await sentCreates(demo)).map((p) => p.server_id).sort((a, b) => a - b), expected, 'one per chosen server, no more');
      noPanic(page);
    });
  });

  it('the filter fits at 1280 and 375 px in English, Spanish and Somali', async () => {
    await signIn(page, demo);
    await inEachLanguageAndWidth(page, async (lang, width) => {
      await dialog(page).locator('#many-filter').fill('srv-000');
      await page.keyboard.press('Escape');
      await waitUntil(async () => (await listedServers(page)).length === 9, 'srv-0001 … srv-0009');
      await screenshot(page, `fleet-create-filter-${lang}-${width}`);
    });
    noPanic(page);
  });

  it('lists 200 servers, then the other 50 on request with the focus on the first of them; "select all" chooses all 250', async () => {
    await withFailureScreenshot(page, 'fleet-create-list-more', async () => {
      await signIn(page, demo);
      await openDialog(page);
      assert.equal((await listedServers(page)).length, 200, 'the first 200');
      await dialog(page).getByText('200 of 250 servers are listed. Find servers by name or number to narrow the list.').waitFor();
      await dialog(page).getByRole('button', { name: 'Select all that have room' }).click();
      assert.equal(await chosenCount(page), '250 servers chosen', 'the servers not listed yet too');

      await dialog(page).getByRole('button', { name: 'List 50 more' }).click();
      await waitUntil(async () => (await listedServers(page)).length === 250, 'all 250 listed');
      await waitUntil(() => page.evaluate(() => document.activeElement?.id === 'many-server-10201'), 'the focus on srv-0201');
      assert.equal(await dialog(page).getByRole('button', { name: /^List \d+ more$/ }).count(), 0, 'nothing more to list');
      assert.ok(await checkbox(page, 'srv-0250').isChecked(), 'a server listed later shows as chosen');
      assert.equal(await dialog(page).getByText(/servers are listed/).count(), 0, 'no partial-list note');
      noPanic(page);
    });
  });
});
