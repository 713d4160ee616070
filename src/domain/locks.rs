//! Which servers are locked because they are being restored. While a server
//! restores, the console takes no snapshot of it (a rollback point of a
//! half-restored disk), restores none and deletes none (least of all the one
//! being restored from). The API may refuse these too; this is the console's
//! own guard, asked by every view and by the writes themselves.

use super::model::{Server, ServerRef, ServerStatus, Snapshot};
use super::polling::RESTORE_WINDOW;
use std::collections::BTreeSet;

/// Where a restore this tab sent is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestorePhase {
    /// Followed: the server is asked about until it leaves `restoring`.
    Restoring,
    Finished,
    /// The Servers API is not available to this token: the end cannot be seen.
    Untracked,
}

/// A restore this tab sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentRestore {
    pub server_id: u64,
    /// The snapshot it restores from.
    pub snapshot_id: u64,
    /// When the API accepted it (Unix ms).
    pub started_ms: i64,
    pub phase: RestorePhase,
}

impl SentRestore {
    /// Whether it still locks its server at `now_ms`: until it is seen to
    /// end, or, when its end cannot be seen, for the longest time a restore
    /// usually takes.
    fn locks(&self, now_ms: i64) -> bool {
        match self.phase {
            RestorePhase::Restoring => true,
            RestorePhase::Finished => false,
            RestorePhase::Untracked => {
                let longest_ms = RESTORE_WINDOW.max_minutes.saturating_mul(60_000);
                now_ms < self.started_ms.saturating_add(longest_ms)
            }
        }
    }
}

/// Why one server is locked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Lock {
    /// The snapshot it is restored from, when this tab sent the restore.
    source: Option<u64>,
    /// Whether the Servers API can tell when it ends.
    followable: bool,
}

/// The servers being restored: by their status in the Servers API, or by a
/// restore this tab sent that has not ended. A few at most, ordered by
/// server id (a `Vec`: a map would cost the wasm kilobytes for nothing).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RestoreLocks(Vec<(u64, Lock)>);

