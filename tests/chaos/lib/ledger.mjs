// The chaos run's bookkeeping, and its verdicts: what the user confirmed,
// what the demo API received (its request log), and what the page said.
// Pure functions of those three, so they are tested on their own
// (tests/chaos/ledger.test.mjs).
//
// One write is identified by its target: a create by its server and its
// name (every create of the run has a name of its own), a restore or a
// delete by its snapshot id. The same target confirmed again by the user
// (a failed delete tried again) is a new confirmation, not a duplicate.

/** The key of a create of `name` on server `serverId`. */
export const createKey = (serverId, name) => `create ${serverId} ${name}`;
/** The key of a restore from snapshot `id`. */
export const restoreKey = (id) => `restore ${id}`;
/** The key of the delete of snapshot `id`. */
export const deleteKey = (id) => `delete ${id}`;

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The key of a logged request that changes something on the API, or null
 * for reads and anything outside /api/. Unknown writes keep their method and path.
 */
export function writeKey({ method, path, body }) {
  if (READS.has(method) || !path.startsWith('/api/')) return null;
  let m;
  if (method === 'DELETE' && (m = path.match(/^\/api\/v1\/snapshots\/(\d+)\/?$/))) return deleteKey(m[1]);
  if (method === 'POST' && (m = path.match(/^\/api\/v1\/snapshots\/(\d+)\/restore\/?$/))) return restoreKey(m[1]);
  if (method === 'POST' && /^\/api\/v1\/snapshots\/?$/.test(path)) {
    try {
      const { server_id: serverId, name } = JSON.parse(body);
      return createKey(serverId, name);
    } catch {
      return `create ? ${body}`;
    }
  }
  return `${method} ${path}`;
}

/** Whether a write answered with `status` took effect (a 404 DELETE: the snapshot is gone, as asked). */
export function applied(kind, status) {
  return (status >= 200 && status < 300) || (kind === 'delete' && status === 404);
}

/** What the page may say of a write: it happened, or it did not / may not have. */
const NOT_DONE = new Set(['failed', 'unknown', 'cancelled']);

/**
 * What the English messages of the page say, as
 * [{at, scope: 'create'|'restore'|'delete'|'waiting-deletes', name, verdict}]:
 * `name` is a snapshot's name (a server's for a restore), `verdict` one of
 * done, failed, unknown, cancelled. The patterns follow locales/en/console.ftl.
 * @param {{at: number, source: string, text: string}[]} messages
 */
export function readVerdicts(messages) {
  const found = [];
  const add = (at, scope, name, verdict) => found.push({ at, scope, name, verdict });
  // A name never holds quotes; the API's words quoted in a message may.
  const rules = [
    [/The delete of “([^“”]+)” was cancelled/g, 'delete', 'cancelled'],
    [/Snapshot “([^“”]+)” was deleted/g, 'delete', 'done'],
    [/Snapshot “([^“”]+)” had already been deleted/g, 'delete', 'done'],
    // Make room's toast, and the sign-in page's "The snapshot … was not deleted."
    [/“([^“”]+)” was not deleted/g, 'delete', 'failed'],
    [/The snapshot “([^“”]+)” was not created/g, 'create', 'failed'],
    [/the new snapshot “([^“”]+)” was not taken/g, 'create', 'failed'],
    [/whether the new snapshot “([^“”]+)” was taken is unknown/g, 'create', 'unknown'],
    [/Snapshot “([^“”]+)” of .+? is being created/g, 'create', 'done'],
    [/The server (\S+) was not restored/g, 'restore', 'failed'],
  ];
  for (const { at, source, text } of messages) {
    for (const [pattern, scope, verdict] of rules) {
      for (const m of text.matchAll(pattern)) add(at, scope, m[1], verdict);
    }
    // A batch stopped by a 401: "Deleted: “a”. Not deleted: “b”, “c”."
    const kept = text.match(/Not deleted: (.*?)(?:\.(?:\s|$)|$)/);
    for (const m of kept?.[1].matchAll(/“([^“”]+)”/g) ?? []) add(at, 'delete', m[1], 'failed');
    if (source === 'failures') {
      for (const m of text.matchAll(/“([^“”]+)” of /g)) add(at, 'delete', m[1], 'failed');
    }
    if (/deletes? that (was|were) waiting (was|were) cancelled/.test(text)) {
      add(at, 'waiting-deletes', null, 'cancelled');
    }
  }
  return found;
}

/** When a confirmation was undone: its own Undo, or that of the delete it waited for. */
function undoneAt(c) {
  return c.undoneAt ?? c.dependsOn?.undoneAt ?? null;
}

/** A short description of a confirmation, for the report. */
export function describe(c) {
  const what = c.kind === 'restore' ? `restore of ${c.server} from “${c.name}”` : `${c.kind} of “${c.name}” on ${c.server}`;
  return `${what} (${c.key}, confirmed ${new Date(c.at).toISOString()})`;
}

function describeWrite(w) {
  return `${w.method} ${w.path}${w.body ? ` ${w.body}` : ''} → ${w.status || 'no answer'} at ${new Date(w.at_ms).toISOString()}`;
}

