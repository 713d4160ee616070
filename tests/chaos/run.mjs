// The chaos run: a user doing creates, restores, deletes, bulk deletes, make
// room and undos at random, through the page, for a bounded time, while the
// demo API answers with random faults and once rejects the token. Then it
// checks that nothing was sent twice, nothing after its Undo, nothing lost,
// that the page ends up showing exactly the demo's snapshots, that the
// app never panicked and its memory stayed flat; prints one table; exits
// non-zero if any check failed.
//
//   node tests/chaos/run.mjs [--minutes 5] [--seed N]     (scripts/chaos builds first)

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { launchBrowser, pageDiagnostics, signIn, signInHere } from '../e2e/support/browser.mjs';
import { startDemo } from '../e2e/support/demo.mjs';
import { useAppConfig } from '../e2e/support/fixture.mjs';
import { ACTIONS } from './lib/actions.mjs';
import { randomFault, UNAUTHORIZED } from './lib/faults.mjs';
import { Ledger, verdicts } from './lib/ledger.mjs';
import { makeRng, randomSeed } from './lib/rng.mjs';
import { compareAtTheEnd } from './lib/settle.mjs';
import { printTable, summary } from './lib/table.mjs';
import { closeDialog, readUi } from './lib/ui.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RECORDER = path.join(HERE, 'lib', 'recorder.js');
const ARTIFACTS = path.join(HERE, 'artifacts');

/** Short demo delays, so that work completes during the run. */
const DEMO_ARGS = ['--snapshot-delay-ms', '4000', '--restore-delay-ms', '6000'];
/** The undo window of the run's deletes: long enough to undo, short enough to send many. */
const UNDO_SECONDS = 4;
/** Chance, before each action, of a fault on the next API request, and of one on the action's own write. */
const FAULT_CHANCE = 0.35;
const WRITE_FAULT_CHANCE = 0.25;

function parseArgs(argv) {
  const options = { minutes: 5, seed: null };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--minutes') options.minutes = value();
    else if (flag === '--seed') options.seed = value();
    else throw new Error(`unknown argument: ${argv[i]} (usage: --minutes N --seed N)`);
  }
  if (!(options.minutes > 0)) throw new Error('--minutes must be a positive number');
  if (options.seed !== null && !Number.isSafeInteger(options.seed)) throw new Error('--seed must be a whole number');
  return options;
}

/**
 * Signs in again after the 401. A fault may hit the token check: then the
 * page says so and the user tries again, unless the app's own retry of the
 * check got through meanwhile.
 */
async function signInAgain(page, demo) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (!(await readUi(page)).signedOut) return;
      await signInHere(page, demo.token);
      return;
    } catch (err) {
      if (attempt === 5) throw err;
      await sleep(1_000);
    }
  }
}

/** The run's shared state, handed to every action (see actions.mjs). */
function makeContext(page, demo, rng) {
  const ctx = {
    page,
    demo,
    rng,
    ledger: new Ledger(),
    messages: [],
    names: 0,
    nextName: () => `chaos-${(ctx.names += 1)}`,
    async collect() {
      ctx.messages.push(...await page.evaluate(() => window.__chaos.take()));
    },
    async faultBeforeWrite(method) {
      if (rng.chance(WRITE_FAULT_CHANCE)) await demo.fault({ path_prefix: '/api/', method, ...randomFault(rng) });
    },
    async messageAfter(at, test, ms) {
      const deadline = Date.now() + ms;
      do {
        await ctx.collect();
        if (ctx.messages.some((m) => m.at >= at && test(m.text))) return true;
        await sleep(100);
      } while (Date.now() < deadline);
      return false;
    },
  };
  return ctx;
}

/** What a user does between actions: closes a leftover dialog, retries a failed load, dismisses old errors. */
async function tidy(ctx, ui) {
  const { page } = ctx;
  if (ui.dialogOpen) await closeDialog(page);
  if (ui.errorState) await page.getByRole('button', { name: 'Retry', exact: true }).click({ timeout: 3_000 });
  if (ui.errorToasts > 3) {
    await page.locator('.toasts > .toast-error').first().getByRole('button', { name: 'Dismiss notice' }).click({ timeout: 3_000 });
  }
}

