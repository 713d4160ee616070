// Starts the demo API (target/release/demo-api) in test mode on a free port,
// serving the release build in dist/, and wraps its /__test/ control routes.
//
//   const demo = await startDemo();          // or startDemo(['--page-size', '2'])
//   demo.url, demo.token
//   await demo.reset(); await demo.apiRequests(); await demo.stop();

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const DEMO_BIN = path.join(REPO_ROOT, 'target', 'release', 'demo-api');
export const DIST_DIR = path.join(REPO_ROOT, 'dist');

const URL_LINE = /VPS\.org demo API listening on (http:\/\/\S+)/;
const TOKEN_LINE = /Demo API token: (\S+)/;

/**
 * Spawns the demo API and waits until it has printed its URL and token.
 * @param {string[]} extraArgs more demo-api options
 * @param {{timeoutMs?: number}} options
 */
export async function startDemo(extraArgs = [], { timeoutMs = 20_000 } = {}) {
  if (!existsSync(DEMO_BIN)) {
    throw new Error(`${DEMO_BIN} not found: run \`cargo build --release -p demo-api\` first (scripts/test does)`);
  }
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(`${DIST_DIR}/index.html not found: run \`trunk build --release\` first (scripts/test does)`);
  }

  const args = ['--test-mode', '--addr', '127.0.0.1:0', '--dist', DIST_DIR, ...extraArgs];
  const child = spawn(DEMO_BIN, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });

  let output = '';
  let url;
  let token;
  let exited = null;

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`demo-api did not print its URL and token within ${timeoutMs} ms.\n` +
        `command: ${DEMO_BIN} ${args.join(' ')}\noutput so far:\n${output || '(none)'}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk.toString();
      url ??= output.match(URL_LINE)?.[1]?.replace(/\/+$/, '');
      token ??= output.match(TOKEN_LINE)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${DEMO_BIN}: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      clearTimeout(timer);
      reject(new Error(`demo-api exited early (code ${code}, signal ${signal}).\n` +
        `command: ${DEMO_BIN} ${args.join(' ')}\noutput:\n${output || '(none)'}`));
    });
  });

  try {
    await ready;
  } catch (err) {
    if (exited === null) child.kill('SIGKILL');
    throw err;
  }

  async function control(method, route, body) {
    if (exited !== null) {
      throw new Error(`demo-api is no longer running (code ${exited.code}, signal ${exited.signal}).\noutput:\n${output}`);
    }
    const res = await fetch(`${url}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) {
      throw new Error(`${method} ${route} → ${res.status}: ${text}`);
    }
    if ((res.headers.get('content-type') || '').includes('json') && text) {
      return JSON.parse(text);
    }
    return text;
  }

  const demo = {
    url,
    token,
    process: child,
    /** Everything demo-api has printed so far. */
    output: () => output,
    /** Seed data back, request log and faults cleared, token valid again. */
    reset: () => control('POST', '/__test/reset', {}),
    /**
     * The request log since the last reset: [{method, path, query, body, status, auth,
     * at_ms (arrival, ms since the Unix epoch), answered_ms (its answer, likewise; 0 until then),
     * fault (the kind of fault that hit it, or null)}].
     * @param {((r: any) => boolean) | string} [filter] a predicate, or a path prefix
     */
    async requests(filter) {
      const all = await control('GET', '/__test/requests');
      if (filter === undefined) return all;
      if (typeof filter === 'string') return all.filter((r) => r.path.startsWith(filter));
      return all.filter(filter);
    },
    /** Only the requests to the API itself (paths starting /api/). */
    apiRequests() {
      return demo.requests('/api/');
    },
    /** Injects a fault: {path_prefix, method?, query?, with_param?, times?, kind, ...}. */
    fault: (spec) => control('POST', '/__test/faults', spec),
    /** Drops the faults still queued (the request log stays). */
    clearFaults: () => control('DELETE', '/__test/faults'),
    /** Lets the requests held by a `hold` fault go on, and holds no more. */
    release: () => control('POST', '/__test/release', {}),
    /** Makes the demo token invalid (401) until reset. */
    revoke: () => control('POST', '/__test/revoke', {}),
    /** {snapshot_delay_ms?, restore_delay_ms?, page_size?, servers_forbidden?} */
    config: (obj) => control('POST', '/__test/config', obj),
    /** setSnapshotStatus(id, status, sizeMb) or setSnapshotStatus({id, status, size_mb}). */
    setSnapshotStatus(idOrSpec, status, sizeMb) {
      const spec = typeof idOrSpec === 'object'
        ? idOrSpec
        : { id: idOrSpec, status, size_mb: sizeMb ?? null };
      return control('POST', '/__test/snapshot-status', spec);
    },
    /** Gives a server or a snapshot any name: {server_id, name} or {snapshot_id, name}. */
    rename: (spec) => control('POST', '/__test/rename', spec),
    /** Forces a server's status, as if changed elsewhere (e.g. 'restoring'); it holds until changed again. */
    setServerStatus: (id, status) => control('POST', '/__test/server-status', { id, status }),
    async stop() {
      if (exited !== null) return;
      const done = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await done;
      clearTimeout(timer);
    },
  };
  return demo;
}
