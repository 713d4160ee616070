#!/usr/bin/env node
// Trunk post-build hook: copies the catalogues of the languages other than
// English, which build.rs has compiled to JSON in its OUT_DIR, into
// dist/locales/<tag>.json, where the console fetches the one chosen
// (src/i18n/context.rs). English is compiled into the wasm and not copied.
// Trunk does not say where Cargo's OUT_DIR is: it is the most recently
// written `build/snapshot-console-*/out` under the wasm target's profiles,
// which is the build that has just run (build.rs rewrites the files
// whenever a catalogue changes, and Cargo reruns it for a new build dir).

import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const targetDir = path.resolve(source, process.env.CARGO_TARGET_DIR ?? 'target', 'wasm32-unknown-unknown');

const outDirs = [];
for (const profile of existsSync(targetDir) ? readdirSync(targetDir) : []) {
  const build = path.join(targetDir, profile, 'build');
  if (!existsSync(build)) continue;
  for (const dir of readdirSync(build).filter((d) => d.startsWith('snapshot-console-'))) {
    const english = path.join(build, dir, 'out', 'en.json');
    if (existsSync(english)) outDirs.push({ dir: path.dirname(english), written: statSync(english).mtimeMs });
  }
}
if (outDirs.length === 0) {
  console.error(`copy-catalogues: no catalogues compiled by build.rs under ${targetDir}`);
  process.exit(1);
}
const { dir } = outDirs.reduce((newest, d) => (d.written > newest.written ? d : newest));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'en.json');
mkdirSync(path.join(staging, 'locales'), { recursive: true });
for (const file of files) copyFileSync(path.join(dir, file), path.join(staging, 'locales', file));
console.log(`copy-catalogues: ${files.join(', ')} copied to locales/ from ${path.relative(source, dir)}`);
