// The chaos run's verdicts on made-up runs: each rule must catch what it is
// for, and must not fire on what is allowed (a failed delete tried again, a
// make-room create never sent because its delete failed). Run with
// `node --test tests/chaos/` (not part of scripts/test).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createKey, deleteKey, readVerdicts, restoreKey, verdicts, writeKey,
} from './lib/ledger.mjs';

const T = 1_700_000_000_000;

function confirmation(kind, key, name, at, extra = {}) {
  return {
    kind, key, name, server: 'web-server-01', at, undoneAt: null, said: null, dependsOn: null, ...extra,
  };
}

function del(id, at, status) {
  return { method: 'DELETE', path: `/api/v1/snapshots/${id}/`, body: '', status, at_ms: at };
}

function create(serverId, name, at, status) {
  return {
    method: 'POST', path: '/api/v1/snapshots/', body: JSON.stringify({ server_id: serverId, name }), status, at_ms: at,
  };
}

function message(at, text, source = 'toast') {
  return { at, source, text };
}

describe('chaos verdicts', () => {
  it('keys a logged write by its target, and reads are not writes', () => {
    assert.equal(writeKey(del(815, T, 204)), deleteKey(815));
    assert.equal(writeKey(create(12345, 'chaos-1', T, 201)), createKey(12345, 'chaos-1'));
    assert.equal(writeKey({ method: 'POST', path: '/api/v1/snapshots/801/restore/', body: '' }), restoreKey(801));
    assert.equal(writeKey({ method: 'GET', path: '/api/v1/snapshots/', body: '' }), null);
    assert.equal(writeKey({ method: 'DELETE', path: '/__test/faults', body: '' }), null);
  });

  it('counts a second DELETE for one confirmation as a duplicate, not a delete tried again after it failed', () => {
    const once = confirmation('delete', deleteKey(815), 'db-nightly-5', T);
    let result = verdicts([once], [del(815, T + 10, 500), del(815, T + 20, 204)], [
      message(T + 15, '1 snapshot was not deleted“db-nightly-5” of db-server-01: HTTP 500', 'failures'),
    ]);
    assert.equal(result.duplicates.length, 1, result.duplicates.join('\n'));

    const again = confirmation('delete', deleteKey(815), 'db-nightly-5', T + 18);
    result = verdicts([once, again], [del(815, T + 10, 500), del(815, T + 20, 204)], [
      message(T + 15, '1 snapshot was not deleted“db-nightly-5” of db-server-01: HTTP 500', 'failures'),
    ]);
    assert.deepEqual([result.duplicates, result.lost], [[], []]);
  });

  it('flags a DELETE that arrives after its Undo, and a write nobody confirmed', () => {
    const undone = confirmation('delete', deleteKey(814), 'db-nightly-4', T, { undoneAt: T + 5 });
    const result = verdicts([undone], [del(814, T + 9, 204), del(813, T + 9, 204)], []);
    assert.equal(result.afterUndo.length, 1);
    assert.equal(result.unasked.length, 1);
    assert.deepEqual(result.lost, [], 'an undone delete is not lost');
  });

  it('a make-room create follows its delete: undone with it, and not lost when the delete failed and said so', () => {
    const old = confirmation('delete', deleteKey(811), 'db-nightly-1', T, { undoneAt: T + 3 });
    const created = confirmation('create', createKey(12346, 'chaos-2'), 'chaos-2', T, { dependsOn: old });
    assert.equal(verdicts([old, created], [create(12346, 'chaos-2', T + 8, 201)], []).afterUndo.length, 1);

    old.undoneAt = null;
    const told = message(T + 9, '“db-nightly-1” was not deleted (The API had a problem (HTTP 503).), so no new snapshot was taken.');
    const result = verdicts([old, created], [del(811, T + 8, 503)], [told]);
    assert.deepEqual([result.lost, result.afterUndo], [[], []]);
  });

  it('a write that did not happen is lost unless the page said so; a claim of success does not count', () => {
    const c = confirmation('delete', deleteKey(801), 'pre-migration-snapshot', T);
    assert.equal(verdicts([c], [], []).lost.length, 1, 'never sent, nothing said');
    assert.equal(verdicts([c], [del(801, T + 5, 0)], [message(T + 6, 'Snapshot “pre-migration-snapshot” was deleted.')]).lost.length, 1,
      'dropped, but the page said it was deleted');
    assert.equal(verdicts([c], [del(801, T + 5, 0)], [
      message(T + 6, 'You were signed out because the API rejected the token. Deleted: none. Not deleted: “pre-migration-snapshot”.', 'alert'),
    ]).lost.length, 0, 'the sign-in page said it was not deleted');
    const failures = '2 snapshots were not deleted“chaos-2” of db-server-01: The API had a problem (HTTP 503). '
      + 'The API said: “Service Unavailable.”“pre-migration-snapshot” of web-server-01: Could not reach the API.';
    assert.equal(verdicts([c], [del(801, T + 5, 0)], [message(T + 6, failures, 'failures')]).lost.length, 0,
      'listed among the failed deletes, after the API\'s own quoted words');
    assert.equal(verdicts([c], [], [message(T + 2, 'The delete that was waiting was cancelled: nothing was sent.')]).lost.length, 0,
      'cancelled while waiting, and said so');
    assert.equal(verdicts([c], [], [message(T - 2, 'The delete of “pre-migration-snapshot” was cancelled: nothing was sent.')]).lost.length, 1,
      'a message from before the confirmation says nothing about it');
  });

  it('reads a create and a restore outcome, and notes a failure the demo contradicts', () => {
    const made = confirmation('create', createKey(12345, 'chaos-3'), 'chaos-3', T, { said: 'failed' });
    const result = verdicts([made], [create(12345, 'chaos-3', T + 1, 201)], []);
    assert.deepEqual(result.lost, []);
    assert.equal(result.contradicted.length, 1);

    const restore = confirmation('restore', restoreKey(801), 'pre-migration-snapshot', T);
    const signedOut = message(T + 4, 'You were signed out because the API rejected the token. The server web-server-01 was not restored.', 'alert');
    assert.deepEqual(verdicts([restore], [], [signedOut]).lost, []);
    assert.deepEqual(readVerdicts([signedOut]), [{ at: T + 4, scope: 'restore', name: 'web-server-01', verdict: 'failed' }]);
  });
});
