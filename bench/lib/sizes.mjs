// Transfer sizes of a built web app: raw, gzip -9 and brotli (quality 11),
// per kind of file. Shared by bench/run and scripts/check-size.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The kinds of file counted, by extension. */
export const KINDS = { wasm: '.wasm', js: '.js', css: '.css' };

let gzipCli = null;

/**
 * Bytes after `gzip -9 -n` (GNU gzip, as the issue measures; it packs wasm
 * about 1.5% smaller than zlib's level 9). Falls back to node's zlib at
 * level 9 where no gzip command exists.
 */
export function gzipSize(buffer) {
  if (gzipCli !== false) {
    try {
      const out = execFileSync('gzip', ['-9', '-n', '-c'], { input: buffer, maxBuffer: 1 << 28 });
      gzipCli = true;
      return out.length;
    } catch {
      gzipCli = false;
    }
  }
  return zlib.gzipSync(buffer, { level: 9 }).length;
}

/** Which gzip measured the sizes: "gzip -9" or "zlib level 9". */
export const gzipTool = () => (gzipCli === false ? 'zlib level 9' : 'gzip -9');

export function brotliSize(buffer) {
  return zlib.brotliCompressSync(buffer, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length,
    },
  }).length;
}

/**
 * Sizes of the .wasm, .js and .css files at the top of `dir` (not in
 * sub-folders). Returns {files: [{file, kind, raw, gzip, brotli}], total, byKind}.
 * `brotli: false` skips brotli (the slow part) for a quick check.
 */
export function measureDir(dir, { brotli = true } = {}) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (!statSync(full).isFile()) continue;
    const kind = Object.keys(KINDS).find((k) => name.endsWith(KINDS[k]));
    if (!kind) continue;
    const data = readFileSync(full);
    files.push({
      file: name,
      kind,
      raw: data.length,
      gzip: gzipSize(data),
      brotli: brotli ? brotliSize(data) : null,
    });
  }
  const sum = (list) => ({
    raw: list.reduce((n, f) => n + f.raw, 0),
    gzip: list.reduce((n, f) => n + f.gzip, 0),
    brotli: brotli ? list.reduce((n, f) => n + f.brotli, 0) : null,
  });
  const byKind = Object.fromEntries(Object.keys(KINDS).map((k) => [k, sum(files.filter((f) => f.kind === k))]));
  return { files, byKind, total: sum(files) };
}

export const kB = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1000).toFixed(1)} kB`);
