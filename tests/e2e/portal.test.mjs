// The console in a portal: docs/portal-example.html, served from an origin
// allowed in config.json, embeds it, hands over the token, sizes the frame
// from `height`, logs `activity`, switches the theme and navigates. The same
// page from an origin that is not allowed, and a sibling window of the
// allowed origin, get nothing and change nothing.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  after, afterEach, before, beforeEach, describe, it,
} from 'node:test';
import { launchBrowser, noPanic, withFailureScreenshot } from './support/browser.mjs';
import { DIST_DIR, REPO_ROOT, startDemo } from './support/demo.mjs';
import { until } from './support/wait.mjs';

const TEST = { timeout: 90_000 };
const EXAMPLE = readFileSync(path.join(REPO_ROOT, 'docs', 'portal-example.html'), 'utf8');

/** Serves docs/portal-example.html at / and an empty page at /sibling, on its own origin. */
async function startPortal() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://portal');
    const body = url.pathname === '/' ? EXAMPLE : url.pathname === '/sibling' ? '<!DOCTYPE html><title>sibling</title>' : null;
    if (body === null) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  server.keepAliveTimeout = 1_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    pageFor: (app) => `${origin}/?console=${encodeURIComponent(app)}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

describe('the console in docs/portal-example.html', { timeout: 600_000 }, () => {
  let portal;
  let otherPortal;
  let dir;
  let demo;
  let browser;
  let page;

  before(async () => {
    portal = await startPortal();
    otherPortal = await startPortal();
    dir = await mkdtemp(path.join(os.tmpdir(), 'snapshot-e2e-portal-example-'));
    await cp(DIST_DIR, dir, { recursive: true });
    // The same portal under another site's name (localhost, not 127.0.0.1),
    // as a real portal is: its frame runs in its own process.
    const crossSite = portal.origin.replace('127.0.0.1', 'localhost');
    await writeFile(path.join(dir, 'config.json'), JSON.stringify({ api_base_url: '', allowed_portal_origins: [portal.origin, crossSite] }));
    demo = await startDemo(['--dist', dir, '--frame-ancestors', `'self' ${portal.origin} ${crossSite} ${otherPortal.origin}`,
      '--snapshot-delay-ms', '1000']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await demo?.stop();
    await portal?.close();
    await otherPortal?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await demo.reset();
    page = await browser.newPage();
  });

  afterEach(async () => {
    await page?.close();
  });

  const app = () => page.frameLocator('#console');
  const messages = () => page.evaluate(() => window.consoleMessages);
  const ofType = async (type) => (await messages()).filter((m) => m.type === `vps-snapshots:${type}`);

  /** Opens the example page from `from`, waiting for the console's sign-in page. */
  async function openExample(from = portal) {
    await page.goto(from.pageFor(`${demo.url}/`));
    await app().getByLabel('API token').waitFor();
  }

  /** Signs the console in through the example's token field and waits for the list. */
  async function signInFromPortal() {
    await page.locator('#token').fill(demo.token);
    await page.getByRole('button', { name: 'Sign the console in' }).click();
    await app().locator('article[data-server-id]').first().waitFor();
  }

  /** The console frame's document (for computed styles). */
  async function consoleFrame() {
    return until(() => page.frames().find((f) => f.url().startsWith(`${demo.url}/`)), 'the console frame');
  }

  it('hears ready, height after the list and after a dialog, every write sent and ended, and signed-out; no token in any message', TEST, async () => {
    await withFailureScreenshot(page, 'portal-example-messages', async () => {
      await openExample();
      await until(async () => (await ofType('ready')).length === 1, 'ready arrives');
      await signInFromPortal();
      await until(async () => (await ofType('height')).length >= 1, 'a height arrives');
      const listHeight = await until(async () => {
        const last = (await ofType('height')).at(-1);
        const frame = await consoleFrame();
        const real = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        return last && Math.abs(last.height - real) <= 1 && real > 800 ? last.height : null;
      }, 'the last height is the rendered list\'s, taller than the first screen');
      assert.equal(await page.locator('#console').evaluate((f) => f.getBoundingClientRect().height), listHeight + 2,
        'the example sized its frame to it (plus its border)');

      // A short page (a search that matches nothing), then a dialog taller than it.
      await page.evaluate((target) => {
        document.getElementById('console').contentWindow.postMessage(
          { type: 'vps-snapshots:navigate', filter: { search: 'no-such-server' } }, target);
      }, demo.url);
      await app().locator('article[data-server-id]').first().waitFor({ state: 'detached' });
      const shortHeight = await until(async () => {
        const last = (await ofType('height')).at(-1);
        return last.height < listHeight ? last.height : null;
      }, 'the height shrinks with the list');
      const countBefore = (await ofType('height')).length;
      // The tallest dialog: it lists every server.
      await app().getByRole('button', { name: 'Snapshot several servers', exact: true }).click();
      const dialog = app().locator('dialog[open]');
      await dialog.waitFor();
      const dialogHeight = await dialog.evaluate((d) => d.scrollHeight);
      assert.ok(dialogHeight + 48 > shortHeight, `the dialog (${dialogHeight}px) is taller than the page (${shortHeight}px)`);
      await until(async () => (await ofType('height')).length > countBefore, 'a height arrives once the dialog opens');
      assert.equal((await ofType('height')).at(-1).height, dialogHeight + 48, 'the dialog and its margins fit');
      // By keyboard: the frame's fixed dialog is below the portal's viewport.
      await dialog.getByRole('button', { name: 'Cancel' }).press('Enter');

      // A write, from the whole list again.
      await page.evaluate((target) => {
        document.getElementById('console').contentWindow.postMessage({ type: 'vps-snapshots:navigate', filter: {} }, target);
      }, demo.url);
      await app().getByRole('button', { name: 'New snapshot of web-server-01', exact: true }).click();
      await dialog.waitFor();
      await dialog.getByLabel('Name', { exact: true }).fill('portal-made');
      await dialog.getByRole('button', { name: 'Create snapshot' }).press('Enter');
      const activity = await until(async () => {
        const all = await ofType('activity');
        return all.length >= 2 ? all : null;
      }, 'the create is told as sent and as ended', { timeout: 15_000 });
      assert.deepEqual(activity.map((m) => m.outcome), ['sent', 'succeeded']);
      assert.equal(typeof activity[1].snapshot_id, 'number', 'the ended create names the snapshot it made');
      for (const m of activity) {
        assert.equal(m.action, 'create');
        assert.equal(m.server_id, 12345);
        assert.equal(m.server_name, 'web-server-01');
        assert.equal(m.snapshot_name, 'portal-made');
        assert.match(m.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      }
      await page.locator('#activity li').filter({ hasText: 'create portal-made on web-server-01: succeeded' }).waitFor();

      await app().getByRole('button', { name: 'Sign out' }).click();
      await until(async () => (await ofType('signed-out')).length === 1, 'signed-out arrives');
      assert.equal((await ofType('signed-out'))[0].reason, 'button');

      const all = JSON.stringify(await messages());
      assert.ok(!all.includes(demo.token), `no message holds the token: ${all}`);
      noPanic(page);
    });
  });

  it('the theme button switches the console\'s colours; navigate opens a server\'s page', TEST, async () => {
    await withFailureScreenshot(page, 'portal-example-theme', async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await openExample();
      await signInFromPortal();
      const frame = await consoleFrame();
      const background = () => frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      assert.equal(await background(), 'rgb(243, 245, 248)');
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await until(async () => (await background()) === 'rgb(17, 22, 31)', 'the console turns dark');
      await page.getByRole('button', { name: 'Light theme' }).click();
      await until(async () => (await background()) === 'rgb(243, 245, 248)', 'and light again');

      await page.locator('#server-id').fill('12346');
      await page.getByRole('button', { name: 'Open server' }).click();
      await until(() => frame.url().endsWith('/servers/12346'), `the server's page opens (${frame.url()})`);
      await app().getByRole('heading', { name: 'db-server-01', exact: true }).first().waitFor();
      noPanic(page);
    });
  });

  it('a dialog opened from a row far down the content-sized frame is in the portal\'s view, on the same site or another', TEST, async () => {
    await withFailureScreenshot(page, 'portal-example-dialog-in-view', async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      // 127.0.0.1: the same site as the console (its frame shares the
      // portal's process, and the browser does not scroll the portal to a
      // focused control); localhost: another site, as most portals are.
      for (const host of ['127.0.0.1', 'localhost']) {
        await page.goto(portal.pageFor(`${demo.url}/`).replace('127.0.0.1', host));
        await app().getByLabel('API token').waitFor();
        await signInFromPortal();
        await until(async () => (await page.locator('#console').evaluate((f) => f.getBoundingClientRect().height)) > 1600,
          'the frame is sized to the list');
        // The last row's Delete, near the end of the frame: the portal scrolls to it.
        const last = app().locator('[data-snapshot-id]').last();
        await last.getByRole('button', { name: /^Delete/ }).click();
        const dialog = app().locator('dialog[open]');
        await dialog.waitFor();
        await delay(300);
        const { top, bottom } = await dialog.evaluate((d) => d.getBoundingClientRect());
        const frameTop = await page.locator('#console').evaluate((f) => f.getBoundingClientRect().top + f.clientTop);
        const view = await page.evaluate(() => innerHeight);
        // (1 px: the frame's border and rounding.)
        assert.ok(frameTop + top >= 0 && frameTop + bottom <= view + 1,
          `${host}: the dialog (${Math.round(frameTop + top)}–${Math.round(frameTop + bottom)} px) is within the portal's view (0–${view})`);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await app().getByRole('button', { name: 'Sign out' }).click();
      }
      noPanic(page);
    });
  });

  it('from an origin that is not allowed: no message out, and its token, theme and navigate do nothing', TEST, async () => {
    await withFailureScreenshot(page, 'portal-example-other-origin', async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await openExample(otherPortal);
      const frame = await consoleFrame();
      await frame.evaluate(() => {
        window.__received = 0;
        window.addEventListener('message', () => { window.__received += 1; });
      });
      await page.locator('#token').fill(demo.token);
      await page.getByRole('button', { name: 'Sign the console in' }).click();
      await page.getByRole('button', { name: 'Dark theme' }).click();
      await page.locator('#server-id').fill('12346');
      await page.getByRole('button', { name: 'Open server' }).click();
      await until(async () => (await frame.evaluate(() => window.__received)) === 3, 'the three messages reached the console');
      await delay(1_000);
      assert.deepEqual(await messages(), [], 'nothing was posted to this origin');
      assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(243, 245, 248)', 'still light');
      assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), undefined);
      assert.equal(new URL(frame.url()).pathname, '/', 'still on the first page');
      await app().getByLabel('API token').waitFor();
      assert.deepEqual((await demo.apiRequests()), [], 'the token was never checked');
      noPanic(page);
    });
  });

  it('from another window of the allowed origin (a sibling frame): theme and navigate do nothing', TEST, async () => {
    await withFailureScreenshot(page, 'portal-example-sibling', async () => {
      await page.emulateMedia({ colorScheme: 'light' });
      await openExample();
      await signInFromPortal();
      const frame = await consoleFrame();
      await frame.evaluate(() => {
        window.__received = 0;
        window.addEventListener('message', () => { window.__received += 1; });
      });
      await page.evaluate((src) => new Promise((resolve) => {
        const sibling = document.createElement('iframe');
        sibling.onload = resolve;
        sibling.src = src;
        document.body.append(sibling);
      }), `${portal.origin}/sibling`);
      const sibling = await until(() => page.frames().find((f) => f.url() === `${portal.origin}/sibling`), 'the sibling frame');
      await sibling.evaluate((target) => {
        const console = window.parent.document.getElementById('console').contentWindow;
        console.postMessage({ type: 'vps-snapshots:theme', theme: 'dark' }, target);
        console.postMessage({ type: 'vps-snapshots:navigate', server_id: 12346 }, target);
      }, demo.url);
      await until(async () => (await frame.evaluate(() => window.__received)) === 2, 'both messages reached the console');
      await delay(1_000);
      assert.equal(await frame.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(243, 245, 248)', 'still light');
      assert.equal(new URL(frame.url()).pathname, '/', 'still on the list');
      noPanic(page);
    });
  });
});
