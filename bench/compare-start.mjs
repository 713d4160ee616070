// Navigation → sign-in form painted, for several builds of the app side by
// side with the baseline, in rounds: each round opens every page once, in
// alternating order (formRounds, which bench.mjs uses too). This machine's
// speed drifts between runs by more than the differences between builds, so
// builds are compared within a round (paired), not across runs.
//
//   node bench/compare-start.mjs ROUNDS DIST [DIST ...]
//
// Each DIST is a built dist folder (e.g. from `trunk build --release --dist
// DIR`). Prints, per build, the median form time, the median of its per-round
// ratio to the baseline and, from the second build on, the median of its
// per-round difference to the first build.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../tests/e2e/support/browser.mjs';
import { assembleSite, formRounds, withDemo } from './lib/session.mjs';
import { median } from './lib/stats.mjs';

const [rounds, ...dists] = process.argv.slice(2);
if (!(Number(rounds) > 0) || dists.length === 0) {
  console.error('usage: node bench/compare-start.mjs ROUNDS DIST [DIST ...]');
  process.exit(2);
}

// The first build also supplies the baseline's stylesheet and config.json.
const site = assembleSite(path.resolve(dists[0]));
const pages = ['baseline/', ...dists.map((_, i) => `build${i}/`)];
dists.forEach((dist, i) => {
  const dir = path.join(site, `build${i}`);
  mkdirSync(dir);
  for (const name of readdirSync(dist)) cpSync(path.join(dist, name), path.join(dir, name), { recursive: true });
});

allowEveryBootstrap(site, dists);

const browser = await launchBrowser();
try {
  await withDemo(site, { servers: 200, snapshots: 1000 }, [], async (demo) => {
    const byUrl = await formRounds(browser, pages.map((p) => `${demo.url}/${p}`), Number(rounds));
    const times = (p) => byUrl[`${demo.url}/${p}`];
    const base = times('baseline/');
    console.log(`${rounds} rounds; baseline: ${median(base).toFixed(0)} ms`);
    dists.forEach((dist, i) => {
      const own = times(`build${i}/`);
      const perRound = median(own.map((t, r) => t / base[r])).toFixed(2);
      const versusFirst = i === 0 ? '' : `, ${median(own.map((t, r) => t - times('build0/')[r])).toFixed(1)} ms against the first`;
      console.log(`${dist}: ${median(own).toFixed(0)} ms, ${perRound}× the baseline per round${versusFirst}`);
    });
  });
} finally {
  await browser.close();
  rmSync(site, { recursive: true, force: true });
}

/**
 * The demo sends the site root's policy (the first build's) with every page;
 * its script-src gets the other builds' bootstrap hashes too, or their
 * bootstraps would be blocked.
 */
function allowEveryBootstrap(site, dists) {
  const file = path.join(site, 'csp-header.txt');
  if (!existsSync(file)) return;
  const hashes = new Set(dists.flatMap((dist) => {
    const own = path.join(dist, 'csp-header.txt');
    return existsSync(own) ? readFileSync(own, 'utf8').match(/'sha256-[^']+'/g) ?? [] : [];
  }));
  const policy = readFileSync(file, 'utf8').trim().replace(/script-src ([^;]*)/, (_, sources) => {
    const missing = [...hashes].filter((h) => !sources.includes(h));
    return `script-src ${[sources, ...missing].join(' ')}`;
  });
  writeFileSync(file, `${policy}\n`);
}
