// The Activity page — every write this tab sent, kept
// across a reload and cleared at sign-out, "Copy as cURL" that really runs
// in bash without the token, the export (every id, ISO times), and accessibility — then the
// opt-in notifications (and polling in a hidden tab only with them on) and
// the idle sign-out.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import {
  listGets, mutations, queryOf, SNAPSHOTS_PATH,
} from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, tokenField, withFailureScreenshot,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useAppConfig, useDemoAndBrowser } from './support/fixture.mjs';
import { deleteWeekly, dialog, group } from './support/locators.mjs';
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


function rows(page) {
  return page.locator('tbody tr.activity-row');
}

describe('the Activity page', { timeout: 240_000 }, () => {
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
      assert.match(download.suggestedFilename(), /^vps-activity-\d{4}-\d{2}-\d{2}-\d{4}\.json$/, 'the date in the name');
      const entries = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.equal(entries.length, 1);
      assert.equal(entries[0].action, 'delete');
      assert.equal(entries[0].status, 204);
      assert.equal(entries[0].server_id, 12345, "a delete's server id");
      assert.equal(entries[0].snapshot_id, 798);
      assert.match(entries[0].time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'ISO 8601 in UTC (the default zone)');
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

  it('does not list, in the next session, a write that was answered after sign-out', async () => {
    await withFailureScreenshot(page, 'activity-late-answer', async () => {
      // A short undo window: the dialog closes at once, the DELETE follows.
      await useAppConfig(page, { delete_undo_seconds: 1 });
      await signIn(page, demo);
      await demo.fault({ path_prefix: `${SNAPSHOTS_PATH}798/`, method: 'DELETE', kind: 'slow', delay_ms: 8_000 });
      await page.getByRole('button', {
        name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true,
      }).click();
      await dialog(page).getByRole('button', { name: 'Delete snapshot' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await waitUntil(async () => (await mutations(demo)).length === 1, 'the delete was sent');

      // Signed out and in again while the DELETE waits for its answer.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await tokenField(page).fill(demo.token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      assert.equal((await mutations(demo))[0].status, 0, 'the DELETE was still unanswered at the new sign-in');
      await waitUntil(async () => (await mutations(demo))[0].status === 204, 'the DELETE answered');
      await sleep(500); // time for the browser to hand the answer to the app

      await page.getByRole('link', { name: 'Activity' }).click();
      await page.getByRole('heading', { name: 'Activity in this tab' }).waitFor();
      await page.getByText('This tab has not sent any create, restore or delete yet.').waitFor();
      assert.equal(await rows(page).count(), 0, 'the late answer of the ended session is not listed');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('vps.activity')), null, 'nor stored');
      noPanic(page);
    });
  });
});

/** Counts system notifications: `window.__notes` gets {title, body} for each. */
const COUNT_NOTIFICATIONS = `(() => {
  window.__notes = [];
  const Real = window.Notification;
  class Counting extends Real {
    constructor(title, options) {
      window.__notes.push({ title, body: options && options.body });
      super(title, options);
    }
  }
  Object.defineProperty(window, 'Notification', { value: Counting, configurable: true, writable: true });
})()`;

/** A browser that refuses: permission "default", and the prompt answers "denied". */
const REFUSE_NOTIFICATIONS = `(() => {
  window.__notes = [];
  class Refusing {
    constructor() { window.__notes.push({}); }
    static get permission() { return 'default'; }
    static requestPermission() { return Promise.resolve('denied'); }
  }
  Object.defineProperty(window, 'Notification', { value: Refusing, configurable: true, writable: true });
})()`;

/** What the browser does when the user switches tabs (the event bubbles to window). */
function setHidden(page, hidden) {
  return page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { value: h, configurable: true });
    Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, hidden);
}

function notifySwitch(page) {
  return page.getByRole('switch', { name: 'Notify me' });
}