impl RestoreLocks {
    /// The locks at `now_ms`, from the servers as the Servers API last
    /// described them and the restores this tab sent.
    pub fn new<'a>(
        servers: impl IntoIterator<Item = &'a Server>,
        sent: impl IntoIterator<Item = SentRestore>,
        now_ms: i64,
    ) -> Self {
        let mut locks = Self::default();
        for server in servers {
            if server.status == ServerStatus::Restoring {
                locks.lock(server.id).followable = true;
            }
        }
        for restore in sent.into_iter().filter(|r| r.locks(now_ms)) {
            let lock = locks.lock(restore.server_id);
            lock.source = Some(restore.snapshot_id);
            lock.followable |= restore.phase == RestorePhase::Restoring;
        }
        locks
    }

    /// The lock of server `server_id`, added (with no source, not
    /// followable) if it had none.
    fn lock(&mut self, server_id: u64) -> &mut Lock {
        let at = match self.0.binary_search_by_key(&server_id, |(id, _)| *id) {
            Ok(at) => at,
            Err(at) => {
                let lock = Lock {
                    source: None,
                    followable: false,
                };
                self.0.insert(at, (server_id, lock));
                at
            }
        };
        &mut self.0[at].1
    }

    fn get(&self, server_id: u64) -> Option<&Lock> {
        self.0
            .iter()
            .find(|(id, _)| *id == server_id)
            .map(|(_, lock)| lock)
    }

    /// Whether server `server_id` is being restored: nothing may be taken,
    /// restored or deleted on it.
    pub fn is_locked(&self, server_id: u64) -> bool {
        self.get(server_id).is_some()
    }

    /// Whether `snapshot` is the one its server is being restored from (known
    /// when this tab sent the restore).
    pub fn is_source(&self, snapshot: &Snapshot) -> bool {
        self.get(snapshot.server.id)
            .is_some_and(|lock| lock.source == Some(snapshot.id))
    }

    /// The locked servers whose end the Servers API can tell: the ones to
    /// ask about until they leave `restoring`.
    pub fn followable(&self) -> BTreeSet<u64> {
        self.0
            .iter()
            .filter(|(_, lock)| lock.followable)
            .map(|(id, _)| *id)
            .collect()
    }

    /// What the locks take out of a selection: the ids in `chosen` of the
    /// snapshots in `all` whose server is locked, and those servers, each
    /// once, in list order.
    pub fn locked_out(
        &self,
        all: &[Snapshot],
        chosen: &BTreeSet<u64>,
    ) -> (BTreeSet<u64>, Vec<ServerRef>) {
        let mut ids = BTreeSet::new();
        let mut servers: Vec<ServerRef> = Vec::new();
        for snapshot in all {
            if !chosen.contains(&snapshot.id) || !self.is_locked(snapshot.server.id) {
                continue;
            }
            ids.insert(snapshot.id);
            if !servers.iter().any(|s| s.id == snapshot.server.id) {
                servers.push(snapshot.server.clone());
            }
        }
        (ids, servers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_700_000_000_000;
    const MINUTE: i64 = 60_000;

    fn server(id: u64, status: &str) -> Server {
        Server {
            id,
            name: format!("srv-{id}"),
            status: ServerStatus::from_api(status),
            details: Default::default(),
        }
    }

    fn sent(server_id: u64, snapshot_id: u64, phase: RestorePhase) -> SentRestore {
        SentRestore {
            server_id,
            snapshot_id,
            started_ms: T0,
            phase,
        }
    }

    fn snap(id: u64, server: u64) -> Snapshot {
        Snapshot::sample(id, server, "completed", "2025-01-01T00:00:00Z", None)
    }

    #[test]
    fn a_server_whose_status_says_restoring_is_locked_without_a_known_source() {
        let servers = [server(1, "restoring"), server(2, "active"), server(3, "")];
        let locks = RestoreLocks::new(&servers, [], T0);
        assert!(locks.is_locked(1));
        assert!(!locks.is_locked(2));
        assert!(!locks.is_locked(3));
        assert!(!locks.is_locked(4), "a server nobody knows is not locked");
        assert!(
            !locks.is_source(&snap(10, 1)),
            "another tab's restore: source unknown"
        );
        assert_eq!(locks.followable(), BTreeSet::from([1]));
    }

    #[test]
    fn a_restore_this_tab_follows_locks_its_server_and_names_its_source() {
        // The list may still say "active" (an answer older than the restore).
        let servers = [server(1, "active")];
        let locks = RestoreLocks::new(&servers, [sent(1, 10, RestorePhase::Restoring)], T0);
        assert!(locks.is_locked(1));
        assert!(locks.is_source(&snap(10, 1)));
        assert!(
            !locks.is_source(&snap(11, 1)),
            "only the snapshot restored from"
        );
        assert!(
            !locks.is_source(&snap(10, 2)),
            "the same id on another server is not it"
        );
        assert_eq!(locks.followable(), BTreeSet::from([1]));
    }

    #[test]
    fn the_same_locks_compare_equal_however_they_were_found() {
        let servers = [server(3, "restoring"), server(1, "restoring")];
        let followed = [
            sent(2, 20, RestorePhase::Restoring),
            sent(1, 10, RestorePhase::Restoring),
        ];
        let reversed = [followed[1], followed[0]];
        let a = RestoreLocks::new(&servers, followed, T0);
        let b = RestoreLocks::new(servers.iter().rev(), reversed, T0);
        assert_eq!(a, b);
        assert_eq!(a.followable(), BTreeSet::from([1, 2, 3]));
    }

    #[test]
    fn everything_unlocks_when_the_restore_ends() {
        let servers = [server(1, "stopped")];
        let locks = RestoreLocks::new(&servers, [sent(1, 10, RestorePhase::Finished)], T0);
        assert!(!locks.is_locked(1));
        assert!(!locks.is_source(&snap(10, 1)));
        assert_eq!(locks, RestoreLocks::default());
    }

    #[test]
    fn a_restore_whose_end_cannot_be_seen_locks_for_the_longest_usual_restore() {
        let untracked = [sent(1, 10, RestorePhase::Untracked)];
        let longest = RESTORE_WINDOW.max_minutes * MINUTE;
        let at = |ms| RestoreLocks::new([], untracked, ms);
        assert!(at(T0).is_locked(1));
        assert!(at(T0 + longest - 1).is_locked(1));
        assert!(at(T0 + longest - 1).is_source(&snap(10, 1)));
        assert!(!at(T0 + longest).is_locked(1));
        assert!(
            at(T0).followable().is_empty(),
            "nothing to ask: the Servers API cannot tell"
        );
        // Its status, once known, follows it again.
        let servers = [server(1, "restoring")];
        let both = RestoreLocks::new(&servers, untracked, T0 + longest);
        assert!(both.is_locked(1));
        assert_eq!(both.followable(), BTreeSet::from([1]));
    }

    #[test]
    fn the_lock_takes_the_snapshots_of_locked_servers_out_of_a_selection() {
        let servers = [server(2, "restoring")];
        let locks = RestoreLocks::new(&servers, [sent(3, 30, RestorePhase::Restoring)], T0);
        let all = [
            snap(30, 3),
            snap(10, 1),
            snap(20, 2),
            snap(21, 2),
            snap(31, 3),
        ];
        let chosen = BTreeSet::from([10, 20, 21, 31, 99]);
        let (ids, servers) = locks.locked_out(&all, &chosen);
        assert_eq!(ids, BTreeSet::from([20, 21, 31]));
        let names: Vec<&str> = servers.iter().map(|s| &*s.name).collect();
        assert_eq!(names, ["srv-2", "srv-3"], "each server once, in list order");

        let (none, no_servers) = locks.locked_out(&all, &BTreeSet::from([10]));
        assert!(none.is_empty() && no_servers.is_empty());
    }
}
