#!/usr/bin/env node
// Trunk post-build hook: writes the strict Content-Security-Policy of this
// exact build beside index.html, as csp-header.txt (the header's value) and
// csp.nginx (an nginx `set $console_csp ...;` line for docs/nginx.conf). Trunk's bootstrap is an inline
// <script>; it is allowed by its sha256 hash (a nonce baked into static files
// would be no protection). WebAssembly needs only 'wasm-unsafe-eval'.
//
// Deployments add their API origin to connect-src when config.json points to
// another origin, and `frame-ancestors` for the portals allowed to embed the
// console (see README: "Hosting").

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) {
  console.error('csp-header: no inline bootstrap script found in index.html');
  process.exit(1);
}
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);

const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

writeFileSync(path.join(dir, 'csp-header.txt'), `${policy}\n`);
writeFileSync(path.join(dir, 'csp.nginx'), `set $console_csp "${policy}";\n`);
console.log(`csp-header: ${hashes.length} inline script hash(es) written to csp-header.txt and csp.nginx`);
