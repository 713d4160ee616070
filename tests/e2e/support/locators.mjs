// Locators and readings of the snapshot list and its dialogs, shared by the
// tests. `scope` may be a page, a frame or a frameLocator.

/** The group (section) of server `serverId`. */
export function group(page, serverId) {
  return page.locator(`article[data-server-id="${serverId}"]`);
}

/** The progress line's text that shows (a big account loading behind its first screen). */
export function progressLine(page) {
  return page.locator('.load-progress-text > span:not(.gone)');
}

/** What the progress line says once all `count` snapshots (written as English writes the number) are loaded. */
export function allLoaded(count) {
  return `All ${count} snapshots loaded. Search, the server filter and the readiness summary now cover them all.`;
}

/** The open dialog (the native <dialog role="dialog">). */
export function dialog(page) {
  return page.locator('dialog[open]');
}

/** The snapshot row named `name` in server `serverId`'s group. */
export function rowNamed(page, serverId, name) {
  return group(page, serverId).locator('li.snapshot').filter({
    has: page.locator('h3.snapshot-name', { hasText: new RegExp(`^${name}$`) }),
  });
}

/** The server ids of the sections shown, in page order. */
export function sectionIds(scope) {
  return scope.locator('article[data-server-id]')
    .evaluateAll((els) => els.map((el) => Number(el.dataset.serverId)));
}

/** Every snapshot id shown, sorted (by the default sort: the seeded ids all have three digits). */
export async function allRowIds(scope) {
  const ids = await scope.locator('[data-snapshot-id]')
    .evaluateAll((els) => els.map((el) => Number(el.dataset.snapshotId)));
  return ids.sort();
}

/** Deletes web-server-01's weekly snapshot (id 798) through its dialog, and waits until the row is gone. */
export async function deleteWeekly(page) {
  await page.getByRole('button', {
    name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true,
  }).click();
  await dialog(page).getByRole('button', { name: 'Delete snapshot' }).click();
  await dialog(page).waitFor({ state: 'detached' });
  await page.locator('[data-snapshot-id="798"]').waitFor({ state: 'detached' });
}
