#!/usr/bin/env node
// Trunk post-build hook: writes the strict Content-Security-Policy of this
// exact build beside index.html, as csp-header.txt (the header's value) and
// csp.nginx (an nginx `set $console_csp ...;` line for docs/nginx.conf), and
// into index.html itself as a <meta http-equiv> tag, for hosts that cannot
// set headers. Trunk's bootstrap and index.html's <base href> script are
// inline <script>s; each is allowed by its sha256 hash (a nonce baked into
// static files would be no protection).
// WebAssembly needs only 'wasm-unsafe-eval'. index.html sets the page's
// <base href> to the console's folder, so `base-uri` allows the page's own
// origin, and nothing else. Trusted Types are required for
// every script and HTML sink, and no policy may be created: the console
// builds its DOM with DOM calls only.
//
// Deployments add their API origin to connect-src when config.json points to
// another origin, and `frame-ancestors` for the portals allowed to embed the
// console (see README: "Hosting"); a <meta> policy cannot carry that one.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';

// Under Trusted Types these take no plain string: a build whose JavaScript
// uses them would fail at run time. (Leptos's view! makes a static element
// nested in another from an HTML string, through innerHTML: give such an
// element a view! of its own.)
const SINKS = /\.(?:innerHTML|outerHTML|srcdoc)\s*=|insertAdjacentHTML|document\.write|createContextualFragment|parseFromString|new Function|\beval\(|\barg\d+\.content;/;
// One exception: wasm-bindgen's binding of Element's innerHTML setter, on its
// own. Built with `erase_components` (.cargo/config.toml), Leptos's erased
// attributes link it in to clear an `inner_html` attribute, which the console
// never sets, so it is never called. The HTML-string path it would take for a
// nested static element also reads the <template>'s `content`, refused above.
const INNER_HTML_SETTER = /^ *__wbg_set_innerHTML_[0-9a-f]+: function\(arg0, arg1, arg2\) \{\n *arg0\.innerHTML = getStringFromWasm0\(arg1, arg2\);\n *\},?$/m;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
  const code = readFileSync(path.join(dir, file), 'utf8').replace(INNER_HTML_SETTER, '');
  const found = code.match(SINKS);
  if (found) {
    console.error(`csp-header: ${file} uses ${found[0]}, which the policy's Trusted Types refuse`);
    process.exit(1);
  }
}
const indexFile = path.join(dir, 'index.html');
// A tag from an earlier run of this hook on the same file is replaced.
const META = /[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/gi;
const html = readFileSync(indexFile, 'utf8').replace(META, '');
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
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

// Right after <meta charset>: a <meta> policy only covers what follows it.
// Quoted or not: a release build's index.html is minified (Trunk.toml).
const charset = /<meta charset="?utf-8"?\s*\/?>/i;
if (!charset.test(html)) {
  console.error('csp-header: no <meta charset="utf-8"> in index.html to put the policy after');
  process.exit(1);
}
const tag = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" />`;
writeFileSync(indexFile, html.replace(charset, (found) => `${found}\n    ${tag}`));
writeFileSync(path.join(dir, 'csp-header.txt'), `${policy}\n`);
writeFileSync(path.join(dir, 'csp.nginx'), `set $console_csp "${policy}";\n`);
console.log(`csp-header: ${hashes.length} inline script hash(es) written to csp-header.txt, csp.nginx and index.html's <meta>`);
