// Issue 17 (part B): the Activity page — every write this tab sent, kept
// across a reload and cleared at sign-out, "Copy as cURL" that really runs
// in bash without the token, the JSON export, and accessibility.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { mutations, SNAPSHOTS_PATH } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, withFailureScreenshot,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useDemoAndBrowser } from './support/fixture.mjs';
import { dialog } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

const run = promisify(execFile);

/** A description a shell would love to run: quotes, `$`, backticks, a newline. */
const HOSTILE = "it's $HOME `id` $(id) \"x\"\nnext";

/** Replaces the clipboard with a recorder (`window.__copied`), or a refusal. */
function clipboardScript(refuse) {
  return `(() => {
    window.__copied = [];
    const clipboard = {
      writeText: (text) => ${refuse}
        ? Promise.reject(new DOMException('denied', 'NotAllowedError'))
        : (window.__copied.push(text), Promise.resolve()),
    };
    Object.defineProperty(navigator, 'clipboard', { get: () => clipboard, configurable: true });
  })()`;
}

/** Creates `name` on web-server-01 with the hostile description, and waits for its row. */
async function createSnapshot(page, name) {
  await page.getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).click();
  await dialog(page).getByLabel('Name', { exact: true }).fill(name);
  await dialog(page).getByLabel(/^Description/).fill(HOSTILE);
  await dialog(page).getByRole('button', { name: 'Create snapshot' }).click();
  await dialog(page).waitFor({ state: 'detached' });
  await page.locator('[data-snapshot-id]').filter({ hasText: name }).first().waitFor();
}

/** Deletes web-server-01's weekly snapshot (id 798). */
async function deleteWeekly(page) {
  await page.getByRole('button', {
    name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true,
  }).click();
  await dialog(page).getByRole('button', { name: 'Delete snapshot' }).click();
  await dialog(page).waitFor({ state: 'detached' });
  await page.locator('[data-snapshot-id="798"]').waitFor({ state: 'detached' });
}

function rows(page) {
  return page.locator('tbody tr.activity-row');
}

describe('activity (issue 17)', { timeout: 240_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser(QUICK_TRANSITIONS, (f) => ({ demo, page } = f));

  it('lists a create and a delete with their outcomes, after a reload too, and copies a working curl line without the token', async () => {
    await withFailureScreenshot(page, 'activity-list', async () => {
      await page.addInitScript(clipboardScript(false));
      await signIn(page, demo);
      await createSnapshot(page, 'before-runbook');
      await deleteWeekly(page);

      await page.getByRole('link', { name: 'Activity' }).click();
      await page.getByRole('heading', { name: 'Activity in this tab' }).waitFor();
      assert.ok(new URL(page.url()).pathname.endsWith('/activity'), `the address is …/activity (${page.url()})`);

      for (const when of ['at first', 'after a reload']) {
        if (when !== 'at first') {
          await page.reload();
          await page.getByRole('heading', { name: 'Activity in this tab' }).waitFor();
        }
        assert.equal(await rows(page).count(), 2, `two writes listed ${when}`);
        const [deleted, created] = [await textOf(rows(page).nth(0)), await textOf(rows(page).nth(1))];
        assert.match(deleted, /Delete web-server-01 weekly-snapshot-2025-01-08 HTTP 204 \d+ ms/, `the delete, newest first, ${when}`);
        assert.match(created, /Create web-server-01 before-runbook HTTP 20[12]/, `the create and its outcome ${when}`);
        assert.match(created, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/, 'the time it was sent');
      }
      const html = await page.content();
      assert.ok(!html.includes(demo.token), 'the token is nowhere in the page');
      await screenshot(page, 'activity-1280');

      await rows(page).nth(1).getByRole('button', { name: 'Copy as cURL' }).click();
      await page.getByText('Copied.').waitFor();
      const [line] = await page.evaluate(() => window.__copied);
      assert.ok(line.startsWith('curl '), line);
      assert.ok(!line.includes(demo.token), 'the token is not in the copied command');
      assert.match(line, /\$VPS_API_TOKEN/);

      // The line, run by bash, sends the same request the tab sent.
      const [sentByTab] = (await mutations(demo)).filter((r) => r.method === 'POST');
      await run('bash', ['-c', `${line} --silent --output /dev/null`], {
        env: { ...process.env, VPS_API_TOKEN: demo.token },
      });
      const posts = (await mutations(demo)).filter((r) => r.method === 'POST');
      assert.equal(posts.length, 2, 'the command sent one more create');
      const again = posts[1];
      assert.equal(again.path, SNAPSHOTS_PATH);
      assert.equal(again.body, sentByTab.body, 'with the very same body, hostile description included');
      assert.ok(again.auth, 'and the token from $VPS_API_TOKEN was accepted');
      assert.equal(JSON.parse(again.body).description, HOSTILE);
      noPanic(page);
    });
  });

  it('shows the command to copy by hand when the clipboard refuses, and exports the entries as JSON', async () => {
    await withFailureScreenshot(page, 'activity-fallback', async () => {
      await page.addInitScript(clipboardScript(true));
      await signIn(page, demo);
      await deleteWeekly(page);
      await page.goto(`${demo.url}/activity`);
      await rows(page).first().getByRole('button', { name: 'Copy as cURL' }).click();
      const field = page.getByLabel(/did not allow copying/);
      await field.waitFor();
      const text = await field.inputValue();
      assert.match(text, /^curl -X 'DELETE' 'http:\/\/127\.0\.0\.1:\d+\/api\/v1\/snapshots\/798\/'/);
      assert.ok(!text.includes(demo.token));
      await waitUntil(() => field.evaluate((el) => document.activeElement === el
        && el.selectionEnd - el.selectionStart === el.value.length), 'the command is focused and selected');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export as JSON' }).click(),
      ]);
      assert.equal(download.suggestedFilename(), 'vps-activity.json');
      const entries = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(entries.length, 1);
      assert.equal(entries[0].kind, 'delete');
      assert.equal(entries[0].status, 204);
      assert.equal(entries[0].snapshot_name, 'weekly-snapshot-2025-01-08');
      assert.ok(!JSON.stringify(entries).includes(demo.token));
      noPanic(page);
    });
  });

  it('records a write with no answer, is empty after sign-out, and has no axe violations', async () => {
    await withFailureScreenshot(page, 'activity-signout', async () => {
      await signIn(page, demo);
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}798/`, method: 'DELETE', kind: 'drop' });
      await page.getByRole('button', {
        name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true,
      }).click();
      await dialog(page).getByRole('button', { name: 'Delete snapshot' }).click();
      await waitUntil(async () => (await mutations(demo)).length === 1, 'the delete was sent');
      await page.goto(`${demo.url}/activity`);
      await rows(page).first().waitFor();
      assert.match(await textOf(rows(page).first()), /Delete .* No answer/);
      await assertNoA11yViolations(page, 'the Activity page');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API token').fill(demo.token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // Signed in again at …/activity: the page itself, and the log is empty.
      await page.getByRole('heading', { name: 'Activity in this tab' }).waitFor();
      await page.getByText('This tab has not sent any create, restore or delete yet.').waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.getItem('vps.activity')), null);
      await page.setViewportSize({ width: 375, height: 800 });
      await screenshot(page, 'activity-empty-375');
      noPanic(page);
    });
  });
});