/**
 * Matches each logged write to the user's last confirmation of its key
 * before it arrived. Returns the matches and the writes that break a rule:
 * a second write for one confirmation (duplicates), a write after its Undo,
 * a write nobody confirmed (unasked).
 */
export function matchWrites(confirmations, log) {
  const byKey = new Map();
  for (const c of [...confirmations].sort((a, b) => a.at - b.at)) {
    if (!byKey.has(c.key)) byKey.set(c.key, []);
    byKey.get(c.key).push(c);
  }
  const writes = log
    .map((r) => ({ ...r, key: writeKey(r) }))
    .filter((w) => w.key !== null)
    .sort((a, b) => a.at_ms - b.at_ms);
  const matched = new Map();
  const duplicates = [];
  const afterUndo = [];
  const unasked = [];
  for (const w of writes) {
    const c = (byKey.get(w.key) ?? []).filter((x) => x.at <= w.at_ms).at(-1);
    if (!c) {
      unasked.push(describeWrite(w));
    } else if (undoneAt(c) !== null && w.at_ms >= undoneAt(c)) {
      afterUndo.push(`${describeWrite(w)}, undone at ${new Date(undoneAt(c)).toISOString()}: ${describe(c)}`);
    } else if (matched.has(c)) {
      duplicates.push(`${describeWrite(w)}, again for ${describe(c)} (first: ${describeWrite(matched.get(c))})`);
    } else {
      matched.set(c, w);
    }
  }
  return { writes, matched, duplicates, afterUndo, unasked };
}

/**
 * What the page said of confirmation `c`: its own outcome as the run saw it
 * (`c.said`), then the messages about it from its confirmation until the
 * next confirmation of the same key. A "not done" word wins over "done".
 */
function toldOf(c, verdicts, next, write) {
  const told = [];
  if (c.said) told.push(c.said);
  const about = c.kind === 'restore' ? c.server : c.name;
  for (const v of verdicts) {
    if (v.at < c.at || (next && v.at >= next.at)) continue;
    if (v.scope === c.kind && v.name === about) told.push(v.verdict);
    // "The deletes that were waiting were cancelled" covers those not sent yet.
    if (v.scope === 'waiting-deletes' && c.kind === 'delete' && (!write || write.at_ms > v.at)) told.push(v.verdict);
  }
  return told.find((t) => NOT_DONE.has(t)) ?? told[0] ?? null;
}

/**
 * The run's verdicts from the confirmations, the demo's request log and the
 * page's messages: duplicates, writes after Undo, writes nobody confirmed,
 * lost writes (confirmed, not undone, not done, and not reported as failed
 * or undone in the page, or reported as done) and contradicted ones (done
 * although the page said they failed), each as a list of descriptions.
 */
export function verdicts(confirmations, log, messages) {
  const { writes, matched, duplicates, afterUndo, unasked } = matchWrites(confirmations, log);
  const said = readVerdicts(messages);
  const happened = (c) => {
    const w = matched.get(c);
    return Boolean(w) && applied(c.kind, w.status);
  };
  const lost = [];
  const contradicted = [];
  const sorted = [...confirmations].sort((a, b) => a.at - b.at);
  sorted.forEach((c, i) => {
    if (undoneAt(c) !== null) return;
    const next = sorted.slice(i + 1).find((x) => x.key === c.key);
    const write = matched.get(c);
    // A create that waited for a delete that did not happen is not sent, rightly.
    const told = c.dependsOn && !happened(c.dependsOn) && !write
      ? 'cancelled'
      : toldOf(c, said, next, write);
    if (happened(c)) {
      if (told === 'failed') contradicted.push(`${describe(c)}: the page said it failed, but ${describeWrite(write)}`);
    } else if (!NOT_DONE.has(told)) {
      const sent = write ? describeWrite(write) : 'never sent';
      lost.push(`${describe(c)}: ${sent}; the page said ${told ?? 'nothing about it'}`);
    }
  });
  return { writes: writes.length, duplicates, afterUndo, unasked, lost, contradicted };
}

/** The writes the user confirmed during a run, in order. */
export class Ledger {
  constructor() {
    this.confirmations = [];
  }

  /**
   * Records a write the user is confirming now: {kind, key, name, server,
   * dependsOn?}. Returns it, for the run to note what the page said (`said`).
   */
  confirm({ kind, key, name, server, dependsOn = null }) {
    const c = {
      kind, key, name, server, dependsOn, at: Date.now(), undoneAt: null, said: null,
    };
    this.confirmations.push(c);
    return c;
  }

  /** Takes back a confirmation whose click could not happen. */
  withdraw(c) {
    this.confirmations = this.confirmations.filter((x) => x !== c);
  }

  /** Marks the last confirmation of `key` as undone at `at` (the page said so). */
  undo(key, at) {
    const c = this.confirmations.filter((x) => x.key === key && x.undoneAt === null).at(-1);
    if (c) c.undoneAt = at;
    return Boolean(c);
  }
}
