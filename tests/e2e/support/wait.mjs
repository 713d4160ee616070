// Polling helpers: wait for something in the page or in the demo's request log.
//
// Two flavours, kept apart because the tests rely on their defaults and on
// the wording of their failures:
//   waitUntil(fn, what)          15 s by default, "timed out after … waiting for <what>"
//   until(probe, message)        10 s by default, "<message> (still not true after …)"
//   untilEqual(read, expected)   until() a value deep-equals, then an assert.deepEqual failure

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `probe` every `interval` ms until it returns a truthy value, which is
 * returned; once `timeout` ms have passed, throws `failure(lastValue)`.
 */
async function poll(probe, { timeout, interval }, failure) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw failure(last);
    await sleep(interval);
  }
}

/** Polls `fn` until it returns a truthy value (returned); fails with `what` after `timeout` ms. */
export function waitUntil(fn, what, { timeout = 15_000, interval = 100 } = {}) {
  return poll(fn, { timeout, interval }, (last) => new Error(
    `timed out after ${timeout} ms waiting for ${what} (last value: ${JSON.stringify(last)})`));
}

/**
 * Polls `probe` until it returns a truthy value (returned), or fails after
 * `timeout` ms with `message` and the last value seen.
 */
export function until(probe, message, { timeout = 10_000, interval = 100 } = {}) {
  return poll(probe, { timeout, interval }, (last) => new Error(
    `${message} (still not true after ${timeout} ms; last value: ${JSON.stringify(last)})`));
}

/** Polls `read` until its value deep-equals `expected`; asserts on timeout. */
export async function untilEqual(read, expected, message, options) {
  let last;
  try {
    await until(async () => {
      last = await read();
      return JSON.stringify(last) === JSON.stringify(expected);
    }, message, options);
  } catch {
    assert.deepEqual(last, expected, message);
  }
}
