// 50,000 snapshots on 10,000 servers (metric 7), and 100,000 on 20,000: the
// app alone loads them, is scrolled to the bottom, searched, filtered, a
// section selected, each dialog opened; every long task after the data
// arrived is watched. A crash or a frozen tab is a result, not an abort.

import { log, memory, signedIn, within, withDemo } from './session.mjs';

/** The name the demo gives the `nth` snapshot of its `index`th server. */
export const seedName = (index, nth) => `snap-${String(index).padStart(4, '0')}-${nth}`;

/** The page's clock (performance.now()). */
const pageNow = (page) => page.evaluate(() => performance.now());

/**
 * Measures the app on `seed` ({servers, snapshots}); `timeoutMs` bounds each
 * step. After the data arrived, each step (scroll to the end, search and
 * clear, filter to one server and back, a section's select all, each dialog
 * opened and closed) is timed and the long tasks that started in it are
 * kept with it, so the row says which step was the slowest.
 */
export async function largeAccount(browser, site, seed, timeoutMs) {
  log(`large account: --large ${seed.servers}:${seed.snapshots}, app only`);
  return withDemo(site, seed, [], async (demo) => {
    const result = { account: `${seed.servers} servers, ${seed.snapshots} snapshots`, step: 'open', error: null, steps: [] };
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
      // Runs `fn(page)` as step `name`, with its page-clock window.
      const step = async (name, fn) => {
        result.step = name;
        const from = await pageNow(page);
        const value = await within(fn(), timeoutMs + 30_000, name);
        const to = await pageNow(page);
        // wasm memory only grows: where it grew says which step needed it.
        const wasm = await page.evaluate(() => window.__bench.wasmBytes());
        result.steps.push({ name, value, from, to, wasm });
        return value;
      };
      result.wasmAfterLoad = await page.evaluate(() => window.__bench.wasmBytes());
      await step('scroll', () => page.evaluate(() => window.__bench.scrollDown(5)));
      const index = Math.ceil(seed.servers * 0.77);
      result.search = await step('search', () => page.evaluate(([n, t]) => window.__bench.measureSearch(n, t), [seedName(index, 3), timeoutMs]));
      // The demo's servers are numbered from 10,001 (srv-0001).
      result.filter = await step('filter', () => page.evaluate(([id, t]) => window.__bench.measureFilter(id, t), [10_000 + index, timeoutMs]));
      result.selectAll = await step('select all', () => page.evaluate((t) => window.__bench.measureSelectAll(t), timeoutMs));
      result.dialogs = {};
      for (const name of await page.evaluate(() => window.__bench.dialogNames)) {
        result.dialogs[name] = await step(`dialog ${name}`, () => page.evaluate(([n, t]) => window.__bench.measureDialog(n, t), [name, timeoutMs]));
      }
      await step('clear selection', () => page.evaluate((t) => window.__bench.clearSelection(t), timeoutMs));
      result.step = 'long tasks';
      result.longTasks = await page.evaluate((since) => window.__bench.longestTaskSince(since), dataAt);
      // Before the first step: the last answer put on screen (the load's end).
      result.steps.unshift({ name: 'load applied (after the last answer)', from: dataAt, to: result.steps[0].from, wasm: result.wasmAfterLoad });
      for (const s of result.steps) {
        s.longTasks = await page.evaluate(([a, b]) => window.__bench.longTasksBetween(a, b), [s.from, s.to]);
      }
      const worst = result.steps.filter((s) => s.longTasks?.count).sort((a, b) => b.longTasks.longest - a.longTasks.longest)[0];
      result.slowestStep = worst ? `${worst.name} ${Math.round(worst.longTasks.longest)} ms` : null;
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
 * Sign-in → last API answer for the whole of `seed`'s account, its list
 * paged as `pagination` says: 'cursor', read only by following `next`, one
 * page after another (what numbered pages read side by side are compared
 * with), or 'numbered'. `latencyMs`: each API answer that much later, for
 * this pair alone (0: as the run's other accounts).
 */
export async function wholeAccount(browser, site, seed, timeoutMs, { pagination, latencyMs = 0 }) {
  const late = latencyMs ? `, ${latencyMs} ms per answer` : '';
  log(`whole account: --large ${seed.servers}:${seed.snapshots}, ${pagination} pages${late}`);
  const extra = latencyMs ? ['--latency-ms', String(latencyMs)] : [];
  return withDemo(site, seed, extra, async (demo) => {
    if (pagination === 'cursor') await demo.config({ pagination: 'cursor' });
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
