// Foundation: the sign-in page, the seeded server list, and a rejected token.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, textOf, tokenField, withFailureScreenshot,
} from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';

const SEEDED_SERVERS = {
  12345: 'web-server-01',
  12346: 'db-server-01',
  12347: 'staging-01',
  12348: 'build-runner-01',
  12349: 'legacy-app-01',
};

describe('foundation', { timeout: 120_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({}, (f) => ({ demo, page } = f));

  it('shows the sign-in page, without panic or accessibility violations', async () => {
    await withFailureScreenshot(page, 'sign-in-page', async () => {
      await page.goto(`${demo.url}/`);

      const heading = page.getByRole('heading', { level: 1, name: /VPS\.org snapshots/ });
      await heading.waitFor();

      const field = tokenField(page);
      await field.waitFor();
      assert.equal(await field.getAttribute('type'), 'password', 'the API token field must be a password field');

      const toggle = page.getByRole('button', { name: 'Show token' });
      await toggle.waitFor();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'false', '"Show token" starts unpressed');

      const submit = page.getByRole('button', { name: 'Sign in' });
      await submit.waitFor();
      assert.ok(await submit.isEnabled(), 'the Sign in button is enabled before anything is checked');

      await screenshot(page, 'foundation-sign-in');
      noPanic(page);
      await assertNoA11yViolations(page, 'the sign-in page');
      noPanic(page);
    });
  });

  it('lists the seeded servers and snapshots for the demo token', async () => {
    await withFailureScreenshot(page, 'server-list', async () => {
      await signIn(page, demo);

      for (const [id, name] of Object.entries(SEEDED_SERVERS)) {
        const heading = page.getByRole('heading', { level: 2, name });
        await heading.waitFor();
        const section = page.locator(`article[data-server-id="${id}"]`);
        await section.waitFor();
        assert.ok((await textOf(section)).includes(`#${id}`), `server section ${id} shows "#${id}"`);
      }
      assert.equal(await page.locator('article[data-server-id]').count(), 5, 'exactly the five seeded servers');

      const web = page.locator('article[data-server-id="12345"]');
      assert.match(await textOf(web), /2 \/ 5 snapshots/, 'web-server-01 has 2 of 5 snapshots');

      const snap801 = page.locator('[data-snapshot-id="801"]');
      await snap801.waitFor();
      const text801 = await textOf(snap801);
      assert.ok(text801.includes('pre-migration-snapshot'), `801 shows its name: ${text801}`);
      assert.ok(text801.includes('5.0 GB'), `801 shows 5120 MB as "5.0 GB": ${text801}`);
      assert.ok(text801.includes('Completed'), `801 shows the "Completed" badge: ${text801}`);

      const db = page.locator('article[data-server-id="12346"]');
      assert.match(await textOf(db), /5 \/ 5/, 'db-server-01 is at its limit of 5 snapshots');
      assert.equal(await db.locator('[data-snapshot-id]').count(), 5, 'db-server-01 lists its 5 snapshots');

      const snap830 = page.locator('[data-snapshot-id="830"]');
      assert.ok((await textOf(snap830)).includes('Failed'), 'a failed snapshot says so');

      // One seeded description is hostile markup: it must be shown as text, never run.
      assert.equal(await page.evaluate(() => window.__xss), undefined, 'the hostile description ran a script');

      await screenshot(page, 'foundation-server-list');
      noPanic(page);
    });
  });

  it('rejects a wrong token, stores nothing, and the API answered 401', async () => {
    await withFailureScreenshot(page, 'wrong-token', async () => {
      await page.goto(`${demo.url}/`);
      await tokenField(page).fill('wrong-token-0000');
      await page.getByRole('button', { name: 'Sign in' }).click();

      const alert = page.getByRole('alert').filter({ hasText: 'This token was rejected by the API' });
      await alert.waitFor();

      const stored = await page.evaluate(() => ({
        token: window.sessionStorage.getItem('vps.token'),
        sessionKeys: Object.keys(window.sessionStorage),
        localKeys: Object.keys(window.localStorage),
      }));
      assert.equal(stored.token, null, 'a rejected token must not be kept in sessionStorage');
      assert.deepEqual(stored.localKeys, [], 'localStorage must stay empty');

      assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 0, 'still signed out');
      await tokenField(page).waitFor();

      const requests = await demo.apiRequests();
      assert.ok(requests.length >= 1, 'the token was checked against the API');
      assert.ok(requests.some((r) => r.status === 401),
        `the check request got 401: ${JSON.stringify(requests)}`);
      assert.ok(requests.every((r) => r.status === 401),
        `every API request made with the wrong token got 401: ${JSON.stringify(requests)}`);

      await screenshot(page, 'foundation-wrong-token');
      noPanic(page);
    });
  });
});
