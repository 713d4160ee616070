// The describe scaffolding shared by the test files: a demo API and a browser
// started once for the suite, and, for each test, a reset demo and a fresh page.
//
// Call these inside a describe(); they register its before/after hooks. The
// suite's variables are handed over through `bind`, called each time one of
// them changes, so the tests keep using plain `demo`, `browser` and `page`:
//
//   let demo; let browser; let page;
//   useDemoAndBrowser({ demoArgs: ['--page-size', '2'] }, (f) => ({ demo, browser, page } = f));
//
// Hooks of the same kind run in the order they are registered: a suite's own
// beforeEach registered after this call runs once the page is open.

import { after, afterEach, before, beforeEach } from 'node:test';
import { launchBrowser } from './browser.mjs';
import { startDemo } from './demo.mjs';

/**
 * Demo settings for the tests of the dialogs: snapshots and restores take 3 s.
 * Each reset puts the delays back (`config`), so every test starts with these
 * quick transitions even if an earlier one changed them.
 */
export const QUICK_TRANSITIONS = {
  demoArgs: ['--snapshot-delay-ms', '3000', '--restore-delay-ms', '3000'],
  config: { snapshot_delay_ms: 3000, restore_delay_ms: 3000 },
};

/** Resets `demo` (seed data, request log, faults, token), then applies `config` if given. */
async function resetDemo(demo, config) {
  await demo.reset();
  if (config !== undefined) await demo.config(config);
}

/**
 * Makes `page` read config.json with the keys of `appConfig` set over the
 * build's own (e.g. `{delete_undo_seconds: 0}`); the file still comes from
 * the demo, so only those keys differ.
 */
export async function useAppConfig(page, appConfig) {
  await page.route(/\/config\.json$/, async (route) => {
    const response = await route.fetch();
    const json = { ...(await response.json()), ...appConfig };
    await route.fulfill({ response, json });
  });
}

/** Registers the hooks that open a fresh page before each test and close it after. */
function usePage(state, update, appConfig) {
  beforeEach(async () => {
    const page = await state.browser.newPage();
    if (appConfig !== undefined) await useAppConfig(page, appConfig);
    update({ page });
  });

  afterEach(async () => {
    await state.page?.close();
  });
}

/**
 * Starts the demo API once (startDemo(demoArgs)) and launches a browser
 * (launchBrowser(browserOptions)); before each test resets the demo, applies
 * `config` (demo.config) if given and opens a new page; closes the page after
 * each test, and the browser then the demo at the end.
 * `appConfig`, if given, is set over the app's config.json (useAppConfig).
 * `bind({demo, browser, page})` is called whenever one of them changes.
 */
export function useDemoAndBrowser({ demoArgs = [], config, appConfig, browserOptions } = {}, bind = () => {}) {
  const state = {};
  const update = (changes) => bind(Object.assign(state, changes));

  before(async () => {
    update({ demo: await startDemo(demoArgs) });
    update({ browser: await launchBrowser(browserOptions) });
  });

  after(async () => {
    await state.browser?.close();
    await state.demo?.stop();
  });

  beforeEach(async () => {
    await resetDemo(state.demo, config);
  });

  usePage(state, update, appConfig);
}

/**
 * Starts the demo API once (startDemo(args)) and stops it at the end; before
 * each test resets it and applies `config` (demo.config) if given.
 * `bind({demo})` is called once it has started.
 */
export function useDemo({ args = [], config } = {}, bind = () => {}) {
  const state = {};

  before(async () => {
    bind(Object.assign(state, { demo: await startDemo(args) }));
  });

  after(async () => {
    await state.demo?.stop();
  });

  beforeEach(async () => {
    await resetDemo(state.demo, config);
  });
}

/**
 * Launches a browser once (launchBrowser(options), e.g. {locale: 'es-ES'}) and
 * closes it at the end; opens a new page before each test and closes it after.
 * `bind({browser, page})` is called whenever one of them changes.
 */
export function useBrowser(options, bind = () => {}) {
  const state = {};
  const update = (changes) => bind(Object.assign(state, changes));

  before(async () => {
    update({ browser: await launchBrowser(options) });
  });

  after(async () => {
    await state.browser?.close();
  });

  usePage(state, update);
}
