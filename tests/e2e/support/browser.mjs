// Debian's headless chromium driven by playwright-core (no browser download),
// with a fresh profile per launch, plus page helpers for the tests.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');

/** What each opened page reported: console errors, uncaught exceptions, panics. */
const diagnostics = new WeakMap();

/**
 * Launches chromium with a fresh temporary profile.
 * `locale` (e.g. 'es-ES') sets the browser's language (navigator.languages).
 * `backForwardCache: true` keeps the browser's back/forward cache on, as for
 * users (playwright turns it off by default).
 * Returns {context, newPage(), close()}; close() also removes the profile.
 */
export async function launchBrowser({ locale, backForwardCache = false } = {}) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'snapshot-e2e-profile-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
      viewport: { width: 1280, height: 900 },
      ...(locale ? { locale } : {}),
      ...(backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);

  return {
    context,
    /** Opens a new tab (fresh sessionStorage) that records errors and panics. */
    newPage: () => openPage(context),
    async close() {
      try {
        await context.close();
      } finally {
        await rm(userDataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Opens a page in `context` and records its console errors, page errors and panics. */
export async function openPage(context) {
  const page = await context.newPage();
  const diag = { consoleErrors: [], pageErrors: [], panics: [] };
  diagnostics.set(page, diag);
  page.on('console', (msg) => {
    const text = msg.text();
    if (msg.type() === 'error') diag.consoleErrors.push(text);
    if (text.includes('panicked')) diag.panics.push(text);
  });
  page.on('pageerror', (err) => {
    const text = `${err.name}: ${err.message}`;
    diag.pageErrors.push(text);
    if (text.includes('panicked')) diag.panics.push(text);
  });
  return page;
}

/** {consoleErrors, pageErrors, panics} recorded for a page opened by openPage(). */
export function pageDiagnostics(page) {
  const diag = diagnostics.get(page);
  assert.ok(diag, 'page was not opened with openPage()/browser.newPage()');
  return diag;
}

/** Asserts the app neither panicked nor threw an uncaught exception. */
export function noPanic(page) {
  const { panics, pageErrors } = pageDiagnostics(page);
  assert.deepEqual(panics, [], `the app panicked:\n${panics.join('\n')}`);
  assert.deepEqual(pageErrors, [], `uncaught exceptions in the page:\n${pageErrors.join('\n')}`);
}

/** The "API token" field of the sign-in page. */
export function tokenField(page) {
  return page.getByLabel('API token');
}

/**
 * Opens the app and signs in with `token` (default: the demo's token), then
 * waits for the server list.
 * @param {import('playwright-core').Page} page
 */
export async function signIn(page, demo, { token = demo.token } = {}) {
  await page.goto(`${demo.url}/`);
  await signInHere(page, token);
}

/**
 * Signs in on the sign-in page already shown in `scope` (a page, a frame or a
 * frameLocator) and waits for the server list.
 */
export async function signInHere(scope, token) {
  await tokenField(scope).fill(token);
  await scope.getByRole('button', { name: 'Sign in' }).click();
  await scope.getByRole('button', { name: 'Sign out' }).waitFor();
  await scope.locator('article[data-server-id]').first().waitFor();
}

/** Saves a full-page screenshot as tests/e2e/artifacts/<name>.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Runs `fn`; if it throws, saves a screenshot "<name>-failure" first. */
export async function withFailureScreenshot(page, name, fn) {
  try {
    return await fn();
  } catch (err) {
    try {
      const file = await screenshot(page, `${name}-failure`);
      err.message += `\n(screenshot: ${path.relative(process.cwd(), file)})`;
    } catch {
      // the page may be gone; the original error matters more
    }
    throw err;
  }
}

/** Whitespace-normalised visible text of a locator. */
export async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * Chooses `lang` in the language menu and waits until the page is in it:
 * a language other than English is fetched first, so the switch is not
 * immediate.
 */
export async function chooseLanguage(page, lang) {
  await page.locator('#language').selectOption(lang);
  await page.waitForFunction((tag) => document.documentElement.lang === tag, lang);
}
