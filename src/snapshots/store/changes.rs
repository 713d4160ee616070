//! Changes this tab makes to the list: a snapshot created or deleted, a
//! restore sent, a server's status learnt.

use super::{RestoreProgress, SnapshotStore};
use crate::browser::now_ms;
use crate::domain::locks::RestorePhase;
use crate::domain::merge;
use crate::domain::model::{Server, ServerStatus, Snapshot};
use leptos::prelude::*;

impl SnapshotStore {
    /// Marks a server as changed by this tab now, so that answers to requests
    /// sent before the change are dropped.
    fn touch_server(&self, server_id: u64) {
        self.seq.update_value(|s| s.order.touch(server_id));
    }

    /// Shows a snapshot the API has just started creating, and polls until it ends.
    pub fn insert_created(&self, snapshot: Snapshot) {
        // The answer may come after the page is gone (a 401 elsewhere signed
        // out meanwhile): there is no list left to show it in.
        if !self.alive() {
            return;
        }
        self.touch_server(snapshot.server.id);
        self.seq.update_value(|s| {
            s.own_creates.insert(snapshot.id);
        });
        self.set_snapshots
            .update(|all| merge::insert_created(all, snapshot));
        self.schedule_poll(true);
    }

    /// Removes a deleted snapshot from the list.
    pub fn remove(&self, snapshot: &Snapshot) {
        if !self.alive() {
            return;
        }
        self.touch_server(snapshot.server.id);
        self.set_snapshots
            .update(|all| all.retain(|s| s.id != snapshot.id));
    }

    /// Follows a restore the API has accepted, from `snapshot`: its server
    /// is locked until the restore ends.
    pub fn start_restore(&self, snapshot: &Snapshot) {
        if !self.alive() {
            return;
        }
        let phase = if self.servers.with_untracked(Option::is_some) {
            RestorePhase::Restoring
        } else {
            RestorePhase::Untracked
        };
        self.restores.update(|r| {
            r.insert(
                snapshot.server.id,
                RestoreProgress {
                    snapshot_id: snapshot.id,
                    snapshot_name: snapshot.name.to_string(),
                    started_ms: now_ms(),
                    phase,
                },
            );
        });
        self.set_server_status(snapshot.server.id, ServerStatus::Restoring);
        self.schedule_poll(true);
    }

    /// Takes in the Servers API's list (`None`: not available).
    pub(super) fn set_servers(&self, servers: Option<Vec<Server>>) {
        self.set_servers.set(servers);
        self.tell_status_watchers();
    }

    /// Takes in what the API says of one server's status.
    pub(super) fn set_server_status(&self, server_id: u64, status: ServerStatus) {
        self.set_servers.update(|servers| {
            if let Some(server) = servers.iter_mut().flatten().find(|s| s.id == server_id) {
                server.status = status;
            }
        });
        self.tell_status_watchers();
    }

    /// Told outside the bookkeeping: a watcher may read the store.
    fn tell_status_watchers(&self) {
        let watchers = self
            .seq
            .try_with_value(|s| s.status_watchers.clone())
            .unwrap_or_default();
        for watcher in watchers {
            watcher.run(());
        }
    }

    /// The name of a server, if the page has seen it.
    pub fn known_server_name(&self, server_id: u64) -> Option<String> {
        let from_servers = self.servers.with_untracked(|s| {
            s.iter()
                .flatten()
                .find(|s| s.id == server_id)
                .map(|s| s.name.clone())
        });
        from_servers.or_else(|| {
            self.snapshots.with_untracked(|all| {
                all.iter()
                    .find(|s| s.server.id == server_id)
                    .map(|s| s.server.name.to_string())
            })
        })
    }
}
