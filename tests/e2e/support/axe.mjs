// Accessibility checks with axe-core, injected through page.evaluate (a DevTools
// evaluation, which the app's Content-Security-Policy does not block, unlike a
// <script> tag).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
  rules: { 'target-size': { enabled: true } },
};

/**
 * Runs axe on the whole document and returns its violations:
 * [{id, impact, help, helpUrl, nodes: [{target, html, failureSummary}]}].
 */
export async function checkA11y(page, options = AXE_OPTIONS) {
  const loaded = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!loaded) {
    await page.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async (opts) => {
    const results = await window.axe.run(document, opts);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, options);
}

/** One line per violation and node: "id (impact): help — target". */
export function formatViolations(violations) {
  return violations
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(n.target)} ${n.html}`))
    .join('\n');
}

/** Asserts axe finds no violation, listing each one (rule id and target) if it does. */
export async function assertNoA11yViolations(page, where = 'page') {
  const violations = await checkA11y(page);
  assert.equal(violations.length, 0,
    `${violations.length} axe violation(s) on ${where}:\n${formatViolations(violations)}`);
}
