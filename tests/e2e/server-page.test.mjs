// A server's own page (…/servers/{id}): reached from the list, its details
// from the Servers API, its section with every action, rollback readiness
// and this tab's activity for it; Back to the list where it was left (filter
// and scroll); an unknown id; a Servers API that refuses (403) or fails; the
// hostname and location in each section's header; en/es/so at 1280 and
// 375 px with axe. Deep links under a sub-path and behind nginx are in
// hosting.test.mjs.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPosts } from './support/api.mjs';
import { assertNoA11yViolations } from './support/axe.mjs';
import {
  noPanic, screenshot, signIn, signInHere, textOf, tokenField, withFailureScreenshot,
  chooseLanguage,
} from './support/browser.mjs';
import { QUICK_TRANSITIONS, useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, group, sectionIds } from './support/locators.mjs';
import { until, untilEqual } from './support/wait.mjs';

const TEST = { timeout: 120_000 };

/** The page's details, as "label: value" pairs. */
function details(page) {
  return page.locator('.details-list').evaluate((dl) => {
    const pairs = {};
    for (const dt of dl.querySelectorAll('dt')) {
      // A time: its exact words (how long ago is shown, the exact time on focus).
      const dd = dt.nextElementSibling;
      pairs[dt.textContent.trim()] = (dd.querySelector('.time-exact') ?? dd).textContent.trim();
    }
    return pairs;
  });
}

