// Hosting: the strict Content-Security-Policy of the build (its
// bootstrap allowed by hash only), the documented nginx config (docs/nginx.conf)
// run with Debian's nginx under /ops/snapshots/, embedding in a portal's
// <iframe> from another origin, and the portal's postMessage token hand-over.
//
// Demos: one shared demo with the default frame-ancestors ('self'); the
// iframe tests start one with --frame-ancestors naming the portal, the
// hand-over tests one serving a copy of dist/ whose config.json allows the
// portal; the wrong-hash check starts one on a copy with a broken policy.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import {
  after, afterEach, before, beforeEach, describe, it,
} from 'node:test';
import { listGets, queryOf } from './support/api.mjs';
import {
  noPanic, pageDiagnostics, screenshot, signIn, signInHere, textOf, tokenField, withFailureScreenshot,
} from './support/browser.mjs';
import { DIST_DIR, startDemo } from './support/demo.mjs';
import { useDemoAndBrowser } from './support/fixture.mjs';
import { allRowIds, sectionIds } from './support/locators.mjs';
import { pickByKeyboard } from './support/picker.mjs';
import {
  DOCUMENTED_CONFIG, SYSTEM_CA_BUNDLE, documentedServerBlock, freePort, startNginx, testNginxConfig,
} from './support/nginx.mjs';
import {
  PROVIDER_COOKIE, PROVIDER_HOST, makeCertificates, startTlsProvider,
} from './support/tls.mjs';
import { until, untilEqual } from './support/wait.mjs';

const TEST = { timeout: 60_000 };
const SUB_PATH = '/ops/snapshots/';
const TOKEN_MESSAGE = 'vps-snapshots:token';

/** The seeded servers, in the order the list shows them (by name). */
const SERVERS_BY_NAME = [12348, 12346, 12349, 12347, 12345];
/** Every seeded snapshot id, sorted. */
const ALL_SNAPSHOT_IDS = [801, 798, 815, 814, 813, 812, 811, 820, 830].sort();

/** Splits a Content-Security-Policy value into {directive: [sources]}. */
function parseCsp(value) {
  const policy = {};
  for (const part of value.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy[name.toLowerCase()] = sources;
  }
  return policy;
}

/**
 * Records CSP violations of a page and of its frames: the
 * `securitypolicyviolation` events (read with cspViolations()) and the
 * console messages about the policy (returned array).
 */
async function recordCsp(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const messages = [];
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) messages.push(`${msg.type()}: ${msg.text()}`);
  });
  return messages;
}

/** The violation events recorded in a page or frame (see recordCsp). */
async function cspViolations(frame) {
  return frame.evaluate(() => window.__csp ?? ['(the recorder did not run in this document)']);
}

/** Asserts no violation event in any frame of `page` and no CSP console message. */
async function assertNoCspViolation(page, messages, where) {
  for (const frame of page.frames()) {
    if (!/^https?:/.test(frame.url())) continue;
    const events = await cspViolations(frame);
    assert.deepEqual(events, [], `CSP violation events in ${frame.url()} (${where})`);
  }
  assert.deepEqual(messages, [], `CSP console messages (${where})`);
}

/** Records every URL `page` (and its frames) requests. */
function recordRequests(page) {
  const urls = [];
  page.on('request', (req) => urls.push(req.url()));
  return urls;
}

/**
 * Records the app's own files (script, WebAssembly, stylesheet, config.json)
 * as the page receives them: "URL status content-type".
 */
function recordAssets(page) {
  const assets = [];
  page.on('response', (res) => {
    if (/\.(?:js|wasm|css|json)$/.test(new URL(res.url()).pathname)) {
      assets.push(`${res.url()} ${res.status()} ${res.headers()['content-type'] ?? ''}`);
    }
  });
  return assets;
}

/**
 * Opens `url` in `page`, a fresh tab (nothing signed in), signs in on the
 * sign-in page it shows, and waits for `heading` (level 1); every file of
 * the app came from `folder`, with its own type, and no policy was violated.
 */
async function coldDeepLink(page, url, folder, token, heading) {
  await withFailureScreenshot(page, `deep-link-${new URL(url).pathname}`, async () => {
    const messages = await recordCsp(page);
    const assets = recordAssets(page);
    const response = await page.goto(url);
    assert.ok(response.ok(), `${url} answers ${response.status()}`);
    await tokenField(page).fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    assert.equal(page.url(), url, 'the address is kept across sign-in');
    const files = assets.filter((a) => !a.includes('/api/'));
    assert.ok(files.length >= 4, `the app's files were loaded: ${files.join(', ')}`);
    for (const file of files) {
      assert.ok(file.startsWith(folder), `${file} comes from ${folder}`);
      assert.match(file, / 200 (?:text\/css|text\/javascript|application\/javascript|application\/wasm|application\/json)/, `${file}: the file itself, not the page`);
    }
    await assertNoCspViolation(page, messages, url);
    noPanic(page);
  });
}

/** A copy of dist/ in a temporary folder (caller removes it). */
async function copyDist(label) {
  const dir = await mkdtemp(path.join(os.tmpdir(), `snapshot-e2e-${label}-`));
  await cp(DIST_DIR, dir, { recursive: true });
  return dir;
}

/**
 * Runs `body` with a demo serving a copy of dist/ whose config.json is valid
 * JSON but not an object, then stops it and removes the copy.
 */
