// The page as the chaos run sees it between two actions, read in one
// evaluation: the sections and rows shown, which controls are enabled, the
// waiting deletes, the failures, and whether the user was signed out.

import { setTimeout as sleep } from 'node:timers/promises';
import { dialog } from '../../e2e/support/locators.mjs';

/** Reads the page: {signedOut, dialogOpen, sections, rows, failures, canRetryFailed, selectionBar, errorState, errorToasts}. */
export function readUi(page) {
  return page.evaluate(() => {
    const enabled = (el) => Boolean(el) && !el.disabled;
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const sections = [...document.querySelectorAll('article[data-server-id]')].map((a) => ({
      serverId: Number(a.dataset.serverId),
      name: text(a.querySelector('h2')),
      count: Number.parseInt(text(a.querySelector('.count')), 10),
      canCreate: enabled(a.querySelector('button[aria-label^="New snapshot of "]')),
      canMakeRoom: enabled(a.querySelector('button[aria-label^="Make room on "]')),
    }));
    const rows = [...document.querySelectorAll('li.snapshot[data-snapshot-id]')].map((li) => {
      const section = li.closest('article[data-server-id]');
      const pending = li.querySelector('.pending-delete');
      const waiting = text(pending).match(/Deleting in (\d+) s/);
      return {
        id: Number(li.dataset.snapshotId),
        serverId: Number(section?.dataset.serverId),
        server: text(section?.querySelector('h2')),
        name: text(li.querySelector('.snapshot-name')),
        status: text(li.querySelector('.badge')),
        canRestore: enabled(li.querySelector('button[aria-label^="Restore "]')),
        canDelete: enabled(li.querySelector('button[aria-label^="Delete snapshot "]')),
        canSelect: enabled(li.querySelector('input.row-select')),
        waiting: waiting ? Number(waiting[1]) : null,
        pending: Boolean(pending),
      };
    });
    return {
      signedOut: Boolean(document.querySelector('#token')),
      dialogOpen: Boolean(document.querySelector('dialog[open]')),
      sections,
      rows,
      failures: [...document.querySelectorAll('.delete-failures li')].map(text),
      canRetryFailed: enabled(document.querySelector('.delete-failures button.button-danger')),
      selectionBar: Boolean(document.querySelector('.selection-bar')),
      errorState: Boolean(document.querySelector('.error-state')),
      errorToasts: document.querySelectorAll('.toasts > .toast-error').length,
    };
  });
}

/** A snapshot status as the page shows it ("Completed", "In progress", "failed"), as the API writes it. */
export function apiStatus(shown) {
  const known = { completed: 'completed', 'in progress': 'in_progress' };
  const lower = shown.toLowerCase();
  return known[lower] ?? lower.replace(/\s+/g, '_');
}

/**
 * Every snapshot the list shows, as [{id, name, status}] sorted by id: the
 * list is windowed, so the page is scrolled from top to bottom and what
 * each screen shows is put together.
 */
export async function shownSnapshots(page) {
  const seen = new Map();
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let screen = 0; screen < 200; screen += 1) {
    await sleep(200);
    const rows = await page.locator('li.snapshot[data-snapshot-id]').evaluateAll((els) => els.map((li) => ({
      id: Number(li.dataset.snapshotId),
      name: (li.querySelector('.snapshot-name')?.textContent ?? '').trim(),
      status: (li.querySelector('.badge')?.textContent ?? '').trim(),
    })));
    for (const row of rows) seen.set(row.id, { ...row, status: apiStatus(row.status) });
    const moved = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight * 0.8);
      return window.scrollY !== before;
    });
    if (!moved) break;
  }
  return [...seen.values()].sort((a, b) => a.id - b.id);
}

/**
 * Waits until the open dialog is gone (`closed`), shows an alert (its text),
 * or the sign-in page is back (`signed-out`); `timeout` after `timeoutMs`.
 */
export async function dialogOutcome(page, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const seen = await page.evaluate(() => ({
      signedOut: Boolean(document.querySelector('#token')),
      open: Boolean(document.querySelector('dialog[open]')),
      alert: document.querySelector('dialog[open] .alert')?.textContent ?? null,
    }));
    if (seen.signedOut) return 'signed-out';
    if (!seen.open) return 'closed';
    if (seen.alert) return seen.alert.replace(/\s+/g, ' ').trim();
    await sleep(100);
  }
  return 'timeout';
}

/** Closes the open dialog, if any, with Escape, or its Cancel (or Close) button. */
export async function closeDialog(page) {
  const open = dialog(page);
  if ((await open.count()) === 0) return;
  await page.keyboard.press('Escape');
  try {
    await open.waitFor({ state: 'detached', timeout: 2_000 });
  } catch {
    await open.getByRole('button', { name: /^(Cancel|Close)$/ }).first().click({ timeout: 5_000 });
    await open.waitFor({ state: 'detached', timeout: 10_000 });
  }
}
