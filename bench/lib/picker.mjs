// The server picker at 10,000 servers (metric 9): the app alone, signed in,
// opens the toolbar's picker, types one character, then a full server name,
// each timed input → paint, and counts the nodes of the open picker; then
// opens "New snapshot" and its server picker. Its sign-in gives the first
// screen at 10,000 snapshots.

import { stat } from './stats.mjs';
import { log, signedIn, within, withDemo } from './session.mjs';

/** The name the demo gives its `index`th server. */
const serverName = (index) => `srv-${String(index).padStart(4, '0')}`;

/** Measures the picker on `seed` ({servers, snapshots}), `runs` times on other servers. */
export async function pickerAccount(browser, site, seed, runs) {
  log(`picker: --large ${seed.servers}:${seed.snapshots}, ${runs} runs, app only`);
  return withDemo(site, seed, [], async (demo) => {
    const result = { account: `${seed.servers} servers`, runs: [], createRuns: [], createPickerRuns: [], error: null };
    let session = null;
    try {
      session = await signedIn(browser, 'app', demo, seed.snapshots, { timeoutMs: 120_000 });
      // The first screen of this account (10,000 snapshots): against the 1,000 one's.
      result.signInToFirstScreen = session.signIn.firstScreen.clickToPaint;
      for (let i = 0; i < runs; i++) {
        const name = serverName(1 + Math.floor(((i + 0.5) * seed.servers) / runs));
        result.runs.push(await within(session.page.evaluate(([n, s]) => window.__bench.measurePicker(s, n), [name, seed.servers]),
          90_000, 'picker'));
      }
      // "New snapshot" with this many servers: click → dialog and picker usable,
      // then its server list opened (key → options painted).
      for (let i = 0; i < runs; i++) {
        result.createRuns.push(await within(session.page.evaluate(() => window.__bench.measureDialog('create')), 90_000, 'New snapshot'));
        result.createPickerRuns.push(await within(session.page.evaluate((s) => window.__bench.measureCreatePicker(s), seed.servers),
          90_000, 'New snapshot picker'));
      }
    } catch (err) {
      result.error = `run ${result.runs.length + result.createRuns.length + 1}: ${err.message.split('\n')[0]}`;
      log(`picker: ${result.error}`);
    } finally {
      await session?.page.close().catch(() => {});
    }
    for (const key of ['open', 'oneChar', 'full', 'nodes']) result[key] = stat(result.runs.map((r) => r[key]));
    result.createOpen = stat(result.createRuns);
    result.createPicker = stat(result.createPickerRuns);
    // Only the first run opens the picker first: later runs find its options ready.
    result.firstOpen = result.runs[0]?.firstOpen ?? null;
    return result;
  });
}
