// The faults the chaos run queues on the demo API (its /__test/faults queue,
// demo-api/src/testing.rs), and how the table names those that hit.

/** Slower than the app's request time-out (src/api/http.rs): a read retried, a write "unknown". */
const PAST_TIMEOUT_MS = 16_000;

/**
 * A random fault for the next matching request: a 5xx (an HTML page or a
 * JSON one), a 429 with Retry-After, a slow answer (now and then slower
 * than the app waits), or a connection dropped without an answer.
 */
export function randomFault(rng) {
  switch (rng.weighted({ '5xx': 3, 429: 2, slow: 3, drop: 2 })) {
    case '5xx':
      return rng.chance(0.5) ? { kind: 'html500' } : { kind: 'status', status: rng.pick([500, 502, 503]) };
    case '429':
      return { kind: 'rate_limit', retry_after: rng.int(1, 3) };
    case 'slow':
      return { kind: 'slow', delay_ms: rng.chance(0.1) ? PAST_TIMEOUT_MS : rng.int(300, 3000) };
    default:
      return { kind: 'drop' };
  }
}

/** The fault that signs the app out once: a 401 on the next API request. */
export const UNAUTHORIZED = { path_prefix: '/api/', kind: 'status', status: 401 };

/** The table's names of the faults, in its order. */
export const FAULT_LABELS = ['5xx', '429 with Retry-After', 'slow answer', 'dropped connection', '401'];

/** The table's name of a fault the request log says hit a request answered with `status`. */
export function faultLabel(fault, status) {
  switch (fault) {
    case 'html500':
      return '5xx';
    case 'status':
      return status === 401 ? '401' : '5xx';
    case 'rate_limit':
      return '429 with Retry-After';
    case 'slow':
      return 'slow answer';
    case 'drop':
      return 'dropped connection';
    default:
      return fault;
  }
}
