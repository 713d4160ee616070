// Driving a server picker (ui/combobox: a WAI-ARIA combobox with a listbox
// popup) by keyboard only, as its users do.

import { until } from './wait.mjs';

/** The option the picker `field` (its text field) makes active, or null. */
export async function activeOption(field) {
  const id = await field.getAttribute('aria-activedescendant');
  return id ? field.page().locator(`[id="${id}"]`) : null;
}

/** The text of the active option ('' when none). */
export async function activeText(field) {
  const option = await activeOption(field);
  return option && (await option.count()) ? (await option.textContent()).replace(/\s+/g, ' ').trim() : '';
}

/**
 * Chooses in the picker `field` by keyboard: focus, select what it shows,
 * type `query` ('' clears it: "All servers" comes first), wait until the
 * active option's text matches `expect` (a RegExp or a substring), Enter.
 */
export async function pickByKeyboard(field, query, expect = query) {
  const page = field.page();
  await field.focus();
  await page.keyboard.press('Control+A');
  if (query) {
    await page.keyboard.type(query);
  } else {
    await page.keyboard.press('Backspace');
  }
  await until(async () => {
    const text = await activeText(field);
    return typeof expect === 'string' ? text.includes(expect) : expect.test(text);
  }, `the active option of #${await field.getAttribute('id')} matches ${expect}`);
  await page.keyboard.press('Enter');
}

/** The options of the open picker `field` in the page, each with its text, aria-selected and aria-disabled. */
export function renderedOptions(field) {
  return field.evaluate((input) => [...document.getElementById(input.getAttribute('aria-controls')).querySelectorAll('[role="option"]')]
    .map((o) => ({
      text: o.textContent.replace(/\s+/g, ' ').trim(),
      selected: o.getAttribute('aria-selected') === 'true',
      disabled: o.getAttribute('aria-disabled') === 'true',
      position: Number(o.getAttribute('aria-posinset')),
      size: Number(o.getAttribute('aria-setsize')),
    })));
}