/** Starts a snapshot of web-server-01 and waits until its row is in progress. */
async function startSnapshot(page, name) {
  await page.getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).click();
  await dialog(page).getByLabel('Name', { exact: true }).fill(name);
  await dialog(page).getByRole('button', { name: 'Create snapshot' }).click();
  await dialog(page).waitFor({ state: 'detached' });
  await group(page, 12345).locator('li.snapshot', { hasText: name }).getByText('In progress').waitFor();
}

describe('opt-in notifications', { timeout: 240_000 }, () => {
  let demo;
  let browser;
  let page;
  useDemoAndBrowser(QUICK_TRANSITIONS, (f) => ({ demo, browser, page } = f));

  it('granted and on: a completion in a hidden tab gives one notification, polling only that server', async () => {
    await withFailureScreenshot(page, 'notify-hidden', async () => {
      await browser.context.grantPermissions(['notifications'], { origin: demo.url });
      await page.addInitScript(COUNT_NOTIFICATIONS);
      await signIn(page, demo);
      await notifySwitch(page).click();
      await waitUntil(async () => (await notifySwitch(page).getAttribute('aria-checked')) === 'true', 'the switch is on');

      await startSnapshot(page, 'notify-me');
      const before = (await listGets(demo)).length;
      await setHidden(page, true);
      await waitUntil(async () => (await page.evaluate(() => window.__notes.length)) > 0,
        'a notification while hidden', { timeout: 60_000 });
      const hiddenPolls = (await listGets(demo)).slice(before);
      assert.ok(hiddenPolls.length > 0, 'the hidden tab kept polling');
      assert.ok(hiddenPolls.every((r) => queryOf(r).server_id === '12345'),
        `only web-server-01 was asked about: ${JSON.stringify(hiddenPolls.map((r) => r.query))}`);
      await sleep(1_000);
      const notes = await page.evaluate(() => window.__notes);
      assert.equal(notes.length, 1, `exactly one notification: ${JSON.stringify(notes)}`);
      assert.equal(notes[0].title, 'Snapshot complete');
      assert.match(notes[0].body, /“notify-me” of web-server-01 is complete/);

      // Kept for the tab: on again after a reload.
      await page.reload();
      await waitUntil(async () => (await notifySwitch(page).getAttribute('aria-checked')) === 'true', 'still on after a reload');
      noPanic(page);
    });
  });

  it('off: a hidden tab sends nothing and shows no notification', async () => {
    await withFailureScreenshot(page, 'notify-off-hidden', async () => {
      await browser.context.grantPermissions(['notifications'], { origin: demo.url });
      await page.addInitScript(COUNT_NOTIFICATIONS);
      await signIn(page, demo);
      assert.equal(await notifySwitch(page).getAttribute('aria-checked'), 'false', 'off unless turned on');
      await startSnapshot(page, 'quiet');
      await setHidden(page, true);
      const before = (await demo.apiRequests()).length;
      await sleep(7_000); // past two poll steps and the snapshot's completion
      assert.equal((await demo.apiRequests()).length, before, 'no request while hidden');
      assert.equal(await page.evaluate(() => window.__notes.length), 0, 'no notification');
      noPanic(page);
    });
  });

  it('refused permission is said plainly and the switch stays off', async () => {
    await withFailureScreenshot(page, 'notify-denied', async () => {
      await page.addInitScript(REFUSE_NOTIFICATIONS);
      await signIn(page, demo);
      await notifySwitch(page).click();
      await page.getByText('The browser does not allow notifications for this page').waitFor();
      assert.equal(await notifySwitch(page).getAttribute('aria-checked'), 'false');
      assert.equal(await page.evaluate(() => sessionStorage.getItem('vps.notify')), null);
      await screenshot(page, 'notify-denied-1280');
      noPanic(page);
    });
  });
});

