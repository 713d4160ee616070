// 50,000 snapshots on 10,000 servers (metric 7): the app alone loads them,
// is scrolled to the bottom and searched; every long task after the data
// arrived is watched. A crash or a frozen tab is a result, not an abort.

import { log, memory, signedIn, within, withDemo } from './session.mjs';

/** The name the demo gives the `nth` snapshot of its `index`th server. */
export const seedName = (index, nth) => `snap-${String(index).padStart(4, '0')}-${nth}`;

/** Measures the app on `seed` ({servers, snapshots}); `timeoutMs` bounds each step. */
export async function largeAccount(browser, site, seed, timeoutMs) {
  log(`large account: --large ${seed.servers}:${seed.snapshots}, app only`);
  return withDemo(site, seed, [], async (demo) => {
    const result = { account: `${seed.servers} servers, ${seed.snapshots} snapshots`, step: 'open', error: null };
    let session = null;
    try {
      session = await signedIn(browser, 'app', demo, seed.snapshots, { timeoutMs, settleMs: 0 });
      const { page, cdp, signIn } = session;
      result.signInToFirstScreen = signIn.firstScreen.clickToPaint;
      result.signInToLastResponse = signIn.lastResponseEnd;
      result.requests = signIn.requests;
      result.listGets = signIn.listGets;
      // From here on the data is there: no task may freeze the tab.
      const dataAt = signIn.t0 + signIn.lastResponseEnd;
      result.step = 'scroll';
      result.scroll = await within(page.evaluate(() => window.__bench.scrollDown(5)), timeoutMs, 'scroll');
      result.step = 'search';
      const name = seedName(Math.ceil(seed.servers * 0.77), 3);
      result.search = await within(page.evaluate(([n, t]) => window.__bench.measureSearch(n, t), [name, timeoutMs]),
        timeoutMs + 30_000, 'search');
      result.step = 'long tasks';
      result.longTasks = await page.evaluate((since) => window.__bench.longestTaskSince(since), dataAt);
      // Last: the forced garbage collections must not count as long tasks.
      result.step = 'memory';
      result.memory = await within(memory(page, cdp), timeoutMs, 'memory');
      result.step = 'done';
    } catch (err) {
      // Playwright says "Target crashed" when the tab died.
      result.error = `at ${result.step}: ${err.message.split('\n')[0]}`;
      log(`large account: ${result.error}`);
    } finally {
      await session?.page.close().catch(() => {});
    }
    return result;
  });
}

/**
 * Sign-in → last API answer for the same account when the list can only be
 * read by following `next` one page after another (the demo pages it by
 * cursor): what numbered pages read side by side are compared with.
 */
export async function wholeAccountByNext(browser, site, seed, timeoutMs) {
  log(`large account by next: --large ${seed.servers}:${seed.snapshots}, cursor pages`);
  return withDemo(site, seed, [], async (demo) => {
    await demo.config({ pagination: 'cursor' });
    let session = null;
    try {
      session = await signedIn(browser, 'app', demo, seed.snapshots, { timeoutMs, settleMs: 0 });
      return { signInToLastResponse: session.signIn.lastResponseEnd, error: null };
    } catch (err) {
      return { signInToLastResponse: null, error: err.message.split('\n')[0] };
    } finally {
      await session?.page.close().catch(() => {});
    }
  });
}
