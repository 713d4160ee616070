// The "New snapshot" dialog — validation, exactly one POST, the new
// row and its polling until it completes, the per-server limit, the advice
// for a running server, a dropped request, and accessibility.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import {
  api, createPosts, listGets, SNAPSHOTS_PATH,
} from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, withFailureScreenshot,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useAppConfig, useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, group, rowNamed } from './support/locators.mjs';
import { pickByKeyboard } from './support/picker.mjs';
import { waitUntil } from './support/wait.mjs';

const TITLE = 'Snapshots — VPS.org';

function nameField(page) {
  return dialog(page).getByLabel('Name', { exact: true });
}

function descriptionField(page) {
  return dialog(page).getByLabel(/^Description/);
}

function serverSelect(page) {
  return dialog(page).getByRole('combobox', { name: 'Server', exact: true });
}

function createButton(page) {
  return dialog(page).getByRole('button', { name: /^(Create snapshot|Creating…)$/ });
}

/** Opens the dialog from a server group's "New snapshot of <name>" button. */
async function openCreateFor(page, serverName) {
  await page.getByRole('button', { name: `New snapshot of ${serverName}`, exact: true }).click();
  await dialog(page).waitFor();
  await nameField(page).waitFor();
}

describe('create a snapshot', { timeout: 180_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser(QUICK_TRANSITIONS, (f) => ({ demo, page } = f));

  it('an invalid name shows the rule and the problem, disables "Create snapshot", and Enter sends nothing', async () => {
    await withFailureScreenshot(page, 'create-invalid-name', async () => {
      await signIn(page, demo);
      await openCreateFor(page, 'web-server-01');

      const name = nameField(page);
      await name.fill('bad name!');

      const rule = dialog(page).locator('#create-name-rule');
      assert.match(await textOf(rule),
        /letters, digits, hyphens \(-\) and underscores \(_\) only/, 'the naming rule is shown');
      const problem = dialog(page).locator('#create-name-error');
      await waitUntil(async () => (await textOf(problem)).length > 0, 'the name problem text');
      assert.match(await textOf(problem), /Spaces are not allowed/, 'the problem with "bad name!" is named');
      assert.equal(await name.getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
      const describedBy = (await name.getAttribute('aria-describedby')) ?? '';
      assert.ok(describedBy.split(/\s+/).includes('create-name-error'),
        `the problem text is tied to the field (aria-describedby="${describedBy}")`);

      assert.ok(await createButton(page).isDisabled(), '"Create snapshot" is disabled for an invalid name');

      await name.press('Enter');
      await name.press('Enter');
      await sleep(800);
      assert.deepEqual(await createPosts(demo), [], 'Enter in an invalid form sent no POST');
      assert.ok(await dialog(page).isVisible(), 'the dialog stays open');

      // Another invalid character gets its own message; fixing the name enables the button.
      await name.fill('snap/1');
      await waitUntil(async () => /“\/” is not allowed/.test(await textOf(problem)), 'the "/" problem text');
      assert.ok(await createButton(page).isDisabled(), 'still disabled for "snap/1"');
      await name.fill('');
      await waitUntil(async () => /A name is required/.test(await textOf(problem)), 'the empty-name problem');
      assert.ok(await createButton(page).isDisabled(), 'still disabled for an empty name');
      await name.fill('good-name_1');
      await waitUntil(() => createButton(page).isEnabled(), '"Create snapshot" to be enabled for a valid name');
      assert.equal(await name.getAttribute('aria-invalid'), 'false');
      assert.deepEqual(await createPosts(demo), [], 'still no POST');
      noPanic(page);
    });
  });

  it('sends exactly one POST with {server_id, name, description} despite a double click and repeated Enter', async () => {
    await withFailureScreenshot(page, 'create-one-post', async () => {
      await signIn(page, demo);
      await openCreateFor(page, 'web-server-01');
      assert.equal(await serverSelect(page).inputValue(), 'web-server-01 (#12345)', 'web-server-01 is preselected');

      await nameField(page).fill('before-deploy_1');
      await descriptionField(page).fill('Before the deploy');

      // A slow answer keeps the request in flight while the user insists.
      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'POST', kind: 'slow', delay_ms: 2000 });
      await createButton(page).dblclick();
      for (let i = 0; i < 3; i += 1) {
        await page.keyboard.press('Enter');
      }
      if (await nameField(page).isVisible()) {
        for (let i = 0; i < 3; i += 1) {
          await nameField(page).press('Enter').catch(() => {});
        }
      }

      await dialog(page).waitFor({ state: 'detached', timeout: 15_000 });
      await rowNamed(page, 12345, 'before-deploy_1').waitFor();
      await sleep(500);

      const posts = await createPosts(demo);
      assert.equal(posts.length, 1, `exactly one POST ${SNAPSHOTS_PATH}: ${JSON.stringify(posts)}`);
      assert.deepEqual(JSON.parse(posts[0].body),
        { server_id: 12345, name: 'before-deploy_1', description: 'Before the deploy' },
        'the POST body');
      assert.equal(posts[0].status, 201);
      noPanic(page);
    });
  });

  it('shows the new row at once, polls only its server, completes by itself, and then stops polling', async () => {
    await withFailureScreenshot(page, 'create-then-complete', async () => {
      await signIn(page, demo);
      assert.equal(await page.title(), TITLE);
      await openCreateFor(page, 'web-server-01');
      await nameField(page).fill('nightly-check');
      await createButton(page).click();

      const row = rowNamed(page, 12345, 'nightly-check');
      await row.waitFor({ timeout: 5_000 });
      const postTime = (await createPosts(demo)).length;
      assert.equal(postTime, 1, 'one POST');
      // "At once": the row came from the POST's answer, not from a later poll.
      const pollsBeforeRow = (await demo.apiRequests()).filter(
        (r) => r.method === 'GET' && r.path === SNAPSHOTS_PATH && r.query.includes('server_id'));
      assert.deepEqual(pollsBeforeRow, [], 'the row was shown before any poll');

      const firstText = await textOf(row);
      assert.match(firstText, /In progress/, `the new row is "In progress": ${firstText}`);
      // One estimate, the console's, not the API's "This may take 3-10 minutes" beside it.
      assert.match(firstText, /< 1 min elapsed — usually 3–10 min/, `the estimate: ${firstText}`);
      assert.doesNotMatch(firstText, /may take/, `no second estimate: ${firstText}`);
      assert.equal(await page.title(), `(1) ${TITLE}`, 'the tab title counts the snapshot in progress');
      assert.match(await textOf(group(page, 12345)), /3 \/ 5 snapshots/, 'the count went up at once');

      // Completes by itself (snapshot_delay_ms 3000; the first poll is after 3 s).
      await waitUntil(async () => /Completed/.test(await textOf(row)), 'the new row to turn "Completed"',
        { timeout: 25_000, interval: 250 });
      const done = await textOf(row);
      assert.doesNotMatch(done, /In progress/);
      const size = await textOf(row.locator('.snapshot-size'));
      assert.match(size, /^\d+(\.\d)? (MB|GB|TB)$/, `the completed row shows a size: "${size}"`);

      const toast = page.locator('[role="status"][aria-live="polite"]')
        .filter({ hasText: /Snapshot “nightly-check” of web-server-01 is complete/ });
      await toast.waitFor({ timeout: 5_000 });

      await waitUntil(async () => (await page.title()) === TITLE, 'the tab title to lose its count');

      // Every poll asked only about web-server-01.
      const all = await demo.apiRequests();
      const postIndex = all.findIndex((r) => r.method === 'POST' && r.path === SNAPSHOTS_PATH);
      const polls = all.slice(postIndex + 1).filter((r) => r.method === 'GET' && r.path === SNAPSHOTS_PATH);
      assert.ok(polls.length >= 1, 'the app polled the list after the create');
      for (const poll of polls) {
        assert.match(poll.query, /(^|&)server_id=12345(&|$)/, `a poll asked about another scope: ?${poll.query}`);
      }

      // Nothing is in progress any more: polling stops.
      const settled = (await listGets(demo)).length;
      await sleep(8_000);
      const later = await listGets(demo);
      assert.equal(later.length, settled,
        `no GET ${SNAPSHOTS_PATH} once nothing is in progress, got: ${JSON.stringify(later.slice(settled))}`);
      assert.equal(await page.title(), TITLE);
      await screenshot(page, 'create-completed');
      noPanic(page);
    });
  });

  it('pauses polling while the tab is hidden, and resumes once it is visible again', async () => {
    await withFailureScreenshot(page, 'create-hidden-pause', async () => {
      await demo.config({ snapshot_delay_ms: 4000 });
      await signIn(page, demo);
      await openCreateFor(page, 'web-server-01');
      await nameField(page).fill('while-hidden');
      await createButton(page).click();
      const row = group(page, 12345).locator('li.snapshot', { hasText: 'while-hidden' });
      await row.getByText('In progress').waitFor();

      // What the browser does when the user switches tabs (the event bubbles to window).
      const setHidden = (hidden) => page.evaluate((h) => {
        Object.defineProperty(document, 'hidden', { value: h, configurable: true });
        Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      }, hidden);
      await setHidden(true);
      const before = (await listGets(demo)).length;
      await sleep(7_000); // past two poll steps and the snapshot's completion
      assert.equal((await listGets(demo)).length, before, 'no list request while the tab is hidden');
      assert.equal(await row.getByText('In progress').count(), 1, 'the row waits, still in progress');

      await setHidden(false);
      await waitUntil(async () => (await listGets(demo)).length > before, 'a poll once the tab is visible');
      await row.getByText('Completed').waitFor();
      noPanic(page);
    });
  });

  it('the server at the limit cannot be picked, and the API\'s limit message keeps the dialog and the input', async () => {
    await withFailureScreenshot(page, 'create-limit', async () => {
      await signIn(page, demo);

      const dbButton = page.getByRole('button', { name: 'New snapshot of db-server-01', exact: true });
      await dbButton.waitFor();
      assert.ok(await dbButton.isDisabled(), 'db-server-01 (5/5) has its "New snapshot" button disabled');

      await openCreateFor(page, 'web-server-01');
      await serverSelect(page).focus();
      await page.keyboard.press('ArrowDown');
      const dbOption = dialog(page).getByRole('option').filter({ hasText: '#12346' });
      assert.equal(await dbOption.count(), 1, 'db-server-01 is listed among the servers');
      assert.equal(await dbOption.getAttribute('aria-disabled'), 'true', 'db-server-01 cannot be picked (disabled option)');
      assert.match(await dbOption.textContent(), /db-server-01 5 \/ 5 — limit reached/);
      const webOption = dialog(page).getByRole('option').filter({ hasText: '#12345' });
      assert.equal(await webOption.getAttribute('aria-disabled'), null, 'web-server-01 can be picked');
      // Enter on db-server-01 chooses nothing.
      await pickByKeyboard(serverSelect(page), 'db-server-01');
      await page.keyboard.press('Escape');
      assert.equal(await serverSelect(page).inputValue(), 'web-server-01 (#12345)', 'web-server-01 is still chosen');

      await nameField(page).fill('one-too-many');
      await descriptionField(page).fill('Past the limit');

      // Behind the app's back, web-server-01 reaches 5 / 5.
      for (let i = 1; i <= 3; i += 1) {
        const res = await api(demo, 'POST', SNAPSHOTS_PATH, { server_id: 12345, name: `filler-${i}` });
        assert.equal(res.status, 201, `filler ${i} created: ${JSON.stringify(res.body)}`);
      }
      const before = (await createPosts(demo)).length;

      await createButton(page).click();
      const alert = dialog(page).getByRole('alert').filter({ hasText: /Snapshot limit reached/ });
      await alert.waitFor();
      const message = await textOf(alert);
      assert.match(message, /Snapshot limit reached: server web-server-01 already has 5 snapshots/,
        `the API's limit message is shown: ${message}`);

      assert.ok(await dialog(page).isVisible(), 'the dialog stays open');
      // After the refusal the app reloads that server, so the dialog and the
      // group now tell the truth: 5 / 5, nothing more can be created.
      await dialog(page).getByRole('alert').filter({ hasText: /web-server-01 has reached the limit of 5 snapshots/ }).waitFor();
      assert.ok(await createButton(page).isDisabled(), 'Create snapshot is disabled once the server shows 5 / 5');
      assert.equal(await nameField(page).inputValue(), 'one-too-many', 'the name is kept');
      assert.equal(await descriptionField(page).inputValue(), 'Past the limit', 'the description is kept');

      const posts = (await createPosts(demo)).slice(before);
      assert.equal(posts.length, 1, `the app sent one POST: ${JSON.stringify(posts)}`);
      assert.equal(posts[0].status, 400);
      await screenshot(page, 'create-limit-refused');
      noPanic(page);
    });
  });

  it('warns before snapshotting a running server (web-server-01) but not a stopped one (staging-01)', async () => {
    await withFailureScreenshot(page, 'create-running-warning', async () => {
      await signIn(page, demo);
      const warning = () => dialog(page).locator('.notice').filter({ hasText: /inconsistent/ });

      await openCreateFor(page, 'web-server-01');
      await warning().waitFor();
      assert.match(await textOf(warning()),
        /web-server-01 is running\. A snapshot of a running server may leave its filesystem inconsistent; for the best result, stop the server first\./);

      // Picking the stopped server in the same dialog removes the warning.
      await pickByKeyboard(serverSelect(page), 'staging-01');
      await warning().waitFor({ state: 'detached' });

      await dialog(page).getByRole('button', { name: 'Cancel' }).click();
      await dialog(page).waitFor({ state: 'detached' });

      await openCreateFor(page, 'staging-01');
      assert.equal(await serverSelect(page).inputValue(), 'staging-01 (#12347)', 'staging-01 is preselected');
      await sleep(300);
      assert.equal(await warning().count(), 0, 'no running-server warning for the stopped staging-01');
      noPanic(page);
    });
  });

  it('a dropped POST says nothing was created, keeps the input, and was sent once', async () => {
    await withFailureScreenshot(page, 'create-network-failure', async () => {
      await signIn(page, demo);
      await openCreateFor(page, 'web-server-01');
      await nameField(page).fill('lost-in-transit');
      await descriptionField(page).fill('Will be dropped');

      await demo.fault({ path_prefix: SNAPSHOTS_PATH, method: 'POST', kind: 'drop' });
      await createButton(page).click();

      const alert = dialog(page).getByRole('alert');
      await alert.waitFor({ timeout: 20_000 });
      const message = await textOf(alert);
      assert.match(message, /Nothing was created/, `the dialog says nothing was created: ${message}`);
      assert.doesNotMatch(message, /not known whether/, 'the app checked the list, so it knows');

      assert.ok(await dialog(page).isVisible(), 'the dialog stays open');
      assert.equal(await nameField(page).inputValue(), 'lost-in-transit', 'the name is kept');
      assert.equal(await descriptionField(page).inputValue(), 'Will be dropped', 'the description is kept');
      assert.ok(await createButton(page).isEnabled(), 'the user can try again');

      await sleep(500);
      const posts = await createPosts(demo);
      assert.equal(posts.length, 1, `exactly one POST (never retried): ${JSON.stringify(posts)}`);
      assert.equal(posts[0].status, 0, 'the POST got no answer');
      assert.equal(await rowNamed(page, 12345, 'lost-in-transit').count(), 0, 'no row for it');
      const list = await api(demo, 'GET', `${SNAPSHOTS_PATH}?server_id=12345`);
      assert.equal(list.body.count, 2, 'and the API indeed holds no such snapshot');
      noPanic(page);
    });
  });

  it('keeps the server chosen when the list changes under the open dialog: the menu shows, and the POST names, that server', async () => {
    await withFailureScreenshot(page, 'create-list-changes', async () => {
      await useAppConfig(page, { delete_undo_seconds: 2 });
      await signIn(page, demo);
      // A delete on web-server-01 that is sent while the dialog is open.
      await page.getByRole('button', { name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true }).click();
      await dialog(page).getByRole('button', { name: 'Delete snapshot', exact: true }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await openCreateFor(page, 'web-server-01');
      await pickByKeyboard(serverSelect(page), 'staging-01');

      // web-server-01's option is built again with its new count.
      await serverSelect(page).focus();
      await page.keyboard.press('ArrowDown');
      const web = dialog(page).getByRole('option').filter({ hasText: 'web-server-01' });
      await waitUntil(async () => (await web.innerText()).includes('1 / 5'),
        'web-server-01 listed with 1 / 5 after its delete');
      await page.keyboard.press('Escape');
      assert.equal(await serverSelect(page).inputValue(), 'staging-01 (#12347)', 'the picker still shows staging-01');
      await nameField(page).fill('still-staging');
      await createButton(page).click();
      await waitUntil(async () => (await createPosts(demo)).length === 1, 'the POST');
      assert.equal(JSON.parse((await createPosts(demo))[0].body).server_id, 12347, 'for staging-01, the server shown');
      noPanic(page);
    });
  });

  it('has no axe violations with the create dialog open', async () => {
    await withFailureScreenshot(page, 'create-axe', async () => {
      await signIn(page, demo);
      await openCreateFor(page, 'web-server-01');
      await assertNoA11yViolations(page, 'the create dialog');

      await nameField(page).fill('bad name!');
      await dialog(page).locator('#create-name-error').filter({ hasText: /Spaces/ }).waitFor();
      await assertNoA11yViolations(page, 'the create dialog with an invalid name');
      await screenshot(page, 'create-dialog');
      noPanic(page);
    });
  });
});