async function withBrokenConfig(label, body) {
  const dir = await copyDist(label);
  let badDemo;
  try {
    await writeFile(path.join(dir, 'config.json'), '["https://admin.vps.org"]');
    badDemo = await startDemo(['--dist', dir]);
    await body(badDemo);
  } finally {
    await badDemo?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The page says, in words, that the console cannot start and why; no sign-in form, no panic. */
async function expectConfigProblem(page) {
  await withFailureScreenshot(page, 'hosting-config-problem', async () => {
    await page.getByRole('heading', { name: 'The console cannot start' }).waitFor();
    assert.match(await textOf(page.locator('main')), /config\.json is not valid: expected an object/);
    assert.equal(await tokenField(page).count(), 0, 'no sign-in page');
    noPanic(page);
  });
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A stand-in for an internal admin portal on its own origin: GET /?app=URL
 * answers a page that embeds URL in an <iframe>. Returns {origin, close()}.
 */
async function startPortal(name) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://portal');
    const app = url.searchParams.get('app');
    if (url.pathname !== '/' || !app) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(name)}</title></head>
<body>
  <h1>${escapeHtml(name)}</h1>
  <iframe id="console" title="Snapshot console" src="${escapeHtml(app)}" width="1200" height="820"></iframe>
</body></html>`);
  });
  server.keepAliveTimeout = 1_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    pageFor: (appUrl) => `http://127.0.0.1:${server.address().port}/?app=${encodeURIComponent(appUrl)}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The Frame of `page` whose document comes from `origin` (waits for it). */
async function frameOf(page, origin) {
  return until(() => page.frames().find((f) => f.url().startsWith(`${origin}/`)),
    `a frame from ${origin} is in the page (frames: ${page.frames().map((f) => f.url()).join(', ')})`);
}

/** Posts a token hand-over message from the portal page (main frame) to the embedded app. */
function postToken(page, token, appOrigin, type = TOKEN_MESSAGE) {
  return page.evaluate(({ token: t, appOrigin: target, type: kind }) => {
    document.getElementById('console').contentWindow.postMessage({ type: kind, token: t }, target);
  }, { token, appOrigin, type });
}

describe('hosting: strict CSP, nginx under a sub-path, portal embedding', { timeout: 600_000 }, () => {
  let demo;
  let portal;
  let otherPortal;
  let page;

  before(async () => {
    portal = await startPortal('Admin portal');
    otherPortal = await startPortal('Some other site');
  });

  useDemoAndBrowser({}, (f) => ({ demo, page } = f));

  after(async () => {
    await portal?.close();
    await otherPortal?.close();
  });

  describe('strict Content-Security-Policy', () => {
    it('the HTML is sent with a strict policy: hash-allowed bootstrap, no unsafe-inline/eval, same-origin connect-src', TEST, async () => {
      for (const route of ['/', '/index.html', '/some/deep/link?server=12346']) {
        const res = await fetch(`${demo.url}${route}`);
        await res.arrayBuffer();
        assert.equal(res.status, 200, `${route} answers`);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/, `${route} is the page`);
        const header = res.headers.get('content-security-policy');
        assert.ok(header, `${route} carries a Content-Security-Policy header`);
        const csp = parseCsp(header);
        const scripts = csp['script-src'] ?? [];
        assert.ok(scripts.length > 0, `script-src is set: ${header}`);
        assert.ok(!scripts.includes("'unsafe-inline'"), `script-src has no 'unsafe-inline': ${header}`);
        assert.ok(!scripts.includes("'unsafe-eval'"), `script-src has no 'unsafe-eval': ${header}`);
        assert.ok(!scripts.some((s) => s.startsWith("'nonce-")), `script-src relies on no nonce: ${header}`);
        assert.ok(!scripts.some((s) => s === '*' || /^(https?|data|blob):?$/.test(s)), `script-src allows no wildcard or scheme: ${header}`);
        assert.ok(scripts.includes("'wasm-unsafe-eval'"), `script-src has 'wasm-unsafe-eval': ${header}`);
        assert.ok(scripts.some((s) => /^'sha256-[A-Za-z0-9+/]{43}='$/.test(s)), `script-src allows the bootstrap by a sha256 hash: ${header}`);
        assert.deepEqual(csp['connect-src'], ["'self'"], `connect-src is 'self': ${header}`);
        assert.deepEqual(csp['default-src'], ["'none'"], `default-src is 'none': ${header}`);
        assert.deepEqual(csp['frame-ancestors'], ["'self'"], `frame-ancestors defaults to 'self': ${header}`);
        assert.deepEqual(csp['require-trusted-types-for'], ["'script'"], `Trusted Types are required: ${header}`);
        assert.deepEqual(csp['trusted-types'], ["'none'"], `no Trusted Types policy may be made: ${header}`);
      }

      // The hashes in the header are those of the page's two inline scripts:
      // the one that sets <base href>, and Trunk's bootstrap.
      const html = readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8');
      const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      assert.equal(inline.length, 2, 'index.html has exactly two inline scripts (the base, the bootstrap)');
      const header = (await fetch(`${demo.url}/`).then(async (r) => { await r.arrayBuffer(); return r.headers.get('content-security-policy'); }));
      const hashes = parseCsp(header)['script-src'].filter((s) => s.startsWith("'sha256-"));
      assert.deepEqual(hashes, inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`),
        `the policy allows exactly these scripts: ${header}`);

      // The page carries the same policy in a <meta> tag, before any script.
      const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
      assert.equal(metas.length, 1, 'index.html has one <meta> policy');
      const built = readFileSync(path.join(DIST_DIR, 'csp-header.txt'), 'utf8').trim();
      assert.equal(metas[0].replace(/&quot;/g, '"').replace(/&amp;/g, '&'), built, 'the <meta> policy is the header\'s');
      assert.ok(html.indexOf('http-equiv="Content-Security-Policy"') < html.search(/<script|<link/), 'the <meta> comes before any script or link');
    });

    it('without the header, the <meta> policy is in force: the app works, an injected inline script and HTML are refused', TEST, async () => {
      const run = async (label, keepMeta) => {
        const dir = await copyDist(label);
        let bare;
        try {
          await rm(path.join(dir, 'csp-header.txt'));
          if (!keepMeta) {
            const index = path.join(dir, 'index.html');
            await writeFile(index, (await readFile(index, 'utf8')).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''));
          }
          bare = await startDemo(['--dist', dir]);
          const messages = await recordCsp(page);
          const res = await page.goto(`${bare.url}/`);
          assert.equal(res.headers()['content-security-policy'], undefined, 'no policy header is sent');
          await signInHere(page, bare.token);
          await untilEqual(() => sectionIds(page), SERVERS_BY_NAME, 'the app works');
          const injected = await page.evaluate(() => {
            const refused = [];
            const script = document.createElement('script');
            script.append(document.createTextNode('window.__injected = "script";'));
            document.body.append(script);
            try {
              document.body.insertAdjacentHTML('beforeend', '<img src="data:," onload="window.__injected = \'html\'">');
            } catch (error) {
              refused.push(error.name);
            }
            return refused;
          });
          await delay(300);
          return { injected, ran: await page.evaluate(() => window.__injected), violations: await cspViolations(page.mainFrame()), messages };
        } finally {
          await bare?.stop();
          await rm(dir, { recursive: true, force: true });
        }
      };
      await withFailureScreenshot(page, 'hosting-meta-csp', async () => {
        const withMeta = await run('meta-csp', true);
        assert.equal(withMeta.ran, undefined, 'nothing injected ran');
        assert.deepEqual(withMeta.injected, ['TypeError'], 'HTML from a string is refused (Trusted Types)');
        // Each injection is a violation of the policy (Trusted Types, before script-src).
        assert.ok(withMeta.violations.length >= 2 && withMeta.violations.every((v) => /^(require-trusted-types-for|script-src)/.test(v)),
          `the policy refused both: ${JSON.stringify(withMeta.violations)}`);
        noPanic(page);
      });
      // The check can fail: with no policy at all, the same injection runs.
      const none = await run('no-csp', false);
      assert.notEqual(none.ran, undefined, 'without any policy the injected code runs');
      assert.deepEqual(none.injected, []);
    });

    it('the app signs in, opens and closes a dialog and searches without a single CSP violation', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-csp-clean', async () => {
        const messages = await recordCsp(page);
        await signIn(page, demo);
        await untilEqual(() => sectionIds(page), SERVERS_BY_NAME, 'the seeded servers are listed');

        await page.getByRole('button', { name: 'New snapshot', exact: true }).click();
        const dialog = page.locator('dialog[open]');
        await dialog.waitFor();
        await dialog.getByLabel('Name', { exact: true }).fill('csp-check');
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'detached' });

        const search = page.getByLabel('Search', { exact: true });
        await search.pressSequentially('nightly');
        await untilEqual(() => sectionIds(page), [12346], '"nightly" leaves only db-server-01');
        await search.fill('');
        await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, 'clearing the search shows everything again');

        await assertNoCspViolation(page, messages, 'sign-in, dialog, search');
        noPanic(page);
      });
    });

    it('a panic under Trusted Types still replaces the page with the message and its Reload link', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-panic-page', async () => {
        await recordCsp(page);
        await page.goto(`${demo.url}/`);
        await tokenField(page).waitFor();
        // A panic the app cannot cause itself: Leptos's renderer expects to
        // find queueMicrotask when it sets a field's value (it reads it with
        // Reflect.get, which this getter makes throw).
        await page.evaluate(() => {
          const real = window.queueMicrotask;
          Object.defineProperty(window, 'queueMicrotask', {
            configurable: true,
            get() {
              if (/Reflect\.get/.test(new Error().stack)) throw new Error('queueMicrotask taken away by the test');
              return real;
            },
          });
        });
        await tokenField(page).pressSequentially('x');
        const alert = page.getByRole('alert');
        await alert.getByRole('heading', { name: 'Something went wrong · Algo salió mal · Wax baa khaldamay' }).waitFor();
        assert.match(await textOf(alert), /The console hit an unexpected error\. Nothing more will be sent to the API from this page\./);
        assert.deepEqual(await alert.locator('[lang]').evaluateAll((els) => els.map((e) => e.lang)),
          ['en', 'es', 'so', 'en', 'es', 'so', 'en', 'es', 'so'], 'each language marked');
        assert.ok(pageDiagnostics(page).panics.length > 0, 'the app did panic');
        assert.deepEqual(await cspViolations(page.mainFrame()), [], 'the page was built without breaking the policy');

        await alert.getByRole('link', { name: 'Reload · Recargar · Dib u soo rar' }).click();
        await tokenField(page).waitFor();
        assert.equal(await page.getByRole('heading', { name: /Something went wrong/ }).count(), 0, 'Reload brings the console back');
      });
    });

    it('the check can fail: with a wrong hash in the policy the bootstrap is blocked and the app does not start', TEST, async () => {
      const dir = await copyDist('wrong-hash');
      let wrongDemo;
      try {
        const file = path.join(dir, 'csp-header.txt');
        const good = await readFile(file, 'utf8');
        const wrongHash = createHash('sha256').update('not the bootstrap').digest('base64');
        const bad = good.replace(/'sha256-[A-Za-z0-9+/=]+'/g, `'sha256-${wrongHash}'`);
        assert.notEqual(bad, good, 'the copy\'s policy names a different hash');
        await writeFile(file, bad);
        wrongDemo = await startDemo(['--dist', dir]);

        await withFailureScreenshot(page, 'hosting-csp-wrong-hash', async () => {
          const messages = await recordCsp(page);
          const res = await page.goto(`${wrongDemo.url}/`);
          assert.ok(res.headers()['content-security-policy'].includes(wrongHash), 'the wrong policy is the one sent');

          const events = await until(async () => {
            const seen = await cspViolations(page.mainFrame());
            return seen.length > 0 && seen;
          }, 'a CSP violation is recorded for the blocked bootstrap', { timeout: 5_000 });
          assert.ok(events.some((e) => /^script-src(-elem)? inline$/.test(e)),
            `the inline bootstrap script is what was blocked: ${JSON.stringify(events)}`);
          const realHash = parseCsp(good)['script-src'].find((s) => s.startsWith("'sha256-"));
          assert.ok(messages.some((m) => /inline script/i.test(m) && m.includes(realHash)),
            `the console says the inline script (whose hash is ${realHash}) was blocked: ${JSON.stringify(messages)}`);

          await delay(500);
          const started = await page.evaluate(() => ({
            bindings: typeof window.wasmBindings,
            main: document.querySelectorAll('main, .page-message').length,
          }));
          assert.deepEqual(started, { bindings: 'undefined', main: 0 }, 'the app did not start');
          assert.equal(await tokenField(page).count(), 0, 'no sign-in page is rendered');
          // index.html preloads config.json; a started app would have read it
          // and rendered the sign-in page.
          assert.ok((await wrongDemo.requests((r) => r.path === '/config.json')).length <= 1, 'config.json is not asked for again');
        });
      } finally {
        await wrongDemo?.stop();
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  // Trunk.toml's pattern_script: the WebAssembly is fetched and compiled
  // by the bootstrap itself, as soon as the page is parsed.
  describe('the bootstrap', () => {
    it('asks for the WebAssembly, its JavaScript and config.json once each (the preloads are the requests it uses)', TEST, async () => {
      // Not from an earlier test's cache: every request reaches the demo.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const before = (await demo.requests(() => true)).length;
      await page.goto(`${demo.url}/`);
      await tokenField(page).waitFor();
      await delay(500);
      const assets = (await demo.requests(() => true)).slice(before)
        .map((r) => r.path).filter((p) => /\.(wasm|js|json)$/.test(p)).sort();
      assert.equal(assets.length, 3, `one request each: ${JSON.stringify(assets)}`);
      assert.equal(assets[0], '/config.json');
      assert.match(assets[1], /\.js$/);
      assert.match(assets[2], /_bg\.wasm$/);
      noPanic(page);
    });

    it('hands its config.json answer to the app: a broken one is reported, in words, on the page', TEST, async () => {
      await withBrokenConfig('bad-config', async (badDemo) => {
        await page.goto(`${badDemo.url}/`);
        await expectConfigProblem(page);
        assert.equal((await badDemo.requests((r) => r.path === '/config.json')).length, 1, 'config.json is asked for once');
      });
    });

    it('without its hand-off, the app asks for config.json itself and reads that answer', TEST, async () => {
      // The bootstrap's request still goes out, but the app cannot find it,
      // as on a page that some other bootstrap started.
      await page.addInitScript(() => Object.defineProperty(window, 'snapshotConsoleConfig', { get: () => undefined, set: () => {} }));
      await withBrokenConfig('no-hand-off', async (badDemo) => {
        await page.goto(`${badDemo.url}/`);
        await expectConfigProblem(page);
        assert.equal((await badDemo.requests((r) => r.path === '/config.json')).length, 2, "the bootstrap's request, then the app's own");
      });
    });

    it('starts when the server sends the WebAssembly without the application/wasm type', TEST, async () => {
      // Streaming compilation refuses any other type; the bootstrap then
      // compiles the downloaded bytes, as wasm-bindgen's own loader does.
      const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/octet-stream' };
      const server = http.createServer(async (req, res) => {
        const name = new URL(req.url, 'http://host').pathname.slice(1) || 'index.html';
        try {
          const body = await readFile(path.join(DIST_DIR, path.basename(name)));
          res.writeHead(200, { 'content-type': types[path.extname(name)] ?? 'application/octet-stream' }).end(body);
        } catch {
          res.writeHead(404).end();
        }
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        await withFailureScreenshot(page, 'hosting-wasm-octet-stream', async () => {
          const wasmTypes = [];
          page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmTypes.push(r.headers()['content-type']); });
          await page.goto(`http://127.0.0.1:${server.address().port}/`);
          await tokenField(page).waitFor();
          assert.deepEqual(wasmTypes, ['application/octet-stream'], 'the WebAssembly came with the other type');
          noPanic(page);
        });
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  // Trunk.toml's bootstrap sets <base href> to the console's folder, worked
  // out from the routes it knows, before any file is asked for.
  describe('deep links at the site root, with and without the final slash', () => {
    for (const [route, heading] of [
      ['/servers/12345', 'web-server-01'],
      ['/servers/12345/', 'web-server-01'],
      ['/activity/', 'Activity in this tab'],
      ['/index.html', 'VPS.org snapshots'],
    ]) {
      it(`${route}: sign-in in a fresh tab, then that page`, TEST, async () => {
        await coldDeepLink(page, `${demo.url}${route}`, `${demo.url}/`, demo.token, heading);
      });
    }

    it('an unknown name still shows "Page not found", and the Activity page\'s link leads to the list from any depth', TEST, async () => {
      await withFailureScreenshot(page, 'deep-link-root-not-found', async () => {
        await page.goto(`${demo.url}/no-such-page`);
        await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        await page.goto(`${demo.url}/servers/12346/`);
        await signInHere(page, demo.token);
        await page.getByRole('heading', { level: 1, name: 'db-server-01' }).waitFor();
        await page.getByRole('link', { name: 'Snapshots', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await page.getByRole('link', { name: 'Activity' }).click();
        await page.waitForURL((url) => url.pathname === '/activity');
        noPanic(page);
      });
    });
  });

  describe('docs/nginx.conf, run with Debian\'s nginx under /ops/snapshots/', () => {
    let nginx;
    let base;

    before(async () => {
      const port = await freePort();
      nginx = await startNginx(documentedServerBlock({ port, distDir: DIST_DIR, apiOrigin: demo.url }), port);
      base = `${nginx.url}${SUB_PATH}`;
    });

    after(async () => {
      await nginx?.stop();
    });

    it('redirects to the folder, revalidates the page and config.json, caches hashed assets for a year and sends them compressed, hides the policy files', TEST, async () => {
      const get = async (route, init = {}) => {
        const res = await fetch(`${nginx.url}${route}`, { redirect: 'manual', ...init });
        const body = await res.text();
        return { status: res.status, headers: res.headers, body };
      };

      const redirect = await get('/ops/snapshots');
      assert.ok([301, 308].includes(redirect.status), `GET /ops/snapshots redirects: ${redirect.status}`);
      assert.equal(new URL(redirect.headers.get('location'), nginx.url).pathname, SUB_PATH, 'to /ops/snapshots/');

      const expectedCsp = `${readFileSync(path.join(DIST_DIR, 'csp-header.txt'), 'utf8').trim()}; frame-ancestors 'self'`;
      for (const route of [SUB_PATH, `${SUB_PATH}index.html`, `${SUB_PATH}?server=12346`, `${SUB_PATH}not/a/file`]) {
        const res = await get(route);
        assert.equal(res.status, 200, `${route} answers`);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/, `${route} is the page`);
        assert.ok(res.body.includes('<noscript>The VPS.org snapshot console'), `${route} is index.html`);
        assert.equal(res.headers.get('cache-control'), 'no-cache', `${route} is always revalidated`);
        assert.equal(res.headers.get('content-security-policy'), expectedCsp, `${route} carries the build's policy`);
        assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${route} has nosniff`);
      }

      const config = await get(`${SUB_PATH}config.json`);
      assert.equal(config.status, 200, 'config.json is served');
      assert.deepEqual(JSON.parse(config.body), JSON.parse(readFileSync(path.join(DIST_DIR, 'config.json'), 'utf8')), 'config.json is dist\'s');
      assert.equal(config.headers.get('cache-control'), 'no-cache', 'config.json is always revalidated');

      const assets = readdirSync(DIST_DIR).filter((f) => /-[0-9a-f]+(_bg)?\.(js|wasm|css)$/.test(f));
      assert.deepEqual(assets.map((f) => path.extname(f)).sort(), ['.css', '.js', '.wasm'], `the build's hashed assets: ${assets}`);
      const types = { '.js': /javascript/, '.wasm': /^application\/wasm/, '.css': /^text\/css/ };
      for (const asset of assets) {
        const res = await get(`${SUB_PATH}${asset}`);
        assert.equal(res.status, 200, `${asset} is served`);
        assert.match(res.headers.get('cache-control') ?? '', /(^|,\s*)max-age=31536000(\s*,|$)/, `${asset} is cached for a year`);
        assert.match(res.headers.get('cache-control') ?? '', /\bimmutable\b/, `${asset} is immutable`);
        assert.match(res.headers.get('content-type') ?? '', types[path.extname(asset)], `${asset} has its MIME type`);
        // fetch() asks for gzip (and decompresses): the assets travel compressed.
        assert.equal(res.headers.get('content-encoding'), 'gzip', `${asset} is sent gzip-compressed`);
      }

      for (const file of ['csp.nginx', 'csp-header.txt']) {
        const res = await get(`${SUB_PATH}${file}`);
        assert.equal(res.status, 404, `${file} is not served to browsers`);
        assert.ok(!res.body.includes('sha256-'), `${file}'s content is not leaked`);
      }

      const api = await get('/api/v1/snapshots/', { headers: { authorization: `Bearer ${demo.token}` } });
      assert.equal(api.status, 200, `/api/ is proxied to the demo: ${api.body.slice(0, 200)}`);
      assert.equal(api.headers.get('cache-control'), 'no-store', 'API answers are not cached');
      assert.ok((await demo.apiRequests()).some((r) => r.path === '/api/v1/snapshots/' && r.auth),
        'the demo saw the proxied request');
    });

    it('every response below the sub-path that carries a policy carries the whole policy (also the 404s)', TEST, async () => {
      for (const route of ['csp.nginx', 'csp-header.txt']) {
        const res = await fetch(`${base}${route}`);
        await res.arrayBuffer();
        const header = res.headers.get('content-security-policy');
        if (header === null) continue;
        assert.ok(parseCsp(header)['default-src'], `${route} (${res.status}) is sent with a truncated policy: "${header}"`);
      }
      assert.doesNotMatch(nginx.output(), /uninitialized "console_csp"/, `nginx warns:\n${nginx.output()}`);
    });

    it('runs in Chromium through nginx: sign-in via the /api/ proxy, the server filter in the URL, a deep-link reload', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-nginx', async () => {
        const messages = await recordCsp(page);
        const urls = recordRequests(page);
        const response = await page.goto(base);
        assert.ok(response.ok(), `${base} answers ${response.status()}`);
        await signInHere(page, demo.token);
        await untilEqual(() => sectionIds(page), SERVERS_BY_NAME, 'the seeded servers are listed');
        await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, 'with all seeded snapshots');

        const api = await demo.apiRequests();
        assert.ok(api.some((r) => r.method === 'GET' && r.path === '/api/v1/snapshots/' && r.auth && r.status === 200),
          `the demo saw the token check and the list through nginx: ${JSON.stringify(api)}`);

        const select = page.getByRole('combobox', { name: 'Server', exact: true });
        await pickByKeyboard(select, 'db-server-01');
        await page.waitForURL((url) => url.pathname === SUB_PATH && url.search === '?server=12346');
        await untilEqual(() => sectionIds(page), [12346], 'only db-server-01 is shown');
        await until(async () => (await listGets(demo)).some((r) => queryOf(r).server_id === '12346'),
          'the list is asked for server_id=12346 through the proxy');

        await page.reload();
        await page.getByRole('button', { name: 'Sign out' }).waitFor();
        await untilEqual(() => sectionIds(page), [12346], 'the filter survives a reload (deep link)');
        assert.equal(await select.inputValue(), 'db-server-01 (#12346)', 'the Server picker shows the filter after the reload');
        assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, `${SUB_PATH}?server=12346`, 'the URL is kept');

        const foreign = urls.filter((u) => !u.startsWith(`${nginx.url}/`));
        assert.deepEqual(foreign, [], 'every request of the page went to nginx');
        assert.ok(urls.some((u) => u.startsWith(`${nginx.url}/api/v1/`)), 'the API was called on the page\'s origin');
        assert.ok(urls.filter((u) => !u.startsWith(`${nginx.url}/api/`)).every((u) => u.startsWith(base)),
          `the app's files come from below ${SUB_PATH}: ${urls.join(', ')}`);
        await assertNoCspViolation(page, messages, 'through nginx');
        await screenshot(page, 'hosting-nginx-filtered');
        noPanic(page);
      });
    });

    it('shows "Page not found" for another name in the folder, with a link back; index.html is the console', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-nginx-not-found', async () => {
        const messages = await recordCsp(page);
        const response = await page.goto(`${base}no-such-page?server=12346`);
        assert.ok(response.ok(), `nginx serves the page for an unknown name: ${response.status()}`);
        await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
        assert.equal(await tokenField(page).count(), 0, 'no sign-in form on the "not found" page');

        await page.getByRole('link', { name: 'Go to the snapshots' }).click();
        await page.waitForURL((url) => url.pathname === SUB_PATH && url.search === '');
        await tokenField(page).waitFor();
        assert.equal(await page.getByRole('heading', { name: 'Page not found' }).count(), 0, 'the console is shown');

        // The folder's index.html, as a portal may link it, is the console too.
        await page.goto(`${base}index.html?server=12346`);
        await tokenField(page).waitFor();
        assert.equal(await page.getByRole('heading', { name: 'Page not found' }).count(), 0, 'index.html is the console');
        await assertNoCspViolation(page, messages, 'not found under the sub-path');
        noPanic(page);
      });
    });

    it('serves the Activity page at /ops/snapshots/activity, from the top bar and after a reload', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-nginx-activity', async () => {
        await page.goto(base);
        await signInHere(page, demo.token);
        await page.getByRole('link', { name: 'Activity' }).click();
        await page.getByRole('heading', { name: 'Activity in this tab' }).waitFor();
        assert.equal(new URL(page.url()).pathname, `${SUB_PATH}activity`);
        await page.reload();
        await page.getByRole('heading', { name: 'Activity in this tab' }).waitFor();
        await page.getByRole('link', { name: 'Snapshots' }).click();
        await page.waitForURL((url) => url.pathname === SUB_PATH);
        await page.locator('article[data-server-id]').first().waitFor();
        noPanic(page);
      });
    });

    it('leads /ops/snapshots, without its final slash, to the console in the folder', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-nginx-no-slash', async () => {
        const response = await page.goto(`${nginx.url}/ops/snapshots`);
        assert.ok(response.ok(), `the folder answers: ${response.status()}`);
        assert.equal(new URL(page.url()).pathname, SUB_PATH, 'the browser is sent to the folder');
        await tokenField(page).waitFor();
        assert.equal(await page.getByRole('heading', { name: 'Page not found' }).count(), 0, 'the console is shown');
        noPanic(page);
      });
    });

    for (const [route, heading] of [
      ['servers/12345', 'web-server-01'],
      ['servers/12345/', 'web-server-01'],
      ['activity', 'Activity in this tab'],
      ['activity/', 'Activity in this tab'],
      ['', 'VPS.org snapshots'],
    ]) {
      it(`a cold deep link to ${SUB_PATH}${route}: sign-in, then that page, every file from the folder`, TEST, async () => {
        await coldDeepLink(page, `${base}${route}`, base, demo.token, heading);
      });
    }

    it('a server\'s page under the sub-path links back to the list, and Back returns to it', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-nginx-server-page', async () => {
        await page.goto(`${base}?server=12345`);
        await signInHere(page, demo.token);
        await page.locator('article[data-server-id="12345"] h2 a').click();
        await page.waitForURL((url) => url.pathname === `${SUB_PATH}servers/12345`);
        await page.getByText('web01.example.com').first().waitFor();
        await page.goBack();
        await page.waitForURL((url) => url.pathname === SUB_PATH && url.search === '?server=12345');
        await untilEqual(() => sectionIds(page), [12345], 'the filtered list again');
        noPanic(page);
      });
    });

    it('keeps index.html and a portal\'s query parameters when the filter changes under the sub-path; Back undoes it', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-nginx-index-query', async () => {
        // A portal's own parameters, one of them holding an escaped "%".
        const portalQuery = 'tab=ops&return=%2Fportal%3Fx%3D1%2525';
        const indexPath = `${SUB_PATH}index.html`;
        const at = (search, what) => page.waitForURL((url) => url.pathname === indexPath && url.search === search)
          .catch((err) => { throw new Error(`${what}: the URL is ${page.url()}, not ${indexPath}${search} (${err.message})`); });
        await page.goto(`${base}index.html?${portalQuery}`);
        await signInHere(page, demo.token);
        await untilEqual(() => sectionIds(page), SERVERS_BY_NAME, 'the seeded servers are listed');
        await page.evaluate(() => { window.__sameDocument = true; });

        const select = page.getByRole('combobox', { name: 'Server', exact: true });
        await pickByKeyboard(select, 'db-server-01');
        await at(`?${portalQuery}&server=12346`, 'db-server-01 chosen');
        await untilEqual(() => sectionIds(page), [12346], 'only db-server-01 is shown');

        await pickByKeyboard(select, '', 'All servers');
        await at(`?${portalQuery}`, 'All servers chosen');
        await untilEqual(() => sectionIds(page), SERVERS_BY_NAME, 'every server again');

        await page.goBack();
        await at(`?${portalQuery}&server=12346`, 'Back');
        await untilEqual(() => sectionIds(page), [12346], 'Back brings the filter back');
        assert.equal(await select.inputValue(), 'db-server-01 (#12346)', 'the Server picker follows Back');
        assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no step reloaded the page');
        noPanic(page);
      });
    });

    it('follows a paginated list through the proxy, using only the path of `next` (which names admin.vps.org)', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-nginx-pages', async () => {
        await demo.config({ page_size: 2 });
        const urls = recordRequests(page);
        const probe = await fetch(`${nginx.url}/api/v1/snapshots/`, { headers: { authorization: `Bearer ${demo.token}` } });
        const first = await probe.json();
        assert.match(first.next ?? '', /^https?:\/\/admin\.vps\.org\/api\/v1\/snapshots\/\?(.*&)?page=2/,
          `behind the documented proxy, next names the provider's host: ${first.next}`);
        await demo.reset();
        await demo.config({ page_size: 2 });

        await page.goto(base);
        await signInHere(page, demo.token);
        await untilEqual(() => allRowIds(page), ALL_SNAPSHOT_IDS, `all ${ALL_SNAPSHOT_IDS.length} snapshots are shown`);
        await untilEqual(() => sectionIds(page), SERVERS_BY_NAME, 'all five servers');

        const pages = (await listGets(demo)).map((r) => queryOf(r).page ?? '1');
        const lastPage = Math.ceil(ALL_SNAPSHOT_IDS.length / 2);
        for (let p = 2; p <= lastPage; p += 1) {
          assert.ok(pages.includes(String(p)), `page=${p} was asked through the proxy: ${JSON.stringify(pages)}`);
        }
        const foreign = urls.filter((u) => !u.startsWith(`${nginx.url}/`));
        assert.deepEqual(foreign, [], 'no request left nginx\'s origin (none to admin.vps.org)');
        noPanic(page);
      });
    });
  });

  // Every API request carries the token: the proxy talks only to a provider
  // whose certificate a trusted CA issued for admin.vps.org, and cookies stay
  // on their side (the portal's are not passed on, the provider's not back).
  describe('docs/nginx.conf\'s proxy to the provider, over TLS to a stand-in for admin.vps.org', () => {
    const token = 'token-through-the-proxy';
    let certs;
    let provider;

    before(async () => {
      certs = await makeCertificates();
      provider = await startTlsProvider(certs);
    });

    after(async () => {
      await provider?.close();
      await certs?.remove();
    });

    beforeEach(() => provider.clear());

    /** Runs `body` with nginx running docs/nginx.conf in front of the stand-in; `trustedCa` replaces Debian's CA bundle. */
    async function withProxy(trustedCa, body) {
      const port = await freePort();
      const nginx = await startNginx(documentedServerBlock({ port, distDir: DIST_DIR, apiOrigin: provider.origin, trustedCa }), port);
      try {
        await body(nginx);
      } finally {
        await nginx.stop();
      }
    }

    /** One API request through `nginx`, carrying a cookie of the portal's origin. */
    async function throughProxy(nginx) {
      const res = await fetch(`${nginx.url}/api/v1/snapshots/`, {
        headers: { authorization: `Bearer ${token}`, cookie: 'portal_session=the-portals-own' },
      });
      await res.arrayBuffer();
      return res;
    }

    it('verifies the provider\'s certificate and name and keeps cookies out, in lines nginx -t accepts', TEST, async () => {
      const text = readFileSync(DOCUMENTED_CONFIG, 'utf8').replace(/#.*$/gm, '');
      const block = text.match(/location \/api\/ \{([^}]*)\}/)?.[1] ?? '';
      const directives = block.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter(Boolean);
      for (const line of [
        'proxy_ssl_verify on',
        `proxy_ssl_trusted_certificate ${SYSTEM_CA_BUNDLE}`,
        'proxy_ssl_server_name on',
        `proxy_ssl_name ${PROVIDER_HOST}`,
        'proxy_set_header Cookie ""',
        'proxy_hide_header Set-Cookie',
      ]) {
        assert.ok(directives.includes(line), `location /api/ has "${line};": ${JSON.stringify(directives)}`);
      }
      const checked = await testNginxConfig(documentedServerBlock({
        port: await freePort(), distDir: DIST_DIR, apiOrigin: provider.origin,
      }));
      assert.ok(checked.ok, `nginx -t accepts docs/nginx.conf:\n${checked.output}`);
      assert.match(checked.output, /test is successful/);
    });

    it('refuses a provider whose certificate no trusted CA issued: 502, and nothing (no token) reaches it', TEST, async () => {
      await withProxy(undefined, async (nginx) => {
        const res = await throughProxy(nginx);
        assert.equal(res.status, 502, 'nginx answers 502 Bad Gateway');
        assert.deepEqual(provider.requests, [], 'no request reached the impostor');
        assert.ok(provider.serverNames.includes(PROVIDER_HOST), `the handshake named ${PROVIDER_HOST}: ${provider.serverNames}`);
        assert.match(nginx.output(), /certificate verify error/, 'nginx says why');
      });
    });

    it('passes the token on to the provider its CA vouches for, without the portal\'s cookie, and hides the provider\'s Set-Cookie', TEST, async () => {
      await withProxy(certs.caFile, async (nginx) => {
        const res = await throughProxy(nginx);
        assert.equal(res.status, 200, 'the provider answered through the proxy');
        assert.equal(res.headers.get('set-cookie'), null, 'the provider\'s cookie does not reach the browser');
        assert.equal(provider.requests.length, 1, 'one request reached the provider');
        const [{ headers }] = provider.requests;
        assert.equal(headers.host, PROVIDER_HOST);
        assert.equal(headers.authorization, `Bearer ${token}`, 'the token is passed on');
        assert.equal(headers.cookie, undefined, 'the portal\'s cookie is not passed on');
        assert.deepEqual([...new Set(provider.serverNames)], [PROVIDER_HOST], 'SNI names the provider');
      });
      // The stand-in does send its cookie: nginx is what kept it back.
      const direct = await new Promise((resolve, reject) => {
        const url = new URL(provider.origin);
        https.get({
          host: url.hostname, port: url.port, path: '/api/v1/snapshots/', servername: PROVIDER_HOST, ca: readFileSync(certs.caFile),
        }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers));
        }).on('error', reject);
      });
      assert.deepEqual(direct['set-cookie'], [PROVIDER_COOKIE]);
    });
  });

  describe('cookies of the page\'s origin', () => {
    afterEach(async () => {
      await page.context().clearCookies();
    });

    it('never go with the app\'s API requests (fetch credentials: omit)', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-no-cookies', async () => {
        await page.context().addCookies([{ name: 'portal_session', value: 'the-portals-own', url: `${demo.url}/` }]);
        await signIn(page, demo);
        await page.getByRole('button', { name: 'Refresh' }).click();
        await until(async () => (await demo.apiRequests()).length >= 3, 'the token check, the lists and a refresh were sent');

        const all = await demo.requests(() => true);
        assert.ok(all.some((r) => r.path === '/' && r.cookie), 'the cookie is set: the page itself was asked for with it');
        const api = all.filter((r) => r.path.startsWith('/api/'));
        assert.deepEqual(api.filter((r) => r.cookie).map((r) => `${r.method} ${r.path}?${r.query}`), [],
          'no API request carried the cookie');
        noPanic(page);
      });
    });
  });

  describe('embedded in a portal\'s <iframe> on another origin', () => {
    let framed;

    before(async () => {
      framed = await startDemo(['--frame-ancestors', `'self' ${portal.origin}`]);
    });

    after(async () => {
      await framed?.stop();
    });

    beforeEach(async () => {
      await framed.reset();
    });

    it('signs in, lists, opens and cancels a dialog inside the frame, without CSP violations', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-iframe', async () => {
        const messages = await recordCsp(page);
        const res = await page.goto(portal.pageFor(`${framed.url}/`));
        assert.ok(res.ok(), 'the portal page loads');
        const app = page.frameLocator('#console');
        await signInHere(app, framed.token);
        await untilEqual(() => sectionIds(app), SERVERS_BY_NAME, 'the seeded servers are listed inside the frame');

        await app.getByRole('button', { name: 'New snapshot', exact: true }).click();
        const dialog = app.locator('dialog[open]');
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'detached' });

        const frame = await frameOf(page, framed.url);
        assert.equal(await frame.evaluate(() => window.top !== window.self), true, 'the app runs in a frame');
        assert.ok((await framed.apiRequests()).some((r) => r.auth && r.status === 200), 'the frame talked to its API');
        await assertNoCspViolation(page, messages, 'inside the frame');
        await screenshot(page, 'hosting-iframe');
        noPanic(page);
      });
    });

    it('is refused in a frame when frame-ancestors is the default \'self\'', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-iframe-refused', async () => {
        const messages = [];
        page.on('console', (msg) => messages.push(msg.text()));
        await page.goto(portal.pageFor(`${demo.url}/`));
        await until(() => messages.find((m) => /frame-ancestors/.test(m)),
          `Chromium reports the frame-ancestors refusal (console: ${JSON.stringify(messages)})`, { timeout: 10_000 });
        const app = page.frameLocator('#console');
        assert.equal(await app.getByRole('heading', { name: 'VPS.org snapshots' }).count(), 0, 'the app does not render in the frame');
        assert.equal(await app.locator('#token').count(), 0, 'no token field in the frame');
        assert.ok(!page.frames().some((f) => f.url().startsWith(`${demo.url}/`) && f !== page.mainFrame()),
          `no frame holds the app's document: ${page.frames().map((f) => f.url()).join(', ')}`);
        assert.deepEqual(await demo.requests((r) => r.path === '/config.json' || r.path.startsWith('/api/')), [],
          'the refused app never started (no config.json, no API call)');
      });
    });
  });

  describe('token hand-over from the portal by postMessage', () => {
    let dir;
    let handover;

    before(async () => {
      dir = await copyDist('portal');
      await writeFile(path.join(dir, 'config.json'),
        `${JSON.stringify({ api_base_url: '', allowed_portal_origins: [portal.origin] }, null, 2)}\n`);
      // Both portals may frame the app; only the first may hand over a token.
      handover = await startDemo(['--dist', dir, '--frame-ancestors', `'self' ${portal.origin} ${otherPortal.origin}`]);
    });

    after(async () => {
      await handover?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    beforeEach(async () => {
      await handover.reset();
    });

    /** Opens `from`'s page embedding the app and waits for its sign-in page; returns the app's Frame. */
    async function openEmbedded(from) {
      await page.goto(from.pageFor(`${handover.url}/`));
      await tokenField(page.frameLocator('#console')).waitFor();
      const frame = await frameOf(page, handover.url);
      // Count the messages the app's window receives (DevTools evaluation: not subject to the CSP).
      await frame.evaluate(() => {
        window.__messages = [];
        window.addEventListener('message', (e) => window.__messages.push(e.origin));
      });
      return frame;
    }

    /**
     * Waits until the app's window got the message from `origin`, then
     * asserts it was ignored: no API request after the first `countBefore`,
     * still signed out, nothing stored.
     */
    async function expectIgnored(frame, origin, countBefore) {
      await until(async () => (await frame.evaluate(() => window.__messages)).includes(origin),
        'the message reached the app\'s window', { timeout: 5_000 });
      await delay(1_000); // time the app would need to start checking the token
      const api = await handover.apiRequests();
      assert.equal(api.length, countBefore, `no API request after the message: ${JSON.stringify(api.slice(countBefore))}`);
      assert.equal(await page.frameLocator('#console').getByRole('button', { name: 'Sign out' }).count(), 0, 'still signed out');
      assert.equal(await frame.evaluate(() => sessionStorage.getItem('vps.token')), null, 'nothing is stored');
    }

    it('a token from the allowed portal origin signs the app in, after checking it with the API', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-handover', async () => {
        const messages = await recordCsp(page);
        const frame = await openEmbedded(portal);
        assert.deepEqual(await handover.apiRequests(), [], 'no API request before the hand-over');

        await postToken(page, handover.token, handover.url);
        const app = page.frameLocator('#console');
        await app.getByRole('button', { name: 'Sign out' }).waitFor();
        await untilEqual(() => sectionIds(app), SERVERS_BY_NAME, 'the list is shown inside the frame');

        const api = await handover.apiRequests();
        assert.ok(api.length >= 1 && api[0].method === 'GET' && api[0].path === '/api/v1/snapshots/' && api[0].auth && api[0].status === 200,
          `the handed-over token was checked with the API first: ${JSON.stringify(api)}`);
        assert.equal(await frame.evaluate(() => sessionStorage.getItem('vps.token')), handover.token, 'the token is kept for the tab');
        await assertNoCspViolation(page, messages, 'hand-over');
        noPanic(page);
      });
    });

    it('the same message from an origin that is not allowed is ignored', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-handover-ignored', async () => {
        const frame = await openEmbedded(otherPortal);
        const countBefore = (await handover.apiRequests()).length;

        await postToken(page, handover.token, handover.url);
        await expectIgnored(frame, otherPortal.origin, countBefore);
        const app = page.frameLocator('#console');
        await tokenField(app).waitFor();
        assert.equal(await app.locator('.notice').count(), 0, 'no message is shown for an ignored hand-over');
        noPanic(page);
      });
    });

    it('the same message from another window of the allowed origin (a sibling frame) is ignored', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-handover-sibling', async () => {
        const frame = await openEmbedded(portal);
        const countBefore = (await handover.apiRequests()).length;
        // A second frame of the portal's own origin, beside the console: an
        // allowed origin, but not the window that frames the console.
        const siblingUrl = `${portal.origin}/sibling`;
        await page.evaluate((src) => new Promise((resolve) => {
          const sibling = document.createElement('iframe');
          sibling.onload = resolve;
          sibling.src = src;
          document.body.append(sibling);
        }), siblingUrl);
        const sibling = await until(() => page.frames().find((f) => f.url() === siblingUrl), 'the sibling frame is in the page');
        await sibling.evaluate(({ token, target, type }) => {
          window.parent.document.getElementById('console').contentWindow.postMessage({ type, token }, target);
        }, { token: handover.token, target: handover.url, type: TOKEN_MESSAGE });
        await expectIgnored(frame, portal.origin, countBefore);
        noPanic(page);
      });
    });

    it('a new token while signed in ends the session first: its waiting delete is never sent, and the user is told', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-handover-again', async () => {
        await openEmbedded(portal);
        await postToken(page, handover.token, handover.url);
        const app = page.frameLocator('#console');
        await app.locator('article[data-server-id]').first().waitFor();
        await app.getByRole('button', { name: 'Delete snapshot weekly-snapshot-2025-01-08 of web-server-01', exact: true }).click();
        await app.locator('dialog[open]').getByRole('button', { name: 'Delete snapshot', exact: true }).click();
        await app.locator('[data-snapshot-id="798"]').getByText(/Deleting in/).waitFor();
        const confirmed = Date.now();

        await postToken(page, handover.token, handover.url);
        await app.getByText('The portal handed over a new token, so the previous session was ended first').waitFor();
        await app.getByText('The delete that was waiting was cancelled: nothing was sent.').waitFor();
        await app.locator('[data-snapshot-id="798"]').waitFor();
        assert.equal(await app.getByText(/Deleting in/).count(), 0, 'no delete waits in the new session');
        const checks = (await handover.apiRequests()).filter((r) => r.method === 'GET' && r.path === '/api/v1/snapshots/' && r.query === '');
        assert.ok(checks.length >= 2, `the new token was checked with the API: ${JSON.stringify(checks)}`);

        // Past the 10-second undo window of the first session.
        await delay(Math.max(0, confirmed + 11_000 - Date.now()));
        const writes = (await handover.apiRequests()).filter((r) => r.method !== 'GET');
        assert.deepEqual(writes, [], 'no DELETE was ever sent');
        assert.equal(await app.locator('[data-snapshot-id="798"]').count(), 1, 'the snapshot is still listed');
        noPanic(page);
      });
    });

    it('a wrong token from the allowed origin shows a message on the sign-in page and stores nothing', TEST, async () => {
      await withFailureScreenshot(page, 'hosting-handover-wrong', async () => {
        const frame = await openEmbedded(portal);
        await postToken(page, 'wrong-token-0000', handover.url);

        const app = page.frameLocator('#console');
        const alert = app.getByRole('alert').filter({ hasText: /portal/i });
        await alert.waitFor();
        assert.match(await textOf(alert), /did not work/, 'the sign-in page says the portal\'s sign-in failed');
        assert.equal(await app.getByRole('button', { name: 'Sign out' }).count(), 0, 'still signed out');
        await tokenField(app).waitFor();

        const stored = await frame.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }));
        assert.deepEqual(stored, { session: {}, local: {} }, 'nothing is stored');
        const api = await handover.apiRequests();
        assert.ok(api.length >= 1 && api.every((r) => r.status === 401 && !r.auth),
          `the wrong token was checked and refused: ${JSON.stringify(api)}`);
        noPanic(page);
      });
    });
  });
});
