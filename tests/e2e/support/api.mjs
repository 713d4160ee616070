// The demo API seen from the tests: direct calls behind the app's back, and
// filters of the demo's request log (demo.requests()).

/** The snapshots collection: list (GET), create (POST), and the prefix of one snapshot's routes. */
export const SNAPSHOTS_PATH = '/api/v1/snapshots/';

/**
 * Calls the demo API directly (behind the app's back) with the demo token.
 * `body`, if given, is sent as JSON. Resolves to {status, body} (body parsed, or null).
 */
export async function api(demo, method, path, body) {
  const res = await fetch(`${demo.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${demo.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The list requests (GET /api/v1/snapshots/, with any query; not restore/delete) in the request log. */
export function listGets(demo) {
  return demo.requests((r) => r.method === 'GET' && r.path === SNAPSHOTS_PATH);
}

/** Whole-list reads (GET /api/v1/snapshots/ without a query) in the request log. */
export function wholeListGets(demo) {
  return demo.requests((r) => r.method === 'GET' && r.path === SNAPSHOTS_PATH && r.query === '');
}

/** The POSTs that create a snapshot, in the request log. */
export function createPosts(demo) {
  return demo.requests((r) => r.method === 'POST' && r.path === SNAPSHOTS_PATH);
}

/** Requests that change something (anything but GET), in the request log. */
export function mutations(demo) {
  return demo.requests((r) => r.path.startsWith('/api/') && r.method !== 'GET');
}

/**
 * A logged query string as a plain object. Parsed rather than compared as
 * text: the HTTP client appends a harmless trailing "&" to URLs that already
 * carry a query ("server_id=12346&").
 */
export function queryOf(request) {
  return Object.fromEntries(new URLSearchParams(request.query));
}
