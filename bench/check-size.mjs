// The CI size check: the gzip size of the release build's wasm + JS + CSS must
// stay within 10% of the figure recorded in bench/size-budget.json, and never
// above a hard cap (see bench/README.md, "The CI size check"). Builds
// nothing; sizes only. Run through scripts/check-size.
//
//   scripts/check-size [DIST]            check DIST (default dist/); exit 1 when over
//   scripts/check-size --record [DIST]   write DIST's current size as the new figure

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kB, measureDir } from './lib/sizes.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET_FILE = path.join(REPO_ROOT, 'bench', 'size-budget.json');
const TOLERANCE = 0.10;
// The hard cap for the whole app (wasm + JS + CSS, gzip); the +10% rule over
// the recorded figure is what catches growth.
const TARGET_BYTES = 500_000;

const args = process.argv.slice(2);
const record = args.includes('--record');
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(REPO_ROOT, 'dist'));

const sizes = existsSync(dist) ? measureDir(dist, { brotli: false }) : { files: [] };
if (!sizes.files.some((f) => f.kind === 'wasm')) {
  console.error(`check-size: no .wasm in ${dist}: build it first (trunk build --release)`);
  process.exit(2);
}
for (const f of sizes.files) {
  console.log(`${f.file.padEnd(48)} ${kB(f.raw).padStart(10)} raw ${kB(f.gzip).padStart(10)} gzip`);
}
const gzip = sizes.total.gzip;
console.log(`${'total wasm + js + css'.padEnd(48)} ${kB(sizes.total.raw).padStart(10)} raw ${kB(gzip).padStart(10)} gzip (${gzip} bytes)`);

if (record) {
  const budget = {
    gzip_bytes: gzip,
    raw_bytes: sizes.total.raw,
    recorded: new Date().toISOString().slice(0, 10),
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
      } catch {
        return null;
      }
    })(),
    note: 'gzip -9 of the release wasm + js + css; scripts/check-size fails above this +10% or above 500,000 bytes. Update with scripts/check-size --record after an intended change.',
  };
  writeFileSync(BUDGET_FILE, `${JSON.stringify(budget, null, 2)}\n`);
  console.log(`recorded ${gzip} bytes in ${path.relative(REPO_ROOT, BUDGET_FILE)}`);
  process.exit(0);
}

if (!existsSync(BUDGET_FILE)) {
  console.error(`check-size: ${BUDGET_FILE} missing: record one with scripts/check-size --record`);
  process.exit(2);
}
const budget = JSON.parse(readFileSync(BUDGET_FILE, 'utf8'));
const limit = Math.min(Math.floor(budget.gzip_bytes * (1 + TOLERANCE)), TARGET_BYTES);
const change = ((gzip - budget.gzip_bytes) / budget.gzip_bytes) * 100;
const summary = `${gzip} bytes gzip vs ${budget.gzip_bytes} recorded (${change >= 0 ? '+' : ''}${change.toFixed(1)}%), limit ${limit}${limit === TARGET_BYTES ? ' (the 500 kB cap)' : ''}`;
if (gzip > limit) {
  console.error(`✗ size check failed: ${summary}`);
  process.exit(1);
}
console.log(`✓ size check: ${summary}`);