/** An action's error in one line: Playwright's first line, and why the control could not be used. */
function hiccup(err) {
  const lines = err.message.replace(/\u001b\[\d+m/g, '').split('\n');
  const why = lines.filter((l) => /intercepts pointer events|not enabled|not visible|detached/.test(l)).at(-1)?.trim();
  return why ? `${lines[0]} (${why})` : lines[0];
}

/**
 * The weight of each action the page allows now. Those that only remove
 * snapshots weigh less while the servers are far from full, so that the
 * servers fill up now and then and "make room" has something to do.
 */
function weights(ui) {
  const fill = ui.rows.length / Math.max(1, ui.sections.length * 5);
  return Object.fromEntries(Object.entries(ACTIONS).map(([name, a]) => {
    if (!a.possible(ui)) return [name, 0];
    return [name, a.removes ? a.weight * Math.min(1, 2 * fill) : a.weight];
  }));
}

/**
 * The random part: actions and faults until `endAt`, and the one 401 on the
 * first API request after `unauthorizedAt.earliest` at which deletes are
 * being sent, or after `unauthorizedAt.latest` anyway.
 */
async function chaos(ctx, { endAt, unauthorizedAt }, tally) {
  const { page, demo, rng } = ctx;
  let unauthorizedSent = false;
  while (Date.now() < endAt) {
    let name = null;
    try {
      await ctx.collect();
      let ui = await readUi(page);
      // The 401 comes once, preferably while deletes are being sent.
      const sending = ui.rows.some((r) => r.pending && r.waiting === null);
      if (!unauthorizedSent && Date.now() >= unauthorizedAt.earliest && (sending || Date.now() >= unauthorizedAt.latest)) {
        await demo.fault(UNAUTHORIZED);
        unauthorizedSent = true;
      }
      if (rng.chance(FAULT_CHANCE)) await demo.fault({ path_prefix: '/api/', ...randomFault(rng) });
      if (ui.signedOut) {
        await signInAgain(page, demo);
        tally.signIns += 1;
        continue;
      }
      await tidy(ctx, ui);
      ui = await readUi(page);
      name = rng.weighted(weights(ui));
      if (await ACTIONS[name].run(ctx, ui)) tally.actions[name] = (tally.actions[name] ?? 0) + 1;
      else tally.gaveUp.push(name);
    } catch (err) {
      // The page changed under the user (a dialog closed by a sign-out, a
      // button disabled by a refresh): worth a line, not a failure.
      tally.hiccups.push(`${name ?? 'between actions'}: ${hiccup(err)}`);
    }
    await sleep(rng.int(200, 1500));
  }
}

/**
 * Writes what the run saw to tests/chaos/artifacts/run-<seed>.json, for
 * telling exactly what happened when a check fails: the confirmations, the
 * page's messages, the demo's request log.
 */
function saveRecord(seed, { ctx, log, tally, end }) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `run-${seed}.json`);
  const confirmations = ctx.ledger.confirmations.map((c) => ({ ...c, dependsOn: c.dependsOn?.key ?? null }));
  writeFileSync(file, JSON.stringify({
    seed, tally, end, confirmations, messages: ctx.messages, log,
  }, null, 1));
  return file;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const seed = options.seed ?? randomSeed();
  console.log(`chaos run: seed ${seed}, ${options.minutes} min (repeat with: scripts/chaos --seed ${seed} --minutes ${options.minutes})`);
  const rng = makeRng(seed);
  const demo = await startDemo(DEMO_ARGS);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await useAppConfig(page, { delete_undo_seconds: UNDO_SECONDS });
    await page.addInitScript({ path: RECORDER });
    await signIn(page, demo);
    await sleep(1_000);
    const memoryStart = await page.evaluate(() => window.__chaos.wasmBytes());
    const ctx = makeContext(page, demo, rng);
    const tally = {
      actions: {}, gaveUp: [], hiccups: [], signIns: 0,
    };
    const startAt = Date.now();
    const runMs = options.minutes * 60_000;
    const unauthorizedAt = { earliest: startAt + runMs * (0.2 + 0.3 * rng.next()), latest: startAt + runMs * 0.75 };
    await chaos(ctx, { endAt: startAt + runMs, unauthorizedAt }, tally);

    // The end: no more faults, work in flight finishes, the page is compared.
    await demo.clearFaults();
    await ctx.collect();
    if ((await readUi(page)).signedOut) {
      await signInAgain(page, demo);
      tally.signIns += 1;
    }
    await closeDialog(page);
    const end = await compareAtTheEnd(page, demo, 60_000);
    await ctx.collect();
    const memoryEnd = await page.evaluate(() => window.__chaos.wasmBytes());
    const panicked = await page.evaluate(() => window.__chaos.panicked);
    const log = await demo.requests();
    const found = verdicts(ctx.ledger.confirmations, log, ctx.messages);
    const result = summary({
      actionNames: Object.keys(ACTIONS),
      seed, minutes: options.minutes, undoSeconds: UNDO_SECONDS, tally, log, found, end,
      memory: { start: memoryStart, end: memoryEnd }, diagnostics: pageDiagnostics(page), panicked,
    });
    printTable(result);
    const file = saveRecord(seed, { ctx, log, tally, end });
    await page.screenshot({ path: file.replace(/\.json$/, '.png'), fullPage: true });
    console.log(`\nEverything the run saw: ${path.relative(process.cwd(), file)} (and .png)`);
    process.exitCode = result.failed.length > 0 ? 1 : 0;
  } finally {
    await browser.close();
    await demo.stop();
  }
}

main().catch((err) => {
  console.error(`chaos run failed: ${err.stack ?? err}`);
  process.exitCode = 2;
});
