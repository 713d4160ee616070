// Names from the API that do not read as they are stored ("Trojan Source"):
// a server named "web" U+202E "10-bd", which reads "webdb-01", and a
// snapshot whose name holds a PDI of its own before a U+202E. They are
// isolated and written out in the list, the menus, the dialogs, the notices
// and the Activity page, without reordering the words around them; the
// dialogs say why, and the restore's typed confirmation takes the name as
// the dialog writes it.

import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { mutations } from './support/api.mjs';
import { noPanic, signIn, textOf, withFailureScreenshot } from './support/browser.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { dialog, group } from './support/locators.mjs';
import { waitUntil } from './support/wait.mjs';

const FSI = '\u2068';
const PDI = '\u2069';
const SERVER = 12345;
const SERVER_NAME = 'web\u202E10-bd';
const SERVER_SHOWN = 'web<U+202E>10-bd';
/** The seeded weekly-snapshot-2025-01-08 of that server, renamed. */
const SNAPSHOT = 798;
const SNAPSHOT_NAME = 'weekly\u2069\u202E-2025';
const SNAPSHOT_SHOWN = 'weekly<U+2069><U+202E>-2025';
/** Its other snapshot keeps its plain name. */
const PLAIN_SNAPSHOT = 801;

/**
 * The element's computed `unicode-bidi` (block elements, headings and table
 * cells are isolated by the browser's own style sheet: only inline ones tell).
 */
function unicodeBidi(locator) {
  return locator.evaluate((el) => getComputedStyle(el).unicodeBidi);
}

/** The element's text as the DOM holds it (isolation marks included). */
function rawText(locator) {
  return locator.evaluate((el) => el.textContent.replace(/\s+/g, ' ').trim());
}

/**
 * Asserts that `parts`, found one after the other in the element's text,
 * are also laid out in that order on screen (line by line, left to right,
 * by the place of each part's first character): nothing in between has
 * reordered them.
 */
async function assertReadsInOrder(locator, parts, what) {
  const boxes = await locator.evaluate((el, parts) => {
    const nodes = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, start: text.length });
      text += node.data;
    }
    const at = (offset) => {
      const found = nodes.findLast((n) => n.start <= offset);
      return [found.node, offset - found.start];
    };
    let from = 0;
    return parts.map((part) => {
      const index = text.indexOf(part, from);
      if (index < 0) return { part, missing: true };
      from = index + part.length;
      const range = document.createRange();
      range.setStart(...at(index));
      range.setEnd(...at(index + 1));
      const rect = range.getBoundingClientRect();
      return { part, top: rect.top, left: rect.left };
    });
  }, parts);
  for (const box of boxes) assert.ok(!box.missing, `${what}: “${box.part}” is in the text`);
  for (let i = 1; i < boxes.length; i += 1) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    const before = a.top < b.top - 4 || (Math.abs(a.top - b.top) <= 4 && a.left < b.left);
    assert.ok(before, `${what}: “${a.part}” is shown before “${b.part}” (${JSON.stringify(boxes)})`);
  }
}

/** The row of snapshot `id` in the hostile server's section. */
function row(page, id) {
  return group(page, SERVER).locator(`li[data-snapshot-id="${id}"]`);
}

