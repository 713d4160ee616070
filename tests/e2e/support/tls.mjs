// A stand-in for the provider over TLS, to run docs/nginx.conf's proxy to
// https://admin.vps.org for real: a certificate for admin.vps.org from a
// throw-away CA (made with openssl for each run), and an https server that
// records what reached it.
//
//   const certs = await makeCertificates();      // certs.caFile, .key, .cert, .remove()
//   const provider = await startTlsProvider(certs);
//   provider.origin, provider.serverNames, provider.requests; await provider.close();

import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';

/** The provider's host name, which its certificate must name. */
export const PROVIDER_HOST = 'admin.vps.org';

/** What the stand-in sets on every answer, as a provider's session cookie. */
export const PROVIDER_COOKIE = 'provider_session=from-the-provider; Path=/; HttpOnly';

/**
 * A CA (not trusted by the system) and a certificate for PROVIDER_HOST signed
 * by it, in a temporary folder. Returns {caFile, key, cert, remove()}.
 */
export async function makeCertificates() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'snapshot-e2e-tls-'));
  const file = (name) => path.join(dir, name);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...key, '-keyout', file('ca.key'), '-out', file('ca.crt'), '-days', '2',
    '-subj', '/CN=Snapshot console test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  openssl('req', ...key, '-keyout', file('leaf.key'), '-out', file('leaf.csr'), '-subj', `/CN=${PROVIDER_HOST}`);
  await writeFile(file('leaf.ext'), `subjectAltName=DNS:${PROVIDER_HOST}\nextendedKeyUsage=serverAuth\n`);
  openssl('x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.crt'), '-CAkey', file('ca.key'),
    '-CAcreateserial', '-out', file('leaf.crt'), '-days', '2', '-extfile', file('leaf.ext'));
  return {
    caFile: file('ca.crt'),
    key: await readFile(file('leaf.key')),
    cert: await readFile(file('leaf.crt')),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * An https server on 127.0.0.1 with `certs`, answering every request with an
 * empty list and PROVIDER_COOKIE. Records the server names (SNI) clients asked
 * for and the requests that reached it ({method, url, headers}).
 */
export async function startTlsProvider(certs) {
  const serverNames = [];
  const requests = [];
  const server = https.createServer({
    key: certs.key,
    cert: certs.cert,
    SNICallback: (name, done) => {
      serverNames.push(name);
      done(null, null);
    },
  }, (req, res) => {
    requests.push({ method: req.method, url: req.url, headers: req.headers });
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': PROVIDER_COOKIE });
    res.end(JSON.stringify({ count: 0, next: null, previous: null, results: [] }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `https://127.0.0.1:${server.address().port}`,
    serverNames,
    requests,
    /** Forgets what was recorded. */
    clear() {
      serverNames.length = 0;
      requests.length = 0;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