describe('idle sign-out', { timeout: 240_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser(QUICK_TRANSITIONS, (f) => ({ demo, page } = f));

  /**
   * Serves a config.json with a 15-second idle sign-out (a warning after
   * 12 s), or the settings of `idle` instead.
   */
  async function shortIdle(idle = { idle_sign_out_minutes: 0.25 }) {
    await page.route('**/config.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ api_base_url: '', allowed_portal_origins: [], ...idle }),
    }));
  }

  const signedOutForIdleness = () => page.getByText('You were signed out because this tab was not used for a while.');

  const stay = () => dialog(page).getByRole('button', { name: 'Stay signed in' });

  it('warns, can stay signed in, then signs out and says why', async () => {
    await withFailureScreenshot(page, 'idle-sign-out', async () => {
      await shortIdle();
      await signIn(page, demo);
      await stay().waitFor({ timeout: 20_000 });
      assert.match(await textOf(dialog(page)), /Are you still there\? .* signed out in \d+ s/);
      await stay().click();
      await dialog(page).waitFor({ state: 'detached' });
      assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1, 'still signed in');

      await stay().waitFor({ timeout: 20_000 });
      await assertNoA11yViolations(page, 'the idle warning');
      await screenshot(page, 'idle-warning-1280');
      await page.getByText('You were signed out because this tab was not used for a while.').waitFor({ timeout: 10_000 });
      await page.getByLabel('API token').waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.getItem('vps.token')), null, 'the token is forgotten');
      noPanic(page);
    });
  });

  it('does not sign out while a snapshot is being followed', async () => {
    await withFailureScreenshot(page, 'idle-busy', async () => {
      await demo.config({ snapshot_delay_ms: 60_000 });
      await shortIdle();
      await signIn(page, demo);
      await startSnapshot(page, 'long-one');
      await sleep(20_000); // past the 15-second setting, with no input
      assert.equal(await dialog(page).count(), 0, 'no warning while work is followed');
      assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1, 'still signed in');
      assert.notEqual(await page.evaluate(() => sessionStorage.getItem('vps.token')), null);
      noPanic(page);
    });
  });

  it('signs out on time while a snapshot this tab did not start is in progress', async () => {
    await withFailureScreenshot(page, 'idle-not-ours', async () => {
      // Stuck in progress, started elsewhere: the list follows it, but it is
      // not this tab's work.
      await demo.setSnapshotStatus(798, 'in_progress');
      await shortIdle({ idle_sign_out_minutes: 0.1 });
      await signIn(page, demo);
      const signedIn = Date.now();
      await group(page, 12345).locator('[data-snapshot-id="798"]').getByText('In progress').waitFor();
      await stay().waitFor({ timeout: 10_000 });
      await signedOutForIdleness().waitFor({ timeout: 5_000 });
      const after = Date.now() - signedIn;
      assert.ok(after < 10_000, `signed out after the 6-second setting, not later (${after} ms)`);
      assert.equal(await page.evaluate(() => sessionStorage.getItem('vps.token')), null, 'the token is forgotten');
      noPanic(page);
    });
  });

  it('work this tab started postpones the sign-out by idle_defer_max_minutes at most', async () => {
    await withFailureScreenshot(page, 'idle-defer-cap', async () => {
      await demo.config({ snapshot_delay_ms: 600_000 });
      // Signed out after 3 s without input, postponed by 6 s at most.
      await shortIdle({ idle_sign_out_minutes: 0.05, idle_defer_max_minutes: 0.1 });
      await signIn(page, demo);
      await startSnapshot(page, 'stuck-one');
      const started = Date.now();
      await sleep(5_000); // past the 3-second setting, with no input
      assert.equal(await dialog(page).count(), 0, 'no warning while the snapshot is followed, within the cap');
      assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1, 'still signed in');

      await stay().waitFor({ timeout: 8_000 });
      await signedOutForIdleness().waitFor({ timeout: 5_000 });
      const after = Date.now() - started;
      assert.ok(after < 12_000, `the cap ended the postponement (${after} ms after the last input)`);
      assert.equal(await page.evaluate(() => sessionStorage.getItem('vps.token')), null, 'the token is forgotten');
      noPanic(page);
    });
  });
});
