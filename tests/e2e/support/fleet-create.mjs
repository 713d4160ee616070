// The "Snapshot several servers" dialog seen from the tests: the demo's
// servers, its checkboxes, confirm button and progress rows, and the
// create POSTs it sent.

import { createPosts } from './api.mjs';
import { dialog } from './locators.mjs';

/** The demo's servers by name. */
export const SERVERS = {
  'web-server-01': 12345,
  'db-server-01': 12346,
  'staging-01': 12347,
  'build-runner-01': 12348,
  'legacy-app-01': 12349,
};

/** The toolbar button that opens the dialog. */
export function openButton(page) {
  return page.getByRole('button', { name: 'Snapshot several servers', exact: true });
}

/** Opens the dialog and waits for its checkboxes. */
export async function openDialog(page) {
  await openButton(page).click();
  await dialog(page).getByRole('checkbox').first().waitFor();
}

/** A server's checkbox in the dialog. */
export function checkbox(page, serverName) {
  return dialog(page).getByRole('checkbox', { name: serverName, exact: true });
}

/** The dialog's confirm button, whatever the count. */
export function confirmButton(page) {
  return dialog(page).getByRole('button', { name: /^Snapshot (\d+ servers?|the chosen servers)$/ });
}

/** The progress row of a server in the dialog's table. */
export function progressRow(page, serverId) {
  return dialog(page).locator(`tr[data-server-id="${serverId}"]`);
}

/** The logged create POSTs with their parsed bodies. */
export async function sentCreates(demo) {
  return (await createPosts(demo)).map((r) => ({ ...JSON.parse(r.body), status: r.status }));
}