describe('names with hidden characters', { timeout: 180_000 }, () => {
  let demo;
  let page;
  useDemoAndBrowser({ appConfig: { delete_undo_seconds: 0 } }, (f) => ({ demo, page } = f));

  beforeEach(async () => {
    await demo.rename({ server_id: SERVER, name: SERVER_NAME });
    await demo.rename({ snapshot_id: SNAPSHOT, name: SNAPSHOT_NAME });
    await signIn(page, demo);
  });

  it('isolates and writes them out in the list and its menus', async () => {
    await withFailureScreenshot(page, 'hidden-names-list', async () => {
      const heading = group(page, SERVER).locator('h2');
      assert.equal(await rawText(heading), SERVER_SHOWN, 'the server name is written out');
      await assertReadsInOrder(heading, ['web', '<U+202E>', '10-bd'], 'the server name');
      const name = row(page, SNAPSHOT).locator('h3.snapshot-name');
      assert.equal(await rawText(name), SNAPSHOT_SHOWN, 'the snapshot name is written out');

      // The filter's option: the name written out, in an element of its own
      // that isolates it, and read in order with its number after it.
      await page.locator('#server-filter').focus();
      await page.keyboard.type(`#${SERVER}`);
      const option = page.locator('#server-filter-list [role="option"]').filter({ hasText: `#${SERVER}` });
      assert.equal(await rawText(option.locator('.combo-label')), SERVER_SHOWN);
      assert.equal(await unicodeBidi(option.locator('.combo-label')), 'isolate');
      await assertReadsInOrder(option, ['web', '<U+202E>', '10-bd', `#${SERVER}`], 'the filter option');
      await page.keyboard.press('Escape');

      // The create dialog's server picker, and its warning for the chosen server.
      await group(page, SERVER).getByRole('button', { name: /^New snapshot of / }).click();
      assert.equal(await dialog(page).locator('#create-server').inputValue(), `${SERVER_SHOWN} (#${SERVER})`);
      await dialog(page).locator('#create-server').focus();
      await page.keyboard.press('ArrowDown');
      const choice = dialog(page).getByRole('option', { selected: true });
      assert.equal(await rawText(choice.locator('.combo-label')), SERVER_SHOWN);
      assert.equal(await unicodeBidi(choice.locator('.combo-label')), 'isolate');
      assert.equal(await rawText(choice.locator('.combo-note')), '2 / 5');
      await page.keyboard.press('Escape');
      assert.match(await textOf(dialog(page).locator('.hidden-chars')),
        new RegExp(`^The server name ${FSI}web<U\\+202E>10-bd${PDI} holds hidden characters that can change how it reads\\.`));
      await dialog(page).getByRole('button', { name: 'Cancel' }).click();

      // "Snapshot several servers": the name written out, and why.
      await page.getByRole('button', { name: /^Snapshot several servers/ }).click();
      const listed = dialog(page).locator('li.server-choice').filter({ has: page.locator(`#many-server-${SERVER}`) });
      assert.equal(await rawText(listed.locator('label')), SERVER_SHOWN);
      assert.equal(await unicodeBidi(listed.locator('label')), 'isolate');
      assert.match(await textOf(listed), /its name holds hidden characters/);
      noPanic(page);
    });
  });

  it('restores only once the server name is typed as the dialog writes it', async () => {
    await withFailureScreenshot(page, 'hidden-names-restore', async () => {
      await row(page, PLAIN_SNAPSHOT).getByRole('button', { name: /^Restore/ }).click();
      const title = dialog(page).locator('#restore-title');
      await assertReadsInOrder(title, ['Restore', 'web', '10-bd', 'from', 'pre-migration-snapshot'], 'the title');
      await assertReadsInOrder(dialog(page).locator('#restore-warning strong').first(),
        ['All current data on', 'web', '10-bd', '(#12345)', 'will be replaced'], 'the warning');
      assert.equal(await rawText(title), `Restore ${FSI}${SERVER_SHOWN}${PDI} from “pre-migration-snapshot”?`);
      const warnings = dialog(page).locator('#restore-warning .hidden-chars');
      assert.equal(await warnings.count(), 1, 'one warning: the snapshot name is plain');
      assert.equal(await textOf(warnings), `The server name ${FSI}${SERVER_SHOWN}${PDI} holds hidden characters that can change how it reads. Each one is written out here as <U+…>, its Unicode code point.`);

      const typed = dialog(page).locator('strong.typed-name');
      assert.equal(await rawText(typed), SERVER_SHOWN, 'what to type, written out');
      assert.equal(await unicodeBidi(typed), 'isolate');
      const field = dialog(page).getByLabel(/To confirm, type the server name as it is written out here, each <U\+…> included/);
      const confirm = dialog(page).getByRole('button', { name: 'Restore server' });
      for (const lookalike of ['webdb-01', 'web10-bd']) {
        await field.fill(lookalike);
        assert.ok(await confirm.isDisabled(), `“${lookalike}” does not confirm`);
      }
      await field.fill(SERVER_SHOWN);
      assert.ok(await confirm.isEnabled(), 'the name as the dialog writes it confirms');
      await confirm.click();
      await waitUntil(async () => (await mutations(demo)).length === 1, 'the restore request');
      const [sent] = await mutations(demo);
      assert.equal(sent.path, `/api/v1/snapshots/${PLAIN_SNAPSHOT}/restore/`);
      noPanic(page);
    });
  });

  it('keeps the words of the delete dialog, the notice and the Activity page in order', async () => {
    await withFailureScreenshot(page, 'hidden-names-delete', async () => {
      await row(page, SNAPSHOT).getByRole('button', { name: /^Delete/ }).click();
      const title = dialog(page).locator('#delete-title');
      await assertReadsInOrder(dialog(page).locator('#delete-warning p').first(),
        ['The snapshot', 'weekly', '2025', 'of', 'web', '10-bd', '(#12345)', 'will be deleted permanently'],
        'the warning');
      assert.equal(await rawText(title), `Delete snapshot “${FSI}${SNAPSHOT_SHOWN}${PDI}”?`);
      const warnings = await dialog(page).locator('#delete-warning .hidden-chars').allTextContents();
      assert.equal(warnings.length, 2, 'the server name and the snapshot name');
      assert.match(warnings.join(' '), /The server name .*web<U\+202E>10-bd/);
      assert.match(warnings.join(' '), /The snapshot name .*weekly<U\+2069><U\+202E>-2025/);

      await dialog(page).getByRole('button', { name: 'Delete snapshot' }).click();
      const notice = page.locator('.toast').filter({ hasText: 'was deleted' });
      await notice.waitFor();
      await assertReadsInOrder(notice.locator('p'), ['Snapshot', 'weekly', '2025', 'was deleted'], 'the notice');
      assert.equal(await rawText(notice.locator('p')), `Snapshot “${FSI}${SNAPSHOT_SHOWN}${PDI}” was deleted.`);

      await page.getByRole('link', { name: 'Activity' }).click();
      const cells = page.locator('tr.activity-row').first().locator('td');
      await cells.first().waitFor();
      assert.equal(await rawText(cells.nth(2)), SERVER_SHOWN);
      assert.equal(await rawText(cells.nth(3)), SNAPSHOT_SHOWN);
      noPanic(page);
    });
  });
});