/** Signs in on the sign-in page shown, on a page that may have no section. */
async function signInOnly(page, token) {
  await tokenField(page).fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** Fails if the page scrolls sideways. */
async function noSidewaysScroll(page, where) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${where}: the page does not scroll sideways (${overflow} px)`);
}

describe('the server page', { timeout: 600_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser(QUICK_TRANSITIONS, (f) => ({ demo, page } = f));

  it('opens from the server\'s name in the list with its details, section, readiness and activity; its title names it', TEST, async () => {
    await withFailureScreenshot(page, 'server-page-from-list', async () => {
      await signIn(page, demo);
      await group(page, 12345).getByRole('link', { name: 'web-server-01' }).click();
      await page.waitForURL((url) => url.pathname === '/servers/12345');
      await page.getByRole('heading', { level: 1, name: 'web-server-01' }).waitFor();
      assert.match(await page.title(), /^web-server-01 — Snapshots — VPS\.org$/);

      await untilEqual(() => details(page), {
        Hostname: 'web01.example.com',
        'IP address': '203.0.113.10',
        Status: 'running',
        Location: 'us-west',
        Plan: 'Standard VPS · 2 vCPU · 4.0 GB RAM · 80.0 GB disk',
        'Operating system': 'Ubuntu 22.04 LTS',
        Created: '2025-01-10 14:30:00 UTC',
      }, 'the Servers API\'s details');
      const section = group(page, 12345);
      await section.locator('[data-snapshot-id="801"]').waitFor();
      assert.equal(await section.locator('[data-snapshot-id]').count(), 2, 'the server\'s two snapshots');
      assert.equal(await page.locator('article[data-server-id]').count(), 1, 'only this server\'s section');
      assert.match(await textOf(section), /last rollback point 2 years ago/i, 'its rollback readiness');
      assert.equal(await section.getByRole('button', { name: /^Restore web-server-01 from / }).count(), 2, 'Restore on each row');
      assert.equal(await section.getByRole('button', { name: /^Delete snapshot .* of web-server-01$/ }).count(), 2, 'Delete on each row');
      await page.getByText('This tab has not sent any create, restore or delete for this server.').waitFor();

      // An action from the page: sent once, then listed in its activity.
      await section.getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).click();
      await dialog(page).getByLabel('Name', { exact: true }).fill('from-the-server-page');
      await dialog(page).getByRole('button', { name: 'Create snapshot' }).click();
      await dialog(page).waitFor({ state: 'detached' });
      await section.locator('li.snapshot').filter({ hasText: 'from-the-server-page' }).first().waitFor();
      assert.equal((await createPosts(demo)).length, 1, 'one POST');
      const activity = page.locator('.server-activity');
      await activity.getByRole('row').filter({ hasText: 'from-the-server-page' }).waitFor();
      assert.match(await textOf(activity), /Create/);

      await assertNoA11yViolations(page, 'the server page (en, 1280 px)');
      await screenshot(page, 'server-page-en-1280');
      noPanic(page);
    });
  });

  it('Back returns to the list with its filter; the page\'s own link does too', TEST, async () => {
    await withFailureScreenshot(page, 'server-page-back-filter', async () => {
      await page.goto(`${demo.url}/?server=12346&portal=a%2Fb`);
      await signInHere(page, demo.token);
      await group(page, 12346).getByRole('link', { name: 'db-server-01' }).click();
      await page.getByRole('heading', { level: 1, name: 'db-server-01' }).waitFor();
      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/' && url.search === '?server=12346&portal=a%2Fb');
      await untilEqual(() => sectionIds(page), [12346], 'the filtered list again');

      await group(page, 12346).getByRole('link', { name: 'db-server-01' }).click();
      await page.getByRole('link', { name: 'Back to the list' }).click();
      await page.waitForURL((url) => url.pathname === '/' && url.search === '?server=12346&portal=a%2Fb');
      await untilEqual(() => sectionIds(page), [12346], 'the filtered list from the link');
      noPanic(page);
    });
  });

  it('says "No server #N" for an unknown number, with a link back', TEST, async () => {
    await withFailureScreenshot(page, 'server-page-unknown', async () => {
      await page.goto(`${demo.url}/servers/99999`);
      await signInOnly(page, demo.token);
      await page.getByRole('heading', { level: 1, name: 'No server #99999' }).waitFor();
      assert.equal(await page.locator('article[data-server-id]').count(), 0);
      await assertNoA11yViolations(page, 'an unknown server');
      await page.getByRole('link', { name: 'Back to the list' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.locator('article[data-server-id]').first().waitFor();

      await page.goto(`${demo.url}/servers/web`);
      await page.getByRole('heading', { level: 1, name: 'No server #web' }).waitFor();
      noPanic(page);
    });
  });

  it('works from the snapshot list when the Servers API answers 403, and says what is missing', TEST, async () => {
    await withFailureScreenshot(page, 'server-page-403', async () => {
      await demo.config({ servers_forbidden: true });
      await page.goto(`${demo.url}/servers/12345/`);
      await signInHere(page, demo.token);
      await page.getByRole('heading', { level: 1, name: 'web-server-01' }).waitFor();
      await page.getByText(/This token may not read the Servers API: the hostname, IP address, location, plan/).waitFor();
      const shown = await details(page);
      assert.equal(shown.Hostname, 'Not given');
      assert.equal(shown.Plan, 'Not given');
      await group(page, 12345).locator('[data-snapshot-id="798"]').waitFor();
      assert.ok(await group(page, 12345).getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).isEnabled());
      await assertNoA11yViolations(page, 'the server page without the Servers API');

      // Another failure of the Servers API (its list too) says its reason.
      await demo.config({ servers_forbidden: false });
      await demo.fault({ path_prefix: '/api/v1/servers/', kind: 'status', status: 500, times: 100 });
      await page.goto(`${demo.url}/servers/12346`);
      await page.getByText(/^The server's details could not be read: .* The snapshots below come from the snapshot list\.$/).waitFor({ timeout: 40_000 });
      await group(page, 12346).locator('[data-snapshot-id]').first().waitFor();
      noPanic(page);
    });
  });

  it('shows hostname and location in each section header, also at 375 px', TEST, async () => {
    await withFailureScreenshot(page, 'server-page-header', async () => {
      await signIn(page, demo);
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        const where = group(page, 12347).locator('.server-where span');
        assert.deepEqual(await where.allTextContents(), ['staging.example.com', 'eu-central']);
        await noSidewaysScroll(page, `the list at ${width} px`);
      }
      await screenshot(page, 'list-header-where-375');
      noPanic(page);
    });
  });

  it('in English, Spanish and Somali at 1280 and 375 px: translated, no sideways scroll, axe clean', TEST, async () => {
    await withFailureScreenshot(page, 'server-page-languages', async () => {
      await page.goto(`${demo.url}/servers/12349`);
      await signInHere(page, demo.token);
      await page.getByRole('heading', { level: 1, name: 'legacy-app-01' }).waitFor();
      const back = { en: 'Back to the list', es: 'Volver a la lista', so: 'Ku noqo liiska' };
      for (const lang of ['en', 'es', 'so']) {
        await chooseLanguage(page, lang);
        await page.getByRole('link', { name: back[lang] }).waitFor();
        for (const width of [1280, 375]) {
          await page.setViewportSize({ width, height: 900 });
          await noSidewaysScroll(page, `${lang} at ${width} px`);
          await assertNoA11yViolations(page, `the server page (${lang}, ${width} px)`);
          await screenshot(page, `server-page-${lang}-${width}`);
        }
      }
      noPanic(page);
    });
  });
});

describe('the server page and the list\'s scroll, 300 servers', { timeout: 600_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({ demoArgs: ['--large', '300:900'] }, (f) => ({ demo, page } = f));

  it('Back comes back to the same place in the windowed list', TEST, async () => {
    await withFailureScreenshot(page, 'server-page-back-scroll', async () => {
      await page.setViewportSize({ width: 375, height: 700 });
      await signIn(page, demo);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight * 0.6));
      // The section at the top of the screen, once rendered there and
      // measured (the list settles as it measures what it rendered).
      const read = () => page.evaluate(() => {
        // A link wholly in view: clicking it scrolls nothing.
        const link = [...document.querySelectorAll('article[data-server-id] h2 a')].find((a) => {
          const box = a.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        });
        const id = link?.closest('article').dataset.serverId;
        return link ? JSON.stringify({ id, top: link.getBoundingClientRect().top, y: window.scrollY }) : null;
      });
      let seen = [];
      const settled = await until(async () => {
        seen = [...seen.slice(-2), await read()];
        await page.waitForTimeout(300);
        return seen.length === 3 && seen[0] !== null && seen.every((r) => r === seen[0]) && seen[0];
      }, 'a section in view far down, settled', { timeout: 20_000 });
      const target = JSON.parse(settled);
      assert.ok(target.y > 10_000, `far down the list: ${target.y}`);
      await page.locator(`article[data-server-id="${target.id}"] h2 a`).click();
      await page.waitForURL((url) => url.pathname === `/servers/${target.id}`);
      await page.locator('.details-list').waitFor();

      await page.goBack();
      await page.waitForURL((url) => url.pathname === '/');
      const back = await until(() => page.evaluate((id) => {
        const link = document.querySelector(`article[data-server-id="${id}"] h2 a`);
        return link && { top: link.getBoundingClientRect().top, y: window.scrollY };
      }, target.id), 'the same section rendered again');
      assert.ok(Math.abs(back.y - target.y) < 2, `scrolled back to ${back.y}, not ${target.y}`);
      assert.ok(Math.abs(back.top - target.top) < 2, `the section at the same place: ${target.top}, not ${back.top}`);
      noPanic(page);
    });
  });
});
