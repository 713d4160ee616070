#!/usr/bin/env node
// Trunk post-build hook, release builds only: minifies wasm-bindgen's
// JavaScript glue with terser, which Trunk's `minify` leaves as written
// (it minifies only HTML and CSS). The glue is an ES module imported by the
// bootstrap in index.html under its hashed name, which stays; the
// `integrity` of its modulepreload link is the digest of what it was, so it
// becomes the new one (else the browser blocks the glue). Its exports keep
// their names (terser never mangles a module's exports).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const sha384 = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;

if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);
const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const htmlFile = path.join(staging, 'index.html');
let html = readFileSync(htmlFile, 'utf8');
for (const file of readdirSync(staging).filter((f) => f.endsWith('.js'))) {
  const full = path.join(staging, file);
  const code = readFileSync(full, 'utf8');
  const result = await minify(code, { module: true, compress: true, mangle: true });
  writeFileSync(full, result.code);
  const [before, after] = [sha384(code), sha384(result.code)];
  if (html.includes(before)) html = html.replaceAll(before, after);
  else if (html.includes('integrity')) throw new Error(`minify-glue: no integrity of ${file} in index.html to update`);
  console.log(`minify-glue: ${file} ${code.length} → ${result.code.length} bytes`);
}
writeFileSync(htmlFile, html);
