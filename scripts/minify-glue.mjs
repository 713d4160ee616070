#!/usr/bin/env node
// Trunk post-build hook, release builds only: minifies wasm-bindgen's
// JavaScript glue with terser, which Trunk's `minify` leaves as written
// (it minifies only HTML and CSS). The glue is an ES module imported by the
// bootstrap in index.html under its own hashed name, so its name stays and
// no integrity hash or CSP hash covers it. Its exports keep their names
// (terser never mangles a module's exports).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
for (const file of readdirSync(staging).filter((f) => f.endsWith('.js'))) {
  const full = path.join(staging, file);
  const code = readFileSync(full, 'utf8');
  const result = await minify(code, { module: true, compress: true, mangle: true });
  writeFileSync(full, result.code);
  console.log(`minify-glue: ${file} ${code.length} → ${result.code.length} bytes`);
}
